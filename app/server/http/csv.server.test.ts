import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { csvLines, csvNotes, defuseCell } from "./csv.server";

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

describe("csvLines and csvNotes", () => {
  it("write cells that read back whole, each defused, however many commas, quotes and line breaks they hold", () => {
    const text = csvLines([["title", "value"], ...FORMULAS.map((f) => [`${f},"q"\n${f}`, f])]);
    const records = parse(text) as string[][];
    expect(records).toHaveLength(FORMULAS.length + 1);
    records.slice(1).forEach((record, i) => {
      expect(record).toEqual([`'${FORMULAS[i]},"q"\n${FORMULAS[i]}`, `'${FORMULAS[i]}`]);
    });
  });

  it("write each note as one line of two cells that comment-skipping readers skip and spreadsheets show whole", () => {
    const citation = 'Stories matching “pelican,=DDE("cmd";"/C calc";"A0"),-2+3+cmd|\' /C calc\'!A0,x”';
    const notes = csvNotes([citation, "=1+1", "two\nlines\r\nhere"]);
    expect(notes.split("\n").filter(Boolean)).toHaveLength(3);
    expect(parse(notes)).toEqual([
      ["#", citation],
      ["#", "'=1+1"],
      ["#", "two lines here"],
    ]);
    const file =
      notes +
      csvLines([
        ["a", "b"],
        ["1", "2"],
      ]);
    expect(parse(file, { comment: "#", columns: true })).toEqual([{ a: "1", b: "2" }]);
  });
});
