// Attacks on the outcome figures, as a determined reader would make them: solve every published
// share's interval backwards for the counts behind it, and difference overlapping views (periods a
// quarter apart, a council against its region minus the other councils, with and without each
// filter) to count a small group. Neither may ever give a true count of 1 to 4, or a single
// report's answer. The pages, the CSV and JSON downloads and the API must agree, so no door is
// weaker than another.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { shareOf } from "../../app/domain/outcomes/disclosure";
import { addQuarters, quarterCode, quarterContaining } from "../../app/domain/outcomes/quarters";
import { wilsonInterval } from "../../app/domain/outcomes/statistics";
import { callApi } from "../support/api";
import { insertReports, type TestReport } from "../support/reports";
import { send } from "../support/remix";
import { sql } from "../support/sql";

const Q0 = quarterContaining(new Date());
const QUARTERS = [0, 1, 2, 3, 4, 5].map((back) => addQuarters(Q0, -back));
const NORTH_EAST = "E12000001";
const COUNCILS = [
  "E06000001",
  "E06000002",
  "E06000003",
  "E06000004",
  "E06000005",
  "E06000047",
  "E06000057",
  "E08000021",
];
const PERSPECTIVES = ["carer", "supported_person", "acting_for_person", "support_planner"];
const ARRANGEMENTS = ["dp_employer", "dp_agency", "commissioned", "isf"];
const BUDGETS = ["increased", "same", "reduced", "stopped"];
const RATINGS = ["a_lot_better", "a_bit_better", "same", "a_bit_worse", "a_lot_worse", "not_relevant"];

/** A fixed pseudo-random sequence, so the community (and its record keys) is the same every run. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20261206);
const pick = <T>(items: readonly T[], weights?: readonly number[]): T => {
  const w = weights ?? items.map(() => 1);
  let r = random() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= w[i] ?? 0;
    if (r < 0) return items[i] as T;
  }
  return items.at(-1) as T;
};

// Councils from tiny to large; within them, skewed answers so that many cells are 1 to 4.
const SIZES = [3, 7, 77, 18, 41, 9, 26, 120];
const community: TestReport[] = COUNCILS.flatMap((area, c) =>
  Array.from({ length: SIZES[c] ?? 10 }, () => ({
    area,
    quarter: pick(QUARTERS, [1, 3, 3, 3, 3, 2]),
    perspective: pick(PERSPECTIVES, [12, 4, 2, 1]),
    arrangement: pick(ARRANGEMENTS, [8, 3, 3, 1]),
    lead: pick(["self_led", "council_led", "planner_led"], [5, 4, 1]),
    budget: pick(BUDGETS, [2, 8, 4, 1]),
    ratePence: random() < 0.6 ? pick([1050, 1200, 1350, 1500, 1685]) : null,
    outcomes: { "quality-of-life": pick(RATINGS, [3, 4, 3, 2, 1, 1]), dignity: pick(RATINGS, [4, 4, 3, 1, 1, 1]) },
    recordKey: Math.floor(random() * 256),
  })),
);

type Figure = { shown: true; value: number } | { shown: false; reason: string };
type ShareFigure =
  { shown: true; value: { percent: number; low: number; high: number } } | { shown: false; reason: string };
interface Category {
  key: string;
  count: Figure;
  share: ShareFigure;
}
interface View {
  reports: Figure;
  supportArrangements: { total: Figure; categories: Category[] };
  planLeads: { total: Figure; categories: Category[] };
  budgetChanges: { total: Figure; categories: Category[] };
  domains: { slug: string; respondents: Figure; ratings: Category[]; notRelevant: Category; net: unknown }[];
  trend: { quarterStart: string; reports: Figure }[];
}
interface PlaceBody {
  views: { outcomes: View; councils?: { code: string; reports: Figure }[] };
}

/** The true counts of a view, straight from the reports, for judging what an attacker got. */
function truth(filter: (r: TestReport) => boolean) {
  const reports = community.filter(filter);
  const count = (f: (r: TestReport) => boolean) => reports.filter(f).length;
  return {
    reports: reports.length,
    arrangement: (key: string) => count((r) => r.arrangement === key),
    lead: (key: string) => count((r) => r.lead === key),
    budget: (key: string) => count((r) => r.budget === key),
  };
}

interface Slice {
  place: { council: string } | { region: string };
  from: string;
  to: string;
  perspective?: string;
  lead?: string;
}

function query(slice: Slice): string {
  const params = new URLSearchParams();
  if ("council" in slice.place) params.set("council", slice.place.council);
  else params.set("region", slice.place.region);
  params.set("from", quarterCode(slice.from));
  params.set("to", quarterCode(slice.to));
  if (slice.perspective) params.set("perspective", slice.perspective);
  if (slice.lead) params.set("lead", slice.lead);
  return params.toString();
}

function inSlice(slice: Slice) {
  return (r: TestReport) =>
    ("council" in slice.place ? r.area === slice.place.council : COUNCILS.includes(r.area)) &&
    r.quarter >= slice.from &&
    r.quarter <= slice.to &&
    (!slice.perspective || r.perspective === slice.perspective) &&
    (!slice.lead || r.lead === slice.lead);
}

