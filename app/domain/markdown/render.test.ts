import { describe, expect, it } from "vitest";

import { renderMarkdown } from "./render";

describe("rendering Markdown", () => {
  it("keeps paragraphs, emphasis, lists, quotes and code", () => {
    const { html } = renderMarkdown("Hello *there* and **you**\n\n- one\n- two\n\n> quoted\n\n`code`");
    expect(html).toContain("<p>Hello <em>there</em> and <strong>you</strong></p>");
    expect(html).toContain("<ul>\n<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<code>code</code>");
  });

  it("shows raw HTML as text instead of running it", () => {
    const { html } = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)"> <b style="color:red">hi</b>',
    );
    expect(html).not.toMatch(/<(script|img|b)[\s>]/);
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).toContain("&lt;script&gt;");
  });

  it("marks links nofollow ugc noopener and drops unsafe schemes", () => {
    const { html } = renderMarkdown(
      "[ok](https://example.org) [mail](mailto:a@b.c) [bad](javascript:alert(1)) [data](data:text/html,x)",
    );
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">ok</a>');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data:");
  });

  it("turns images into links and never embeds them", () => {
    const { html } = renderMarkdown("![a photo](https://example.org/p.jpg)");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://example.org/p.jpg" rel="nofollow ugc noopener">a photo</a>');
  });

  it("keeps headings between h2 and h4 so the page title stays the only h1", () => {
    const { html } = renderMarkdown("# Big\n\n## Middle\n\n### Lower\n\n##### Small");
    expect(html).toContain("<h2>Big</h2>");
    expect(html).toContain("<h4>Small</h4>");
    expect(html).not.toMatch(/<h[156]/);
  });

  it.each([
    ["### What I do now\n\nText", ["h2"]],
    ["# A\n\n#### B\n\n## C\n\n### D\n\n###### E", ["h2", "h3", "h2", "h3", "h4"]],
    ["> ### Quoted\n\n- #### In a list", ["h2", "h3"]],
  ])("never skips a heading level, whatever the author wrote: %j", (markdown, levels) => {
    const { html } = renderMarkdown(markdown);
    expect([...html.matchAll(/<(h[1-6])>/g)].map((match) => match[1])).toEqual(levels);
  });

  it("produces plain text for search and exports", () => {
    const { text } = renderMarkdown("# Title\n\nOne & *two* <three>\n\n- four");
    expect(text).toBe("Title\nOne & two <three>\nfour");
  });
});
