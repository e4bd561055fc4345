// What a slice of experience reports adds up to (one council, region or nation, over a period,
// perhaps for one group of people), with every figure already through disclosure control.
import {
  BUDGET_CHANGES,
  CARER_OUTCOME_DOMAINS,
  OUTCOME_DOMAINS,
  OUTCOME_RATINGS,
  PLAN_LEADS,
  SUPPORT_ARRANGEMENTS,
} from "../taxonomy";
import { MIN_VALUES_FOR_MEDIAN, protectCounts, publishCount, roundCount, shareOf } from "./disclosure";
import { shown, withheld, type Figure, type NetScore, type Share, type WithheldReason } from "./figures";
import { quarterLabel } from "./quarters";
import { histogramSize, netScore, quantile } from "./statistics";

/**
 * Counts for one quarter of a slice, keyed as the outcome_fact view keys them:
 * "arrangement:dp_employer", "lead:self_led", "budget:reduced", "outcome:dignity:a_bit_better",
 * "rate:1250" (£12.50 an hour), "paid:205" / "unpaid:40" (tenths of an hour a week).
 */
export interface QuarterCounts {
  quarterStart: string;
  reports: number;
  counts: Readonly<Record<string, number>>;
}

export interface CategoryFigure {
  key: string;
  label: string;
  count: Figure<number>;
  share: Figure<Share>;
}

/** How the reports of a slice divide between the answers to one question. */
export interface Breakdown {
  total: Figure<number>;
  categories: CategoryFigure[];
}

export interface DomainFigures {
  slug: string;
  label: string;
  /** Asked only of carers answering about themselves. */
  carersOnly: boolean;
  /** Reports that answered this question, "not relevant" included. */
  respondents: Figure<number>;
  /** The five ratings, each as a share of those for whom the domain was relevant. */
  ratings: CategoryFigure[];
  /** "Not relevant", as a share of respondents. */
  notRelevant: CategoryFigure;
  net: Figure<NetScore>;
}

export interface Spread {
  median: number;
  lowerQuartile: number;
  upperQuartile: number;
  /** How many values it was built from, rounded to 5. */
  values: number;
}

export interface QuarterFigures {
  quarterStart: string;
  label: string;
  reports: Figure<number>;
  qualityOfLife: Figure<NetScore>;
}

export interface OutcomeView {
  reports: Figure<number>;
  supportArrangements: Breakdown;
  planLeads: Breakdown;
  budgetChanges: Breakdown;
  domains: DomainFigures[];
  /** In pence an hour. */
  hourlyRate: Figure<Spread>;
  /** In hours a week. */
  paidHours: Figure<Spread>;
  unpaidHours: Figure<Spread>;
  trend: QuarterFigures[];
}

/**
 * What a page shows of a place it compares with (the region, the nation, each plan lead): net
 * scores, quality of life by quarter, money and hours. Downloads keep the whole view.
 */
export interface ComparedFigures {
  reports: Figure<number>;
  domains: Pick<DomainFigures, "slug" | "label" | "net">[];
  hourlyRate: Figure<Spread>;
  paidHours: Figure<Spread>;
  unpaidHours: Figure<Spread>;
  trend: Pick<QuarterFigures, "quarterStart" | "label" | "qualityOfLife">[];
}

export function comparedFigures(view: OutcomeView): ComparedFigures {
  return {
    reports: view.reports,
    domains: view.domains.map(({ slug, label, net }) => ({ slug, label, net })),
    hourlyRate: view.hourlyRate,
    paidHours: view.paidHours,
    unpaidHours: view.unpaidHours,
    trend: view.trend.map(({ quarterStart, label, qualityOfLife }) => ({ quarterStart, label, qualityOfLife })),
  };
}

export const RATINGS = ["a_lot_better", "a_bit_better", "same", "a_bit_worse", "a_lot_worse"] as const;
export const QUALITY_OF_LIFE = "quality-of-life";

