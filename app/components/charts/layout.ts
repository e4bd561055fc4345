// Shared measurements. Every chart is drawn across VIEW_WIDTH units, inside a viewBox with a margin
// of VIEW_MARGIN all round (for glyphs that overhang their position), and the CSS lets it grow
// only to 27rem: so text of FONT_SIZE units is never smaller than 12px, even squeezed onto a
// 320px phone screen (288px of content), and never larger than the page's own body text.

export const VIEW_WIDTH = 360;
/**
 * A chart that has a wide drawing as well (labels beside the marks rather than above them) draws
 * it across WIDE_VIEW_WIDTH units and shows it instead on screens of 56rem and more, where the CSS
 * lets it grow to about its own size in pixels: its text stays about the size of body text.
 */
export const WIDE_VIEW_WIDTH = 720;
export const VIEW_MARGIN = 4;
export const FONT_SIZE = 16;
/** Distance between lines of text; a text's baseline sits BASELINE below its line's top. */
export const LINE_HEIGHT = 20;
export const BASELINE = 15;

/**
 * A generous estimate of how wide a text is drawn: system fonts average about 0.55em a character
 * in words, but digits and signs in the widest of them (DejaVu Sans, Linux's default) take 0.7em.
 */
const EM_PER_CHARACTER = 0.7;

export function textWidth(text: string, fontSize = FONT_SIZE): number {
  return Math.ceil(text.length * fontSize * EM_PER_CHARACTER);
}

/** The most characters that surely fit on one line across the whole chart. */
export const CHARACTERS_PER_LINE = Math.floor(VIEW_WIDTH / (FONT_SIZE * EM_PER_CHARACTER));

/** Splits a label into lines of at most `maxCharacters`, at spaces (a longer word gets its own line). */
export function wrapText(text: string, maxCharacters = CHARACTERS_PER_LINE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxCharacters) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/** Where to anchor a tick label at `x` so it stays inside a chart `width` wide. */
export function tickAnchor(x: number, text: string, width = VIEW_WIDTH): "start" | "middle" | "end" {
  const half = textWidth(text) / 2;
  if (x - half < 0) return "start";
  if (x + half > width) return "end";
  return "middle";
}

/** Coordinates to two decimals: short markup, same drawing. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
