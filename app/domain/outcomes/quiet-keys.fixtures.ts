// Cell keys for unit tests. `withKeys` gives every count a fixed key as real reports would (the
// sum of their random record keys); `quietKey` finds a key that leaves a count unperturbed, for
// tests of suppression rules that want exact figures. The perturbation itself is tested in
// cell-key.test.ts.
import { perturbation, type Cell } from "./cell-key";
import type { SliceCounts } from "./outcome-view";

/** The same counts with a fixed, arbitrary cell key for each (a hash of its name and a salt). */
export function withKeys<T extends Omit<SliceCounts, "keys">>(
  slice: T,
  salt = "",
): T & { keys: Record<string, number> } {
  const names = ["reports", ...Object.keys(slice.counts)];
  return { ...slice, keys: Object.fromEntries(names.map((name) => [name, hash(`${salt}${name}`) % 256])) };
}

function hash(text: string): number {
  let h = 2_166_136_261;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 16_777_619) >>> 0;
  return h;
}

/** A cell key that leaves a count of this size unperturbed. */
export function quietKey(count: number): number {
  for (let key = 0; key < 256; key++) if (perturbation({ count, key }) === 0) return key;
  throw new Error(`no quiet key for ${count}`);
}

/** A cell of this count that is published as its own rounded value. */
export function quiet(count: number): Cell {
  return { count, key: quietKey(count) };
}
