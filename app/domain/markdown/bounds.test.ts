// Markdown that once took the process down (stack overflow, out of memory) or held it for
// minutes: every input renders, quickly, and keeps its words (app/domain/markdown/render.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MARKDOWN_LIMITS, renderMarkdown, withinMarkdownLimits } from "./render";

const timed = (markdown: string) => {
  const started = performance.now();
  const rendered = renderMarkdown(markdown);
  return { ...rendered, ms: performance.now() - started };
};

describe("Markdown past the limits", () => {
  it("60,000 nested quote markers render as plain text instead of overflowing the stack", () => {
    const { html, ms } = timed(">".repeat(60_000));
    expect(html).toContain("&gt;&gt;&gt;");
    expect(ms).toBeLessThan(3_000);
  });

  it("a list indented 3,000 levels deep renders as plain text instead of exhausting the heap", () => {
    const markdown = Array.from({ length: 3_000 }, (_, i) => `${" ".repeat(i * 2)}- level ${i}`).join("\n");
    const { text, ms } = timed(markdown);
    expect(text).toContain("level 2999");
    expect(ms).toBeLessThan(5_000); // 9 MB of text: far past what any form accepts
  });

  it("thousands of unclosed emphasis and link openers render in well under a second", () => {
    for (const unit of ["*a ", "_a ", "*_a ", "[a](", "![a](", "`a "]) {
      const { ms } = timed(unit.repeat(10_000));
      expect(ms, unit).toBeLessThan(1_000);
    }
  });

  it("12 MB of Markdown is shown as plain text, all of it", () => {
    const { text, ms } = timed(`${"word ".repeat(2_400_000)}end`);
    expect(text.endsWith("end")).toBe(true);
    expect(ms).toBeLessThan(10_000);
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
  it("renders within a second whatever it is made of", () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 4_000 }),
        fc.integer({ min: 1, max: 20 }),
        (units, repeat) => {
          const markdown = units
            .join("")
            .repeat(repeat)
            .slice(0, MARKDOWN_LIMITS.maxChars + 100);
          const { ms } = timed(markdown);
          expect(ms).toBeLessThan(1_000);
        },
      ),
      { seed: 1305, numRuns: 60 },
    );
  });

  it("the worst inputs just inside the limits still render within a second", () => {
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
      expect(timed(markdown).ms, markdown.slice(0, 20)).toBeLessThan(1_000);
    }
  });
});
