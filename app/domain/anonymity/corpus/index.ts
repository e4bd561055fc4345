// The identifying-details corpus and the figures the check is held to.
import { parseCorpus } from "./format";
import { FRESH } from "./fresh";
import { HELD_BACK } from "./held-back";
import { PROBE } from "./probe";
import { RECHECK } from "./recheck";
import { TUNING } from "./tuning";
import { UNSEEN } from "./unseen";

export { type CorpusSentence } from "./format";
export const TUNING_SENTENCES = parseCorpus(TUNING);
export const HELD_BACK_SENTENCES = parseCorpus(HELD_BACK);
export const FRESH_SENTENCES = parseCorpus(FRESH);
export const PROBE_SENTENCES = parseCorpus(PROBE);
/** Written last and kept out of ALL_SENTENCES, so the thresholds in the corpus test never push tuning onto it. */
export const UNSEEN_SENTENCES = parseCorpus(UNSEEN);
/** Written after the changes the unseen part led to; also kept out of ALL_SENTENCES. */
export const RECHECK_SENTENCES = parseCorpus(RECHECK);
export const ALL_SENTENCES = [...TUNING_SENTENCES, ...HELD_BACK_SENTENCES, ...FRESH_SENTENCES, ...PROBE_SENTENCES];

/** Every part by name: those in ALL_SENTENCES first, then the two kept out of it. */
export const CORPUS_PARTS = {
  tuning: TUNING_SENTENCES,
  "held back": HELD_BACK_SENTENCES,
  fresh: FRESH_SENTENCES,
  probe: PROBE_SENTENCES,
  unseen: UNSEEN_SENTENCES,
  recheck: RECHECK_SENTENCES,
} as const;
export type CorpusPart = keyof typeof CORPUS_PARTS;
export const PARTS_IN_ALL: readonly CorpusPart[] = ["tuning", "held back", "fresh", "probe"];
export const PARTS_NOT_IN_ALL: readonly CorpusPart[] = ["unseen", "recheck"];