const views = new Map<string, View>();
async function viewOf(slice: Slice): Promise<View> {
  const key = query(slice);
  const kept = views.get(key);
  if (kept) return kept;
  const response = await send(`/outcomes/data.json?${key}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as PlaceBody;
  views.set(key, body.views.outcomes);
  return body.views.outcomes;
}

/**
 * The attacker's solver: every (k, n) with n up to 400 whose share and 95% interval, worked out
 * the textbook way (Wilson on true counts) or the site's way (from published counts, widened),
 * round to what was published.
 */
function solve(share: { percent: number; low: number; high: number }): { k: number; n: number }[] {
  const found: { k: number; n: number }[] = [];
  for (let n = 1; n <= 400; n++) {
    const k0 = Math.round((share.percent / 100) * n);
    for (let k = Math.max(0, k0 - 2); k <= Math.min(n, k0 + 2); k++) {
      if (Math.round((100 * k) / n) !== share.percent) continue;
      const wilson = wilsonInterval(k, n);
      const textbook = Math.round(100 * wilson.low) === share.low && Math.round(100 * wilson.high) === share.high;
      const site = shareOf(k, n);
      if (textbook || (site.low === share.low && site.high === share.high)) found.push({ k, n });
    }
  }
  return found;
}

/** The attacker's best count for a figure: a unique solution of any share built on it, else the shown value. */
function bestCount(
  total: Figure,
  categories: Category[],
): { total: number | null; categories: Map<string, number | null> } {
  const solvedTotals = new Set<number>();
  const solvedParts = new Map<string, Set<number>>();
  for (const category of categories) {
    if (!category.share.shown) continue;
    for (const { k, n } of solve(category.share.value)) {
      solvedTotals.add(n);
      solvedParts.set(category.key, (solvedParts.get(category.key) ?? new Set()).add(k));
    }
  }
  const only = (set: Set<number> | undefined) => (set && set.size === 1 ? ([...set][0] as number) : null);
  const shownOrNull = (f: Figure) => (f.shown ? f.value : null);
  return {
    total: only(solvedTotals) ?? shownOrNull(total),
    categories: new Map(categories.map((c) => [c.key, only(solvedParts.get(c.key)) ?? shownOrNull(c.count)])),
  };
}

beforeAll(async () => {
  await sql("DELETE FROM experience_report");
  await insertReports(community);
});

describe("outcome figures under attack", () => {
  const slices: Slice[] = [];
  const places = [...COUNCILS.map((council) => ({ council })), { region: NORTH_EAST }];
  for (const place of places) {
    for (const end of [0, 1, 2]) {
      const to = QUARTERS[end] as string;
      const from = QUARTERS[5] as string;
      slices.push({ place, from, to });
      for (const perspective of ["carer", "supported_person"]) slices.push({ place, from, to, perspective });
      slices.push({ place, from, to, lead: "self_led" });
    }
  }

  it("never lets an interval be solved back to a true count that is not the published one", async () => {
    let sharesSolved = 0;
    for (const slice of slices) {
      const view = await viewOf(slice);
      const real = truth(inSlice(slice));
      for (const [breakdown, trueOf] of [
        [view.supportArrangements, real.arrangement],
        [view.planLeads, real.lead],
        [view.budgetChanges, real.budget],
      ] as const) {
        const attacker = bestCount(breakdown.total, breakdown.categories);
        sharesSolved += breakdown.categories.filter((c) => c.share.shown).length;
        // A unique solution for the total must be the published total (a multiple of 5), never the true one.
        if (attacker.total !== null && attacker.total !== real.reports) continue;
        if (attacker.total === real.reports) expect(breakdown.total).toEqual({ shown: true, value: real.reports });
        for (const category of breakdown.categories) {
          const guess = attacker.categories.get(category.key);
          const actual = trueOf(category.key);
          if (actual >= 1 && actual <= 4) expect(guess).not.toBe(actual);
        }
      }
    }
    expect(sharesSolved).toBeGreaterThan(100);
  });

  it("never gives a small group by differencing periods one quarter apart, filters on and off, or a council against its region", async () => {
    let smallGroupsTried = 0;
    const tryPair = async (wide: Slice, narrow: Slice) => {
      const [a, b] = [await viewOf(wide), await viewOf(narrow)];
      const [ta, tb] = [truth(inSlice(wide)), truth(inSlice(narrow))];
      const pairs: [Figure, Figure, number][] = [[a.reports, b.reports, ta.reports - tb.reports]];
      for (const [field, trueOf] of [
        ["supportArrangements", (t: typeof ta, k: string) => t.arrangement(k)],
        ["planLeads", (t: typeof ta, k: string) => t.lead(k)],
        ["budgetChanges", (t: typeof ta, k: string) => t.budget(k)],
      ] as const) {
        const attackA = bestCount(a[field].total, a[field].categories);
        const attackB = bestCount(b[field].total, b[field].categories);
        for (const category of a[field].categories) {
          const guessA = attackA.categories.get(category.key);
          const guessB = attackB.categories.get(category.key);
          const actual = trueOf(ta, category.key) - trueOf(tb, category.key);
          if (actual >= 1 && actual <= 4) {
            smallGroupsTried++;
            if (guessA !== null && guessA !== undefined && guessB !== null && guessB !== undefined)
              expect(guessA - guessB).not.toBe(actual);
          }
        }
      }
      for (const [wideFigure, narrowFigure, actual] of pairs) {
        if (actual < 1 || actual > 4) continue;
        smallGroupsTried++;
        if (wideFigure.shown && narrowFigure.shown) expect(wideFigure.value - narrowFigure.value).not.toBe(actual);
      }
    };
    for (const slice of slices) {
      // The same view ending one quarter earlier.
      const earlier = QUARTERS.indexOf(slice.to) + 1;
      if (earlier <= 2) await tryPair(slice, { ...slice, to: QUARTERS[earlier] as string });
      // The same view without its filter.
      if (slice.perspective || slice.lead) await tryPair({ ...slice, perspective: undefined, lead: undefined }, slice);
    }
    expect(smallGroupsTried).toBeGreaterThan(50);
  });

  it("never gives a council's count as its region minus the other councils", async () => {
    const slice: Slice = { place: { region: NORTH_EAST }, from: QUARTERS[5] as string, to: QUARTERS[0] as string };
    const response = await send(`/outcomes/data.json?${query(slice)}`);
    const body = (await response.json()) as PlaceBody;
    const region = body.views.outcomes.reports;
    const councils = body.views.councils ?? [];
    const withheldCouncils = councils.filter((c) => !c.reports.shown);
    // Withheld councils come at least two at a time (secondary suppression), so the region minus
    // the shown ones is the sum of several, never one council's count.
    expect(withheldCouncils.length === 0 || withheldCouncils.length >= 2).toBe(true);
    if (region.shown) {
      const rest = region.value - councils.reduce((sum, c) => sum + (c.reports.shown ? c.reports.value : 0), 0);
      for (const council of withheldCouncils) {
        const actual = community.filter((r) => r.area === council.code).length;
        if (actual >= 1 && actual <= 4) expect(rest).not.toBe(actual);
      }
    }
    expect(withheldCouncils.map((c) => c.code)).toContain("E06000001");
  });

  it("shows the same figures on the page, in the CSV and JSON downloads and in the API", async () => {
    const slice: Slice = {
      place: { council: "E06000003" },
      from: QUARTERS[5] as string,
      to: QUARTERS[0] as string,
      perspective: "carer",
    };
    const json = await viewOf(slice);
    const api = await callApi<PlaceBody>(`/api/v1/outcomes?${query(slice)}`);
    expect(api.body.views.outcomes).toEqual(json);
    const csv = parse(await (await send(`/outcomes/data.csv?${query(slice)}`)).text(), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    const reportsRow = csv.find((row) => row.section === "reports" && row.measure === "reports");
    expect(reportsRow?.value).toBe(json.reports.shown ? String(json.reports.value) : expect.any(String));
    const page = await (await send(`/outcomes/E06000003?${query(slice).replace(/council=[^&]+&/, "")}`)).text();
    if (json.reports.shown) expect(/Reports<\/dt><dd>(\d+) /.exec(page)?.[1]).toBe(String(json.reports.value));
  });

  it("has a solver that would catch shares worked out from true counts (so the checks above can fail)", () => {
    // The old way: 12 of Hartlepool's 77 reports as a share with its textbook Wilson interval.
    const interval = wilsonInterval(12, 77);
    const oldShare = {
      percent: Math.round((100 * 12) / 77),
      low: Math.round(100 * interval.low),
      high: Math.round(100 * interval.high),
    };
    const solved = solve(oldShare);
    expect(solved).toContainEqual({ k: 12, n: 77 });
    // With a second share of the same total and the published "75" (73 to 77), the total is exactly 77.
    const other = wilsonInterval(40, 77);
    const otherShare = {
      percent: Math.round((100 * 40) / 77),
      low: Math.round(100 * other.low),
      high: Math.round(100 * other.high),
    };
    const totals = new Set(solved.map((s) => s.n));
    expect([...new Set(solve(otherShare).map((s) => s.n))].filter((n) => totals.has(n) && n >= 73 && n <= 77)).toEqual([
      77,
    ]);
  });

  it("gives every shown share exactly as its published counts make it", async () => {
    for (const slice of slices.slice(0, 40)) {
      const view = await viewOf(slice);
      for (const breakdown of [view.supportArrangements, view.planLeads, view.budgetChanges]) {
        for (const category of breakdown.categories) {
          if (!category.share.shown || !category.count.shown || !breakdown.total.shown) continue;
          expect({ slice: query(slice), key: category.key, share: category.share.value }).toEqual({
            slice: query(slice),
            key: category.key,
            share: shareOf(category.count.value, breakdown.total.value),
          });
        }
      }
    }
  });
});
