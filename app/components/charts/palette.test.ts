import { describe, expect, it } from "vitest";

import { BAR_COLOUR, CATEGORY_COLOURS, DIVERGING_COLOURS, INK, MUTED, SERIES_STYLES } from "./palette";

// WCAG 2.2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

describe("chart colours", () => {
  const meaningful = [
    BAR_COLOUR,
    INK,
    MUTED,
    ...CATEGORY_COLOURS,
    DIVERGING_COLOURS.centre,
    ...DIVERGING_COLOURS.below,
    ...DIVERGING_COLOURS.above,
    ...SERIES_STYLES.map((style) => style.colour),
  ];

  it.each(meaningful)("%s has at least 3:1 contrast with the white page (WCAG 1.4.11)", (colour) => {
    expect(contrast(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("shows the interval line clearly on a bar", () => {
    expect(contrast(INK, BAR_COLOUR)).toBeGreaterThanOrEqual(3);
  });

  it("tells series apart by marker shape and dash pattern as well as colour", () => {
    expect(new Set(SERIES_STYLES.map((style) => style.marker)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((style) => style.dash ?? "solid")).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((style) => style.colour)).size).toBe(SERIES_STYLES.length);
  });

  it("never gives two categories the same colour within the palette", () => {
    expect(new Set(CATEGORY_COLOURS).size).toBe(CATEGORY_COLOURS.length);
    expect(new Set([DIVERGING_COLOURS.centre, ...DIVERGING_COLOURS.below, ...DIVERGING_COLOURS.above]).size).toBe(5);
  });
});
