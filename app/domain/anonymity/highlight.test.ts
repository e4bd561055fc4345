import { describe, expect, it } from "vitest";

import { renderWithHighlights } from "./highlight";

describe("highlighted preview", () => {
  it("marks each span in the rendered text", () => {
    const text = "Call me on 07700 900123 please";
    const html = renderWithHighlights(text, [{ start: 11, end: 23 }]);
    expect(html).toBe('<p>Call me on <mark class="finding">07700 900123</mark> please</p>');
  });

  it("never lets a marker inside a link address become markup", () => {
    const text = "[my page](https://facebook.com/some.person)";
    const start = text.indexOf("facebook");
    const html = renderWithHighlights(text, [{ start, end: start + 25 }]);
    expect(html).not.toMatch(/href="[^"]*</);
    expect(html).not.toContain("\uE000");
  });

  it("falls back to a plain preview when marks would not nest", () => {
    const text = "**bold start** and end";
    const html = renderWithHighlights(text, [{ start: 2, end: 18 }]);
    expect(html).not.toContain("\uE000");
    expect(html).not.toContain("<mark");
    expect(html).toBe("<p><strong>bold start</strong> and end</p>");
  });
});
