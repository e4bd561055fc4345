// Drafts: a member's unfinished story, reply or experience report, kept on the server so a closed
// tab or an ended session loses nothing. What a draft may hold, how big, how many, and how it is
// named in the list of drafts. Private to its author (docs/peer-support.md, "Drafts").

export const DRAFT_KINDS = ["story", "reply", "report"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** What a draft holds: the form's fields as typed, a list for fields that repeat (tags). */
export type DraftFields = Record<string, string | string[]>;

/** Most drafts one member may keep. */
export const DRAFT_MAX_PER_MEMBER = 50;
/** Most characters of text in one draft (a story is at most 1,500 words: about 10,000 characters). */
export const DRAFT_MAX_CHARS = 40_000;
/** Most fields in one draft (an experience report has a few dozen). */
const DRAFT_MAX_FIELDS = 120;
const LABEL_WORDS = 8;
const LABEL_MAX = 120;

/** The fields each form's draft keeps; a report keeps its answers, whatever their names. */
const STORY_FIELDS = [
  "kind",
  "title",
  "body",
  "council",
  "displayMode",
  "bylineScope",
  "tags",
  "whatHappened",
  "whatWasGood",
  "whatCouldBeBetter",
];
const REPLY_FIELDS = ["body", "displayMode", "parentId"];
const NEVER_KEPT = /^(intent|draftId|submissionKey|seen|confirmed|website|_.*)$|password|token/i;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export const KIND_NAMES: Record<DraftKind, string> = {
  story: "Story",
  reply: "Reply",
  report: "Experience report",
};

export class DraftProblem extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 413 = 400,
  ) {
    super(message);
    this.name = "DraftProblem";
  }
}

export function isDraftKind(value: unknown): value is DraftKind {
  return typeof value === "string" && (DRAFT_KINDS as readonly string[]).includes(value);
}

/**
 * The fields of a form worth keeping in a draft of this kind: known fields for stories and replies,
 * any plainly named field for a report's answers; never intents, keys or passwords. Refuses a draft
 * that is too big with a DraftProblem (413) saying so.
 */
export function draftFieldsFrom(
  kind: DraftKind,
  values: Record<string, string>,
  list: (key: string) => string[] = (key) => (values[key] === undefined ? [] : [values[key] as string]),
): DraftFields {
  const allowed =
    kind === "story"
      ? (key: string) => STORY_FIELDS.includes(key)
      : kind === "reply"
        ? (key: string) => REPLY_FIELDS.includes(key)
        : (key: string) => FIELD_NAME.test(key) && !NEVER_KEPT.test(key);
  const fields: DraftFields = {};
  for (const key of Object.keys(values)) {
    if (!allowed(key) || NEVER_KEPT.test(key)) continue;
    fields[key] = key === "tags" ? list(key) : (values[key] ?? "");
  }
  assertDraftFits(fields);
  return fields;
}

/** Refuses, with a DraftProblem (413) saying so, a draft with too many fields or too much text. */
export function assertDraftFits(fields: DraftFields): void {
  if (Object.keys(fields).length > DRAFT_MAX_FIELDS) throw new DraftProblem("That draft has too many fields.", 413);
  if (draftSize(fields) > DRAFT_MAX_CHARS) {
    throw new DraftProblem(
      `That draft is too long to save: drafts can hold up to ${DRAFT_MAX_CHARS.toLocaleString("en-GB")} characters. Your text is still here.`,
      413,
    );
  }
}

export function draftSize(fields: DraftFields): number {
  let size = 0;
  for (const [key, value] of Object.entries(fields)) {
    size += key.length + (Array.isArray(value) ? value.reduce((n, v) => n + v.length, 0) : value.length);
  }
  return size;
}

/** Whether a draft has anything worth keeping: not an empty form. */
export function hasWords(fields: DraftFields): boolean {
  return ["title", "body", "whatHappened", "whatWasGood", "whatCouldBeBetter", "comment"].some((key) => {
    const value = fields[key];
    return typeof value === "string" && value.trim() !== "";
  });
}

/** What the list of drafts calls a draft: its title, or its first words, or what it is. */
export function draftLabel(kind: DraftKind, fields: DraftFields): string {
  const text = (key: string) => {
    const value = fields[key];
    return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
  };
  const title = text("title");
  if (title) return title.slice(0, LABEL_MAX);
  if (kind === "report") {
    const { answers } = readReportDraft(fields);
    const council = answers.council?.trim() || text("council");
    return council ? `Experience report about ${council}`.slice(0, LABEL_MAX) : "Experience report, not yet written";
  }
  const words = (text("body") || text("whatHappened") || text("comment")).split(" ").filter(Boolean);
  if (words.length > 0) {
    const first = words.slice(0, LABEL_WORDS).join(" ");
    return (words.length > LABEL_WORDS ? `${first}…` : first).slice(0, LABEL_MAX);
  }
  return kind === "story" ? "Untitled story" : kind === "reply" ? "Empty reply" : "Experience report, not yet written";
}

/** The form values a draft fills a form in with (lists for tags separately). */
export function draftValues(fields: DraftFields): { values: Record<string, string>; tags: string[] } {
  const values: Record<string, string> = {};
  let tags: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      if (key === "tags") tags = value.filter((v) => typeof v === "string");
    } else if (typeof value === "string") values[key] = value;
  }
  return { values, tags };
}

const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/** A day, never a time ("6 December 2026"): when a draft was last saved, shown only to its author. */
export function savedDay(date: Date): string {
  return DAY.format(date);
}

/** The same day, machine-readable ("2026-12-06"), for <time dateTime>. */
export function savedDayIso(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Europe/London",
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Where "Continue" takes the author: the form the draft came from, filled in. */
export function continueLink(draft: { id: number; kind: DraftKind; postId: number | null }): string {
  if (draft.kind === "reply") return `/stories/${draft.postId}?draft=${draft.id}#reply`;
  if (draft.kind === "report") return `/reports/new?draft=${draft.id}`;
  return `/stories/new?draft=${draft.id}`;
}

/** A draft id as given in a form or address, or null. */
export function parseDraftId(value: string | null | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

/** An experience report's draft: the answers so far (as the wizard carries them, JSON) and the step. */
export function reportDraftFields(answers: Record<string, string>, step: string): DraftFields {
  return { answers: JSON.stringify(answers), step };
}

/**
 * The answers and step of a report's draft; answers that are not text are dropped. An autosaved
 * draft also holds the fields of the step on screen, which are newer than its answers so far.
 */
export function readReportDraft(fields: DraftFields): { answers: Record<string, string>; step: string } {
  let answers: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(typeof fields.answers === "string" ? fields.answers : "{}");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      answers = Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      );
    }
  } catch {
    answers = {};
  }
  for (const [key, value] of Object.entries(fields)) {
    if (key !== "answers" && key !== "step" && typeof value === "string") answers[key] = value;
  }
  return { answers, step: typeof fields.step === "string" ? fields.step : "where" };
}
