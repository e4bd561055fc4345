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
import { addCells, cellOf, perturbedCount, PUBLISHED_COUNT_VARIANCE, sumCells, type Cell } from "./cell-key";
import {
  MIN_REPORTS,
  MIN_VALUES_FOR_MEDIAN,
  protectCounts,
  publishCount,
  publishShare,
  roundCount,
  widen,
} from "./disclosure";
import { shown, withheld, type Figure, type NetScore, type Share, type WithheldReason } from "./figures";
import { quarterLabel } from "./quarters";
import { histogramSize, netScore, quantile, Z_95 } from "./statistics";

/**
 * Counts for one quarter of a slice, keyed as the outcome_fact view keys them:
 * "arrangement:dp_employer", "lead:self_led", "budget:reduced", "outcome:dignity:a_bit_better",
 * "rate:1250" (£12.50 an hour), "paid:205" / "unpaid:40" (tenths of an hour a week).
 */
export interface QuarterCounts extends SliceCounts {
  quarterStart: string;
}

/**
 * The counts of a slice, and for each count (and "reports") the cell key of the reports it counts
 * (./cell-key.ts): the sum of their record keys modulo 256.
 */
export interface SliceCounts {
  reports: number;
  counts: Readonly<Record<string, number>>;
  keys: Readonly<Record<string, number>>;
}

