// Dashboards filtered by the reporter's perspective (and by plan lead) read the outcome summary
// (decision 044). Their figures must be exactly those worked out from every report, as they were
// before: the same counts and the same cell keys, for councils, regions, nations and the table of
// councils, so the disclosure rules (app/domain/outcomes/disclosure.ts) see the same numbers.
import { beforeAll, describe, expect, it } from "vitest";

import { addQuarters, quarterContaining } from "~/domain/outcomes/quarters";
import type { OutcomeFilters } from "~/domain/outcomes/outcome-filters";
import { buildPlaceTable, type PlaceCounts } from "~/domain/outcomes/places";
import { placeCountsFor, quarterCountsFor, type PlaceLevel } from "~/server/outcomes/figures.server";

import { insertReports, type TestReport } from "../support/reports";
import { sql } from "../support/sql";

const THIS_QUARTER = quarterContaining(new Date());
const COUNCILS = ["E06000001", "E06000002", "E09000004", "W06000015"];
const PERSPECTIVES = ["carer", "supported_person", "support_planner"];
const LEADS = ["self_led", "council_led", "planner_led"];
const RATINGS = ["a_lot_better", "same", "a_bit_worse"];

beforeAll(async () => {
  // A mixture over four councils, eight quarters, three perspectives and three plan leads; some
  // reports are deleted again, as withdrawn reports are.
  const reports: TestReport[] = Array.from({ length: 240 }, (_, i) => ({
    area: COUNCILS[i % COUNCILS.length] as string,
    quarter: addQuarters(THIS_QUARTER, -(i % 8)),
    perspective: PERSPECTIVES[i % 3],
    lead: LEADS[Math.floor(i / 3) % 3],
    arrangement: i % 5 === 0 ? "managed_budget" : "dp_employer",
    ratePence: i % 4 === 0 ? 1100 + (i % 3) * 100 : null,
    outcomes: { "quality-of-life": RATINGS[i % RATINGS.length] as string },
  }));
  const ids = await insertReports(reports);
  await sql(`DELETE FROM experience_report WHERE id = ANY($1::int[])`, [ids.filter((_, i) => i % 17 === 0)]);
});

const PERIOD = { from: addQuarters(THIS_QUARTER, -11), to: THIS_QUARTER };
const FILTERS: OutcomeFilters[] = [
  { ...PERIOD, perspective: "carer", arrangement: null, client: null, lead: null },
  { ...PERIOD, perspective: "supported_person", arrangement: null, client: null, lead: null },
  { ...PERIOD, perspective: "support_planner", arrangement: null, client: null, lead: "council_led" },
  { ...PERIOD, perspective: null, arrangement: null, client: null, lead: "self_led" },
  { ...PERIOD, from: addQuarters(THIS_QUARTER, -3), perspective: "carer", arrangement: null, client: null, lead: null },
  // A perspective nobody in the test data reported from: every figure is zero both ways.
  { ...PERIOD, perspective: "social_worker", arrangement: null, client: null, lead: null },
];
const PLACES: { level: PlaceLevel; code: string }[] = [
  ...COUNCILS.map((code) => ({ level: "area" as const, code })),
  { level: "region", code: "E12000001" },
  { level: "nation", code: "England" },
  { level: "nation", code: "Wales" },
];

/** A council's counts with the keys nobody reported left out (a zero count and its zero key sum). */
function withoutZeros(place: PlaceCounts): PlaceCounts {
  const counted = Object.keys(place.counts).filter((key) => place.counts[key] !== 0);
  const keep = new Set(["reports", ...counted]);
  return {
    ...place,
    counts: Object.fromEntries(counted.map((key) => [key, place.counts[key] ?? 0])),
    keys: Object.fromEntries(Object.entries(place.keys).filter(([key]) => keep.has(key) && place.reports > 0)),
  };
}

describe("filtered dashboards from the summary", () => {
  it("give the same quarter-by-quarter counts and cell keys as counting every report", async () => {
    let reports = 0;
    for (const filters of FILTERS) {
      for (const place of PLACES) {
        const fromSummary = await quarterCountsFor(place, filters, "summary");
        const fromReports = await quarterCountsFor(place, filters, "reports");
        expect(fromSummary, `${place.code} ${JSON.stringify(filters)}`).toEqual(fromReports);
        reports += fromReports.reduce((sum, quarter) => sum + quarter.reports, 0);
      }
    }
    // The comparison is of real figures, not of two empty answers.
    expect(reports).toBeGreaterThan(500);
  });

  it("give the same table of councils as counting every report", async () => {
    for (const filters of FILTERS) {
      for (const nation of ["England", "Wales"] as const) {
        const fromSummary = await placeCountsFor(nation, filters, "summary");
        const fromReports = await placeCountsFor(nation, filters, "reports");
        const label = `${nation} ${JSON.stringify(filters)}`;
        // The summary names every key of the table (zero where nobody reported it), the reports only
        // those someone did: the same counts, and the same table once protected.
        expect(fromSummary.map(withoutZeros), label).toEqual(fromReports.map(withoutZeros));
        expect(buildPlaceTable(nation, fromSummary, []), label).toEqual(buildPlaceTable(nation, fromReports, []));
      }
    }
    const carers = await placeCountsFor("England", FILTERS[0] as OutcomeFilters, "summary");
    expect(carers.find((place) => place.code === "E09000004")?.reports).toBeGreaterThan(10);
  });
});
