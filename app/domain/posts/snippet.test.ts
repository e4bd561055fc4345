import { describe, expect, it } from "vitest";

import { SNIPPET_START, SNIPPET_STOP, snippetHtml } from "./snippet";

describe("search snippets", () => {
  it("mark the matched words", () => {
    expect(snippetHtml(`we got ${SNIPPET_START}respite${SNIPPET_STOP} at last`)).toBe(
      "we got <mark>respite</mark> at last",
    );
  });

  it("escape everything else, so a story cannot inject markup", () => {
    const html = snippetHtml(
      `<script>alert(1)</script> <img src=x onerror="alert(2)"> ${SNIPPET_START}respite${SNIPPET_STOP} & more`,
    );
    expect(html).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt; <mark>respite</mark> &amp; more",
    );
    expect(html).not.toMatch(/<(?!\/?mark>)/);
  });

  it("drop markers that do not pair up", () => {
    expect(snippetHtml(`a ${SNIPPET_STOP}b${SNIPPET_START} c ${SNIPPET_START}${SNIPPET_START}d${SNIPPET_STOP}`)).toBe(
      "a b c <mark>d</mark>",
    );
  });

  it("flatten line breaks into one line", () => {
    expect(snippetHtml("one\n\ntwo ")).toBe("one two");
  });
});
