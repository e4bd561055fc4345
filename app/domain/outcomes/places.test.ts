import { describe, expect, it } from "vitest";

import { buildPlaceTable, sortPlaceRows, type PlaceCounts } from "./places";

const qol = (better: number, same: number, worse: number) => ({
  "outcome:quality-of-life:a_lot_better": better,
  "outcome:quality-of-life:a_bit_better": better,
  "outcome:quality-of-life:same": same,
  "outcome:quality-of-life:a_bit_worse": worse,
  "outcome:quality-of-life:a_lot_worse": worse,
  "outcome:quality-of-life:not_relevant": 5,
});

function council(code: string, regionCode: string, reports: number, selfLed: number, counts = {}): PlaceCounts {
  return {
    code,
    name: `Council ${code}`,
    regionCode,
    regionName: `Region ${regionCode}`,
    reports,
    counts: { "lead:self_led": selfLed, "lead:council_led": reports - selfLed, ...counts },
  };
}

describe("the table of councils", () => {
  const table = buildPlaceTable("England", [
    council("E1", "R1", 4, 2),
    council("E2", "R1", 40, 10, qol(6, 5, 7)),
    council("E3", "R1", 12, 6),
    council("E4", "R2", 100, 60, qol(20, 20, 15)),
    council("E5", "R2", 80, 30),
  ]);
  const row = (code: string) => table.places.find((p) => p.code === code);

  it("never shows a council with fewer than 5 reports", () => {
    expect(row("E1")?.reports).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(row("E1")?.selfLed.shown).toBe(false);
    expect(row("E1")?.qualityOfLife.shown).toBe(false);
  });

  it("withholds the next smallest council in the region, so the region total minus the rest does not give it away", () => {
    expect(row("E3")?.reports).toEqual({ shown: false, reason: "secondary" });
    // Everything about the withheld council goes with it: its share would reveal its count.
    expect(row("E3")?.selfLed).toEqual({ shown: false, reason: "secondary" });
    expect(row("E2")?.reports).toEqual({ shown: true, value: 40 });
    expect(table.regions.find((r) => r.code === "R1")?.reports).toEqual({ shown: true, value: 55 });
    expect(table.reports).toEqual({ shown: true, value: 235 });
  });

  it("gives the net score for quality of life and the share of self-led plans", () => {
    // E4: better 40, same 20, worse 30 of 90 answered → +11; self-led 60 of 100.
    expect(row("E4")?.qualityOfLife).toMatchObject({ shown: true, value: { score: 11 } });
    expect(row("E4")?.selfLed).toMatchObject({ shown: true, value: { percent: 60 } });
    // E2: 10 self-led of 40 → 25%.
    expect(row("E2")?.selfLed).toMatchObject({ shown: true, value: { percent: 25 } });
    // E5 has no quality-of-life answers: withheld, never shown as 0.
    expect(row("E5")?.qualityOfLife.shown).toBe(false);
  });

  it("withholds a region's total when its only council is small (Wales and Scotland are one region each)", () => {
    const wales = buildPlaceTable("Wales", [council("W1", "W92000004", 3, 1)]);
    expect(wales.reports.shown).toBe(false);
    expect(wales.regions[0]?.reports.shown).toBe(false);
  });
});

describe("sorting the table", () => {
  const rows = buildPlaceTable("England", [
    council("A1", "R1", 50, 10),
    council("B1", "R1", 3, 1),
    council("C1", "R1", 90, 60),
    council("D1", "R1", 20, 12),
    council("E1", "R1", 2, 0),
  ]).places;

  it("puts withheld figures last in either direction", () => {
    expect(sortPlaceRows(rows, "reports", true).map((r) => r.code)).toEqual(["C1", "A1", "D1", "B1", "E1"]);
    expect(sortPlaceRows(rows, "reports", false).map((r) => r.code)).toEqual(["D1", "A1", "C1", "B1", "E1"]);
    expect(sortPlaceRows(rows, "selfled", true).map((r) => r.code)).toEqual(["C1", "D1", "A1", "B1", "E1"]);
  });

  it("sorts by name alphabetically", () => {
    expect(sortPlaceRows(rows, "name", false).map((r) => r.code)).toEqual(["A1", "B1", "C1", "D1", "E1"]);
    expect(sortPlaceRows(rows, "name", true).map((r) => r.code)).toEqual(["E1", "D1", "C1", "B1", "A1"]);
  });
});
