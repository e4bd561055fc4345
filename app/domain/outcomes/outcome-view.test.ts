import { describe, expect, it } from "vitest";

import { shareOf } from "./disclosure";
import type { Figure } from "./figures";
import { buildOutcomeView, type QuarterCounts } from "./outcome-view";
import { withKeys } from "./quiet-keys.fixtures";

const ratings = (slug: string, values: Partial<Record<string, number>>) =>
  Object.fromEntries(Object.entries(values).map(([rating, n]) => [`outcome:${slug}:${rating}`, n as number]));

/** Every Figure in a value, wherever it sits. */
function figuresIn(value: unknown, found: Figure<unknown>[] = []): Figure<unknown>[] {
  if (value && typeof value === "object") {
    if ("shown" in value && typeof (value as { shown: unknown }).shown === "boolean")
      found.push(value as Figure<unknown>);
    for (const child of Object.values(value)) figuresIn(child, found);
  }
  return found;
}

const q1: QuarterCounts = withKeys(
  {
    quarterStart: "2025-01-01",
    reports: 12,
    counts: {
      "arrangement:dp_employer": 7,
      "arrangement:managed_budget": 5,
      "lead:self_led": 6,
      "lead:council_led": 6,
      "budget:same": 12,
      ...ratings("quality-of-life", { a_lot_better: 5, a_bit_better: 5, a_bit_worse: 1, same: 1 }),
      ...ratings("dignity", { a_lot_better: 6, a_bit_better: 6 }),
      "rate:1000": 5,
      "rate:1200": 5,
      "paid:100": 3,
    },
  },
  "q1",
);
const q2: QuarterCounts = withKeys(
  {
    quarterStart: "2025-04-01",
    reports: 8,
    counts: {
      "arrangement:dp_employer": 4,
      "arrangement:isf": 4,
      "lead:self_led": 8,
      "budget:reduced": 8,
      ...ratings("quality-of-life", { a_bit_worse: 4, a_lot_worse: 4 }),
      ...ratings("dignity", { same: 3, a_bit_worse: 5 }),
      "rate:1500": 2,
    },
  },
  "q2",
);

/** A shown count is a multiple of 5 within the perturbation (±3) and rounding (±2.5) of the truth. */
function expectProtected(figure: Figure<number> | undefined, trueCount: number) {
  if (!figure?.shown) throw new Error(`expected a shown figure for ${trueCount}`);
  expect(figure.value % 5).toBe(0);
  expect(Math.abs(figure.value - trueCount)).toBeLessThanOrEqual(5);
}

const one = (reports: number, counts: Record<string, number>) => [
  withKeys({ quarterStart: "2025-01-01", reports, counts }),
];

