// The cell key method: the perturbation every published outcome count gets before it is rounded.
// The Office for National Statistics protected Census 2021's flexible tables this way. Each report
// carries a random record key (0-255, never published). A cell's key is the sum of its reports'
// keys modulo 256, so the same reports always make the same cell key and the same cell always
// shows the same value, however often or however it is asked for; two overlapping views are
// different cells, so their difference carries the noise of both (docs/outcome-figures.md).

/** Record keys run from 0 to 255; cell keys are sums of them modulo this. */
export const CELL_KEY_RANGE = 256;

/** A count with the cell key of the reports it counts. */
export interface Cell {
  count: number;
  key: number;
}

export const EMPTY_CELL: Cell = { count: 0, key: 0 };

export function cellOf(count: number, key: number): Cell {
  return { count, key: modulo(key) };
}

/** The cell of the reports in either of two cells that share no report. */
export function addCells(a: Cell, b: Cell): Cell {
  return { count: a.count + b.count, key: modulo(a.key + b.key) };
}

export function sumCells(cells: readonly Cell[]): Cell {
  return cells.reduce(addCells, EMPTY_CELL);
}

function modulo(key: number): number {
  return ((Math.round(key) % CELL_KEY_RANGE) + CELL_KEY_RANGE) % CELL_KEY_RANGE;
}

/**
 * The perturbations, and how often each is drawn: symmetric around 0, so figures stay unbiased, and
 * zero only a quarter of the time, so a published count after rounding never tells which side of
 * a rounding boundary the true count lies. Out of 256 cell keys: ±3 on 20 each, ±2 on 30, ±1 on
 * 42, 0 on 72.
 */
const NOISE_WEIGHTS: readonly [number, number][] = [
  [-3, 20],
  [-2, 30],
  [-1, 42],
  [0, 72],
  [1, 42],
  [2, 30],
  [3, 20],
];

/**
 * The variance a published count carries beyond sampling: the perturbation's (684/256, from the
 * weights above) plus rounding to the nearest 5 (25/12). Intervals are widened by it.
 */
export const PUBLISHED_COUNT_VARIANCE =
  NOISE_WEIGHTS.reduce((sum, [noise, times]) => sum + noise * noise * times, 0) / CELL_KEY_RANGE + 25 / 12;

/** The perturbation table's single row, in a fixed scrambled order (a published constant). */
const NOISE_ROW: readonly number[] = scramble(
  NOISE_WEIGHTS.flatMap(([noise, times]) => Array<number>(times).fill(noise)),
);

/** Counts from this size on share one row offset; smaller counts each get their own. */
const LARGEST_OWN_ROW = 50;

/**
 * The perturbation of a cell: a fixed function of its count and cell key. Different counts with
 * the same key look up different places in the row, so a cell that gains a report moves to an
 * unrelated perturbation even when the new report's key is 0. An empty cell is never perturbed.
 */
export function perturbation(cell: Cell): number {
  if (cell.count <= 0) return 0;
  const row = Math.min(cell.count, LARGEST_OWN_ROW);
  return NOISE_ROW[(cell.key + row * 97) % CELL_KEY_RANGE] ?? 0;
}

/** The cell's count after perturbation, never below zero. */
export function perturbedCount(cell: Cell): number {
  return Math.max(0, cell.count + perturbation(cell));
}

/** A deterministic shuffle (a linear congruential generator with a fixed seed), so the table is fixed. */
function scramble(values: number[]): number[] {
  const out = [...values];
  let state = 20_211_003;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}
