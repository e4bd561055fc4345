import { describe, expect, it } from "vitest";

import { histogramSize, netScore, quantile, wilsonInterval } from "./statistics";

const histogram = (values: number[]) => {
  const map = new Map<number, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return map;
};

describe("Wilson interval", () => {
  it("matches hand-computed values for 7 of 20", () => {
    // p = 0.35, z² = 3.8415: centre = (0.35 + 0.096)/1.19207 = 0.37415;
    // half = 1.96/1.19207 × √(0.011375 + 0.0024009) = 0.19298 → 0.18117 to 0.56713.
    const { low, high } = wilsonInterval(7, 20);
    expect(low).toBeCloseTo(0.1812, 4);
    expect(high).toBeCloseTo(0.5671, 4);
  });

  it("stays inside 0 to 1 at the edges, and is not zero-width at 0% or 100%", () => {
    const none = wilsonInterval(0, 10);
    expect(none.low).toBeCloseTo(0, 12);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBeCloseTo(1, 12);
    expect(all.low).toBeCloseTo(0.7225, 4);
  });

  it("narrows as the sample grows", () => {
    const small = wilsonInterval(10, 20);
    const large = wilsonInterval(500, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(large.low).toBeCloseTo(0.4691, 4);
    expect(large.high).toBeCloseTo(0.5309, 4);
  });
});

describe("net score", () => {
  it("is share better minus share worse", () => {
    expect(netScore(30, 10, 50).score).toBeCloseTo(0.4, 10);
    expect(netScore(5, 20, 25).score).toBeCloseTo(-0.6, 10);
  });

  it("has an interval around the score that matches Newcombe's method by hand", () => {
    // better 30/50: Wilson 0.4618–0.7239; worse 10/50: 0.1124–0.3304.
    // phi = −0.6×0.2/√(0.6×0.4×0.2×0.8) = −0.6124.
    // low  = 0.4 − √(0.1382² + 0.1304² + 2×0.6124×0.1382×0.1304) = 0.4 − 0.2412 = 0.1588
    // high = 0.4 + √(0.1239² + 0.0876² + 2×0.6124×0.1239×0.0876) = 0.4 + 0.1906 = 0.5906
    const { low, high } = netScore(30, 10, 50);
    expect(low).toBeCloseTo(0.1588, 3);
    expect(high).toBeCloseTo(0.5906, 3);
  });

  it("keeps the interval within -1 to 1", () => {
    const allBetter = netScore(12, 0, 12);
    expect(allBetter.score).toBe(1);
    expect(allBetter.high).toBe(1);
    expect(allBetter.low).toBeGreaterThan(0.5);
    const allWorse = netScore(0, 12, 12);
    expect(allWorse.low).toBe(-1);
  });
});

describe("quantiles from a histogram", () => {
  it("interpolate like percentile_cont", () => {
    // 10 values: 1..10. Median position 4.5 → 5.5; Q1 position 2.25 → 3.25; Q3 6.75 → 7.75.
    const values = histogram([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(quantile(values, 0.5)).toBe(5.5);
    expect(quantile(values, 0.25)).toBe(3.25);
    expect(quantile(values, 0.75)).toBe(7.75);
  });

  it("count repeated values as many times as they occur", () => {
    const values = new Map([
      [1200, 3],
      [1250, 5],
      [1500, 2],
    ]);
    // Sorted: 1200 ×3, 1250 ×5, 1500 ×2. Median position 4.5: between the 5th and 6th (both 1250).
    expect(quantile(values, 0.5)).toBe(1250);
    // Q3 position 6.75: between the 7th (1250) and the 8th (1250) → 1250; the 9th is 1500.
    expect(quantile(values, 0.75)).toBe(1250);
    expect(quantile(values, 1)).toBe(1500);
    expect(quantile(values, 0)).toBe(1200);
    expect(histogramSize(values)).toBe(10);
  });

  it("ignore values counted zero times (reports withdrawn) and give nothing for no values", () => {
    expect(quantile(new Map([[5, 0]]), 0.5)).toBeNull();
    expect(
      quantile(
        new Map([
          [5, 0],
          [7, 2],
        ]),
        0.5,
      ),
    ).toBe(7);
  });
});
