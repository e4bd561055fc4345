// In-app notifications: the only way the site tells anyone anything (there are no emails).
import { prisma } from "../db/client.server";

type Db = Pick<ReturnType<typeof prisma>, "notification">;

export async function notify(
  userIds: (number | null | undefined)[],
  kind: string,
  message: string,
  link: string | null,
  db: Db = prisma(),
  /** The thread it is about, if any: replies to one thread are grouped, and opening it marks it read. */
  postId: number | null = null,
) {
  const ids = [...new Set(userIds.filter((id): id is number => typeof id === "number"))];
  if (ids.length === 0) return;
  await db.notification.createMany({ data: ids.map((userId) => ({ userId, kind, message, link, postId })) });
}

/** One message per member (app/domain/following/following.ts decides who hears what). */
export async function notifyEach(
  news: { userId: number; message: string }[],
  kind: string,
  link: string | null,
  postId: number | null,
) {
  if (news.length === 0) return;
  await prisma().notification.createMany({
    data: news.map((n) => ({ userId: n.userId, kind, message: n.message.slice(0, 500), link, postId })),
  });
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

/**
 * The newest notifications, with the title of the thread each is about while it is published (for
 * grouping replies). Showing them does not mark them read: the member does, with a button, or by
 * opening the thread they are about.
 */
export async function readNotifications(userId: number, take = 100) {
  const items = await prisma().notification.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      message: true,
      link: true,
      createdAt: true,
      readAt: true,
      postId: true,
      post: { select: { title: true, status: true } },
    },
  });
  return items.map(({ post, ...n }) => ({ ...n, threadTitle: post?.status === "published" ? post.title : null }));
}

/** Marks the member's own notifications read: these ones, or all of them. */
export async function markNotificationsRead(userId: number, ids: number[] | "all") {
  await prisma().notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
}
