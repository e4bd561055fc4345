// Checks a real answer of the public API against the OpenAPI document (app/domain/api/openapi.ts):
// status documented for the operation, content type, body schema (JSON Schema 2020-12, with
// formats) and required headers, so the document cannot drift from what the endpoints send.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";

import { OPENAPI } from "~/domain/api/openapi";

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
    found = ajv.compile({
      $id: `${DOCUMENT_ID}/check-${checks}`,
      $ref: "#/$defs/target",
      $defs: { target: rebase(schema) },
    });
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
  const responses =
    (OPENAPI.paths as Record<string, { get: { responses: Record<string, Json> } }>)[operation.template]?.get
      .responses ?? {};
  const documented = responses[String(status)];
  expect(documented, `${operation.template} does not document a ${status} response`).toBeDefined();
  return resolve(documented as ResponseObject);
}

/** Checks one answer of the API at `pathname` against the document; returns the parsed body (null for HEAD). */
export async function checkAgainstDocument(
  pathname: string,
  response: Response,
  { head = false } = {},
): Promise<unknown> {
  const documented = documentedResponse(pathname, response.status);
  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    const { required, schema } = resolve(header) as { required?: boolean; schema: object };
    const value = response.headers.get(name);
    if (required) expect(value, `${response.status} from ${pathname} must send ${name}`).not.toBeNull();
    if (value !== null) expect(validatorFor(schema)(value), `${name}: ${value}`).toBe(true);
  }
  const contentType = (response.headers.get("Content-Type") ?? "").split(";")[0] ?? "";
  const content = documented.content?.[contentType];
  expect(
    content,
    `${response.status} from ${pathname} is documented as ${Object.keys(documented.content ?? {}).join(", ")}, not ${contentType}`,
  ).toBeDefined();
  if (head) return null;
  const body: unknown = JSON.parse(await response.text());
  if (content) {
    const validate = validatorFor(content.schema);
    expect(validate(body), `${response.status} from ${pathname}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  }
  return body;
}
