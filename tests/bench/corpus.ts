// Text for the benchmark data set: sentences and titles taken from the demo community (plausible
// UK social care experiences, no real people), recombined into posts and replies of realistic
// length. Each sentence is rendered once with the app's own Markdown renderer, so a body built
// from sentences has exactly the HTML and plain text the app would have stored for it.
import { renderMarkdown } from "../../app/domain/markdown/render";
import { buildDemoCommunity, DEMO_SEED, type Rng } from "../../prisma/seed/demo-community";

export type PostKind = "story" | "practice_note" | "question";

interface Sentence {
  md: string;
  html: string;
  text: string;
}

export interface Body {
  markdown: string;
  html: string;
  text: string;
}

export interface Corpus {
  sentences: Record<PostKind | "comment", Sentence[]>;
  titles: Record<PostKind, string[]>;
  /** Every distinct word, for choosing a search word. */
  words: Set<string>;
}

// Markdown syntax, quotes split across sentences, and anything COPY would need to escape.
const UNSAFE = /[*_`[\]<>#\\|~\t\r\n]/;

function usableSentence(sentence: string): boolean {
  if (sentence.length < 25 || sentence.length > 320 || UNSAFE.test(sentence)) return false;
  if (!/^[A-Z"'(£]/.test(sentence) || !/[.!?]["')]?$/.test(sentence)) return false;
  if (/^\d+[.)]\s/.test(sentence) || /^[-+]\s/.test(sentence)) return false;
  return (sentence.match(/"/g) ?? []).length % 2 === 0;
}

/** One rendered paragraph's inner HTML, or null when the sentence renders to anything but plain text. */
function renderSentence(md: string): Sentence | null {
  const rendered = renderMarkdown(md);
  const match = /^<p>([^<]*)<\/p>$/.exec(rendered.html);
  if (!match?.[1] || rendered.text.includes("\n")) return null;
  return { md, html: match[1], text: rendered.text };
}

function sentencesOf(markdown: string): string[] {
  return markdown
    .split(/\n{2,}/)
    .flatMap((block) => block.replace(/\s*\n\s*/g, " ").split(/(?<=[.!?]["')]?)\s+(?=[A-Z"'(£])/))
    .map((s) => s.trim())
    .filter(usableSentence);
}

export function buildCorpus(): Corpus {
  const demo = buildDemoCommunity({ seed: DEMO_SEED, areaCodes: ["E06000001"], today: new Date("2026-11-22") });
  const raw: Record<PostKind | "comment", Set<string>> = {
    story: new Set(),
    practice_note: new Set(),
    question: new Set(),
    comment: new Set(),
  };
  const titles: Record<PostKind, Set<string>> = { story: new Set(), practice_note: new Set(), question: new Set() };
  for (const post of demo.posts) {
    for (const s of sentencesOf(post.bodyMarkdown)) raw[post.kind].add(s);
    if (post.title.length <= 120 && !UNSAFE.test(post.title)) titles[post.kind].add(post.title);
  }
  for (const comment of demo.comments) for (const s of sentencesOf(comment.bodyMarkdown)) raw.comment.add(s);

  const render = (set: Set<string>) => [...set].map(renderSentence).filter((s): s is Sentence => s !== null);
  const sentences = {
    story: render(raw.story),
    practice_note: render(raw.practice_note),
    question: render(raw.question),
    comment: render(raw.comment),
  };
  // Practice notes, questions and replies are few in the demo: let them borrow story sentences too.
  sentences.practice_note.push(...sentences.story.filter((_, i) => i % 3 === 0));
  sentences.question.push(...sentences.story.filter((_, i) => i % 3 === 1));
  sentences.comment.push(...sentences.story.filter((_, i) => i % 3 === 2));
  for (const [kind, list] of Object.entries(sentences)) {
    if (list.length < 50) throw new Error(`the demo community gave only ${list.length} usable ${kind} sentences`);
  }
  const words = new Set<string>();
  for (const list of Object.values(sentences))
    for (const s of list) for (const w of s.text.toLowerCase().match(/[a-z]+/g) ?? []) words.add(w);
  return {
    sentences,
    titles: { story: [...titles.story], practice_note: [...titles.practice_note], question: [...titles.question] },
    words,
  };
}

/**
 * A body of paragraphs (2–5 sentences each) whose length falls between minChars and maxChars
 * (one sentence may take it a little past maxChars), more often short than long. The HTML is what renderMarkdown would give:
 * one <p> per paragraph, joined by newlines; the text is what htmlToText would give.
 */
export function composeBody(rng: Rng, pool: readonly Sentence[], minChars: number, maxChars: number): Body {
  // Short texts are commoner than long ones.
  const target = minChars + rng.float() ** 1.5 * (maxChars - minChars);
  const md: string[] = [];
  const html: string[] = [];
  const text: string[] = [];
  // The Markdown's exact length: sentences joined by spaces, paragraphs by blank lines.
  let length = 0;
  while (length < target) {
    const count = rng.int(2, 5);
    const picked: Sentence[] = [];
    if (md.length > 0) length += 2;
    for (let i = 0; i < count && (i === 0 || length < target); i++) {
      const sentence = rng.pick(pool);
      length += sentence.md.length + (picked.length > 0 ? 1 : 0);
      picked.push(sentence);
    }
    md.push(picked.map((s) => s.md).join(" "));
    html.push(`<p>${picked.map((s) => s.html).join(" ")}</p>`);
    text.push(picked.map((s) => s.text).join(" "));
  }
  return { markdown: md.join("\n\n"), html: html.join("\n"), text: text.join("\n") };
}
