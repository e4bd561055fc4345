// Markdown → safe HTML. Rendered once when content is saved; the stored HTML is what pages show.
// Re-render everything with `npm run content:rerender` when these rules change.
import { Marked, type Token } from "marked";
import sanitizeHtml from "sanitize-html";

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // Raw HTML typed into a post is shown as text, never interpreted.
    html({ text }) {
      return escapeHtml(text);
    },
    // Images could track readers or carry identifying photos; show the alt text as a link instead.
    image({ href, text }) {
      return `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`;
    },
  },
});

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "em", "strong", "ul", "ol", "li", "blockquote", "a", "h2", "h3", "h4", "code", "pre", "br"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // A page has one h1 (its title), so the author's headings start at h2 (levelHeadings).
    h1: "h2",
    h5: "h4",
    h6: "h4",
    del: "em",
    // Only absolute http(s) and mailto links survive; relative and odd-scheme hrefs are dropped.
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      const safe = href !== undefined && /^(https?:\/\/|mailto:)/i.test(href.trim());
      return { tagName, attribs: { ...rest, ...(safe ? { href: href.trim() } : {}), rel: "nofollow ugc noopener" } };
    },
  },
  // Keep the words of removed elements (tables, images), drop script/style contents entirely.
  nonTextTags: ["script", "style", "textarea", "option", "noscript"],
};

export interface RenderedMarkdown {
  html: string;
  text: string;
}

const decodeEntities = (text: string) =>
  text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&#x27;", "'")
    .replaceAll("&nbsp;", " ")
    .replaceAll("&amp;", "&");

/** Plain text of rendered HTML: for search, snippets and exports. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|li|h2|h3|h4|blockquote|pre)>|<br\s*\/?>/g, "$&\n");
  const stripped = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(stripped)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

/**
 * What marked is given. Its worst cases grow much faster than the input (unclosed emphasis and
 * link openers are quadratic to cubic; deep nesting recurses once per level and overflowed the
 * stack at ~10,000 levels), so input past any of these is shown as plain paragraphs instead: every
 * word kept, no formatting. A story is at most 1,500 words, far inside all three.
 */
export const MARKDOWN_LIMITS = {
  /** Characters of Markdown (1,500 words of 25 characters). */
  maxChars: 40_000,
  /** Characters that open or close inline Markdown: * _ [ ] < ` ~ */
  maxDelimiters: 400,
  /** Block quotes and list items nested on one line, and indentation in columns / 4. */
  maxDepth: 8,
} as const;

const DELIMITERS = new Set(["*", "_", "[", "]", "<", "`", "~"]);
const CONTAINER = /^[ \t]{0,3}(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?/;

function depthOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === " ") columns += 1;
    else if (ch === "\t") columns += 4 - (columns % 4);
    else break;
  }
  let depth = Math.floor(columns / 4);
  let rest = line;
  for (let match = CONTAINER.exec(rest); match && match[0].length > 0; match = CONTAINER.exec(rest)) {
    depth += 1;
    if (depth > MARKDOWN_LIMITS.maxDepth) break;
    rest = rest.slice(match[0].length);
  }
  return depth;
}

/** Whether marked may render this (see MARKDOWN_LIMITS); otherwise it is shown as plain text. */
export function withinMarkdownLimits(markdown: string): boolean {
  if (markdown.length > MARKDOWN_LIMITS.maxChars) return false;
  let delimiters = 0;
  for (const ch of markdown) {
    if (DELIMITERS.has(ch) && ++delimiters > MARKDOWN_LIMITS.maxDelimiters) return false;
  }
  return markdown.split("\n").every((line) => depthOf(line) <= MARKDOWN_LIMITS.maxDepth);
}

/** Paragraphs of escaped text: blank lines part paragraphs, single line breaks are kept. */
function plainParagraphs(text: string): string {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, "<br />")}</p>`)
    .join("\n");
}

/**
 * The author's headings, in the order written, re-levelled so the page's outline never skips a
 * level (WCAG 1.3.1; axe's heading-order): the page's title is its h1, so the first heading is an
 * h2, and each heading is at most one level below the one before it, h4 at the deepest. A story
 * that starts with "### What I do now" shows it as an h2.
 */
function levelHeadings(tokens: Token[]): Token[] {
  let previous = 1;
  marked.walkTokens(tokens, (token) => {
    if (token.type !== "heading") return;
    token.depth = Math.min(4, Math.max(2, Math.min(token.depth, previous + 1)));
    previous = token.depth;
  });
  return tokens;
}

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const raw = withinMarkdownLimits(markdown)
    ? marked.parser(levelHeadings(marked.lexer(markdown)))
    : plainParagraphs(markdown);
  const html = sanitizeHtml(raw, SANITIZE_OPTIONS).trim();
  return { html, text: htmlToText(html) };
}
