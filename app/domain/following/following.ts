// Following threads, tags and councils, muting, and who hears of a new reply (docs/peer-support.md).
// Plain rules: the queries are in app/server/following/.

/** A member's standing choice about one thread: following it, muting it, or both. */
export interface ThreadChoice {
  userId: number;
  following: boolean;
  muted: boolean;
}

export interface ReplyNews {
  userId: number;
  message: string;
}

/**
 * Who is told about a newly published reply, and what they are told. The post's author and the
 * author of the reply it answers are told it answers them; followers of the thread are told there
 * is something new in it. Nobody hears of their own reply, a muted thread tells nobody anything,
 * and each member is told once. No message names or describes who wrote the reply.
 */
export function whoHearsOfReply(reply: {
  title: string;
  replyAuthorId: number | null;
  postAuthorId: number | null;
  parentAuthorId: number | null;
  choices: ThreadChoice[];
}): ReplyNews[] {
  const muted = new Set(reply.choices.filter((c) => c.muted).map((c) => c.userId));
  const told = new Map<number, string>();
  const tell = (userId: number | null, message: string) => {
    if (userId === null || userId === reply.replyAuthorId || muted.has(userId) || told.has(userId)) return;
    told.set(userId, message.slice(0, 500));
  };
  tell(reply.postAuthorId, `Someone replied to your post “${reply.title}”.`);
  tell(reply.parentAuthorId, `Someone replied to your comment on “${reply.title}”.`);
  for (const choice of reply.choices) {
    if (choice.following) tell(choice.userId, `Someone replied to “${reply.title}”, which you follow.`);
  }
  return [...told].map(([userId, message]) => ({ userId, message }));
}

/** Notification kinds that are news of a reply in a thread, and so are grouped per thread. */
export const REPLY_KINDS: readonly string[] = ["reply"];

export interface NotificationItem {
  id: number;
  kind: string;
  message: string;
  link: string | null;
  postId: number | null;
  /** The thread's title now, when the thread is still published. */
  threadTitle: string | null;
  unread: boolean;
  month: string;
}

export interface NotificationEntry {
  /** Every notification the entry stands for, so "mark as read" marks them all. */
  ids: number[];
  message: string;
  link: string | null;
  unread: boolean;
  month: string;
}

/**
 * The notifications page's entries, newest first: several replies to one thread that are all
 * unread (or all read) become one entry, "3 new replies to “Title”", linking to the thread. It
 * stands where the newest of them stood. Everything else is one entry each.
 */
export function groupNotifications(items: NotificationItem[]): NotificationEntry[] {
  const entries: NotificationEntry[] = [];
  const groups = new Map<string, { entry: NotificationEntry; title: string | null; postId: number }>();
  for (const item of items) {
    const groupable = REPLY_KINDS.includes(item.kind) && item.postId !== null;
    const key = `${item.postId}:${item.unread}`;
    const group = groupable ? groups.get(key) : undefined;
    if (group) {
      group.entry.ids.push(item.id);
      const n = group.entry.ids.length;
      group.entry.message = group.title
        ? `${n} ${item.unread ? "new replies" : "replies"} to “${group.title}”`
        : `${n} ${item.unread ? "new replies" : "replies"} in a thread`;
      group.entry.link = `/stories/${group.postId}`;
      continue;
    }
    const entry: NotificationEntry = {
      ids: [item.id],
      message: item.message,
      link: item.link,
      unread: item.unread,
      month: item.month,
    };
    entries.push(entry);
    if (groupable && item.postId !== null) groups.set(key, { entry, title: item.threadTitle, postId: item.postId });
  }
  return entries;
}

/**
 * The words on the story page's buttons. Each says the present state and what pressing does, in
 * plain text (no aria-pressed, whose meaning would flip with the words).
 */
export function threadButtons(
  state: { following: boolean; muted: boolean; saved: boolean },
  kind: "story" | "practice_note" | "question",
) {
  const thing = kind === "question" ? "question" : "thread";
  return {
    follow: state.following
      ? { intent: "unfollow-thread", label: `Following this ${thing}: stop following` }
      : { intent: "follow-thread", label: `Follow this ${thing}` },
    mute: state.muted
      ? { intent: "unmute", label: `Muted: no notifications from this ${thing}. Unmute` }
      : { intent: "mute", label: `Mute this ${thing}` },
    save: state.saved
      ? { intent: "unsave", label: "Saved: remove from your saved posts" }
      : { intent: "save", label: "Save this post" },
  };
}

/** The one form field every follow, mute and save button sends: what to change and to what. */
export type FollowIntent =
  | { what: "thread"; on: boolean }
  | { what: "mute"; on: boolean }
  | { what: "save"; on: boolean }
  | { what: "tag"; slug: string; on: boolean }
  | { what: "council"; code: string; on: boolean };

/** Reads "follow-thread", "unfollow-thread", "mute", "unmute", "save", "unsave" (null otherwise). */
const THREAD_INTENTS: Record<string, FollowIntent> = {
  "follow-thread": { what: "thread", on: true },
  "unfollow-thread": { what: "thread", on: false },
  mute: { what: "mute", on: true },
  unmute: { what: "mute", on: false },
  save: { what: "save", on: true },
  unsave: { what: "save", on: false },
};

export function parseThreadIntent(intent: string): FollowIntent | null {
  return Object.hasOwn(THREAD_INTENTS, intent) ? (THREAD_INTENTS[intent] ?? null) : null;
}

/**
 * A thread has unread replies for a member when they have opened it before and something was
 * published in it since (by someone else) after the point they had read up to.
 */
export function hasUnread(seenUpTo: Date | null, newestOtherReply: Date | null): boolean {
  return seenUpTo !== null && newestOtherReply !== null && newestOtherReply.getTime() > seenUpTo.getTime();
}
