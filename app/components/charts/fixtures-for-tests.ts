// Figures for the charts' unit and browser tests: one set of made-up shares, scores and rows.
import { shown, withheld, type Figure, type NetScore, type Share } from "~/domain/outcomes/figures";

import { type StackSegment } from "./stacked-bar-chart";

/** A shown share, its interval five points either side unless given. */
export const share = (percent: number, low = Math.max(0, percent - 5), high = Math.min(100, percent + 5)) =>
  shown<Share>({ percent, low, high });

export const net = (score: number, low: number, high: number) => shown<NetScore>({ score, low, high });

export const RATING_KEYS = ["a_lot_worse", "a_bit_worse", "same", "a_bit_better", "a_lot_better"];
export const RATING_LABELS = ["A lot worse", "A bit worse", "About the same", "A bit better", "A lot better"];

/** The five answers of an outcome question, worst first, with these figures. */
export function ratings(values: Figure<Share>[]): StackSegment[] {
  return values.map((value, index) => ({ key: RATING_KEYS[index] ?? "", label: RATING_LABELS[index] ?? "", value }));
}

/** Two outcome rows: one shown whole, one (with a long label) missing its two worse answers. */
export const OUTCOME_ROWS = [
  {
    label: "Control over daily life",
    segments: ratings([share(10, 6, 15), share(20, 15, 26), share(30, 24, 36), share(25, 20, 31), share(15, 11, 20)]),
  },
  {
    label: "Taking part in the community; doing things I value and enjoy",
    segments: ratings([
      withheld("fewer-than-5"),
      withheld("secondary"),
      share(40, 30, 50),
      share(35, 26, 45),
      share(25, 17, 35),
    ]),
  },
];
