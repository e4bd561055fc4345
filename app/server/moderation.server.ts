// Every query behind the review queue and moderators' decisions.
import { compareByRisk, type Decision, type QueueItem, reasonsFor, statusAfter } from "~/domain/moderation/queue";

import { refreshTrustLevel } from "./accounts.server";
import { recordAction } from "./audit.server";
import { prisma } from "./db/client.server";

interface KeptFinding {
  kind: string;
  text: string;
}

const keptOf = (value: unknown): KeptFinding[] =>
  Array.isArray(value) ? (value.filter((f) => f && typeof f === "object" && "text" in f) as KeptFinding[]) : [];

export interface QueueEntry extends QueueItem {
  reasons: string[];
  title: string | null;
  body: string;
  postId: number | null;
  version: number;
  kept: KeptFinding[];
  author: { id: number; handle: string; trustLevel: number; rejectedBefore: number } | null;
  ownContent: boolean;
}

export async function listQueue(moderatorId: number, filter: { kind?: QueueItem["kind"] } = {}): Promise<QueueEntry[]> {
  const openFlags = { where: { resolvedAt: null }, select: { reason: true } } as const;
  const author = { select: { id: true, handle: true, trustLevel: true } } as const;
  const [posts, comments, reports] = await Promise.all([
    filter.kind && filter.kind !== "post"
      ? []
      : prisma().post.findMany({
          where: { OR: [{ status: "pending" }, { status: "published", flags: { some: { resolvedAt: null } } }] },
          take: 200,
          orderBy: { createdAt: "asc" },
          select: { id: true, title: true, bodyMarkdown: true, keptFindings: true, createdAt: true, version: true, author, flags: openFlags },
        }),
    filter.kind && filter.kind !== "comment"
      ? []
      : prisma().comment.findMany({
          where: { OR: [{ status: "pending" }, { status: "published", flags: { some: { resolvedAt: null } } }] },
          take: 200,
          orderBy: { createdAt: "asc" },
          select: { id: true, postId: true, bodyMarkdown: true, keptFindings: true, createdAt: true, version: true, author, flags: openFlags },
        }),
    filter.kind && filter.kind !== "report_comment"
      ? []
      : prisma().experienceReport.findMany({
          where: { commentStatus: "pending" },
          take: 200,
          orderBy: { createdAt: "asc" },
          select: { id: true, comment: true, createdAt: true, author },
        }),
  ]);
  const authorIds = [...new Set([...posts, ...comments, ...reports].map((i) => i.author?.id).filter((id): id is number => id !== undefined))];
  const rejected = await prisma().post.groupBy({ by: ["authorId"], where: { authorId: { in: authorIds }, status: "rejected" }, _count: true });
  const rejectedBy = new Map(rejected.map((r) => [r.authorId, r._count]));
  const authorOf = (a: { id: number; handle: string; trustLevel: number } | null) =>
    a ? { ...a, rejectedBefore: rejectedBy.get(a.id) ?? 0 } : null;

  const entries: QueueEntry[] = [
    ...posts.map((p) => ({
      kind: "post" as const,
      id: p.id,
      postId: p.id,
      title: p.title,
      body: p.bodyMarkdown,
      version: p.version,
      kept: keptOf(p.keptFindings),
      createdAt: p.createdAt,
      author: authorOf(p.author),
      safeguardingFlags: p.flags.filter((f) => f.reason === "safeguarding").length,
      flags: p.flags.length,
      keptFindings: keptOf(p.keptFindings).length,
    })),
    ...comments.map((c) => ({
      kind: "comment" as const,
      id: c.id,
      postId: c.postId,
      title: null,
      body: c.bodyMarkdown,
      version: c.version,
      kept: keptOf(c.keptFindings),
      createdAt: c.createdAt,
      author: authorOf(c.author),
      safeguardingFlags: c.flags.filter((f) => f.reason === "safeguarding").length,
      flags: c.flags.length,
      keptFindings: keptOf(c.keptFindings).length,
    })),
    ...reports.map((r) => ({
      kind: "report_comment" as const,
      id: r.id,
      postId: null,
      title: null,
      body: r.comment ?? "",
      version: 1,
      kept: [],
      createdAt: r.createdAt,
      author: authorOf(r.author),
      safeguardingFlags: 0,
      flags: 0,
      keptFindings: 0,
    })),
  ].map((entry) => ({ ...entry, reasons: reasonsFor(entry), ownContent: entry.author?.id === moderatorId }));
  return entries.sort(compareByRisk);
}

export class AlreadyHandled extends Error {
  constructor() {
    super("Another moderator has already dealt with this item. The queue has been refreshed.");
  }
}

export class OwnContent extends Error {
  constructor() {
    super("You cannot moderate your own content. Another moderator will review it.");
  }
}

/**
 * Records a decision on a pending item. The version (or pending status) in the WHERE clause means
 * two moderators acting at once cannot both succeed: the second is told it was already handled.
 */
export async function decide(
  moderator: { id: number; handle: string },
  target: { kind: QueueItem["kind"]; id: number; version: number },
  decision: Decision,
  reason: string | null,
): Promise<void> {
  const status = statusAfter(decision);
  const now = new Date();
  const authorId = await prisma().$transaction(async (tx) => {
    if (target.kind === "report_comment") {
      const report = await tx.experienceReport.findUnique({ where: { id: target.id }, select: { authorId: true, comment: true } });
      if (report?.authorId === moderator.id) throw new OwnContent();
      const { count } = await tx.experienceReport.updateMany({
        where: { id: target.id, commentStatus: "pending" },
        data: { commentStatus: status },
      });
      if (count !== 1) throw new AlreadyHandled();
      await recordAction({ actor: moderator, action: `report_comment.${decision}`, targetType: "report", targetId: target.id, reason }, tx);
      return report?.authorId ?? null;
    }
    const current =
      target.kind === "post"
        ? await tx.post.findUnique({ where: { id: target.id }, select: { authorId: true, status: true } })
        : await tx.comment.findUnique({ where: { id: target.id }, select: { authorId: true, status: true } });
    if (!current) throw new AlreadyHandled();
    if (current.authorId === moderator.id) throw new OwnContent();
    const where = { id: target.id, version: target.version, status: "pending" as const };
    const data = {
      status,
      moderationNote: reason,
      version: { increment: 1 },
      ...(decision === "approve" ? { publishedAt: now } : {}),
    };
    const { count } =
      target.kind === "post" ? await tx.post.updateMany({ where, data }) : await tx.comment.updateMany({ where, data });
    if (count !== 1) throw new AlreadyHandled();
    await recordAction(
      { actor: moderator, action: `${target.kind}.${decision}`, targetType: target.kind, targetId: target.id, reason, before: { status: current.status }, after: { status } },
      tx,
    );
    return current.authorId;
  });
  if (authorId !== null) await refreshTrustLevel(authorId);
}

export async function listAuditLog({ action, targetType, before, perPage }: { action?: string; targetType?: string; before?: number; perPage: number }) {
  const rows = await prisma().moderationAction.findMany({
    where: {
      ...(action ? { action: { startsWith: action } } : {}),
      ...(targetType ? { targetType } : {}),
      ...(before ? { id: { lt: before } } : {}),
    },
    orderBy: { id: "desc" },
    take: perPage + 1,
  });
  return { entries: rows.slice(0, perPage), next: rows.length > perPage ? rows[perPage - 1]?.id ?? null : null };
}
