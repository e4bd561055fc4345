// Markdown → safe HTML. Rendered once when content is saved; the stored HTML is what pages show.
// Re-render everything with `npm run content:rerender` when these rules change.
import { Marked } from "marked";
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
    // A page has one h1 (its title), so the author's headings start at h2.
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

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const raw = marked.parse(markdown, { async: false });
  const html = sanitizeHtml(raw, SANITIZE_OPTIONS).trim();
  return { html, text: htmlToText(html) };
}
