// What the dashboard, its charts, its downloads and the API may show: every number passes through
// disclosure control (./disclosure.ts) and comes out either shown or withheld with a reason.

/** Why a figure is not shown. */
export type WithheldReason =
  /** Built from fewer than 5 reports. */
  | "fewer-than-5"
  /** Hidden as well, so that a small group cannot be worked out from a total minus the rest. */
  | "secondary"
  /**
   * A net score whose answers are shown in total, but one of whose groups (better, the same,
   * worse) has fewer than 5: never written "fewer than 5", which would read as the answers' total.
   */
  | "small-group"
  /** A median or quartile needs at least 10 values. */
  | "too-few-values";

export type Figure<T> = { shown: true; value: T } | { shown: false; reason: WithheldReason };

/** A share in whole percent with its 95% Wilson interval, also in whole percent. */
export interface Share {
  percent: number;
  low: number;
  high: number;
}

/** Net score: percent better minus percent worse (-100 to 100), with a 95% interval. */
export interface NetScore {
  score: number;
  low: number;
  high: number;
}

/** The words shown, and written into downloads, in place of a withheld figure. */
export const WITHHELD_TEXT: Record<WithheldReason, string> = {
  "fewer-than-5": "fewer than 5",
  secondary: "withheld",
  "small-group": "fewer than 5 in a group",
  "too-few-values": "fewer than 10",
};

export function shown<T>(value: T): Figure<T> {
  return { shown: true, value };
}

export function withheld<T>(reason: WithheldReason): Figure<T> {
  return { shown: false, reason };
}
