import { describe, expect, it } from "vitest";

import { buildOutcomeView } from "./outcome-view";
import { buildPlaceTable } from "./places";
import { outcomeViewRows, placeTableRows, TIDY_COLUMNS } from "./tidy-rows";

const place = { code: "E06000001", name: "Hartlepool" };

describe("rows for the CSV download", () => {
  it("write a withheld figure as words, never as a number", () => {
    const rows = outcomeViewRows(place, buildOutcomeView([{ quarterStart: "2025-01-01", reports: 4, counts: { "arrangement:dp_employer": 4, "rate:1200": 4 } }]));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([...TIDY_COLUMNS]);
      expect(["fewer than 5", "fewer than 10", "withheld"]).toContain(row.value);
      expect(row.interval_low).toBe("");
    }
  });

  it("write shown figures with their intervals", () => {
    const rows = outcomeViewRows(place, buildOutcomeView([{ quarterStart: "2025-01-01", reports: 20, counts: { "arrangement:dp_employer": 11, "arrangement:isf": 9 } }]));
    expect(rows.find((r) => r.measure === "reports" && r.section === "reports")).toMatchObject({ value: "20", place_code: "E06000001" });
    expect(rows.find((r) => r.section === "support arrangement" && r.measure === "share" && r.category.startsWith("Direct payment, employing"))).toMatchObject({
      value: "55",
      interval_low: "34",
      interval_high: "74",
    });
  });

  it("carry the table of councils with the same withheld figures", () => {
    const table = buildPlaceTable("Wales", [
      { code: "W1", name: "Small", regionCode: "W92000004", regionName: "Wales", reports: 4, counts: {} },
      { code: "W2", name: "Middling", regionCode: "W92000004", regionName: "Wales", reports: 9, counts: {} },
      { code: "W3", name: "Large", regionCode: "W92000004", regionName: "Wales", reports: 60, counts: {} },
    ]);
    const rows = placeTableRows(table).filter((r) => r.measure === "reports");
    expect(rows.map((r) => [r.place, r.value])).toEqual([
      ["Wales", "75"],
      ["Wales", "75"],
      ["Small", "fewer than 5"],
      ["Middling", "withheld"],
      ["Large", "60"],
    ]);
  });
});
