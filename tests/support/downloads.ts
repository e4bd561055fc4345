// Reads a CSV download back as a spreadsheet or pandas would with their defaults (one table, a
// header row, every row as wide as the header), and checks its data package: a Frictionless Data
// Package whose one resource is that CSV, whose Table Schema names exactly the CSV's columns, with
// the licence and a citation.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";

import { send, uniqueClientAddress } from "./remix";

const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;

/** Every line parsed strictly: no comment lines, no ragged rows (csv-parse refuses them). */
export function readCsvTable(text: string): { header: string[]; rows: Record<string, string>[] } {
  // A ragged row throws here: csv-parse's default is that every record has as many cells as the first.
  const records = parse(text) as string[][];
  const [header = [], ...body] = records;
  for (const record of records) expect(record).toHaveLength(header.length);
  expect(
    header.every((name) => /^[a-z_]+$/.test(name)),
    `header: ${header.join(",")}`,
  ).toBe(true);
  return {
    header,
    rows: body.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ""]))),
  };
}

// The parts of Frictionless Data Package v2 and Table Schema this site uses, as JSON Schema
// (properties it does not constrain are left out, so not strict).
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validPackage = ajv.compile({
  type: "object",
  required: ["$schema", "name", "title", "licenses", "citation", "resources"],
  properties: {
    $schema: { const: "https://datapackage.org/profiles/2.0/datapackage.json" },
    name: { type: "string", pattern: "^[a-z0-9._-]+$" },
    title: { type: "string", minLength: 1 },
    homepage: { type: "string", format: "uri" },
    citation: { type: "string", pattern: "^Fifth Option \\(\\d{4}\\)\\. .+ Retrieved \\d{4}-\\d\\d-\\d\\d from http" },
    licenses: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["name", "path", "title"],
        properties: { name: { const: "CC-BY-4.0" }, path: { const: "https://creativecommons.org/licenses/by/4.0/" } },
      },
    },
    resources: {
      type: "array",
      minItems: 1,
      maxItems: 1,
      items: {
        type: "object",
        required: ["name", "path", "format", "mediatype", "encoding", "schema", "dialect"],
        properties: {
          name: { type: "string", pattern: "^[a-z0-9._-]+$" },
          path: { type: "string", format: "uri" },
          format: { const: "csv" },
          mediatype: { const: "text/csv" },
          encoding: { const: "utf-8" },
          dialect: { type: "object", required: ["header"], properties: { header: { const: true } } },
          schema: {
            type: "object",
            required: ["fields"],
            properties: {
              fields: {
                type: "array",
                minItems: 1,
                items: {
                  type: "object",
                  required: ["name", "type", "description"],
                  properties: {
                    name: { type: "string" },
                    type: { enum: ["string", "integer", "number", "yearmonth"] },
                    description: { type: "string", minLength: 10 },
                  },
                },
              },
              primaryKey: { type: "array", items: { type: "string" } },
            },
          },
        },
      },
    },
  },
});

export interface CheckedPackage {
  citation: string;
  csvPath: string;
  fields: { name: string; type: string; description: string }[];
}

/**
 * Fetches the data package at `packagePath`, checks its shape and headers, then fetches the CSV it
 * points to and checks the two agree: the same columns in the same order, integers and months
 * where the schema says so.
 */
export async function checkDataPackage(
  packagePath: string,
): Promise<CheckedPackage & { rows: Record<string, string>[] }> {
  const response = await send(packagePath);
  expect(response.status, packagePath).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("Link")).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
  const body = (await response.json()) as {
    citation: string;
    resources: { path: string; schema: { fields: CheckedPackage["fields"] } }[];
  };
  expect(validPackage(body), JSON.stringify(validPackage.errors)).toBe(true);
  const resource = body.resources[0];
  if (!resource) throw new Error("no resource");
  const csvUrl = new URL(resource.path);
  expect(csvUrl.origin).toBe("http://localhost");
  const csvPath = `${csvUrl.pathname}${csvUrl.search}`;
  const csv = await send(csvPath, { clientAddress: uniqueClientAddress() });
  expect(csv.status, csvPath).toBe(200);
  // The CSV names this package as what describes it, with the same filters.
  const packageUrl = new URL(packagePath, "http://localhost").toString();
  expect(csv.headers.get("Link")).toBe(
    `<${packageUrl}>; rel="describedby"; type="application/vnd.datapackage+json", <https://creativecommons.org/licenses/by/4.0/>; rel="license"`,
  );
  const table = readCsvTable(await csv.text());
  const fields = resource.schema.fields;
  expect(table.header).toEqual(fields.map((field) => field.name));
  for (const field of fields) {
    const values = table.rows.map((row) => row[field.name] ?? "");
    if (field.type === "integer") for (const value of values) expect(value).toMatch(/^-?\d+$/);
    if (field.type === "yearmonth") for (const value of values) expect(value).toMatch(/^\d{4}-\d\d$/);
  }
  return { citation: body.citation, csvPath, fields, rows: table.rows };
}