describe("an outcome view", () => {
  const view = buildOutcomeView([q1, q2]);

  it("counts the reports over the period, perturbed and rounded to 5", () => {
    expectProtected(view.reports, 20);
    expect(view.trend.map((q) => q.label)).toEqual(["Jan to Mar 2025", "Apr to Jun 2025"]);
    expectProtected(view.trend[0]?.reports, 12);
    expectProtected(view.trend[1]?.reports, 8);
  });

  it("gives each support arrangement's share from the published counts, and withholds small ones", () => {
    const byKey = Object.fromEntries(view.supportArrangements.categories.map((c) => [c.key, c]));
    const total = view.supportArrangements.total;
    expectProtected(byKey.dp_employer?.count, 11);
    for (const key of ["dp_employer", "managed_budget"]) {
      const count = byKey[key]?.count;
      if (!count?.shown || !total.shown) throw new Error("expected shown figures");
      // Solving the share's interval backwards gives only the published counts.
      expect(byKey[key]?.share).toEqual({ shown: true, value: shareOf(count.value, total.value) });
    }
    expect(byKey.isf?.count).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(byKey.isf?.share).toEqual({ shown: false, reason: "fewer-than-5" });
  });

  it("withholds a domain's net score when the better, same or worse group has fewer than 5", () => {
    const quality = view.domains.find((d) => d.slug === "quality-of-life");
    // 10 better, 1 the same, 9 worse (5 a bit, 4 a lot): "the same" is too small a group.
    expectProtected(quality?.respondents, 20);
    // Not "fewer than 5": beside a view of 20 reports that would read as their count.
    expect(quality?.net).toEqual({ shown: false, reason: "small-group" });
    expect(quality?.ratings.find((r) => r.key === "a_lot_worse")?.count).toEqual({
      shown: false,
      reason: "fewer-than-5",
    });
    // Its partner goes too: the worse group's total (in the score) minus it would give 4 away.
    expect(quality?.ratings.find((r) => r.key === "a_bit_worse")?.count).toEqual({ shown: false, reason: "secondary" });
  });

  it("computes the net score as share better minus share worse among those it applied to, from protected groups", () => {
    const counts = ratings("safety", {
      a_lot_better: 10,
      a_bit_better: 10,
      same: 5,
      a_bit_worse: 5,
      a_lot_worse: 5,
      not_relevant: 5,
    });
    const safety = buildOutcomeView(one(40, counts)).domains.find((d) => d.slug === "safety");
    // 20 better and 10 worse of 35 answered: +29 from the true counts; the protected groups move it a little.
    if (!safety?.net.shown) throw new Error("expected a net score");
    expect(Math.abs(safety.net.value.score - 29)).toBeLessThanOrEqual(15);
    expect(safety.net.value.low).toBeLessThan(safety.net.value.score);
    expect(safety.net.value.high).toBeGreaterThan(safety.net.value.score);
    // Rating shares are published count over published "answered"; "not relevant" over everyone.
    const lotBetter = safety.ratings[0];
    if (!lotBetter?.count.shown || !safety.respondents.shown || !safety.notRelevant.count.shown)
      throw new Error("expected shown figures");
    expect(lotBetter.share.shown && lotBetter.share.value.percent).toBeGreaterThan(15);
    expect(safety.notRelevant.share).toEqual({
      shown: true,
      value: shareOf(safety.notRelevant.count.value, safety.respondents.value),
    });
  });

  it("withholds a second rating when only one is small, so it cannot be worked out from the total", () => {
    const dignity = view.domains.find((d) => d.slug === "dignity");
    // 6 a lot better, 6 a bit better, 3 the same, 5 a bit worse, 0 a lot worse: the 5 goes with the 0.
    expect(dignity?.ratings.map((r) => r.count.shown)).toEqual([true, true, false, false, false]);
    const single = buildOutcomeView(
      one(
        31,
        ratings("home", { a_lot_better: 6, a_bit_better: 7, same: 8, a_bit_worse: 5, a_lot_worse: 5, not_relevant: 0 }),
      ),
    ).domains.find((d) => d.slug === "home");
    expect(single?.notRelevant.count).toEqual({ shown: false, reason: "fewer-than-5" });
    // The smallest shown rating (5, a bit worse) is withheld with it, then its partner in the worse group.
    expect(single?.ratings.find((r) => r.key === "a_bit_worse")?.count).toEqual({ shown: false, reason: "secondary" });
    expect(single?.ratings.find((r) => r.key === "a_lot_worse")?.count).toEqual({ shown: false, reason: "secondary" });
    // Better 13, same 8, worse 10: every group is big enough, so the score is shown.
    expect(single?.net.shown).toBe(true);
  });

  it("gives medians and quartiles only from 10 or more values, read from perturbed counts", () => {
    const rate = view.hourlyRate;
    if (!rate.shown) throw new Error("expected an hourly rate");
    expect(rate.value.median).toBeGreaterThanOrEqual(1000);
    expect(rate.value.median).toBeLessThanOrEqual(1500);
    expect(rate.value.lowerQuartile).toBeLessThanOrEqual(rate.value.median);
    expect(rate.value.upperQuartile).toBeGreaterThanOrEqual(rate.value.median);
    expect(view.paidHours).toEqual({ shown: false, reason: "too-few-values" });
    const ten = buildOutcomeView(one(10, { "paid:100": 5, "paid:205": 5 }));
    if (!ten.paidHours.shown) throw new Error("expected paid hours");
    expect(ten.paidHours.value.median).toBeGreaterThanOrEqual(10);
    expect(ten.paidHours.value.median).toBeLessThanOrEqual(20.5);
  });

  // The bug: a quarter shown with 10 reports had its score labelled "fewer than 5", decided on a
  // group's count while the page showed the quarter's. The label follows the published counts.
  it.each([
    ["all the same", { same: 10 }],
    ["all better", { a_lot_better: 6, a_bit_better: 4 }],
    ["better and worse, none the same", { a_bit_better: 5, a_bit_worse: 5 }],
  ])("never labels a quarter shown with reports as fewer than 5 (%s)", (_name, qualityRatings) => {
    const quarter = withKeys({
      quarterStart: "2025-07-01",
      reports: 10,
      counts: ratings("quality-of-life", qualityRatings),
    });
    const [point] = buildOutcomeView([quarter]).trend;
    expect(point?.reports.shown).toBe(true);
    expect(point?.qualityOfLife).toEqual({ shown: false, reason: "small-group" });
  });

  it("labels a quarter's score fewer than 5 only when the quarter's own reports are fewer than 5", () => {
    const small = withKeys({ quarterStart: "2025-07-01", reports: 4, counts: ratings("quality-of-life", { same: 4 }) });
    const big = withKeys({ quarterStart: "2025-10-01", reports: 30, counts: ratings("quality-of-life", { same: 30 }) });
    const [smallPoint, bigPoint] = buildOutcomeView([small, big]).trend;
    // The small quarter is withheld (primary), and so is the other as its partner in the period total.
    expect(smallPoint?.reports).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(smallPoint?.qualityOfLife).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(bigPoint?.qualityOfLife).toEqual({ shown: false, reason: "secondary" });
  });

  it("gives quality of life quarter by quarter", () => {
    // Q1: 10 better, 1 the same, 1 worse: the small groups withhold the net score.
    expect(view.trend[0]?.qualityOfLife).toEqual({ shown: false, reason: "small-group" });
    const steady = buildOutcomeView(
      one(
        25,
        ratings("quality-of-life", {
          a_lot_better: 5,
          a_bit_better: 5,
          same: 5,
          a_bit_worse: 5,
          a_lot_worse: 5,
          not_relevant: 0,
        }),
      ),
    );
    // Nobody said "not relevant": that small cell is withheld, but the score does not depend on it.
    expect(steady.trend[0]?.qualityOfLife.shown).toBe(true);
  });
});

describe("a slice with fewer than 5 reports", () => {
  it("shows no figure at all, so 4 cannot be read or worked out from anything on the page", () => {
    const view = buildOutcomeView(
      one(4, { "arrangement:dp_employer": 4, "lead:self_led": 4, "rate:1200": 4, ...ratings("dignity", { same: 4 }) }),
    );
    const figures = figuresIn(view);
    expect(figures.length).toBeGreaterThan(50);
    expect(figures.every((f) => !f.shown)).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(/"value"/);
  });

  it("is withheld whole when a wider table withholds it to protect a neighbour", () => {
    const view = buildOutcomeView([q1, q2], "secondary");
    expect(figuresIn(view).every((f) => !f.shown && f.reason === "secondary")).toBe(true);
  });
});
