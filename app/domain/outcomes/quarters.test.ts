import { describe, expect, it } from "vitest";

import * as quarters from "./quarters";

describe("quarters", () => {
  it("read and write the address form", () => {
    expect(quarters.quarterStartFromCode("2025-Q2")).toBe("2025-04-01");
    expect(quarters.quarterStartFromCode("2025-Q4")).toBe("2025-10-01");
    expect(quarters.quarterStartFromCode("2025-Q5")).toBeNull();
    expect(quarters.quarterStartFromCode("2025-04-01")).toBeNull();
    expect(quarters.quarterCode("2025-10-01")).toBe("2025-Q4");
  });

  it("are shown in words", () => {
    expect(quarters.quarterLabel("2025-01-01")).toBe("Jan to Mar 2025");
    expect(quarters.quarterLabel("2025-10-01")).toBe("Oct to Dec 2025");
  });

  it("step across years", () => {
    expect(quarters.addQuarters("2025-10-01", 1)).toBe("2026-01-01");
    expect(quarters.addQuarters("2025-01-01", -1)).toBe("2024-10-01");
    expect(quarters.addQuarters("2025-04-01", -11)).toBe("2022-07-01");
    expect(quarters.quarterContaining(new Date("2026-12-01T10:00:00Z"))).toBe("2026-10-01");
    expect(quarters.quartersBetween("2025-07-01", "2026-01-01")).toEqual(["2025-07-01", "2025-10-01", "2026-01-01"]);
    expect(quarters.quartersBetween("2026-01-01", "2025-07-01")).toEqual([]);
  });

  it.each([
    ["one quarter", "2024-01-01", "2024-01-01", "January to March 2024"],
    ["the last quarter of a year", "2026-10-01", "2026-10-01", "October to December 2026"],
    ["quarters of one year", "2024-04-01", "2024-07-01", "April to September 2024"],
    ["a whole year", "2025-01-01", "2025-10-01", "January to December 2025"],
    ["across years", "2024-01-01", "2026-10-01", "January 2024 to December 2026"],
    ["across a new year", "2024-10-01", "2025-01-01", "October 2024 to March 2025"],
  ])("name a period in words (%s)", (_case, from, to, words) => {
    expect(quarters.periodLabel(from, to)).toBe(words);
  });

  it("are offered as a list from the first to the last", () => {
    expect(quarters.quarterChoices("2025-10-01", "2026-04-01")).toEqual([
      { value: "2025-Q4", label: "Oct to Dec 2025" },
      { value: "2026-Q1", label: "Jan to Mar 2026" },
      { value: "2026-Q2", label: "Apr to Jun 2026" },
    ]);
    expect(quarters.quarterChoices("2026-04-01", "2026-04-01")).toHaveLength(1);
  });
});
