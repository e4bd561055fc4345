// Calls the public API through the production build and checks every answer against the OpenAPI
// document (app/domain/api/openapi.ts): status documented for the operation, content type, body
// schema (JSON Schema 2020-12, with formats) and required headers, so the document cannot drift
// from what the endpoints really send.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";

import { OPENAPI } from "~/domain/api/openapi";

import { send, type SendOptions, uniqueClientAddress } from "./remix";

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;

const DOCUMENT_ID = "https://fifth-option.test/api/v1/openapi.json";
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
// Only the schemas are JSON Schema; the rest of the document is OpenAPI's own structure.
ajv.addSchema({ $id: DOCUMENT_ID, $defs: rebase(OPENAPI.components.schemas) });

const validators = new Map<string, ValidateFunction>();
let checks = 0;
function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let found = validators.get(key);
  checks += 1;
  if (!found) {
    // $refs inside resolve against the document, as they would in the served JSON.
    found = ajv.compile({ $id: `${DOCUMENT_ID}/check-${checks}`, $ref: "#/$defs/target", $defs: { target: rebase(schema) } });
    validators.set(key, found);
  }
  return found;
}

/** Points "#/components/schemas/..." references at the schemas registered above. */
function rebase<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${DOCUMENT_ID}#/$defs/`)) as T;
}

type Json = Record<string, unknown>;

function resolve<T extends Json>(value: T | { $ref: string }): T {
  if (typeof value.$ref !== "string") return value as T;
  const path = value.$ref.replace(/^#\//, "").split("/");
  return path.reduce((node: Json, part: string) => node[part] as Json, OPENAPI as unknown as Json) as T;
}

const TEMPLATES = Object.keys(OPENAPI.paths).map((template) => ({
  template,
  pattern: new RegExp(`^/api/v1${template.replace(/\{[^}]+\}/g, "[^/]+").replace(/\./g, "\\.")}$`),
}));

interface ResponseObject extends Json {
  headers?: Record<string, Json>;
  content?: Record<string, { schema: object }>;
}

/**
 * The documented response for this status: the operation's own, or, for addresses that are no
 * operation, the shared NotFound response.
 */
function documentedResponse(pathname: string, status: number): ResponseObject {
  const operation = TEMPLATES.find(({ pattern }) => pattern.test(pathname));
  if (!operation) {
    expect(status, `${pathname} is not in the OpenAPI document, so it must be a 404`).toBe(404);
    return resolve(OPENAPI.components.responses.NotFound);
  }
  const responses = (OPENAPI.paths as Record<string, { get: { responses: Record<string, Json> } }>)[operation.template]?.get.responses ?? {};
  const documented = responses[String(status)];
  expect(documented, `${operation.template} does not document a ${status} response`).toBeDefined();
  return resolve(documented as ResponseObject);
}

export interface ApiOptions extends Pick<SendOptions, "clientAddress" | "method"> {
  /** Sent as "Authorization: Bearer <key>". */
  key?: string;
  /** A raw Authorization header, for testing malformed ones. */
  authorization?: string;
}

/** One API request, its answer checked against the document; the body is returned parsed. */
export async function callApi<Body = Json>(pathAndQuery: string, options: ApiOptions = {}): Promise<{ response: Response; body: Body }> {
  const authorization = options.authorization ?? (options.key ? `Bearer ${options.key}` : undefined);
  const response = await send(pathAndQuery, {
    method: options.method,
    // Each call from its own client unless asked, so rate limits only bite where a test wants them.
    clientAddress: options.clientAddress ?? uniqueClientAddress(),
    headers: authorization ? { Authorization: authorization } : {},
  });
  const pathname = new URL(pathAndQuery, "http://localhost").pathname;
  const documented = documentedResponse(pathname, response.status);
  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    const { required, schema } = resolve(header) as { required?: boolean; schema: object };
    const value = response.headers.get(name);
    if (required) expect(value, `${response.status} from ${pathname} must send ${name}`).not.toBeNull();
    if (value !== null) expect(validatorFor(schema)(value), `${name}: ${value}`).toBe(true);
  }
  const contentType = (response.headers.get("Content-Type") ?? "").split(";")[0] ?? "";
  const content = documented.content?.[contentType];
  expect(content, `${response.status} from ${pathname} is documented as ${Object.keys(documented.content ?? {}).join(", ")}, not ${contentType}`).toBeDefined();
  const text = await response.text();
  const body = (options.method === "HEAD" ? null : JSON.parse(text)) as Body;
  if (content && options.method !== "HEAD") {
    const validate = validatorFor(content.schema);
    expect(validate(body), `${response.status} from ${pathAndQuery}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  }
  return { response, body };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { parameter: string; detail: string }[];
}
