// Every line of every CSV download is data: one table, header and rows alike, whatever the request
// or the stored text holds, no cell starts like a formula. The citation, which echoes the request,
// is in the data package beside it.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { quarterContaining } from "../../app/domain/outcomes/quarters";
import { checkDataPackage, readCsvTable } from "../support/downloads";
import { insertReports, type TestReport } from "../support/reports";
import { send, uniqueClientAddress } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

// What an attacker would put in a title, a place name or the address.
const HOSTILE = [
  '=DDE("cmd";"/C calc";"A0")',
  "-2+3+cmd|' /C calc'!A0",
  "+SUM(1,2)",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  '=HYPERLINK("http://evil.example","click")',
];

const HOSTILE_QUERIES = [
  `pelican,=DDE("cmd";"/C calc";"A0"),-2+3+cmd|' /C calc'!A0,x`,
  'pelican",=1+1,"',
  "pelican\n=1+1",
  "pelican\r\n@SUM(A1),+1,-1",
  "=1+1,pelican",
  "pelican\t=1+1",
];

const HARTLEPOOL = "E06000001";
const NORTH_EAST = "E12000001";

/** Every cell of every line, read as a spreadsheet or csv-parse would read the file. */
function everyCell(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}

function expectEveryCellData(text: string, label: string) {
  const records = everyCell(text);
  expect(records.length, label).toBeGreaterThan(0);
  for (const record of records) {
    for (const cell of record) {
      // A plain number such as "-12" is a number to a spreadsheet, not a formula.
      if (FORMULA_START.test(cell)) expect(cell, `${label}: ${JSON.stringify(cell)}`).toMatch(PLAIN_NUMBER);
    }
  }
  // One rectangular table with a header row, as spreadsheets and pandas read it by default.
  readCsvTable(text);
  return records;
}

beforeAll(async () => {
  for (const [i, title] of HOSTILE.entries()) {
    await addStory({ title, body: `${HOSTILE[(i + 1) % HOSTILE.length]} pelican story ${i}`, tags: ["respite"] });
  }
  // Place names are reference data, but reach the outcomes CSV in the place column and the title.
  await sql(`UPDATE area SET name = $1 WHERE code = $2`, [HOSTILE[0], HARTLEPOOL]);
  await sql(`UPDATE area SET region_name = $1 WHERE region_code = $2`, [HOSTILE[1], NORTH_EAST]);
  await sql(`UPDATE tag SET label = $1 WHERE slug = 'respite'`, [HOSTILE[2]]);
  const quarter = quarterContaining(new Date());
  await insertReports(
    Array.from({ length: 12 }, (): TestReport => ({
      area: HARTLEPOOL,
      quarter,
      outcomes: { "quality-of-life": "a_lot_worse" },
    })),
  );
});

describe("story downloads", () => {
  it("quote and defuse every cell of every line, for hostile search words and hostile titles", async () => {
    for (const q of HOSTILE_QUERIES) {
      for (const extra of ["", "&tag=respite"]) {
        const path = `/stories/export.csv?q=${encodeURIComponent(q)}${extra}`;
        const response = await send(path, { clientAddress: uniqueClientAddress() });
        expect(response.status, path).toBe(200);
        expectEveryCellData(await response.text(), path);
        // The search words are in the data package's citation, whole, as JSON text.
        const describedBy = /^<([^>]+)>; rel="describedby"/.exec(response.headers.get("Link") ?? "")?.[1] ?? "";
        const { citation } = await checkDataPackage(describedBy.replace("http://localhost", ""));
        expect(citation, path).toContain("pelican");
        expect(citation, path).toMatch(/^Fifth Option \(\d{4}\)\. Stories matching/);
      }
    }
  });

  it("keep every hostile title, defused with an apostrophe", async () => {
    const response = await send("/stories/export.csv?tag=respite", { clientAddress: uniqueClientAddress() });
    const text = await response.text();
    expectEveryCellData(text, "titles");
    const { rows } = readCsvTable(text);
    expect(rows.map((row) => row.title).sort()).toEqual(HOSTILE.map((title) => `'${title}`).sort());
  });
});

describe("outcome downloads", () => {
  it("quote and defuse every cell of every line, for hostile place names and a hostile address", async () => {
    const paths = [
      `/outcomes/data.csv?council=${HARTLEPOOL}`,
      `/outcomes/data.csv?region=${NORTH_EAST}`,
      "/outcomes/data.csv",
      ...HOSTILE_QUERIES.map((q) => `/outcomes/data.csv?region=${NORTH_EAST}&note=${encodeURIComponent(q)}`),
      `/outcomes/data.csv?region=${NORTH_EAST}&x=,=cmd|'/C%20calc'!A0,-2+3,@SUM(1)`,
    ];
    for (const path of paths) {
      const response = await send(path);
      expect(response.status, path).toBe(200);
      const records = expectEveryCellData(await response.text(), path);
      expect(
        records.some((record) => record.some((cell) => cell === `'${HOSTILE[0]}` || cell === `'${HOSTILE[1]}`)),
        path,
      ).toBe(true);
    }
  });

  it("read as plain rows with a header, described by their data package", async () => {
    const { rows } = await checkDataPackage(`/outcomes/datapackage.json?council=${HARTLEPOOL}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.find((row) => row.place_code === HARTLEPOOL)?.place).toBe(`'${HOSTILE[0]}`);
  });
});
