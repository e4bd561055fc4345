// The audit log in plain words (docs/moderation.md): what each recorded action means, and a
// before/after shown as what changed, never as stored JSON. The stored codes stay as they are
// ("post.request_changes"); only the words are made here.
import { diffWords } from "diff";

const SUBJECTS = {
  post: "a post",
  comment: "a reply",
  report_comment: "an experience report's comment",
} as const;

const VERBS: Record<string, (what: string) => string> = {
  approve: (what) => `Approved ${what}`,
  reject: (what) => `Rejected ${what}`,
  request_changes: (what) => `Asked for changes to ${what}`,
  remove: (what) => `Removed ${what}`,
  dismiss_flags: (what) => `Kept ${what} and dismissed its reports`,
  restore: (what) => `Restored ${what}`,
  hide: (what) => `Hid ${what} after members' reports, until a moderator decides`,
  edit_approve: (what) => `Edited ${what}, then approved it`,
};

const OTHER_ACTIONS: Record<string, string> = {
  "user.silence": "Paused a member's posting",
  "user.unsilence": "Lifted a pause on a member's posting early",
  "role.change": "Changed a member's role",
  "watched_word.add": "Added a watched word",
  "watched_word.remove": "Removed a watched word",
};

/** Every action the site records, with its words, in the order the log's filter lists them. */
export const ACTION_LABELS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(SUBJECTS).flatMap(([subject, what]) =>
      Object.entries(VERBS)
        // An experience report's comment is only ever approved, rejected or sent back.
        .filter(([verb]) => subject !== "report_comment" || ["approve", "reject", "request_changes"].includes(verb))
        .map(([verb, say]) => [`${subject}.${verb}`, say(what)]),
    ),
  ),
  ...OTHER_ACTIONS,
};

/** The words for an action; one the site does not know yet is spelt out, never shown as a code. */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, " ").trim();
  return `Other action: ${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** What the log's target column says of a target type. */
export const TARGET_LABELS: Record<string, string> = {
  post: "Post",
  comment: "Reply",
  report: "Experience report",
  user: "Member",
  watched_word: "Watched word",
};

const STATUS_WORDS: Record<string, string> = {
  pending: "waiting for a moderator",
  published: "published",
  changes_requested: "changes requested",
  rejected: "rejected",
  removed: "removed by moderators",
};

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  role: "Role",
  silencedUntil: "Posting paused until",
  days: "For how many days",
  action: "What the word does",
  replacement: "Replaced with",
  title: "Title",
  body: "Text",
};

export interface DiffPart {
  text: string;
  change: "added" | "removed" | null;
}

export interface ChangeRow {
  label: string;
  before: string | null;
  after: string | null;
  /** For text: the words removed and added, in place. */
  diff: DiffPart[] | null;
}

const DAY = /^(\d{4}-\d\d-\d\d)T\d\d:\d\d/;

/** A stored value in words: a day for a time (never the time itself), words for a status. */
function inWords(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return field === "silencedUntil" ? "not paused" : null;
  if (typeof value === "string") {
    const day = DAY.exec(value);
    if (day) return day[1] ?? null;
    if (field === "status") return STATUS_WORDS[value] ?? value.replace(/_/g, " ");
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "(not shown)";
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** What an entry changed, field by field, with a word diff for text (titles and bodies). */
export function describeChange(before: unknown, after: unknown): ChangeRow[] {
  const old = asObject(before);
  const now = asObject(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  return fields.map((field) => {
    const label = FIELD_LABELS[field] ?? `${field.charAt(0).toUpperCase()}${field.slice(1).replace(/_/g, " ")}`;
    const was = inWords(field, old[field]);
    const is = inWords(field, now[field]);
    const text =
      (field === "body" || field === "title") && typeof old[field] === "string" && typeof now[field] === "string";
    const diff = text ? textDiff(old[field] as string, now[field] as string) : null;
    return { label, before: was, after: is, diff };
  });
}

/** The words removed and added between two texts. */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    change: part.added ? "added" : part.removed ? "removed" : null,
  }));
}
