import { describe, expect, it } from "vitest";

import type { Figure } from "./figures";
import { buildPlaceTable, councilTableView, sortPlaceRows, type PlaceCounts, type PlaceRow } from "./places";
import { withKeys } from "./quiet-keys.fixtures";

/** A shown count is a multiple of 5 within the perturbation (±3) and rounding (±2.5) of the truth. */
function expectProtected(figure: Figure<number> | undefined, trueCount: number) {
  if (!figure?.shown) throw new Error(`expected a shown figure for ${trueCount}`);
  expect(figure.value % 5).toBe(0);
  expect(Math.abs(figure.value - trueCount)).toBeLessThanOrEqual(5);
}

const qol = (better: number, same: number, worse: number) => ({
  "outcome:quality-of-life:a_lot_better": better,
  "outcome:quality-of-life:a_bit_better": better,
  "outcome:quality-of-life:same": same,
  "outcome:quality-of-life:a_bit_worse": worse,
  "outcome:quality-of-life:a_lot_worse": worse,
  "outcome:quality-of-life:not_relevant": 5,
});

function council(code: string, regionCode: string, reports: number, selfLed: number, counts = {}): PlaceCounts {
  return withKeys(
    {
      code,
      name: `Council ${code}`,
      regionCode,
      regionName: `Region ${regionCode}`,
      reports,
      counts: { "lead:self_led": selfLed, "lead:council_led": reports - selfLed, ...counts },
    },
    code,
  );
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
    expectProtected(row("E2")?.reports, 40);
    expectProtected(table.regions.find((r) => r.code === "R1")?.reports, 56);
    expectProtected(table.reports, 236);
  });

  it("gives the net score for quality of life and the share of self-led plans", () => {
    // E4: better 40, same 20, worse 30 of 90 answered → +11; self-led 60 of 100 (protected counts move them a little).
    const quality = row("E4")?.qualityOfLife;
    expect(quality?.shown && Math.abs(quality.value.score - 11)).toBeLessThanOrEqual(8);
    const e4 = row("E4")?.selfLed;
    expect(e4?.shown && Math.abs(e4.value.percent - 60)).toBeLessThanOrEqual(6);
    // E2: 10 self-led of 40 → 25%.
    const e2 = row("E2")?.selfLed;
    expect(e2?.shown && Math.abs(e2.value.percent - 25)).toBeLessThanOrEqual(15);
    // E5 has no quality-of-life answers: withheld, never shown as 0.
    expect(row("E5")?.qualityOfLife.shown).toBe(false);
  });

  it("withholds a region's total when its only council is small (Wales and Scotland are one region each)", () => {
    const wales = buildPlaceTable("Wales", [council("W1", "W92000004", 3, 1)]);
    expect(wales.reports.shown).toBe(false);
    expect(wales.regions[0]?.reports.shown).toBe(false);
  });
});

describe("a filtered table", () => {
  it("withholds a council, region or nation whose reports outside the filter number 1 to 4", () => {
    const wider = [
      council("E1", "R1", 40, 20),
      council("E2", "R1", 60, 30),
      council("E4", "R1", 30, 10),
      council("E3", "R2", 50, 25),
    ];
    // Filtered: E1 leaves out 2 reports (withheld, and E4 with it so R1 minus the rest is no help),
    // E2 leaves out 20, E3 leaves out none.
    const filtered = [
      council("E1", "R1", 38, 19),
      council("E2", "R1", 40, 20),
      council("E4", "R1", 20, 10),
      council("E3", "R2", 50, 25),
    ];
    const table = buildPlaceTable("England", filtered, [wider]);
    const row = (code: string) => table.places.find((p) => p.code === code);
    expect(row("E1")?.reports).toEqual({ shown: false, reason: "secondary" });
    expect(row("E2")?.reports.shown).toBe(true);
    expect(row("E3")?.reports.shown).toBe(true);
    // Without the wider view, E1 would be shown.
    expect(buildPlaceTable("England", filtered).places.find((p) => p.code === "E1")?.reports.shown).toBe(true);
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

describe("finding councils in the table", () => {
  const named = (code: string, name: string, reports: number): PlaceRow => ({
    ...council(code, "R1", reports, 0),
    name,
    reports: reports >= 5 ? { shown: true, value: reports } : { shown: false, reason: "fewer-than-5" },
    qualityOfLife: { shown: false, reason: "fewer-than-5" },
    selfLed: { shown: false, reason: "fewer-than-5" },
  });
  const rows = [
    named("W1", "Isle of Anglesey", 20),
    named("W2", "Ynys Môn", 3),
    named("E1", "St. Helens", 40),
    named("E2", "Leeds", 90),
    named("E3", "Hartlepool", 2),
  ];
  const codes = (name: string, all: boolean) => {
    const view = councilTableView(rows, name, all);
    return [view.rows.map((r) => r.code).join(" "), view.hidden, view.matching];
  };

  it.each([
    ["nothing typed: councils with figures", "", false, ["W1 E1 E2", 2, 5]],
    ["nothing typed, all asked for", "", true, ["W1 W2 E1 E2 E3", 0, 5]],
    ["part of a name, any case", "LEE", false, ["E2", 0, 1]],
    ["without accents", "ynys mon", false, ["", 1, 1]],
    ["without accents, all", "ynys mon", true, ["W2", 0, 1]],
    ["without punctuation", "st helens", false, ["E1", 0, 1]],
    ["a name like none", "<script>", false, ["", 0, 0]],
  ])("%s", (_case, name, all, expected) => {
    expect(codes(name, all)).toEqual(expected);
  });
});
