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
