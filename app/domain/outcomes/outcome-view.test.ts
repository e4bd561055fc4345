import { describe, expect, it } from "vitest";

import type { Figure } from "./figures";
import { buildOutcomeView, type QuarterCounts } from "./outcome-view";

const ratings = (slug: string, values: Partial<Record<string, number>>) =>
  Object.fromEntries(Object.entries(values).map(([rating, n]) => [`outcome:${slug}:${rating}`, n as number]));

/** Every Figure in a value, wherever it sits. */
function figuresIn(value: unknown, found: Figure<unknown>[] = []): Figure<unknown>[] {
  if (value && typeof value === "object") {
    if ("shown" in value && typeof (value as { shown: unknown }).shown === "boolean") found.push(value as Figure<unknown>);
    for (const child of Object.values(value)) figuresIn(child, found);
  }
  return found;
}

const q1: QuarterCounts = {
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
};
const q2: QuarterCounts = {
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
};

describe("an outcome view", () => {
  const view = buildOutcomeView([q1, q2]);

  it("counts the reports over the period, rounded to 5", () => {
    expect(view.reports).toEqual({ shown: true, value: 20 });
    expect(view.trend.map((q) => [q.label, q.reports])).toEqual([
      ["Jan to Mar 2025", { shown: true, value: 10 }],
      ["Apr to Jun 2025", { shown: true, value: 10 }],
    ]);
  });

  it("gives each support arrangement's share from the unrounded counts, and withholds small ones", () => {
    const byKey = Object.fromEntries(view.supportArrangements.categories.map((c) => [c.key, c]));
    // 11 of 20 = 55%, Wilson 34.2% to 74.2%.
    expect(byKey.dp_employer?.count).toEqual({ shown: true, value: 10 });
    expect(byKey.dp_employer?.share).toEqual({ shown: true, value: { percent: 55, low: 34, high: 74 } });
    expect(byKey.managed_budget?.share).toEqual({ shown: true, value: { percent: 25, low: 11, high: 47 } });
    expect(byKey.isf?.count).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(byKey.isf?.share).toEqual({ shown: false, reason: "fewer-than-5" });
  });

  it("withholds a domain's net score when the better, same or worse group has fewer than 5", () => {
    const quality = view.domains.find((d) => d.slug === "quality-of-life");
    // 10 better, 1 the same, 9 worse (5 a bit, 4 a lot): "the same" is too small a group.
    expect(quality?.respondents).toEqual({ shown: true, value: 20 });
    expect(quality?.net).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(quality?.ratings.find((r) => r.key === "a_lot_worse")?.count).toEqual({ shown: false, reason: "fewer-than-5" });
    // Its partner goes too: the worse group's total (in the score) minus it would give 4 away.
    expect(quality?.ratings.find((r) => r.key === "a_bit_worse")?.count).toEqual({ shown: false, reason: "secondary" });
  });

  it("computes the net score as share better minus share worse among those it applied to", () => {
    const counts = ratings("safety", { a_lot_better: 10, a_bit_better: 10, same: 5, a_bit_worse: 5, a_lot_worse: 5, not_relevant: 5 });
    const safety = buildOutcomeView([{ quarterStart: "2025-01-01", reports: 40, counts }]).domains.find((d) => d.slug === "safety");
    // 20 better and 10 worse of 35 answered: +28.6 → +29. Newcombe's interval: -1.9 to 53.8.
    expect(safety?.net).toEqual({ shown: true, value: { score: 29, low: -2, high: 54 } });
    // 10 of 35 were "a lot better": 29%.
    expect(safety?.ratings[0]?.share).toEqual({ shown: true, value: { percent: 29, low: 16, high: 45 } });
    // Not relevant is a share of everyone who answered: 5 of 40.
    expect(safety?.notRelevant.share).toEqual({ shown: true, value: { percent: 13, low: 5, high: 26 } });
  });

  it("withholds a second rating when only one is small, so it cannot be worked out from the total", () => {
    const dignity = view.domains.find((d) => d.slug === "dignity");
    // 6 a lot better, 6 a bit better, 3 the same, 5 a bit worse, 0 a lot worse: the 5 goes with the 0.
    expect(dignity?.ratings.map((r) => r.count.shown)).toEqual([true, true, false, false, false]);
    const single = buildOutcomeView([
      { quarterStart: "2025-01-01", reports: 31, counts: ratings("home", { a_lot_better: 6, a_bit_better: 7, same: 8, a_bit_worse: 5, a_lot_worse: 5, not_relevant: 0 }) },
    ]).domains.find((d) => d.slug === "home");
    expect(single?.notRelevant.count).toEqual({ shown: false, reason: "fewer-than-5" });
    // The smallest shown rating (5, a bit worse) is withheld with it, then its partner in the worse group.
    expect(single?.ratings.find((r) => r.key === "a_bit_worse")?.count).toEqual({ shown: false, reason: "secondary" });
    expect(single?.ratings.find((r) => r.key === "a_lot_worse")?.count).toEqual({ shown: false, reason: "secondary" });
    // Better 13, same 8, worse 10: every group is big enough, so the score is shown: (13 − 10) / 31.
    expect(single?.net).toMatchObject({ shown: true, value: { score: 10 } });
  });

  it("gives medians and quartiles only from 10 or more values", () => {
    // 1000 ×5 and 1200 ×5 (+1500 ×2 in Q2): 12 values; median position 5.5 → between 1200 and 1200.
    expect(view.hourlyRate).toEqual({ shown: true, value: { median: 1200, lowerQuartile: 1000, upperQuartile: 1200, values: 10 } });
    expect(view.paidHours).toEqual({ shown: false, reason: "too-few-values" });
    const ten = buildOutcomeView([{ quarterStart: "2025-01-01", reports: 10, counts: { "paid:100": 5, "paid:205": 5 } }]);
    // Median position 4.5: halfway between 10 and 20.5 hours.
    expect(ten.paidHours).toEqual({ shown: true, value: { median: 15.3, lowerQuartile: 10, upperQuartile: 20.5, values: 10 } });
  });

  it("gives quality of life quarter by quarter", () => {
    // Q1: 10 better, 1 the same, 1 worse: the small groups withhold the net score.
    expect(view.trend[0]?.qualityOfLife).toEqual({ shown: false, reason: "fewer-than-5" });
    const steady = buildOutcomeView([
      { quarterStart: "2025-01-01", reports: 25, counts: ratings("quality-of-life", { a_lot_better: 5, a_bit_better: 5, same: 5, a_bit_worse: 5, a_lot_worse: 5, not_relevant: 0 }) },
    ]);
    // Nobody said "not relevant": that small cell is withheld, but the score does not depend on it.
    expect(steady.trend[0]?.qualityOfLife).toMatchObject({ shown: true, value: { score: 0 } });
  });
});

describe("a slice with fewer than 5 reports", () => {
  it("shows no figure at all, so 4 cannot be read or worked out from anything on the page", () => {
    const view = buildOutcomeView([
      { quarterStart: "2025-01-01", reports: 4, counts: { "arrangement:dp_employer": 4, "lead:self_led": 4, "rate:1200": 4, ...ratings("dignity", { same: 4 }) } },
    ]);
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
