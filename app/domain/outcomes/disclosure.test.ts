import { describe, expect, it } from "vitest";

import { perturbedCount } from "./cell-key";
import {
  MIN_REPORTS,
  protectCounts,
  publishCount,
  publishShare,
  roundCount,
  shareOf,
  smallComplement,
  type TotalRelation,
} from "./disclosure";
import { quiet } from "./quiet-keys.fixtures";

/** Counts as cells that are published as their own rounded values, for exact expectations. */
const quietCells = (entries: [string, number][]) => new Map(entries.map(([id, count]) => [id, quiet(count)]));

describe("counts", () => {
  it("are rounded to the nearest 5", () => {
    expect([5, 7, 8, 12, 13, 102, 103].map(roundCount)).toEqual([5, 5, 10, 10, 15, 100, 105]);
  });

  it("built from fewer than 5 reports are withheld, never shown as a number", () => {
    for (const count of [0, 1, 2, 3, 4]) {
      for (let key = 0; key < 256; key++)
        expect(publishCount({ count, key })).toEqual({ shown: false, reason: "fewer-than-5" });
    }
    expect(publishCount(quiet(5))).toEqual({ shown: true, value: 5 });
  });

  it("are perturbed by their cell key before rounding, and never pinned to a rounding window", () => {
    // 77 reports: most cell keys show 75 or 80, and the same cell always shows the same value.
    const shownValues = new Set<number>();
    for (let key = 0; key < 256; key++) {
      const figure = publishCount({ count: 77, key });
      if (!figure.shown) throw new Error("77 must be shown");
      expect(figure.value).toBe(roundCount(perturbedCount({ count: 77, key })));
      expect(publishCount({ count: 77, key })).toEqual(figure);
      shownValues.add(figure.value);
    }
    expect([...shownValues].sort()).toEqual([75, 80]);
    // A true count of 78 (which alone always rounds to 80) is shown as 75 for some keys.
    const seventyEight = [...Array(256).keys()].map((key) => publishCount({ count: 78, key }));
    expect(seventyEight.some((f) => f.shown && f.value === 75)).toBe(true);
  });

  it("come with shares worked out from the published counts, in whole percent with a Wilson interval", () => {
    // 7 of 20 is 35%; Wilson 18.1% to 56.7%, widened for the ±3 perturbation and rounding to 5 of both
    // counts (a standard deviation of about 2.2 reports each): 7% to 66%.
    expect(shareOf(7, 20)).toEqual({ percent: 35, low: 7, high: 66 });
    // With 400 reports the protection adds little: Wilson 30.4% to 39.8%, widened to 30% to 40%.
    expect(shareOf(140, 400)).toEqual({ percent: 35, low: 30, high: 40 });
    expect(publishShare({ shown: true, value: 10 }, { shown: true, value: 20 })).toEqual({
      shown: true,
      value: shareOf(10, 20),
    });
    expect(publishShare({ shown: true, value: 10 }, { shown: false, reason: "secondary" })).toEqual({
      shown: false,
      reason: "secondary",
    });
    // A perturbed part can exceed a perturbed whole; the share stops at 100%.
    expect(shareOf(25, 20).percent).toBe(100);
  });
});

