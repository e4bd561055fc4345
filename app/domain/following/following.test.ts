import { describe, expect, it } from "vitest";

import {
  groupNotifications,
  hasUnread,
  type NotificationItem,
  parseThreadIntent,
  threadButtons,
  whoHearsOfReply,
} from "./following";

describe("whoHearsOfReply", () => {
  const base = { title: "Respite", replyAuthorId: 1, postAuthorId: 2, parentAuthorId: 3 };
  const chose = (userId: number, following: boolean, muted: boolean) => ({ userId, following, muted });

  it("tells the post's author, the answered commenter and followers, each once, never the replier", () => {
    const told = whoHearsOfReply({
      ...base,
      choices: [chose(1, true, false), chose(2, true, false), chose(4, true, false), chose(5, false, false)],
    });
    expect(told).toEqual([
      { userId: 2, message: "Someone replied to your post “Respite”." },
      { userId: 3, message: "Someone replied to your comment on “Respite”." },
      { userId: 4, message: "Someone replied to “Respite”, which you follow." },
    ]);
  });

  it("tells nobody who muted the thread, even its author or a follower", () => {
    const told = whoHearsOfReply({
      ...base,
      choices: [chose(2, false, true), chose(4, true, true)],
    });
    expect(told.map((t) => t.userId)).toEqual([3]);
  });

  it("never says who wrote the reply", () => {
    const told = whoHearsOfReply({ ...base, parentAuthorId: null, choices: [] });
    expect(told[0]?.message).not.toMatch(/carer|member|by /i);
  });
});

describe("groupNotifications", () => {
  const item = (id: number, postId: number | null, unread = true, kind = "reply"): NotificationItem => ({
    id,
    kind,
    message: `message ${id}`,
    link: postId ? `/stories/${postId}#comment-${id}` : null,
    postId,
    threadTitle: postId ? `Thread ${postId}` : null,
    unread,
    month: "December 2026",
  });

  it("groups unread replies to one thread where the newest stood, linking to the thread", () => {
    const entries = groupNotifications([item(9, 7), item(8, null, true, "post.approve"), item(6, 7), item(5, 7)]);
    expect(entries.map((e) => [e.ids, e.message, e.link])).toEqual([
      [[9, 6, 5], "3 new replies to “Thread 7”", "/stories/7"],
      [[8], "message 8", null],
    ]);
  });

  it("keeps a single reply as it was and never mixes read with unread", () => {
    const entries = groupNotifications([item(9, 7), item(6, 7, false), item(5, 7, false)]);
    expect(entries.map((e) => e.message)).toEqual(["message 9", "2 replies to “Thread 7”"]);
  });
});

describe("the rest", () => {
  it("says a button's state in its words", () => {
    const on = threadButtons({ following: true, muted: true, saved: true }, "question");
    expect(on.follow).toEqual({ intent: "unfollow-thread", label: "Following this question: stop following" });
    expect(on.mute.intent).toBe("unmute");
    expect(threadButtons({ following: false, muted: false, saved: false }, "story").follow.label).toBe(
      "Follow this thread",
    );
  });

  it("reads only known intents", () => {
    expect(parseThreadIntent("mute")).toEqual({ what: "mute", on: true });
    expect(parseThreadIntent("drop table")).toBeNull();
  });

  it("counts a thread unread only when it was opened and something newer came", () => {
    const seen = new Date("2026-12-01T10:00:00Z");
    expect(hasUnread(seen, new Date("2026-12-01T10:00:01Z"))).toBe(true);
    expect(hasUnread(seen, seen)).toBe(false);
    expect(hasUnread(null, new Date())).toBe(false);
  });
});
