// The append-only audit log (moderation_action). The database refuses updates and deletes.
import type { AuditAction, AuditTarget } from "~/domain/moderation/audit-log";

import type { Prisma as PrismaNamespace } from "../db/generated/client";
import { prisma } from "../db/client.server";

export interface AuditEntry {
  /** `id: null` for the site acting by itself (content hidden by flags). */
  actor: { id: number | null; handle: string };
  /** Only an action the log has words for (app/domain/moderation/audit-log.ts). */
  action: AuditAction;
  targetType: AuditTarget;
  targetId: string | number;
  reason?: string | null;
  before?: PrismaNamespace.InputJsonValue;
  after?: PrismaNamespace.InputJsonValue;
}

type Db = Pick<ReturnType<typeof prisma>, "moderationAction">;

export async function recordAction(entry: AuditEntry, db: Db = prisma()): Promise<void> {
  await db.moderationAction.create({
    data: {
      actorId: entry.actor.id,
      actorHandle: entry.actor.handle,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      reason: entry.reason ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}

export interface AuditFilter {
  /** The acting moderator's or admin's name, as the log keeps it. */
  who?: string;
  /** One action code, such as "post.request_changes". */
  action?: string;
  targetType?: string;
  targetId?: string;
  /** From the start of this UTC day to the end of `to` (both included). */
  from?: Date;
  to?: Date;
}

/** The log, newest first, a page at a time, with what each target needs for a link. */
export async function listAuditLog(filter: AuditFilter, page: { before?: number; perPage: number }) {
  const rows = await prisma().moderationAction.findMany({
    where: {
      ...(filter.who ? { actorHandle: { equals: filter.who, mode: "insensitive" as const } } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.targetType ? { targetType: filter.targetType } : {}),
      ...(filter.targetId ? { targetId: filter.targetId } : {}),
      ...(filter.from || filter.to
        ? {
            createdAt: {
              ...(filter.from ? { gte: filter.from } : {}),
              ...(filter.to ? { lt: new Date(filter.to.getTime() + 86_400_000) } : {}),
            },
          }
        : {}),
      ...(page.before ? { id: { lt: page.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: page.perPage + 1,
  });
  const entries = rows.slice(0, page.perPage);
  const idsOf = (type: string) =>
    entries.filter((e) => e.targetType === type && /^\d{1,10}$/.test(e.targetId)).map((e) => Number(e.targetId));
  const [comments, users] = await Promise.all([
    prisma().comment.findMany({ where: { id: { in: idsOf("comment") } }, select: { id: true, postId: true } }),
    prisma().user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, handle: true } }),
  ]);
  return {
    entries,
    /** The post each reply in the page is on, and the current name of each member acted on. */
    postOfReply: new Map(comments.map((c) => [String(c.id), c.postId])),
    handleOf: new Map(users.map((u) => [String(u.id), u.handle])),
    next: rows.length > page.perPage ? (entries.at(-1)?.id ?? null) : null,
  };
}

/** Everyone who has acted, by the name the log keeps, for the log's "who" filter. */
export async function listAuditActors(): Promise<string[]> {
  const rows = await prisma().moderationAction.findMany({
    distinct: ["actorHandle"],
    select: { actorHandle: true },
    orderBy: { actorHandle: "asc" },
    take: 500,
  });
  return rows.map((r) => r.actorHandle);
}
