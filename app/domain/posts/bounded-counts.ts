// How far a list or search counts and ranks before it stops: the one place the bounds are set
// (docs/story-search.md, "Counts and ranking that stop at a bound"; decision 049).
//
// Counting every matching story, counting them by filter and ranking every match costs PostgreSQL
// time in proportion to the matches: at 1,000,000 published stories a tag carries 121,557 and a
// search word 28,266 (docs/benchmarks/2026-12-07-memory.md). Stopping at a bound keeps a page's
// cost flat however large the site grows, and the numbers stay honest: below the bound they are
// exact; above it the page says "more than", or says which stories the work was done on.

import { formatCount } from "../en-gb";

/**
 * 10,000: every list of the benchmark's smallest site (scale 0.1, 10,000 stories) stays exact, and
 * so would every council's and most tags' lists on a site ten times the size; reading 10,001 index
 * entries and ranking 10,000 stories takes PostgreSQL a few tens of milliseconds, the cost the
 * benchmark measured at scale 0.1. Nobody reads 10,000 stories; past it, "more than 10,000" says
 * all a reader needs.
 */
export const STORY_BOUND = 10_000;

/** The bounds one list is worked out with: a parameter, so tests can use small ones. */
export interface StoryBounds {
  /** Totals: exact up to this many, "more than" it beyond. */
  count: number;
  /** Best-match order ranks at most the newest this many matches. */
  rank: number;
  /** The numbers beside the filters count at most the newest this many matches. */
  facets: number;
}

export const STORY_BOUNDS: StoryBounds = { count: STORY_BOUND, rank: STORY_BOUND, facets: STORY_BOUND };

/** The same bound for all three, e.g. from the STORY_COUNT_BOUND setting. */
export function storyBounds(bound: number = STORY_BOUND): StoryBounds {
  if (!Number.isInteger(bound) || bound < 1)
    throw new RangeError(`A bound must be a whole number of 1 or more: ${bound}`);
  return { count: bound, rank: bound, facets: bound };
}

/** A count that stopped at a bound: exact when `moreThan` is false; otherwise the truth is "more than `count`". */
export interface BoundedCount {
  count: number;
  moreThan: boolean;
}

/**
 * What a count of at most `bound + 1` rows (SELECT count(*) FROM (SELECT 1 … LIMIT bound + 1))
 * says: exact up to the bound; one more than the bound means more than the bound, never that
 * exact figure.
 */
export function boundedCount(counted: number, bound: number): BoundedCount {
  if (counted > bound) return { count: bound, moreThan: true };
  return { count: counted, moreThan: false };
}

/** An exact count, for lists that are never bounded. */
export function exactCount(count: number): BoundedCount {
  return { count, moreThan: false };
}

/** "2,345", or "more than 10,000" above the bound. */
export function countPhrase(total: BoundedCount): string {
  return total.moreThan ? `more than ${formatCount(total.count)}` : formatCount(total.count);
}

/** "1 story", "2,345 stories", "more than 10,000 stories". */
export function countInWords(total: BoundedCount, one: string, many: string): string {
  return `${countPhrase(total)} ${total.count === 1 && !total.moreThan ? one : many}`;
}

/** The text with its first letter a capital, to start a sentence. */
export function atSentenceStart(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** "all 1 story", "all 2,345 stories", "more than 10,000 stories": for a link to the whole list. */
export function allInWords(total: BoundedCount, one: string, many: string): string {
  return total.moreThan ? countInWords(total, one, many) : `all ${countInWords(total, one, many)}`;
}

/** The same, starting a sentence: "All 2,345 posts", "More than 10,000 posts". */
export function allInWordsAtStart(total: BoundedCount, one: string, many: string): string {
  return atSentenceStart(allInWords(total, one, many));
}

/** A figure for a tight space: "2,345", or "10,000+" above the bound. */
export function countFigure(total: BoundedCount): string {
  return total.moreThan ? `${formatCount(total.count)}+` : formatCount(total.count);
}

/** True when there is at least one. */
export function anyCounted(total: BoundedCount): boolean {
  return total.count > 0;
}

/** True when there are at least `some` (a bounded count can always answer this for `some` up to the bound + 1). */
export function atLeast(total: BoundedCount, some: number): boolean {
  return total.count >= some || (total.moreThan && total.count + 1 >= some);
}

/** Said above best-match results when only the newest matches were ranked. */
export function rankedAmongNewestNote(ranked: number): string {
  return `More than ${formatCount(ranked)} stories match, so these are the best matches among the newest ${formatCount(ranked)}. Choose “Show newest first” to go through all of them, or add words or filters to narrow the search.`;
}

/** Said beside the filters when their numbers were counted among the newest matches only. */
export function facetsAmongNewestNote(counted: number): string {
  return `Where more than ${formatCount(counted)} stories match, the number beside a choice counts only the newest ${formatCount(counted)} of them, so choosing it may show more.`;
}
