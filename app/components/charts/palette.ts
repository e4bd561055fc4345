// Chart colours. Every colour that carries meaning has at least 3:1 contrast with the white page
// (WCAG 1.4.11); neighbouring stack segments are split by white gaps instead of needing 3:1
// against each other, and nothing relies on colour alone (legend order, marker shapes, dash
// patterns and the data table carry the same information).

/** Bars of a single-series bar chart: light enough for the dark interval line to show on it. */
export const BAR_COLOUR = "#5694ca";
/** Axis text, interval lines, the zero line (the site's --text). */
export const INK = "#0b0c0c";
/** Withheld-figure hatching and notes (the site's --muted). */
export const MUTED = "#484949";
/** Grid lines: decoration only, so below 3:1 on purpose (the site's --border). */
export const GRID = "#b1b4b6";

/** Categories with no order (support arrangements, plan leads), in the order they are listed. */
export const CATEGORY_COLOURS = [
  "#1d4f6e",
  "#d55e00",
  "#009e73",
  "#cc79a7",
  "#5694ca",
  "#8a2c0d",
  "#767676",
  "#4c2c92",
] as const;

/** A diverging scale: the neutral middle, and shades outward from it on each side (nearest first). */
export const DIVERGING_COLOURS = {
  centre: "#767676",
  below: ["#d55e00", "#8a2c0d"],
  above: ["#5694ca", "#1d4f6e"],
} as const;

export type MarkerShape = "circle" | "square" | "diamond" | "triangle";

/** Series compared on one chart (this council, its region, the nation): colour, marker and dash differ together. */
export const SERIES_STYLES = [
  { colour: "#1d4f6e", marker: "circle", dash: undefined },
  { colour: "#d55e00", marker: "square", dash: "7 4" },
  { colour: "#4c2c92", marker: "diamond", dash: "2 3" },
  { colour: "#009e73", marker: "triangle", dash: "10 3 2 3" },
] as const satisfies readonly { colour: string; marker: MarkerShape; dash: string | undefined }[];

export function categoryColour(index: number): string {
  return CATEGORY_COLOURS[index % CATEGORY_COLOURS.length] ?? CATEGORY_COLOURS[0];
}

export function seriesStyle(index: number): (typeof SERIES_STYLES)[number] {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
}

/** The shade for a segment `distance` steps from the centre of a diverging scale (1 = next to it). */
export function divergingColour(side: "below" | "above", distance: number): string {
  const shades = DIVERGING_COLOURS[side];
  return shades[Math.min(distance, shades.length) - 1] ?? shades[0];
}
