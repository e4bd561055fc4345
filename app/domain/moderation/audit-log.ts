// The audit log in plain words (docs/moderation.md): what each recorded action means, and a
// before/after shown as what changed, never as stored JSON. The stored codes stay as they are
// ("post.request_changes"); only the words are made here.
import { diffWords } from "diff";

import { type Decision, REPORT_COMMENT_DECISIONS } from "./queue";

/** What a moderator can do to a post or a reply, and what the site does by itself (hide). */
const VERBS = {
  approve: (what: string) => `Approved ${what}`,
  reject: (what: string) => `Rejected ${what}`,
  request_changes: (what: string) => `Asked for changes to ${what}`,
  remove: (what: string) => `Removed ${what}`,
  dismiss_flags: (what: string) => `Kept ${what} and dismissed its reports`,
  restore: (what: string) => `Restored ${what}`,
  hide: (what: string) => `Hid ${what} after members' reports, until a moderator decides`,
  edit_approve: (what: string) => `Edited ${what}, then approved it`,
} satisfies Record<Decision | "hide" | "edit_approve", (what: string) => string>;
type Verb = keyof typeof VERBS;
const ALL_VERBS = Object.keys(VERBS) as Verb[];

/** "post.approve": "Approved a post", … for each verb given. */
function labelsFor<S extends string, V extends Verb>(subject: S, what: string, verbs: readonly V[]) {
  return Object.fromEntries(verbs.map((verb) => [`${subject}.${verb}`, VERBS[verb](what)])) as Record<
    `${S}.${V}`,
    string
  >;
}

/**
 * Every action the site records, with its words, in the order the log's filter lists them. The
 * audit writer (recordAction) takes its type from this list, so an action without words here does
 * not type-check.
 */
export const ACTION_LABELS = {
  ...labelsFor("post", "a post", ALL_VERBS),
  ...labelsFor("comment", "a reply", ALL_VERBS),
  ...labelsFor("report_comment", "an experience report's comment", REPORT_COMMENT_DECISIONS),
  "user.silence": "Paused a member's posting",
  "user.unsilence": "Lifted a pause on a member's posting early",
  "role.change": "Changed a member's role",
  "watched_word.add": "Added a watched word",
  "watched_word.remove": "Removed a watched word",
  "collection.release": "Released a collection held for a watched word",
};

export type AuditAction = keyof typeof ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

/** The words for an action; an old code the site no longer writes is spelt out, never shown as a code. */
export function actionLabel(action: string): string {
  const known = (ACTION_LABELS as Record<string, string>)[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, " ").trim();
  return `Other action: ${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** What the log's target column says of a target type. */
export const TARGET_LABELS = {
  post: "Post",
  comment: "Reply",
  report: "Experience report",
  user: "Member",
  watched_word: "Watched word",
  collection: "Collection",
};

export type AuditTarget = keyof typeof TARGET_LABELS;
export const AUDIT_TARGETS = Object.keys(TARGET_LABELS) as AuditTarget[];

/** What each action is done to: the part of its code before the dot, except where named here. */
const TARGET_OF_SUBJECT: Record<string, AuditTarget> = { report_comment: "report", role: "user" };

export function auditTargetOf(action: AuditAction): AuditTarget {
  const subject = action.slice(0, action.indexOf("."));
  return TARGET_OF_SUBJECT[subject] ?? (subject as AuditTarget);
}

/** What the log knows of its targets beyond their ids: the post a reply is on, a member's name now. */
export interface TargetLookups {
  postOfReply: ReadonlyMap<string, number>;
  handleOf: ReadonlyMap<string, string>;
}

/**
 * Where a target can be seen: a post's history (or that of the post a reply is on), the member's
 * page, the watched words, the collection's edit page. An experience report has no page a moderator
 * may open (it is its author's), so it links to every log entry about it.
 */
export function auditTargetLink(type: string, id: string, lookups: TargetLookups): { to: string | null; text: string } {
  const label = (TARGET_LABELS as Record<string, string>)[type] ?? "Item";
  if (type === "post") return { to: `/stories/${id}/history`, text: `${label} ${id}` };
  if (type === "comment") {
    const postId = lookups.postOfReply.get(id);
    return { to: postId ? `/stories/${postId}/history` : null, text: `${label} ${id}` };
  }
  if (type === "user") {
    const handle = lookups.handleOf.get(id);
    return {
      to: handle ? `/u/${encodeURIComponent(handle)}` : null,
      text: handle ? `${label} ${handle}` : `${label} ${id}`,
    };
  }
  if (type === "report") {
    return { to: `/moderation/log?${new URLSearchParams({ target: type, targetId: id })}`, text: `${label} ${id}` };
  }
  if (type === "watched_word") return { to: "/admin/watched-words", text: `${label} “${id}”` };
  if (type === "collection") return { to: `/collections/${encodeURIComponent(id)}/edit`, text: `${label} ${id}` };
  return { to: null, text: `${label} ${id}` };
}

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
  held: "Held for a moderator",
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
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
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
