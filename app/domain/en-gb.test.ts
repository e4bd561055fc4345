import { describe, expect, it } from "vitest";

import { compareNames, formatCount } from "./en-gb";

describe("British English numbers and names", () => {
  it("format and order exactly as toLocaleString and localeCompare with en-GB do", () => {
    for (const n of [0, 7, 1234, 98765432, -4500]) expect(formatCount(n)).toBe(n.toLocaleString("en-GB"));
    const names = [
      "Île",
      "isle",
      "Bath and North East Somerset",
      "bath",
      "Çity",
      "Zed",
      "ábc",
      "Abc",
      "St Helens",
      "St. Albans",
    ];
    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => a.localeCompare(b, "en-GB")));
  });
});
