// Known cross-site scripting vectors, in raw HTML and in every Markdown form we could think of.
// None may come out of renderMarkdown as anything a browser would run.
import { describe, expect, it } from "vitest";

import { renderMarkdown } from "./render";

const VECTORS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<img src=x onerror=alert(1)>",
  '<img src="javascript:alert(1)">',
  "<body onload=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>',
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<math href="javascript:alert(1)">click</math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="behavior:url(x.htc)">x</p>',
  "<style>@import 'javascript:alert(1)';</style>",
  "<link rel=stylesheet href=javascript:alert(1)>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  "<input onfocus=alert(1) autofocus>",
  "<details open ontoggle=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  '<base href="javascript:alert(1)//">',
  "<marquee onstart=alert(1)>x</marquee>",
  "<template><script>alert(1)</script></template>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](javascript&#58;alert(1))",
  "[click](&#x6A;avascript:alert(1))",
  "[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
  "[click]( javascript:alert(1))",
  "[click](<javascript:alert(1)>)",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](file:///etc/passwd)",
  '[x](https://example.org "title" onclick=alert(1))',
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  "<javascript:alert(1)>",
  "<data:text/html,<script>alert(1)</script>>",
  "![x](javascript:alert(1))",
  '![x" onerror="alert(1)](https://example.org/a.png)',
  '![x](https://example.org/a.png"onerror="alert(1))',
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "> <img src=x onerror=alert(1)>",
  "- <a href=javascript:alert(1)>x</a>",
  "**<svg/onload=alert(1)>**",
  "<<script>script>alert(1)<</script>/script>",
  '<a href="https://example.org" onmouseover="alert(1)">x</a>',
  '<a href="//evil.example">protocol relative</a>',
];

// Anything a browser would execute or load: script-capable elements, event handlers, styles,
// and links whose scheme is not http, https or mailto.
function dangerous(html: string): string[] {
  const problems: string[] = [];
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) {
    const name = /^<([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? "";
    const allowed = ["p", "em", "strong", "ul", "ol", "li", "blockquote", "a", "h2", "h3", "h4", "code", "pre", "br"];
    if (!allowed.includes(name)) problems.push(`element <${name}>`);
    if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`event handler in ${tag}`);
    if (/\sstyle\s*=/i.test(tag)) problems.push(`style in ${tag}`);
    const href = /\shref="([^"]*)"/i.exec(tag)?.[1];
    if (href !== undefined && !/^(https?:\/\/|mailto:)/i.test(href)) problems.push(`link to ${href}`);
    const other = tag
      .replace(/\s(href|rel|start)="[^"]*"/gi, "")
      .replace(/^<[a-z0-9]+/i, "")
      .replace(/\/?>$/, "")
      .trim();
    if (other) problems.push(`attribute ${other}`);
  }
  return problems;
}

describe("the sanitiser", () => {
  it("is tested against at least 50 vectors", () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(VECTORS.map((vector) => [vector]))("neutralises %s", (vector) => {
    const { html } = renderMarkdown(vector);
    expect(dangerous(html)).toEqual([]);
  });

  it("the checker itself catches dangerous output", () => {
    expect(dangerous('<a href="javascript:x">y</a>')).not.toEqual([]);
    expect(dangerous('<img src="x">')).not.toEqual([]);
    expect(dangerous('<p onclick="x">y</p>')).not.toEqual([]);
    expect(dangerous('<a href="https://ok.example" rel="nofollow ugc noopener">ok</a>')).toEqual([]);
  });
});
