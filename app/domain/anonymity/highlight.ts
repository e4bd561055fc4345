// The preview shows each identifying detail highlighted where it sits in the rendered post.
import { renderMarkdown } from "../markdown/render";

// Private-use characters mark where findings start and end; they survive Markdown and sanitising.
const OPEN = "\uE000";
const CLOSE = "\uE001";

export interface Span {
  start: number;
  end: number;
}

/**
 * Renders Markdown with <mark class="finding"> around each span. Markers that land inside a tag
 * (a link's address, say) are dropped rather than turned into markup, so nothing can break out
 * of an attribute; if a mark would straddle elements the preview is shown without marks.
 */
export function renderWithHighlights(markdown: string, spans: Span[]): string {
  let marked = markdown;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    marked = `${marked.slice(0, span.start)}${OPEN}${marked.slice(span.start, span.end)}${CLOSE}${marked.slice(span.end)}`;
  }
  const { html } = renderMarkdown(marked);
  let depth = 0;
  let balanced = true;
  const highlighted = html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith("<")) return part.replaceAll(OPEN, "").replaceAll(CLOSE, "");
      // A mark must open and close within one run of text, or it would straddle elements.
      if (depth !== 0) balanced = false;
      const replaced = part.replace(/[\uE000\uE001]/g, (marker) => {
        if (marker === OPEN) {
          depth += 1;
          if (depth > 1) balanced = false;
          return '<mark class="finding">';
        }
        depth -= 1;
        if (depth < 0) balanced = false;
        return "</mark>";
      });
      if (depth !== 0) balanced = false;
      return replaced;
    })
    .join("");
  if (!balanced || depth !== 0) return renderMarkdown(markdown).html;
  return highlighted;
}
