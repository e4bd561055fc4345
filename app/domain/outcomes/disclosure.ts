// Disclosure control: the only place that decides which numbers about experience reports may be
// shown. The dashboard, its charts and tables, the CSV and JSON downloads and the API all get
// their numbers through here, so one set of rules protects them all (docs/outcome-figures.md).
// Every count is perturbed by the cell key method, then rounded; every share, interval and net
// score is worked out from those published counts, never from the true ones, so solving an
// interval backwards gives back only what the page already shows.
import { perturbedCount, PUBLISHED_COUNT_VARIANCE, type Cell } from "./cell-key";
import { shown, withheld, type Figure, type Share, type WithheldReason } from "./figures";
import { wilsonInterval, Z_95, type Interval } from "./statistics";

/** A figure built from fewer reports than this is withheld. */
export const MIN_REPORTS = 5;
/** Counts are shown rounded to the nearest multiple of this. */
export const ROUND_COUNTS_TO = 5;
/** A median or quartile is shown only when built from at least this many values. */
export const MIN_VALUES_FOR_MEDIAN = 10;

/** Rounds a count to the nearest 5 (a count of 5 or more never rounds down to 0). */
export function roundCount(count: number): number {
  return Math.max(ROUND_COUNTS_TO, Math.round(count / ROUND_COUNTS_TO) * ROUND_COUNTS_TO);
}

/**
 * A count as it may be shown: withheld when fewer than 5 reports make it (the true count decides,
 * so "fewer than 5" is always true), otherwise perturbed by its cell key and rounded to 5.
 */
export function publishCount(cell: Cell, reason?: WithheldReason): Figure<number> {
  if (reason) return withheld(reason);
  if (cell.count < MIN_REPORTS) return withheld("fewer-than-5");
  return shown(roundCount(perturbedCount(cell)));
}

/**
 * k of n as a share in whole percent, from two published counts, with its Wilson interval widened
 * for the perturbation and rounding both counts carry (added in quadrature, by the delta method:
 * the share's extra variance is σ²(1 + p²)/n²), so the interval is honest about the protection.
 */
export function shareOf(k: number, n: number): Share {
  const part = Math.min(k, n);
  const p = n > 0 ? part / n : 0;
  const interval = wilsonInterval(part, n);
  const extra = n > 0 ? (Z_95 * Math.sqrt(PUBLISHED_COUNT_VARIANCE * (1 + p * p))) / n : 0;
  const widened = widen(p, interval, extra, 0, 1);
  return { percent: Math.round(100 * p), low: Math.round(100 * widened.low), high: Math.round(100 * widened.high) };
}

/** Widens an interval around an estimate by a further margin, added in quadrature, within bounds. */
export function widen(estimate: number, interval: Interval, margin: number, floor: number, ceiling: number): Interval {
  return {
    low: Math.max(floor, estimate - Math.hypot(estimate - interval.low, margin)),
    high: Math.min(ceiling, estimate + Math.hypot(interval.high - estimate, margin)),
  };
}

/** A share of two published figures: withheld when either is. */
export function publishShare(part: Figure<number>, whole: Figure<number>): Figure<Share> {
  if (!part.shown) return withheld(part.reason);
  if (!whole.shown) return withheld(whole.reason);
  return shown(shareOf(part.value, whole.value));
}

/**
 * A view is withheld when the reports its filter leaves out of a wider view number 1 to 4: the
 * wider view minus this one would otherwise count a small group (differencing).
 */
export function smallComplement(count: number, widerCount: number): boolean {
  const outside = widerCount - count;
  return outside > 0 && outside < MIN_REPORTS;
}

/** A relation the reader can see: the total is the sum of the members. */
export interface TotalRelation {
  total: string;
  members: readonly string[];
}

/**
 * Primary and secondary suppression over counts linked by totals. Every count under 5 is withheld
 * ("fewer than 5"); then, wherever a total and its members leave exactly one figure withheld, it
 * could be worked out by subtraction (a region's total minus its other councils), so the smallest
 * shown member is withheld too ("withheld"), or the total when no member is left. This repeats
 * until every relation has no withheld figure or at least two, because withholding one member
 * can expose another relation it belongs to.
 */
export function protectCounts(
  cells: ReadonlyMap<string, Cell>,
  relations: readonly TotalRelation[],
  alreadyWithheld: ReadonlyMap<string, WithheldReason> = new Map(),
): Map<string, Figure<number>> {
  const counts = new Map([...cells].map(([id, cell]) => [id, cell.count]));
  const reasons = new Map<string, WithheldReason>(alreadyWithheld);
  for (const [id, count] of counts) {
    if (!reasons.has(id) && count < MIN_REPORTS) reasons.set(id, "fewer-than-5");
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      const ids = [relation.total, ...relation.members];
      const hidden = ids.filter((id) => reasons.has(id));
      if (hidden.length !== 1) continue;
      const candidates = relation.members.filter((id) => !reasons.has(id));
      const next = candidates.length > 0 ? smallest(candidates, counts) : relation.total;
      reasons.set(next, "secondary");
      changed = true;
    }
  }
  const figures = new Map<string, Figure<number>>();
  for (const [id, cell] of cells) figures.set(id, publishCount(cell, reasons.get(id)));
  return figures;
}

/** The member with the smallest count (the least lost by withholding it); ties go to the first. */
function smallest(ids: readonly string[], counts: ReadonlyMap<string, number>): string {
  let best = ids[0] as string;
  for (const id of ids) {
    if ((counts.get(id) ?? 0) < (counts.get(best) ?? 0)) best = id;
  }
  return best;
}
