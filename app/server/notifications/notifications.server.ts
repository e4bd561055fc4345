// In-app notifications: the only way the site tells anyone anything (there are no emails).
import { prisma } from "../db/client.server";

type Db = Pick<ReturnType<typeof prisma>, "notification">;

export async function notify(
  userIds: (number | null | undefined)[],
  kind: string,
  message: string,
  link: string | null,
  db: Db = prisma(),
) {
  const ids = [...new Set(userIds.filter((id): id is number => typeof id === "number"))];
  if (ids.length === 0) return;
  await db.notification.createMany({ data: ids.map((userId) => ({ userId, kind, message, link })) });
}

export async function notifyModerators(kind: string, message: string, link: string | null, exceptUserId?: number) {
  const moderators = await prisma().user.findMany({
    where: { role: { in: ["moderator", "admin"] }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { id: true },
  });
  await notify(
    moderators.map((m) => m.id),
    kind,
    message,
    link,
  );
}

export async function unreadCount(userId: number): Promise<number> {
  return prisma().notification.count({ where: { userId, readAt: null } });
}

/** The newest notifications; showing them marks them read. */
export async function readNotifications(userId: number, take = 50) {
  const items = await prisma().notification.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, kind: true, message: true, link: true, createdAt: true, readAt: true },
  });
  const unread = items.filter((n) => n.readAt === null).map((n) => n.id);
  if (unread.length > 0)
    await prisma().notification.updateMany({ where: { id: { in: unread } }, data: { readAt: new Date() } });
  return items;
}