describe("a filtered view inside a wider one", () => {
  it("is withheld when the reports it leaves out number 1 to 4", () => {
    expect([0, 1, 4, 5, 30].map((outside) => smallComplement(40, 40 + outside))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("secondary suppression", () => {
  it("withholds the smallest other council when one council's count could be worked out from the region total", () => {
    const counts = quietCells([
      ["region", 4 + 30 + 12 + 50],
      ["a", 4],
      ["b", 30],
      ["c", 12],
      ["d", 50],
    ]);
    const figures = protectCounts(counts, [{ total: "region", members: ["a", "b", "c", "d"] }]);
    expect(figures.get("a")).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(figures.get("c")).toEqual({ shown: false, reason: "secondary" });
    expect(figures.get("b")).toEqual({ shown: true, value: 30 });
    expect(figures.get("region")).toEqual({ shown: true, value: 95 });
  });

  it("withholds the total when the only member is small", () => {
    const figures = protectCounts(
      quietCells([
        ["wales", 3],
        ["cardiff", 3],
      ]),
      [{ total: "wales", members: ["cardiff"] }],
    );
    expect(figures.get("wales")?.shown).toBe(false);
  });

  it("follows a withheld figure up and down the hierarchy", () => {
    // Nation = R1 + R2; R1 = a + b; R2 = c + d. Council a is small, so b goes too; every
    // relation then has no withheld figure or at least two.
    const counts = quietCells([
      ["nation", 3 + 40 + 60 + 70],
      ["r1", 3 + 40],
      ["a", 3],
      ["b", 40],
      ["r2", 60 + 70],
      ["c", 60],
      ["d", 70],
    ]);
    const relations: TotalRelation[] = [
      { total: "nation", members: ["r1", "r2"] },
      { total: "r1", members: ["a", "b"] },
      { total: "r2", members: ["c", "d"] },
    ];
    const figures = protectCounts(counts, relations);
    expect(figures.get("a")?.shown).toBe(false);
    expect(figures.get("b")?.shown).toBe(false);
    expect(figures.get("r1")?.shown).toBe(true);
    expect(unknownsPerRelation(figures, relations).every((n) => n === 0 || n >= 2)).toBe(true);
  });
});

// ---- Property: over random hierarchies, no withheld figure can be worked out from the rest ----

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomHierarchy(random: () => number) {
  const counts = new Map<string, number>();
  const relations: TotalRelation[] = [];
  const regions: string[] = [];
  let nation = 0;
  const regionCount = 1 + Math.floor(random() * 5);
  for (let r = 0; r < regionCount; r++) {
    const members: string[] = [];
    let total = 0;
    const councils = 1 + Math.floor(random() * 8);
    for (let c = 0; c < councils; c++) {
      // Mostly small councils, some large: the case where suppression matters.
      const count = random() < 0.5 ? Math.floor(random() * 8) : Math.floor(random() * 200);
      counts.set(`r${r}c${c}`, count);
      members.push(`r${r}c${c}`);
      total += count;
    }
    counts.set(`r${r}`, total);
    relations.push({ total: `r${r}`, members });
    regions.push(`r${r}`);
    nation += total;
  }
  counts.set("nation", nation);
  relations.push({ total: "nation", members: regions });
  return { counts, relations };
}

function unknownsPerRelation(figures: Map<string, { shown: boolean }>, relations: TotalRelation[]) {
  return relations.map((r) => [r.total, ...r.members].filter((id) => !figures.get(id)?.shown).length);
}

/** Rank of a matrix by Gaussian elimination (entries are small integers, so exact enough). */
function rank(rows: number[][]): number {
  const m = rows.map((row) => [...row]);
  let rankSoFar = 0;
  const columns = m[0]?.length ?? 0;
  for (let col = 0; col < columns && rankSoFar < m.length; col++) {
    const pivot = m.findIndex((row, i) => i >= rankSoFar && Math.abs(row[col] ?? 0) > 1e-9);
    if (pivot === -1) continue;
    [m[rankSoFar], m[pivot]] = [m[pivot] as number[], m[rankSoFar] as number[]];
    const pivotRow = m[rankSoFar] as number[];
    for (let i = 0; i < m.length; i++) {
      if (i === rankSoFar) continue;
      const row = m[i] as number[];
      const factor = (row[col] ?? 0) / (pivotRow[col] ?? 1);
      for (let j = col; j < columns; j++) row[j] = (row[j] ?? 0) - factor * (pivotRow[j] ?? 0);
    }
    rankSoFar++;
  }
  return rankSoFar;
}

/**
 * A withheld figure x can be worked out exactly from the totals and the shown figures (taken at
 * their true values, the strongest attacker) when the unit vector for x lies in the row space of
 * the relations restricted to the withheld figures.
 */
function recoverable(figures: Map<string, { shown: boolean }>, relations: TotalRelation[]): string[] {
  const unknown = [...figures.keys()].filter((id) => !figures.get(id)?.shown);
  const rows = relations
    .map((r) => unknown.map((id) => (id === r.total ? 1 : r.members.includes(id) ? -1 : 0)))
    .filter((row) => row.some((v) => v !== 0));
  if (rows.length === 0) return [];
  const base = rank(rows);
  return unknown.filter((id, i) => rank([...rows, unknown.map((_, j) => (j === i ? 1 : 0))]) === base);
}

describe("secondary suppression over random data sets", () => {
  it("never leaves a withheld count that follows from the shown counts and totals", () => {
    const random = mulberry32(20261201);
    let withheldSeen = 0;
    for (let run = 0; run < 400; run++) {
      const { counts, relations } = randomHierarchy(random);
      const figures = protectCounts(
        new Map([...counts].map(([id, count]) => [id, { count, key: (count * 31 + run) % 256 }])),
        relations,
      );
      for (const [id, figure] of figures) {
        if (figure.shown) {
          expect(counts.get(id)).toBeGreaterThanOrEqual(MIN_REPORTS);
          expect(figure.value % 5).toBe(0);
        } else {
          withheldSeen++;
        }
      }
      for (const unknowns of unknownsPerRelation(figures, relations)) expect(unknowns).not.toBe(1);
      expect(recoverable(figures, relations)).toEqual([]);
    }
    // The generator really produced small cells to protect.
    expect(withheldSeen).toBeGreaterThan(400);
  });

  it("the check itself catches a single withheld member (so the property above could fail)", () => {
    const figures = new Map([
      ["region", { shown: true }],
      ["a", { shown: false }],
      ["b", { shown: true }],
    ]);
    expect(recoverable(figures, [{ total: "region", members: ["a", "b"] }])).toEqual(["a"]);
  });
});
