import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { csvLines, defuseCell } from "./csv.server";

const FORMULAS = [
  '=HYPERLINK("http://evil.example","x")',
  "+SUM(1,2)",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "=1",
  "-",
  "+",
  "@",
];

describe("defuseCell", () => {
  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    for (const text of FORMULAS) expect(defuseCell(text)).toBe(`'${text}`);
  });

  it("leaves plain text, plain numbers and numbers as text alone", () => {
    expect(defuseCell("Respite, at last")).toBe("Respite, at last");
    expect(defuseCell("'already quoted")).toBe("'already quoted");
    for (const number of ["-12", "+3", "-0.5", "42"]) expect(defuseCell(number)).toBe(number);
    expect(defuseCell(-12)).toBe(-12);
    expect(defuseCell(null)).toBe("");
    expect(defuseCell(undefined)).toBe("");
  });
});

describe("csvLines", () => {
  it("write cells that read back whole, each defused, however many commas, quotes and line breaks they hold", () => {
    const text = csvLines([["title", "value"], ...FORMULAS.map((f) => [`${f},"q"\n${f}`, f])]);
    const records = parse(text) as string[][];
    expect(records).toHaveLength(FORMULAS.length + 1);
    records.slice(1).forEach((record, i) => {
      expect(record).toEqual([`'${FORMULAS[i]},"q"\n${FORMULAS[i]}`, `'${FORMULAS[i]}`]);
    });
  });
});
