// Markdown that once took the process down (stack overflow, out of memory) or held it for
// minutes: every input renders and keeps its words (app/domain/markdown/render.ts). No test times
// itself (timings on a shared machine are noise): an input that held the renderer for minutes, as
// these once did, fails by running past the test's own time limit.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MARKDOWN_LIMITS, renderMarkdown, withinMarkdownLimits } from "./render";

describe("Markdown past the limits", () => {
  it("60,000 nested quote markers render as plain text instead of overflowing the stack", () => {
    const { html } = renderMarkdown(">".repeat(60_000));
    expect(html).toContain("&gt;&gt;&gt;");
  });

  it("a list indented 3,000 levels deep renders as plain text instead of exhausting the heap", () => {
    const markdown = Array.from({ length: 3_000 }, (_, i) => `${" ".repeat(i * 2)}- level ${i}`).join("\n");
    const { text } = renderMarkdown(markdown); // 9 MB of text: far past what any form accepts
    expect(text).toContain("level 2999");
  });

  it("thousands of unclosed emphasis and link openers render, keeping every word", () => {
    for (const unit of ["*a ", "_a ", "*_a ", "[a](", "![a](", "`a "]) {
      const { text } = renderMarkdown(unit.repeat(10_000));
      expect(text.match(/a/g)?.length, unit).toBe(10_000);
    }
  });

  it("12 MB of Markdown is shown as plain text, all of it", () => {
    const { text } = renderMarkdown(`${"word ".repeat(2_400_000)}end`);
    expect(text.endsWith("end")).toBe(true);
  });

  it("ordinary stories keep their formatting", () => {
    const story = `## What happened\n\n${"We asked the council for help with *respite* and [a review](https://example.org). ".repeat(60)}\n\n- one\n  - two\n    - three\n\n> quoted`;
    expect(withinMarkdownLimits(story)).toBe(true);
    expect(renderMarkdown(story).html).toContain("<em>respite</em>");
  });
});

describe("any Markdown within the limits", () => {
  const unit = fc.constantFrom(
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "`",
    "~",
    "!",
    "-",
    "1.",
    "#",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "a",
    "word ",
    "http://a.b",
    "&#",
    "\\",
    "|",
  );
  it("renders whatever it is made of, without overflowing the stack or the heap", () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 4_000 }),
        fc.integer({ min: 1, max: 20 }),
        (units, repeat) => {
          const markdown = units
            .join("")
            .repeat(repeat)
            .slice(0, MARKDOWN_LIMITS.maxChars + 100);
          expect(() => renderMarkdown(markdown)).not.toThrow();
        },
      ),
      { seed: 1305, numRuns: 60 },
    );
  });

  it("the worst inputs just inside the limits still render", () => {
    const spread = (token: string) => {
      const gap = "a".repeat(
        Math.floor(MARKDOWN_LIMITS.maxChars / (MARKDOWN_LIMITS.maxDelimiters / token.length)) - token.length - 1,
      );
      return `${token}${gap} `
        .repeat(Math.floor(MARKDOWN_LIMITS.maxDelimiters / token.length))
        .slice(0, MARKDOWN_LIMITS.maxChars);
    };
    const cases = [
      "*a ".repeat(MARKDOWN_LIMITS.maxDelimiters),
      "[a](".repeat(MARKDOWN_LIMITS.maxDelimiters / 2),
      "![a](".repeat(MARKDOWN_LIMITS.maxDelimiters / 2),
      spread("*"),
      spread("[a]("),
      `${"> - ".repeat(MARKDOWN_LIMITS.maxDepth / 2)}a\n`.repeat(2_000),
      `${"(".repeat(20_000)}${"[a]".repeat(100)}`,
    ];
    for (const markdown of cases) {
      expect(withinMarkdownLimits(markdown), markdown.slice(0, 20)).toBe(true);
      expect(renderMarkdown(markdown).text.length, markdown.slice(0, 20)).toBeGreaterThan(0);
    }
  });
});
