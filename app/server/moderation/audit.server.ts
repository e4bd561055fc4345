// The append-only audit log (moderation_action). The database refuses updates and deletes.
import type { Prisma as PrismaNamespace } from "../db/generated/client";
import { prisma } from "../db/client.server";

export interface AuditEntry {
  /** `id: null` for the site acting by itself (content hidden by flags). */
  actor: { id: number | null; handle: string };
  action: string;
  targetType: string;
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