/** One count of a slice with its cell key; "reports" is the slice's own total. */
export function cellAt(slice: SliceCounts, key: string): Cell {
  return cellOf(key === "reports" ? slice.reports : (slice.counts[key] ?? 0), slice.keys[key] ?? 0);
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

/** Adds the counts (and cell keys) of several quarters or places together. */
export function sumCounts(parts: readonly SliceCounts[]): SliceCounts {
  const counts: Record<string, number> = {};
  const keys: Record<string, number> = {};
  let reports = 0;
  for (const part of parts) {
    reports += part.reports;
    for (const [key, value] of Object.entries(part.counts)) counts[key] = (counts[key] ?? 0) + value;
    for (const [key, value] of Object.entries(part.keys)) keys[key] = ((keys[key] ?? 0) + value) % 256;
  }
  return { reports, counts, keys };
}

/**
 * Builds every figure for a slice. `withheldAs` withholds the whole slice when a wider table
 * decided so (a council withheld so that a neighbour's small count cannot be worked out).
 */
export function buildOutcomeView(quarters: readonly QuarterCounts[], withheldAs?: WithheldReason): OutcomeView {
  const all = sumCounts(quarters);
  const sliceReason = withheldAs ?? (all.reports < 5 ? "fewer-than-5" : undefined);
  return {
    reports: publishCount(cellAt(all, "reports"), sliceReason),
    supportArrangements: buildBreakdown(all, "arrangement", labelsOf(SUPPORT_ARRANGEMENTS), sliceReason),
    planLeads: buildBreakdown(all, "lead", PLAN_LEADS, sliceReason),
    budgetChanges: buildBreakdown(all, "budget", BUDGET_CHANGES, sliceReason),
    domains: [
      ...OUTCOME_DOMAINS.map((domain) => buildDomain(all, domain, false, sliceReason)),
      ...CARER_OUTCOME_DOMAINS.map((domain) => buildDomain(all, domain, true, sliceReason)),
    ],
    hourlyRate: buildSpread(all, "rate", 1, sliceReason),
    paidHours: buildSpread(all, "paid", 10, sliceReason),
    unpaidHours: buildSpread(all, "unpaid", 10, sliceReason),
    trend: buildTrend(quarters, all, sliceReason),
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
  slice: SliceCounts,
  prefix: string,
  labels: Readonly<Record<string, string>>,
  sliceReason?: WithheldReason,
): Breakdown {
  const keys = Object.keys(labels);
  const cells = new Map<string, Cell>([
    ["total", cellAt(slice, "reports")],
    ...keys.map((key): [string, Cell] => [key, cellAt(slice, `${prefix}:${key}`)]),
  ]);
  const figures = protectCounts(cells, [{ total: "total", members: keys }], everything(cells, sliceReason));
  const total = figures.get("total") ?? withheld<number>("fewer-than-5");
  return {
    total,
    categories: keys.map((key) => {
      const count = figures.get(key) ?? withheld<number>("fewer-than-5");
      return { key, label: labels[key] ?? key, count, share: publishShare(count, total) };
    }),
  };
}

/**
 * One outcome domain. The net score is built from three groups: better (a lot or a bit), the same,
 * and worse (a bit or a lot). It is shown only when each group has 5 or more reports; and when one
 * rating of a group is withheld, so is its partner, since the score gives the group's total away.
 * Each group is a cell of its own (its key is the sum of its ratings' keys), so the score and its
 * interval come from the groups' published counts.
 */
export function buildDomain(
  slice: SliceCounts,
  domain: { slug: string; label: string },
  carersOnly: boolean,
  sliceReason?: WithheldReason,
): DomainFigures {
  const rating = (key: string) => cellAt(slice, `outcome:${domain.slug}:${key}`);
  const keys = [...RATINGS, "not_relevant"];
  const answered = sumCells(RATINGS.map(rating));
  const cells = new Map<string, Cell>([
    ["respondents", addCells(answered, rating("not_relevant"))],
    ["answered", answered],
    ["better", addCells(rating("a_lot_better"), rating("a_bit_better"))],
    ["worse", addCells(rating("a_bit_worse"), rating("a_lot_worse"))],
    ...keys.map((key): [string, Cell] => [key, rating(key)]),
  ]);
  const figures = protectCounts(
    cells,
    [
      { total: "respondents", members: keys },
      { total: "answered", members: [...RATINGS] },
      { total: "better", members: ["a_lot_better", "a_bit_better"] },
      { total: "worse", members: ["a_bit_worse", "a_lot_worse"] },
    ],
    everything(cells, sliceReason),
  );
  const figure = (id: string) => figures.get(id) ?? withheld<number>("fewer-than-5");
  const category = (key: string, denominator: Figure<number>): CategoryFigure => {
    const count = figure(key);
    return {
      key,
      label: OUTCOME_RATINGS[key as keyof typeof OUTCOME_RATINGS],
      count,
      share: publishShare(count, denominator),
    };
  };
  const [better, same, worse, total] = [figure("better"), figure("same"), figure("worse"), figure("answered")];
  const hidden = [better, same, worse, total].find((group) => !group.shown);
  let net: Figure<NetScore>;
  if (!hidden || hidden.shown) net = shown(netScoreOf(published(better), published(worse), published(total)));
  // The slice's own reports are shown (5 or more): "fewer than 5" beside them would read as their
  // count (a quarter of 10 reports labelled "fewer than 5"), so the score says which count is small.
  else if (hidden.reason === "fewer-than-5" && !sliceReason && slice.reports >= MIN_REPORTS)
    net = withheld("small-group");
  else net = withheld(hidden.reason);
  return {
    slug: domain.slug,
    label: domain.label,
    carersOnly,
    respondents: figure("respondents"),
    ratings: RATINGS.map((key) => category(key, total)),
    notRelevant: category("not_relevant", figure("respondents")),
    net,
  };
}

function published(figure: Figure<number>): number {
  return figure.shown ? figure.value : 0;
}

/**
 * A net score in whole points from published counts (the total is at least better plus worse), its
 * Newcombe interval widened for the protection the three counts carry (extra variance σ²(2 + s²)/n²).
 */
function netScoreOf(better: number, worse: number, total: number): NetScore {
  const n = Math.max(total, better + worse);
  const estimate = netScore(better, worse, n);
  const extra = n > 0 ? (Z_95 * Math.sqrt(PUBLISHED_COUNT_VARIANCE * (2 + estimate.score ** 2))) / n : 0;
  const widened = widen(estimate.score, estimate, extra, -1, 1);
  return {
    score: Math.round(100 * estimate.score),
    low: Math.round(100 * widened.low),
    high: Math.round(100 * widened.high),
  };
}

/** When a whole slice is withheld, every figure in it is, for the same reason. */
function everything(
  cells: ReadonlyMap<string, Cell>,
  reason: WithheldReason | undefined,
): Map<string, WithheldReason> | undefined {
  return reason ? new Map([...cells.keys()].map((id) => [id, reason])) : undefined;
}

/**
 * Median and quartiles of the values kept as "prefix:value" counts; `scale` turns them into units.
 * Each value's count is a cell and is perturbed before the quantiles are read, so a median moves
 * by noise as well as by any one report; it is shown only when 10 or more true values make it.
 */
function buildSpread(slice: SliceCounts, prefix: string, scale: number, sliceReason?: WithheldReason): Figure<Spread> {
  if (sliceReason) return withheld(sliceReason);
  const histogram = new Map<number, number>();
  let trueSize = 0;
  for (const [key, count] of Object.entries(slice.counts)) {
    if (!key.startsWith(`${prefix}:`)) continue;
    trueSize += count;
    histogram.set(Number(key.slice(prefix.length + 1)) / scale, perturbedCount(cellAt(slice, key)));
  }
  const size = histogramSize(histogram);
  if (trueSize < MIN_VALUES_FOR_MEDIAN || size === 0) return withheld("too-few-values");
  const tidy = (value: number | null) => Math.round((value ?? 0) * 10) / 10;
  return shown({
    median: tidy(quantile(histogram, 0.5)),
    lowerQuartile: tidy(quantile(histogram, 0.25)),
    upperQuartile: tidy(quantile(histogram, 0.75)),
    values: roundCount(size),
  });
}

/** Reports and quality of life quarter by quarter; the quarters add up to the period's total. */
function buildTrend(
  quarters: readonly QuarterCounts[],
  period: SliceCounts,
  sliceReason?: WithheldReason,
): QuarterFigures[] {
  const cells = new Map<string, Cell>([
    ["total", cellAt(period, "reports")],
    ...quarters.map((q): [string, Cell] => [q.quarterStart, cellAt(q, "reports")]),
  ]);
  const figures = protectCounts(
    cells,
    [{ total: "total", members: quarters.map((q) => q.quarterStart) }],
    everything(cells, sliceReason),
  );
  const domain = OUTCOME_DOMAINS.find((d) => d.slug === QUALITY_OF_LIFE) ?? {
    slug: QUALITY_OF_LIFE,
    label: "Quality of life",
  };
  return quarters.map((quarter) => {
    const reports = figures.get(quarter.quarterStart) ?? withheld<number>("fewer-than-5");
    return {
      quarterStart: quarter.quarterStart,
      label: quarterLabel(quarter.quarterStart),
      reports,
      qualityOfLife: reports.shown ? buildDomain(quarter, domain, false).net : withheld(reports.reason),
    };
  });
}
