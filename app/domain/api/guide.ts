// The API guide's reference part (/about/api), read from the OpenAPI document itself, so the page
// lists every endpoint and parameter the API has and can never drift from it.
import { OPENAPI, operationParameters, type ApiPath } from "./openapi";

export interface GuideParameter {
  name: string;
  /** "path" or "query". */
  where: string;
  description: string;
  /** What it takes: the allowed values, a pattern's example, or a type. */
  takes: string;
}

export interface GuideEndpoint {
  path: string;
  summary: string;
  description: string;
  parameters: GuideParameter[];
  /** A path and query made of the parameters' examples: "/stories?tag=respite&limit=50". */
  example: string;
}

interface Schema {
  type?: string | string[];
  items?: Schema;
  maxItems?: number;
  enum?: unknown[];
  $ref?: string;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema?: Schema;
  example?: string | number;
}

function resolved(schema: Schema | undefined): Schema {
  if (!schema?.$ref) return schema ?? {};
  const name = schema.$ref.replace("#/components/schemas/", "") as keyof typeof OPENAPI.components.schemas;
  return OPENAPI.components.schemas[name] as Schema;
}

function takes(schema: Schema): string {
  if (schema.type === "array" && schema.items) {
    const most = schema.maxItems === undefined ? "" : `, at most ${schema.maxItems}`;
    return `${takes(resolved(schema.items))}; repeat for several (any of them)${most}`;
  }
  if (schema.enum) return `one of: ${schema.enum.join(", ")}`;
  if (schema.examples?.length) return `like ${String(schema.examples[0])}`;
  const range =
    schema.minimum !== undefined && schema.maximum !== undefined
      ? ` from ${schema.minimum} to ${schema.maximum}`
      : schema.minimum !== undefined
        ? ` from ${schema.minimum}`
        : "";
  const fallback = schema.default !== undefined ? ` (default ${String(schema.default)})` : "";
  return `${schema.type === "integer" ? "a whole number" : "text"}${range}${fallback}`;
}

function example(path: string, parameters: Parameter[]): string {
  let filled = path;
  const search = new URLSearchParams();
  for (const parameter of parameters) {
    if (parameter.example === undefined) continue;
    if (parameter.in === "path") filled = filled.replace(`{${parameter.name}}`, String(parameter.example));
    else search.set(parameter.name, String(parameter.example));
  }
  const query = search.toString();
  return query ? `${filled}?${query}` : filled;
}

/** Every endpoint of the API, in the document's order, as the guide shows it. */
export function apiGuide(): GuideEndpoint[] {
  return (Object.keys(OPENAPI.paths) as ApiPath[]).map((path) => {
    const operation = OPENAPI.paths[path].get as { summary: string; description?: string };
    const parameters = operationParameters(path) as Parameter[];
    return {
      path,
      summary: operation.summary,
      description: operation.description ?? "",
      parameters: parameters.map((parameter) => ({
        name: parameter.name,
        where: parameter.in,
        description: parameter.description ?? "",
        takes: takes(resolved(parameter.schema)),
      })),
      example: example(path, parameters),
    };
  });
}

/** Text with `code` spans, split so a page can show the code parts as code. */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text
    .split("`")
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((part) => part.text !== "");
}
