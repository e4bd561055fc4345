// Reading server-rendered chart markup in unit tests: just enough of a parser for React's output
// (attributes always double-quoted, text escaped the same way every time).
import { HtmlValidate } from "html-validate";
import { type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect } from "vitest";

export function render(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

export type Attributes = Record<string, string>;

function attributesOf(source: string): Attributes {
  const attributes: Attributes = {};
  for (const match of source.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[match[1] ?? ""] = decode(match[2] ?? "");
  return attributes;
}

/** Every opening tag of `tag` (with `className` among its classes, when given), as attributes. */
export function elements(markup: string, tag: string, className?: string): Attributes[] {
  return [...markup.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, "g"))]
    .map((match) => attributesOf(match[1] ?? ""))
    .filter((attributes) => !className || (attributes.class ?? "").split(" ").includes(className));
}

/** The markup between the first `<tag ...>` matching `pattern` and its closing tag (no nesting of the same tag). */
export function section(markup: string, tag: string, pattern = ""): string {
  const match = new RegExp(`<${tag}\\b[^>]*${pattern}[^>]*>([\\s\\S]*?)</${tag}>`).exec(markup);
  if (!match) throw new Error(`No <${tag}> matching ${pattern || "anything"} in the markup`);
  return match[1] ?? "";
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
export function textOf(markup: string): string {
  return decode(markup.replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** The data table as rows of cell texts, header row first. */
export function tableRows(markup: string): string[][] {
  const table = section(markup, "table");
  return [...table.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t([hd])\b[^>]*>([\s\S]*?)<\/t\1>/g)].map((cell) => textOf(cell[2] ?? "")),
  );
}

/** The SVG drawing alone, so that assertions about it do not accidentally match the table. */
export function drawing(markup: string): string {
  return section(markup, "svg", 'role="img"');
}

/** The id of the element whose opening tag matches `tag` and whose text is `text`. */
export function idOfElementWithText(markup: string, tag: string, text: string): string | undefined {
  for (const match of markup.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, "g"))) {
    if (textOf(match[2] ?? "") === text) return attributesOf(match[1] ?? "").id;
  }
  return undefined;
}

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

/**
 * The promises every chart makes to screen reader and keyboard users: valid HTML; a visible
 * heading at the requested level and a summary, both naming the image; the image out of the tab
 * order; a table with a caption and scoped headers.
 */
export async function expectAccessibleChart(
  markup: string,
  { title, summary, headingLevel }: { title: string; summary: string; headingLevel: number },
) {
  const report = await validator.validateString(markup);
  expect(
    report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`)),
  ).toEqual([]);
  const titleId = idOfElementWithText(markup, `h${headingLevel}`, title);
  const summaryId = idOfElementWithText(markup, "p", summary);
  expect(titleId).toBeTruthy();
  expect(summaryId).toBeTruthy();
  const images = elements(markup, "svg").filter((svg) => svg.role === "img");
  const [image, ...otherImages] = images.filter((svg) => !(svg.class ?? "").includes("chart__svg--wide"));
  expect(otherImages).toEqual([]);
  // A wide drawing, when there is one, is the same image laid out for a wide screen (only one shows).
  for (const wide of images.filter((svg) => (svg.class ?? "").includes("chart__svg--wide"))) {
    expect(wide).toMatchObject({ "aria-labelledby": `${titleId} ${summaryId}`, focusable: "false", "font-size": "16" });
    expect(wide.viewBox).toMatch(/^-4 -4 728 \d+(\.\d+)?$/);
  }
  expect(image).toMatchObject({ "aria-labelledby": `${titleId} ${summaryId}`, focusable: "false" });
  expect(image?.viewBox).toMatch(/^-4 -4 368 \d+(\.\d+)?$/);
  expect(image?.width).toBeUndefined();
  // The legend's swatches are decoration: the legend's words say the same.
  for (const swatch of elements(markup, "svg", "chart__swatch"))
    expect(swatch).toMatchObject({ "aria-hidden": "true", focusable: "false" });
  expect(markup).toMatch(/^<figure class="chart[^"]*"><figcaption/);
  expect(textOf(section(markup, "caption"))).toContain(title);
  const headerCells = elements(section(markup, "table"), "th");
  expect(headerCells.length).toBeGreaterThan(0);
  for (const cell of headerCells) expect(["col", "row"]).toContain(cell.scope);
  // SVG text is drawn at 16 units: 12.5px when the chart is squeezed to 288px.
  expect(image?.["font-size"]).toBe("16");
  for (const text of elements(drawing(markup), "text")) expect(text["font-size"]).toBeUndefined();
}