/** Adds the counts of several quarters (or places) together. */
export function sumCounts(parts: readonly Pick<QuarterCounts, "reports" | "counts">[]): Pick<QuarterCounts, "reports" | "counts"> {
  const counts: Record<string, number> = {};
  let reports = 0;
  for (const part of parts) {
    reports += part.reports;
    for (const [key, value] of Object.entries(part.counts)) counts[key] = (counts[key] ?? 0) + value;
  }
  return { reports, counts };
}

/**
 * Builds every figure for a slice. `withheldAs` withholds the whole slice when a wider table
 * decided so (a council withheld so that a neighbour's small count cannot be worked out).
 */
export function buildOutcomeView(quarters: readonly QuarterCounts[], withheldAs?: WithheldReason): OutcomeView {
  const all = sumCounts(quarters);
  const sliceReason = withheldAs ?? (all.reports < 5 ? "fewer-than-5" : undefined);
  return {
    reports: publishCount(all.reports, sliceReason),
    supportArrangements: buildBreakdown(all, "arrangement", labelsOf(SUPPORT_ARRANGEMENTS), sliceReason),
    planLeads: buildBreakdown(all, "lead", PLAN_LEADS, sliceReason),
    budgetChanges: buildBreakdown(all, "budget", BUDGET_CHANGES, sliceReason),
    domains: [
      ...OUTCOME_DOMAINS.map((domain) => buildDomain(all.counts, domain, false, sliceReason)),
      ...CARER_OUTCOME_DOMAINS.map((domain) => buildDomain(all.counts, domain, true, sliceReason)),
    ],
    hourlyRate: buildSpread(all.counts, "rate", 1, sliceReason),
    paidHours: buildSpread(all.counts, "paid", 10, sliceReason),
    unpaidHours: buildSpread(all.counts, "unpaid", 10, sliceReason),
    trend: buildTrend(quarters, all.reports, sliceReason),
  };
}

function labelsOf(record: Record<string, { label: string }>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value.label]));
}

/**
 * One question's answers as counts and shares of the slice's reports. The total and the answers
 * are linked (they add up), so a single small answer is protected by withholding another.
 */
export function buildBreakdown(
  slice: Pick<QuarterCounts, "reports" | "counts">,
  prefix: string,
  labels: Readonly<Record<string, string>>,
  sliceReason?: WithheldReason,
): Breakdown {
  const keys = Object.keys(labels);
  const counts = new Map<string, number>([["total", slice.reports], ...keys.map((key): [string, number] => [key, slice.counts[`${prefix}:${key}`] ?? 0])]);
  const figures = protectCounts(counts, [{ total: "total", members: keys }], everything(counts, sliceReason));
  return {
    total: figures.get("total") ?? withheld("fewer-than-5"),
    categories: keys.map((key) => {
      const count = figures.get(key) ?? withheld<number>("fewer-than-5");
      return {
        key,
        label: labels[key] ?? key,
        count,
        share: count.shown ? shown(shareOf(counts.get(key) ?? 0, slice.reports)) : withheld<Share>(count.reason),
      };
    }),
  };
}

/**
 * One outcome domain. The net score is built from three groups: better (a lot or a bit), the same,
 * and worse (a bit or a lot). It is shown only when each group has 5 or more reports; and when one
 * rating of a group is withheld, so is its partner, since the score gives the group's total away.
 */
