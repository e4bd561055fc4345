// Numbers and names in British English, with the formatter and the collator made once.
// `n.toLocaleString("en-GB")` and `a.localeCompare(b, "en-GB")` build a new ICU object on every
// call (tens of microseconds each): ordering 200 councils that way took about 10 ms of a page's
// CPU, and a list's facet counts as much again (docs/benchmarks/2026-12-06-real-traffic.md).
// The results are the same, character for character.
const COUNT = new Intl.NumberFormat("en-GB");
const NAMES = new Intl.Collator("en-GB");

/** 12,345: as `n.toLocaleString("en-GB")`. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** Alphabetical order, as `a.localeCompare(b, "en-GB")`. */
export function compareNames(a: string, b: string): number {
  return NAMES.compare(a, b);
}
