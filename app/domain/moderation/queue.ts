// What the review queue holds and in what order: the riskiest item first (docs/architecture.md, "Moderation").
export type QueueReason = "safeguarding_flag" | "kept_identifying_details" | "flagged" | "new_member";

export interface QueueItem {
  kind: "post" | "comment" | "report_comment";
  id: number;
  safeguardingFlags: number;
  keptFindings: number;
  flags: number;
  createdAt: Date;
}

/** Safeguarding flags first, then identifying details the author kept, then most flags, then oldest. */
export function compareByRisk(a: QueueItem, b: QueueItem): number {
  if (a.safeguardingFlags > 0 !== b.safeguardingFlags > 0) return a.safeguardingFlags > 0 ? -1 : 1;
  if (a.keptFindings > 0 !== b.keptFindings > 0) return a.keptFindings > 0 ? -1 : 1;
  if (a.flags !== b.flags) return b.flags - a.flags;
  return a.createdAt.getTime() - b.createdAt.getTime();
}

export function reasonsFor(item: QueueItem): QueueReason[] {
  const reasons: QueueReason[] = [];
  if (item.safeguardingFlags > 0) reasons.push("safeguarding_flag");
  if (item.keptFindings > 0) reasons.push("kept_identifying_details");
  if (item.flags > item.safeguardingFlags) reasons.push("flagged");
  if (reasons.length === 0) reasons.push("new_member");
  return reasons;
}

export type Decision = "approve" | "reject" | "request_changes" | "remove" | "dismiss_flags" | "restore";

/** An experience report's comment waits for a moderator, who approves it, rejects it or sends it back. */
export const REPORT_COMMENT_DECISIONS = ["approve", "reject", "request_changes"] as const satisfies readonly Decision[];
export type ReportCommentDecision = (typeof REPORT_COMMENT_DECISIONS)[number];

export function isReportCommentDecision(decision: Decision): decision is ReportCommentDecision {
  return (REPORT_COMMENT_DECISIONS as readonly Decision[]).includes(decision);
}

/** Which decisions need a written reason: the author is told why. */
export function reasonRequired(decision: Decision): boolean {
  return decision === "reject" || decision === "request_changes" || decision === "remove";
}

/** The status an item moves to after a decision. */
export function statusAfter(decision: Decision): "published" | "rejected" | "changes_requested" | "removed" {
  if (decision === "approve" || decision === "dismiss_flags" || decision === "restore") return "published";
  if (decision === "reject") return "rejected";
  if (decision === "remove") return "removed";
  return "changes_requested";
}

/** Pending items are approved or rejected; published (flagged) items are removed or cleared. */
export function statusBefore(decision: Decision): "pending" | "published" | "removed" {
  if (decision === "restore") return "removed";
  return decision === "remove" || decision === "dismiss_flags" ? "published" : "pending";
}

/** How long a moderator may silence a member for (they can read, not write). */
export const SILENCE_DAYS = [1, 3, 7, 30] as const;

export function silencedUntil(days: number, now = new Date()): Date {
  return new Date(now.getTime() + days * 86_400_000);
}

/** Whether flags on the item were right: a decision against the content upholds them. */
export function flagOutcome(decision: Decision): "upheld" | "dismissed" {
  return decision === "approve" || decision === "dismiss_flags" || decision === "restore" ? "dismissed" : "upheld";
}

// Content is hidden at once, pending review, when this many members of trust level 1 or more
// have flagged it, or when a moderator has.
export const HIDE_AFTER_TRUSTED_FLAGS = 3;

export function shouldHide(flags: { flaggerTrustLevel: number; flaggerIsModerator: boolean }[]): boolean {
  if (flags.some((f) => f.flaggerIsModerator)) return true;
  return flags.filter((f) => f.flaggerTrustLevel >= 1).length >= HIDE_AFTER_TRUSTED_FLAGS;
}

// ---- What the queue page shows and filters by (app/routes/moderation._index.tsx) ----

export const QUEUE_REASON_LABELS: Record<QueueReason, string> = {
  safeguarding_flag: "Safeguarding concern raised",
  kept_identifying_details: "Author kept details that could identify someone",
  flagged: "Reported by members",
  new_member: "New member: waiting for first review",
};

export const QUEUE_REASONS = Object.keys(QUEUE_REASON_LABELS) as QueueReason[];

export const ITEM_LABELS: Record<QueueItem["kind"], string> = {
  post: "Post",
  comment: "Reply",
  report_comment: "Experience report comment",
};

/** The kinds a moderator can narrow the queue to: "flagged" is anything reported by members. */
export const QUEUE_KINDS = ["post", "comment", "report_comment", "flagged"] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];
export const QUEUE_KIND_LABELS: Record<QueueKind, string> = {
  post: "Posts",
  comment: "Replies",
  report_comment: "Experience report comments",
  flagged: "Reported by members",
};

/** "Waiting at least": whole days since the item was sent. */
export const QUEUE_AGES = [1, 3, 7, 30] as const;
export type QueueAge = (typeof QUEUE_AGES)[number];

export interface QueueFilter {
  kind?: QueueKind;
  reason?: QueueReason;
  council?: string;
  age?: QueueAge;
}

/** How long an item has waited, in words that give no time of day. */
export function waitedFor(createdAt: Date, now = new Date()): string {
  const days = Math.floor((now.getTime() - createdAt.getTime()) / 86_400_000);
  if (days < 1) return "waiting less than a day";
  return `waiting ${days} ${days === 1 ? "day" : "days"}`;
}

/** A decision's outcome in words, for the notice left where the item was: "Changes were requested". */
const DONE: Record<Decision, string> = {
  approve: "approved and published",
  reject: "rejected",
  request_changes: "sent back to the author: changes were requested",
  remove: "removed",
  dismiss_flags: "kept, and its reports dismissed",
  restore: "restored",
};

export function doneMessage(decision: Decision, handled: number, notHandled = 0): string {
  const items = (n: number) => (n === 1 ? "1 item" : `${n} items`);
  const told =
    decision === "dismiss_flags" ? "" : handled === 1 ? " The author has been told." : " Each author has been told.";
  const done =
    handled === 0
      ? "Nothing was changed."
      : `${handled === 1 ? "The item was" : `${items(handled)} were`} ${DONE[decision]}.${told}`;
  if (notHandled === 0) return done;
  return `${done} ${items(notHandled)} could not be: another moderator had already dealt with ${notHandled === 1 ? "it" : "them"}, or ${notHandled === 1 ? "it was" : "they were"} not waiting for a decision.`;
}

const STATUS_SENTENCES: Record<string, string> = {
  pending: "It is waiting for a moderator",
  published: "It is published",
  changes_requested: "Changes were requested",
  rejected: "It was rejected",
  removed: "It was removed by moderators",
};

/** Where a post or reply stands, as a sentence without its full stop: "Changes were requested". */
export function statusInWords(status: string): string {
  return STATUS_SENTENCES[status] ?? `Its status is ${status.replace(/_/g, " ")}`;
}