export function buildDomain(
  counts: Readonly<Record<string, number>>,
  domain: { slug: string; label: string },
  carersOnly: boolean,
  sliceReason?: WithheldReason,
): DomainFigures {
  const ratingCount = (rating: string) => counts[`outcome:${domain.slug}:${rating}`] ?? 0;
  const keys = [...RATINGS, "not_relevant"];
  const respondents = keys.reduce((sum, key) => sum + ratingCount(key), 0);
  const answered = respondents - ratingCount("not_relevant");
  const better = ratingCount("a_lot_better") + ratingCount("a_bit_better");
  const worse = ratingCount("a_bit_worse") + ratingCount("a_lot_worse");
  const all = new Map<string, number>([
    ["respondents", respondents],
    ["better", better],
    ["worse", worse],
    ...keys.map((key): [string, number] => [key, ratingCount(key)]),
  ]);
  const figures = protectCounts(
    all,
    [
      { total: "respondents", members: keys },
      { total: "better", members: ["a_lot_better", "a_bit_better"] },
      { total: "worse", members: ["a_bit_worse", "a_lot_worse"] },
    ],
    everything(all, sliceReason),
  );
  const category = (key: string, denominator: number): CategoryFigure => {
    const count = figures.get(key) ?? withheld<number>("fewer-than-5");
    return {
      key,
      label: OUTCOME_RATINGS[key as keyof typeof OUTCOME_RATINGS],
      count,
      share: count.shown ? shown(shareOf(ratingCount(key), denominator)) : withheld<Share>(count.reason),
    };
  };
  const groups = ["better", "same", "worse"].map((id) => figures.get(id) ?? withheld<number>("fewer-than-5"));
  const hiddenGroup = groups.find((figure) => !figure.shown);
  let net: Figure<NetScore>;
  if (hiddenGroup && !hiddenGroup.shown) {
    net = withheld(hiddenGroup.reason);
  } else {
    const estimate = netScore(better, worse, answered);
    net = shown({ score: Math.round(100 * estimate.score), low: Math.round(100 * estimate.low), high: Math.round(100 * estimate.high) });
  }
  return {
    slug: domain.slug,
    label: domain.label,
    carersOnly,
    respondents: figures.get("respondents") ?? withheld("fewer-than-5"),
    ratings: RATINGS.map((key) => category(key, answered)),
    notRelevant: category("not_relevant", respondents),
    net,
  };
}

/** When a whole slice is withheld, every figure in it is, for the same reason. */
function everything(counts: ReadonlyMap<string, number>, reason: WithheldReason | undefined): Map<string, WithheldReason> | undefined {
  return reason ? new Map([...counts.keys()].map((id) => [id, reason])) : undefined;
}

/** Median and quartiles of the values kept as "prefix:value" counts; `scale` turns them into units. */
function buildSpread(counts: Readonly<Record<string, number>>, prefix: string, scale: number, sliceReason?: WithheldReason): Figure<Spread> {
  if (sliceReason) return withheld(sliceReason);
  const histogram = new Map<number, number>();
  for (const [key, count] of Object.entries(counts)) {
    if (key.startsWith(`${prefix}:`)) histogram.set(Number(key.slice(prefix.length + 1)) / scale, count);
  }
  const size = histogramSize(histogram);
  if (size < MIN_VALUES_FOR_MEDIAN) return withheld("too-few-values");
  const tidy = (value: number | null) => Math.round((value ?? 0) * 10) / 10;
  return shown({
    median: tidy(quantile(histogram, 0.5)),
    lowerQuartile: tidy(quantile(histogram, 0.25)),
    upperQuartile: tidy(quantile(histogram, 0.75)),
    values: roundCount(size),
  });
}

/** Reports and quality of life quarter by quarter; the quarters add up to the period's total. */
function buildTrend(quarters: readonly QuarterCounts[], periodTotal: number, sliceReason?: WithheldReason): QuarterFigures[] {
  const counts = new Map<string, number>([["total", periodTotal], ...quarters.map((q): [string, number] => [q.quarterStart, q.reports])]);
  const figures = protectCounts(
    counts,
    [{ total: "total", members: quarters.map((q) => q.quarterStart) }],
    everything(counts, sliceReason),
  );
  return quarters.map((quarter) => {
    const reports = figures.get(quarter.quarterStart) ?? withheld<number>("fewer-than-5");
    const domain = OUTCOME_DOMAINS.find((d) => d.slug === QUALITY_OF_LIFE) ?? { slug: QUALITY_OF_LIFE, label: "Quality of life" };
    return {
      quarterStart: quarter.quarterStart,
      label: quarterLabel(quarter.quarterStart),
      reports,
      qualityOfLife: reports.shown ? buildDomain(quarter.counts, domain, false).net : withheld(reports.reason),
    };
  });
}
