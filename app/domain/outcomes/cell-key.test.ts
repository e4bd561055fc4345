import { describe, expect, it } from "vitest";

import { addCells, CELL_KEY_RANGE, perturbation, perturbedCount, sumCells } from "./cell-key";

describe("the cell key method", () => {
  it("gives the same cell the same perturbation every time", () => {
    for (let key = 0; key < CELL_KEY_RANGE; key += 17)
      expect(perturbation({ count: 42, key })).toBe(perturbation({ count: 42, key }));
  });

  it("keeps every perturbation within ±3, symmetric, and zero only a quarter of the time", () => {
    for (const count of [1, 5, 12, 50, 51, 1000]) {
      const drawn = [...Array(CELL_KEY_RANGE).keys()].map((key) => perturbation({ count, key }));
      expect(Math.min(...drawn)).toBe(-3);
      expect(Math.max(...drawn)).toBe(3);
      expect(drawn.reduce((a, b) => a + b, 0)).toBe(0);
      expect(drawn.filter((d) => d === 0).length).toBe(72);
    }
  });

  it("never perturbs an empty cell and never goes below zero", () => {
    for (let key = 0; key < CELL_KEY_RANGE; key++) {
      expect(perturbedCount({ count: 0, key })).toBe(0);
      expect(perturbedCount({ count: 1, key })).toBeGreaterThanOrEqual(0);
    }
  });

  it("adds cell keys modulo 256, so a union of cells has the key its reports make", () => {
    expect(addCells({ count: 3, key: 200 }, { count: 4, key: 100 })).toEqual({ count: 7, key: 44 });
    expect(
      sumCells([
        { count: 1, key: 255 },
        { count: 1, key: 1 },
        { count: 1, key: 0 },
      ]),
    ).toEqual({ count: 3, key: 0 });
  });

  it("moves a cell that gains one report to an unrelated perturbation, even when the report's key is 0", () => {
    // Same key, one more report: over every key, the perturbations differ most of the time.
    let differ = 0;
    for (let key = 0; key < CELL_KEY_RANGE; key++)
      if (perturbation({ count: 20, key }) !== perturbation({ count: 21, key })) differ++;
    expect(differ).toBeGreaterThan(CELL_KEY_RANGE / 2);
  });
});
