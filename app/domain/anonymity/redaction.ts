// The author's answer to the identifying-details check, shared by every path that takes text
// (new posts, replies, edits, experience report comments, moderators' edits): find the details in
// each field, replace one or all of them with their placeholders, and keep only what was shown.
import { type Finding, findIdentifyingDetails, redactAll } from "./identifying-details";
import { parseSeen, unseenFindings } from "./shown-findings";

export { describeFindingKind, encodeSeen, parseSeen, unseenFindings } from "./shown-findings";

export type Located<F extends string = string> = Finding & { field: F; index: number };

/** Every finding in the given fields, numbered in field order (the number names a "Replace" button). */
export function locateFindings<F extends string>(texts: Record<F, string>, fields: readonly F[]): Located<F>[] {
  return fields
    .flatMap((field) => findIdentifyingDetails(texts[field]).map((finding) => ({ ...finding, field })))
    .map((finding, index) => ({ ...finding, index }));
}

/** "redact:3" replaces finding 3; "redact-all" replaces every one; anything else is not a redaction. */
export type RedactIntent = { kind: "one"; index: number } | { kind: "all" };

export function parseRedactIntent(intent: string | undefined | null): RedactIntent | null {
  if (intent === "redact-all") return { kind: "all" };
  const match = /^redact:(\d{1,4})$/.exec(intent ?? "");
  return match ? { kind: "one", index: Number(match[1]) } : null;
}

/**
 * The texts after a "Replace with …" click: the chosen findings (found again in the submitted
 * text, so the numbers mean what the author saw) become their placeholders. Texts are unchanged
 * when the intent is not a redaction or names a finding that is no longer there.
 */
export function applyRedactIntent<F extends string>(
  texts: Record<F, string>,
  fields: readonly F[],
  intent: string | undefined | null,
): Record<F, string> {
  const parsed = parseRedactIntent(intent);
  if (!parsed) return texts;
  const findings = locateFindings(texts, fields);
  const targets = parsed.kind === "all" ? findings : findings.filter((finding) => finding.index === parsed.index);
  const out = { ...texts };
  for (const field of fields) {
    const inField = targets.filter((finding) => finding.field === field);
    if (inField.length > 0) out[field] = redactAll(texts[field], inField);
  }
  return out;
}

export interface KeptFinding {
  kind: Finding["kind"];
  field: string;
  start: number;
  end: number;
  text: string;
  confidence: number;
}

/**
 * What is stored as kept: the findings in the text being saved, which the author was shown and
 * chose to keep. Recomputed on every save, so it never lists a detail that is no longer there.
 */
export function keptFindings(findings: readonly Located[]): KeptFinding[] {
  return findings.map(({ kind, field, start, end, text, confidence }) => ({
    kind,
    field,
    start,
    end,
    text,
    confidence,
  }));
}

/** What the author (or moderator) sent back to the check: the button pressed, what they were shown, whether they chose to keep it. */
export interface CheckAnswer {
  intent?: string | null;
  seen?: string | null;
  keep: boolean;
}

export interface CheckedTexts<F extends string> {
  /** The texts after any "Replace with …" click. */
  texts: Record<F, string>;
  findings: Located<F>[];
  /** A "Replace" button was pressed: show the form again with the new text, save nothing. */
  redacted: boolean;
  /** May be saved: nothing found, or every finding was shown and the author chose to keep them. */
  ready: boolean;
  /** What is stored as kept when it is saved. */
  kept: KeptFinding[];
}

/**
 * One turn of the check, the same on every path a text takes: apply a "Replace" click, find what
 * is left, and say whether it may be saved (docs/anonymity-in-posting.md).
 */
export function checkTexts<F extends string>(
  submitted: Record<F, string>,
  fields: readonly F[],
  answer: CheckAnswer,
): CheckedTexts<F> {
  const texts = applyRedactIntent(submitted, fields, answer.intent);
  const findings = locateFindings(texts, fields);
  const redacted = parseRedactIntent(answer.intent) !== null;
  const allShown = unseenFindings(findings, parseSeen(answer.seen)).length === 0;
  const ready = !redacted && (findings.length === 0 || (answer.keep && allShown));
  return { texts, findings, redacted, ready, kept: keptFindings(findings) };
}
