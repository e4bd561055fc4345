// Numbers and names in British English, with the formatter and the collator made once.
// `n.toLocaleString("en-GB")` and `a.localeCompare(b, "en-GB")` build a new ICU object on every
// call: on the busy benchmark machine, sorting 207 council names that way took 26 ms against
// 0.1 ms with one collator, and each count 86 µs against 0.5 µs (a micro-benchmark; the pages'
// own CPU did not measurably change: docs/benchmarks/2026-12-06-real-traffic.md). The results
// are the same, character for character.
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
