// The statistics behind the outcomes dashboard. Plain arithmetic on counts; what may be shown is
// decided separately, in ./disclosure.ts.

/** 1.96: the normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for k successes out of n (a proportion, 0 to 1). Chosen over the simple
 * "p ± 1.96 × standard error" because it stays inside 0–1 and behaves at small n and at 0% or 100%.
 */
export function wilsonInterval(k: number, n: number, z = Z_95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface NetScoreEstimate extends Interval {
  /** Share better minus share worse, -1 to 1. */
  score: number;
}

/**
 * Net score with a 95% interval for the difference of two shares of the same people (better and
 * worse cannot both be true of one answer): Newcombe's method, which combines the two Wilson
 * intervals and corrects for the negative correlation between shares of one multinomial sample.
 * Newcombe RG (1998), Statistics in Medicine 17:2635-50, the approach of method 10.
 */
export function netScore(better: number, worse: number, n: number, z = Z_95): NetScoreEstimate {
  if (n <= 0) return { score: 0, low: -1, high: 1 };
  const pB = better / n;
  const pW = worse / n;
  const b = wilsonInterval(better, n, z);
  const w = wilsonInterval(worse, n, z);
  const score = pB - pW;
  // Correlation between the two share estimates in one multinomial sample.
  const spread = pB * (1 - pB) * pW * (1 - pW);
  const phi = spread > 0 ? (-pB * pW) / Math.sqrt(spread) : 0;
  const lowDistance = Math.sqrt(
    Math.max(0, (pB - b.low) ** 2 + (w.high - pW) ** 2 - 2 * phi * (pB - b.low) * (w.high - pW)),
  );
  const highDistance = Math.sqrt(
    Math.max(0, (b.high - pB) ** 2 + (pW - w.low) ** 2 - 2 * phi * (b.high - pB) * (pW - w.low)),
  );
  return { score, low: Math.max(-1, score - lowDistance), high: Math.min(1, score + highDistance) };
}

/**
 * Quantile of the values described by a histogram (value → how many times it occurs), with linear
 * interpolation between neighbouring values: the same definition as PostgreSQL's percentile_cont
 * and R's default (type 7), so figures can be checked against either.
 */
export function quantile(histogram: ReadonlyMap<number, number>, q: number): number | null {
  const entries = [...histogram.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const position = (total - 1) * q;
  const lowerIndex = Math.floor(position);
  const fraction = position - lowerIndex;
  const lower = valueAt(entries, lowerIndex);
  if (fraction === 0) return lower;
  const upper = valueAt(entries, lowerIndex + 1);
  return lower + fraction * (upper - lower);
}

/** The value at a 0-based position in the sorted values a histogram stands for. */
function valueAt(entries: [number, number][], index: number): number {
  let seen = 0;
  for (const [value, count] of entries) {
    seen += count;
    if (index < seen) return value;
  }
  return entries.at(-1)?.[0] ?? 0;
}

export function histogramSize(histogram: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const count of histogram.values()) total += count;
  return total;
}
