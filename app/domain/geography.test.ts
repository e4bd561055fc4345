import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { inPlace } from "./geography";

// Every region and nation in the councils data, read from the file the database is loaded from.
const rows = readFileSync(new URL("../../prisma/data/councils.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1);
const regions = [...new Set(rows.map((row) => row.split(",").at(-2) ?? ""))].sort();

const PHRASES: [string, string][] = [
  ["North East", "in the North East"],
  ["North West", "in the North West"],
  ["Yorkshire and The Humber", "in Yorkshire and The Humber"],
  ["East Midlands", "in the East Midlands"],
  ["West Midlands", "in the West Midlands"],
  ["East of England", "in the East of England"],
  ["London", "in London"],
  ["South East", "in the South East"],
  ["South West", "in the South West"],
  ["Scotland", "in Scotland"],
  ["Wales", "in Wales"],
];

describe("places in sentences", () => {
  it.each(PHRASES)("%s reads %s", (name, phrase) => {
    expect(inPlace({ name, level: "region" })).toBe(phrase);
  });

  it("are listed above for every region in the councils data", () => {
    expect(regions).toEqual(PHRASES.map(([name]) => name).sort());
  });

  it("names nations and councils as they are", () => {
    expect(inPlace({ name: "England", level: "nation" })).toBe("in England");
    expect(inPlace({ name: "Northern Ireland", level: "nation" })).toBe("in Northern Ireland");
    expect(inPlace({ name: "Leeds", level: "area" })).toBe("in Leeds");
    expect(inPlace({ name: "Isle of Anglesey", level: "area" })).toBe("in Isle of Anglesey");
  });
});
