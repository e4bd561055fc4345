import { describe, expect, it } from "vitest";

import { perturbation } from "./cell-key";
import { shareOf } from "./disclosure";
import { buildOutcomeView } from "./outcome-view";
import { buildPlaceTable } from "./places";
import { quietKey, withKeys } from "./quiet-keys.fixtures";
import { outcomeViewRows, placeTableRows, TIDY_COLUMNS } from "./tidy-rows";

const place = { code: "E06000001", name: "Hartlepool" };

describe("rows for the CSV download", () => {
  it("write a withheld figure as words, never as a number", () => {
    const rows = outcomeViewRows(
      place,
      buildOutcomeView([
        withKeys({ quarterStart: "2025-01-01", reports: 4, counts: { "arrangement:dp_employer": 4, "rate:1200": 4 } }),
      ]),
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([...TIDY_COLUMNS]);
      expect(["fewer than 5", "fewer than 10", "withheld"]).toContain(row.value);
      expect(row.interval_low).toBe("");
    }
  });

  it("write shown figures with their intervals", () => {
    const keys = { reports: quietKey(20), "arrangement:dp_employer": quietKey(11), "arrangement:isf": quietKey(9) };
    const slice = {
      quarterStart: "2025-01-01",
      reports: 20,
      counts: { "arrangement:dp_employer": 11, "arrangement:isf": 9 },
      keys,
    };
    const rows = outcomeViewRows(place, buildOutcomeView([slice]));
    expect(rows.find((r) => r.measure === "reports" && r.section === "reports")).toMatchObject({
      value: "20",
      place_code: "E06000001",
    });
    // 11 is published as 10, and the share is 10 of 20 (never 11 of 20), with its widened interval.
    const share = shareOf(10, 20);
    expect(
      rows.find(
        (r) =>
          r.section === "support arrangement" &&
          r.measure === "share" &&
          r.category.startsWith("Direct payment, employing"),
      ),
    ).toMatchObject({
      value: "50",
      interval_low: String(share.low),
      interval_high: String(share.high),
    });
  });

  it("carry the table of councils with the same withheld figures", () => {
    // Keys that leave Large (60) and Wales (73) unperturbed, so the rows can be written out exactly.
    const large = quietKey(60);
    const small = [...Array(256).keys()].find((k) => perturbation({ count: 73, key: (k + large) % 256 }) === 0) ?? 0;
    const table = buildPlaceTable("Wales", [
      {
        code: "W1",
        name: "Small",
        regionCode: "W92000004",
        regionName: "Wales",
        reports: 4,
        counts: {},
        keys: { reports: small },
      },
      {
        code: "W2",
        name: "Middling",
        regionCode: "W92000004",
        regionName: "Wales",
        reports: 9,
        counts: {},
        keys: { reports: 0 },
      },
      {
        code: "W3",
        name: "Large",
        regionCode: "W92000004",
        regionName: "Wales",
        reports: 60,
        counts: {},
        keys: { reports: large },
      },
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
