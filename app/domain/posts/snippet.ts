// Search snippets: PostgreSQL's ts_headline returns plain text with our own markers around the
// matched words; only those markers ever become markup, everything else is escaped.

// Private-use characters: no one types them, and the body is stripped of them before ts_headline
// runs, so a story cannot forge a marker of its own.
export const SNIPPET_START = "\uE002";
export const SNIPPET_STOP = "\uE003";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const MARKED = new RegExp(`${SNIPPET_START}([^${SNIPPET_START}${SNIPPET_STOP}]*)${SNIPPET_STOP}`, "g");
const STRAY = new RegExp(`[${SNIPPET_START}${SNIPPET_STOP}]`, "g");

/** Escaped text with <mark> around each matched word: safe to put in the page as HTML. */
export function snippetHtml(headline: string): string {
  return escapeHtml(headline.replace(/\s+/g, " ").trim()).replace(MARKED, "<mark>$1</mark>").replace(STRAY, "");
}
