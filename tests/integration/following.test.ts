// Following threads, tags and councils, muting, saved posts, unread marks and the notifications
// that carry people back to a thread (docs/peer-support.md), through the real routes.
import { describe, expect, it } from "vitest";

import { searchStories } from "~/server/posts/search.server";

import { fetchPage, GOOD_PASSWORD, send, signUpAs } from "../support/remix";
import { sql } from "../support/sql";
import { storySearch } from "../support/stories";

const account = (role = "member", trustLevel = 1) => signUpAs(role, trustLevel);

/** A post written through the real form (so writing it follows it), published at once for trust level 1. */
async function share(cookie: string, title: string, extra: Record<string, string | string[]> = {}) {
  const response = await send("/stories/new", {
    form: {
      intent: "publish",
      kind: "story",
      title,
      body: `${title}: what happened when we asked for a review of the budget.`,
      displayMode: "anonymous",
      bylineScope: "council",
      submissionKey: crypto.randomUUID(),
      ...extra,
    },
    cookie,
  });
  const id = Number(/\/stories\/(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
  if (!id) throw new Error(`posting failed: ${response.status} ${await response.text()}`);
  return id;
}

async function reply(cookie: string, postId: number, body: string, parentId?: number) {
  const response = await send(`/stories/${postId}`, {
    form: {
      body,
      displayMode: "anonymous",
      submissionKey: crypto.randomUUID(),
      ...(parentId ? { parentId: String(parentId) } : {}),
    },
    cookie,
  });
  expect(response.status).toBe(302);
  const id = Number(/#comment-(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
  return id;
}

const press = (cookie: string, postId: number, intent: string) =>
  send(`/stories/${postId}`, { form: { intent }, cookie });

const told = (postId: number) =>
  sql<{ user_id: number; message: string; link: string; post_id: number | null }>(
    `SELECT user_id, message, link, post_id FROM notification WHERE kind = 'reply' AND post_id = $1 ORDER BY id`,
    [postId],
  );

describe("following, muting and saving a thread", () => {
  it("are plain POST buttons that say their state, and writing follows the thread", async () => {
    const [author, reader] = [await account(), await account()];
    const id = await share(author.cookie, "Our review took a year");
    // The author follows their own post from the start.
    expect((await fetchPage(`/stories/${id}`, author.cookie)).html).toContain("Following this thread: stop following");
    const before = await fetchPage(`/stories/${id}`, reader.cookie);
    expect(before.html).toContain("Follow this thread");
    expect(before.html).toContain("Mute this thread");
    expect(before.html).toContain("Save this post");
    const followed = await press(reader.cookie, id, "follow-thread");
    expect(followed.status).toBe(302);
    expect(followed.headers.get("Location")).toBe(`/stories/${id}#follow`);
    await press(reader.cookie, id, "mute");
    await press(reader.cookie, id, "save");
    const after = await fetchPage(`/stories/${id}`, reader.cookie);
    expect(after.html).toContain("Following this thread: stop following");
    expect(after.html).toContain("Muted: no notifications from this thread. Unmute");
    expect(after.html).toContain("Saved: remove from your saved posts");
    const rows = await sql(`SELECT following, muted FROM thread_follow WHERE user_id = $1 AND post_id = $2`, [
      reader.id,
      id,
    ]);
    expect(rows).toEqual([{ following: true, muted: true }]);
    // Nobody else sees who follows or saved it, nor how many: a signed-out reader sees no buttons or counts.
    const outsider = await fetchPage(`/stories/${id}`);
    expect(outsider.html).not.toMatch(/follow|saved/i);
    await press(reader.cookie, id, "unfollow-thread");
    await press(reader.cookie, id, "unmute");
    expect((await fetchPage(`/stories/${id}`, reader.cookie)).html).toContain("Follow this thread");
    // A question is followed as itself.
    const question = await share(author.cookie, "Who pays for respite?", { kind: "question" });
    expect((await fetchPage(`/stories/${question}`, author.cookie)).html).toContain(
      "Following this question: stop following",
    );
  });

  it("the Saved page lists saved posts and unsaves them without JavaScript", async () => {
    const [author, reader] = [await account(), await account()];
    const id = await share(author.cookie, "A story worth keeping");
    await press(reader.cookie, id, "save");
    const saved = await fetchPage("/saved", reader.cookie);
    expect(saved.status).toBe(200);
    expect(saved.headers.get("Cache-Control")).toBe("private, no-store");
    expect(saved.html).toContain("A story worth keeping");
    expect((await fetchPage("/saved", author.cookie)).html).not.toContain("A story worth keeping");
    const unsaved = await send("/saved", { form: { intent: "unsave", post: String(id) }, cookie: reader.cookie });
    expect(unsaved.status).toBe(302);
    expect((await fetchPage("/saved", reader.cookie)).html).not.toContain("A story worth keeping");
  });

  it("refuses what cannot be followed with a clear 4xx, and asks strangers to sign in", async () => {
    const member = await account();
    expect((await press(member.cookie, 2_000_000_001, "follow-thread")).status).toBe(404);
    const [pending] = await sql<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status)
       VALUES ('story', 'Not yet', 'x', '<p>x</p>', 'x', 'carer', 'pending') RETURNING id`,
    );
    expect((await press(member.cookie, pending?.id ?? 0, "save")).status).toBe(404);
    expect(
      (await send("/following", { form: { intent: "follow-tag", tag: "no-such-tag" }, cookie: member.cookie })).status,
    ).toBe(404);
    expect(
      (await send("/following", { form: { intent: "follow-council", council: "<script>" }, cookie: member.cookie }))
        .status,
    ).toBe(400);
    expect(
      (await send("/following", { form: { intent: "follow-council", council: "E99999999" }, cookie: member.cookie }))
        .status,
    ).toBe(404);
    expect(
      (await send("/notifications", { form: { intent: "read", ids: "1;DROP" }, cookie: member.cookie })).status,
    ).toBe(400);
    const stranger = await send("/following");
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get("Location")).toContain("/sign-in");
  });
});

describe("who hears of a reply", () => {
  it("published at once: the post's author, the answered commenter and followers, never the replier or the muted, never who wrote it", async () => {
    const author = await account();
    const commenter = await account();
    const follower = await account();
    const quiet = await account();
    const replier = await account();
    const id = await share(author.cookie, "Direct payments and tax");
    const first = await reply(commenter.cookie, id, "We had the same letter.");
    await press(follower.cookie, id, "follow-thread");
    await press(quiet.cookie, id, "follow-thread");
    await press(quiet.cookie, id, "mute");
    await sql(`DELETE FROM notification`);
    await reply(replier.cookie, id, "Ask for the review in writing.", first);
    const notes = await told(id);
    const byUser = new Map(notes.map((n) => [n.user_id, n.message]));
    expect(byUser.get(author.id)).toBe("Someone replied to your post “Direct payments and tax”.");
    expect(byUser.get(commenter.id)).toBe("Someone replied to your comment on “Direct payments and tax”.");
    expect(byUser.get(follower.id)).toBe("Someone replied to “Direct payments and tax”, which you follow.");
    expect(byUser.has(quiet.id)).toBe(false);
    expect(byUser.has(replier.id)).toBe(false);
    expect(notes).toHaveLength(3);
    for (const note of notes) {
      expect(note.message).not.toContain(replier.handle);
      expect(note.message).not.toMatch(/carer/i);
      expect(note.link).toMatch(new RegExp(`^/stories/${id}#comment-\\d+$`));
    }
    // The replier now follows the thread too: the next reply tells them.
    await reply(follower.cookie, id, "Thank you both.");
    expect((await told(id)).some((n) => n.user_id === replier.id)).toBe(true);
  });

  it("approved by a moderator: the same people, followers included, muted ones not", async () => {
    const [author, follower, quiet] = [await account(), await account(), await account()];
    const newcomer = await account("member", 0);
    const moderator = await account("moderator", 2);
    const id = await share(author.cookie, "Waiting for an assessment");
    await press(follower.cookie, id, "follow-thread");
    await press(quiet.cookie, id, "follow-thread");
    await press(quiet.cookie, id, "mute");
    const replyId = await reply(newcomer.cookie, id, "Ours took eight months.");
    expect(await told(id)).toEqual([]);
    const approved = await send("/moderation", {
      form: { kind: "comment", id: String(replyId), version: "1", decision: "approve" },
      cookie: moderator.cookie,
    });
    expect(approved.status).toBe(303);
    const notes = await told(id);
    expect(notes.map((n) => n.user_id).sort()).toEqual([author.id, follower.id].sort());
    expect(notes.find((n) => n.user_id === follower.id)?.message).toBe(
      "Someone replied to “Waiting for an assessment”, which you follow.",
    );
    // The newcomer hears their reply was approved, naming the thread and linking to it, never "someone replied".
    const [own] = await sql<{ message: string; link: string }>(
      `SELECT message, link FROM notification WHERE user_id = $1 AND kind = 'comment.approve'`,
      [newcomer.id],
    );
    expect(own).toEqual({
      message: "Your reply to “Waiting for an assessment” has been approved and published.",
      link: `/stories/${id}#comment-${replyId}`,
    });
  });

  it("a muted thread tells even its author nothing", async () => {
    const [author, replier] = [await account(), await account()];
    const id = await share(author.cookie, "Muted by its author");
    await press(author.cookie, id, "mute");
    await reply(replier.cookie, id, "Hello.");
    expect((await told(id)).filter((n) => n.user_id === author.id)).toEqual([]);
  });
});

describe("the notifications page", () => {
  it("groups new replies to one thread, links to it, and marks read by a button or by opening the thread", async () => {
    const author = await account();
    const others = [await account(), await account(), await account()];
    const id = await share(author.cookie, "Three answers");
    for (const [i, other] of others.entries()) await reply(other.cookie, id, `Answer number ${i + 1}.`);
    const list = await fetchPage("/notifications", author.cookie);
    expect(list.headers.get("Cache-Control")).toBe("private, no-store");
    expect(list.html).toContain(`<a data-discover="true" href="/stories/${id}">3 new replies to “Three answers”</a>`);
    for (const other of others) expect(list.html).not.toContain(other.handle);
    // Looking at the page marks nothing read.
    expect((await fetchPage("/notifications", author.cookie)).html).toContain("3 new replies to “Three answers”");
    const ids = /name="ids" value="([\d,]+)"/.exec(list.html)?.[1] ?? "";
    expect(ids.split(",")).toHaveLength(3);
    const marked = await send("/notifications", { form: { intent: "read", ids }, cookie: author.cookie });
    expect(marked.status).toBe(302);
    const after = await fetchPage("/notifications", author.cookie);
    expect(after.html).toContain("3 replies to “Three answers”");
    expect(after.html).not.toContain("3 new replies");
    // Another member cannot mark someone else's notifications read.
    await reply(others[0]?.cookie ?? "", id, "One more thing.");
    const [fresh] = await sql<{ id: number }>(`SELECT id FROM notification WHERE user_id = $1 AND read_at IS NULL`, [
      author.id,
    ]);
    await send("/notifications", { form: { intent: "read", ids: String(fresh?.id) }, cookie: others[1]?.cookie ?? "" });
    expect((await fetchPage("/notifications", author.cookie)).html).toContain("New: ");
    // Opening the thread marks what is new in it read.
    await fetchPage(`/stories/${id}`, author.cookie);
    const [{ unread } = { unread: -1 }] = await sql<{ unread: number }>(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [author.id],
    );
    expect(unread).toBe(0);
  });

  it("counts unread notifications in the header, and only opening a published thread marks its own read", async () => {
    const [author, other, stranger] = [await account(), await account(), await account()];
    const [kept, gone] = [await share(author.cookie, "Still here"), await share(author.cookie, "Taken down")];
    await reply(other.cookie, kept, "First answer.");
    await reply(other.cookie, gone, "Second answer.");
    const header = async (cookie: string) =>
      /Notifications<span class="count"> \((\d+)<span class="visually-hidden"> unread/.exec(
        (await fetchPage("/help", cookie)).html,
      )?.[1] ?? "none";
    expect(await header(author.cookie)).toBe("2");
    expect(await header(stranger.cookie)).toBe("none");
    // A thread taken down since is not there for the author either: opening it marks nothing read.
    await sql(`UPDATE post SET status = 'removed' WHERE id = $1`, [gone]);
    expect((await fetchPage(`/stories/${gone}`, author.cookie)).status).toBe(404);
    expect(await header(author.cookie)).toBe("2");
    const still = await sql(`SELECT 1 FROM notification WHERE user_id = $1 AND post_id = $2 AND read_at IS NULL`, [
      author.id,
      gone,
    ]);
    expect(still).toHaveLength(1);
    // Opening a stranger's view of the published one changes nothing for the author; their own does.
    await fetchPage(`/stories/${kept}`, stranger.cookie);
    expect(await header(author.cookie)).toBe("2");
    await fetchPage(`/stories/${kept}`, author.cookie);
    expect(await header(author.cookie)).toBe("1");
    // An address that is no story at all answers 404 and writes nothing.
    expect((await fetchPage(`/stories/2147483000`, author.cookie)).status).toBe(404);
    const strays = await sql(`SELECT 1 FROM thread_read WHERE post_id = 2147483000`);
    expect(strays).toEqual([]);
  });

  it("names the item in moderators' and reporters' notifications", async () => {
    const [author, reporter] = [await account(), await account()];
    const moderator = await account("moderator", 2);
    const id = await share(author.cookie, "Reported thread");
    await send(`/flag?post=${id}`, { form: { reason: "spam", note: "" }, cookie: reporter.cookie });
    const modNotes = await fetchPage("/notifications", moderator.cookie);
    expect(modNotes.html).toContain("The post “Reported thread” was reported (spam).");
    await send("/moderation", {
      form: { kind: "post", id: String(id), version: "1", decision: "dismiss_flags" },
      cookie: moderator.cookie,
    });
    const mine = await fetchPage("/notifications", reporter.cookie);
    expect(mine.html).toContain(
      `<a data-discover="true" href="/stories/${id}">Thank you: a moderator has looked at the post “Reported thread” you reported and dealt with it.</a>`,
    );
    expect(mine.html).not.toContain(moderator.handle);
  });
});

describe("unread marks and the Following page", () => {
  it("a thread one has read shows “New replies” on /stories after someone else replies, until opened again", async () => {
    const [author, reader] = [await account(), await account()];
    const id = await share(author.cookie, "Thread with new marks");
    await fetchPage(`/stories/${id}`, reader.cookie);
    const mark = `<span class="unread-mark">New replies</span> <a data-discover="true" href="/stories/${id}">`;
    expect((await fetchPage("/stories", reader.cookie)).html).not.toContain(mark);
    await reply(author.cookie, id, "An update on our review.");
    expect((await fetchPage("/stories", reader.cookie)).html).toContain(mark);
    // Their own reply does not make a thread unread for the author; strangers see no marks at all.
    expect((await fetchPage("/stories", author.cookie)).html).not.toContain(mark);
    expect((await fetchPage("/stories")).html).not.toContain("unread-mark");
    await fetchPage(`/stories/${id}`, reader.cookie);
    expect((await fetchPage("/stories", reader.cookie)).html).not.toContain(mark);
    // The mark is a time of the content (the newest reply's publication), not of the visit.
    const [row] = await sql<{ same: boolean }>(
      `SELECT r.seen_up_to = (SELECT max(published_at) FROM comment WHERE post_id = $2) AS same
       FROM thread_read r WHERE r.user_id = $1 AND r.post_id = $2`,
      [reader.id, id],
    );
    expect(row?.same).toBe(true);
  });

  it("marks new replies the same whether the list was worked out with the marks or kept and marked after", async () => {
    const [author, reader] = [await account(), await account()];
    const id = await share(author.cookie, "Thread about quokkamarks");
    await fetchPage(`/stories/${id}`, reader.cookie);
    await reply(author.cookie, id, "Another part of the story.");
    // A page size no other test asks for: the first call works the page out, the second finds it kept.
    const worked = await searchStories(storySearch({ q: "quokkamarks" }), { perPage: 9, reader: reader.id });
    const kept = await searchStories(storySearch({ q: "quokkamarks" }), { perPage: 9, reader: reader.id });
    expect(worked.stories.map((story) => story.id)).toContain(id);
    expect(worked.newRepliesFor).toContain(id);
    expect(kept.newRepliesFor).toEqual(worked.newRepliesFor);
    // Another reader of the same kept page has no marks of the first reader's.
    expect(
      (await searchStories(storySearch({ q: "quokkamarks" }), { perPage: 9, reader: author.id })).newRepliesFor,
    ).toEqual([]);
  });

  it("opening a thread already read writes nothing, so signed-out readers' kept pages stay valid", async () => {
    const [author, reader] = [await account(), await account()];
    const id = await share(author.cookie, "Thread read twice");
    await fetchPage(`/stories/${id}`, reader.cookie);
    const rowVersion = () =>
      sql<{ xmin: string }>(`SELECT xmin::text FROM thread_read WHERE user_id = $1 AND post_id = $2`, [reader.id, id]);
    const before = await rowVersion();
    expect(before).toHaveLength(1);
    await fetchPage(`/stories/${id}`, reader.cookie);
    expect(await rowVersion()).toEqual(before);
    // A new reply moves the mark on the next visit.
    await reply(author.cookie, id, "A new part of the story.");
    await fetchPage(`/stories/${id}`, reader.cookie);
    expect(await rowVersion()).not.toEqual(before);
  });

  it("shows new replies in followed threads and new posts under followed tags and councils, new since the last visit", async () => {
    const [member, writer] = [await account(), await account()];
    const followed = await share(writer.cookie, "A thread I follow");
    await press(member.cookie, followed, "follow-thread");
    const tagged = await send("/following", {
      form: { intent: "follow-tag", tag: "respite", redirectTo: "/stories?tag=respite" },
      cookie: member.cookie,
    });
    expect(tagged.status).toBe(302);
    expect(tagged.headers.get("Location")).toBe("/stories?tag=respite");
    // The button on the filtered list says the state.
    expect((await fetchPage("/stories?tag=respite", member.cookie)).html).toContain(
      "Following the tag “Respite and short breaks”: stop following",
    );
    await send("/following", { form: { intent: "follow-council", council: "E06000001" }, cookie: member.cookie });
    const council = await fetchPage("/stories?council=E06000001", member.cookie);
    expect(council.html).toContain("Following Hartlepool: stop following");
    await reply(writer.cookie, followed, "First news.");
    await reply(writer.cookie, followed, "Second news.");
    const byTag = await share(writer.cookie, "Respite at last", { tags: "respite" });
    const byCouncil = await share(writer.cookie, "Hartlepool news", { council: "Hartlepool" });
    const regionOnly = await share(writer.cookie, "Somewhere in the North East", {
      council: "Hartlepool",
      bylineScope: "region",
    });
    const first = await fetchPage("/following", member.cookie);
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toBe("private, no-store");
    expect(first.html).toContain(
      `<span class="unread-mark">2 new replies</span> <a data-discover="true" href="/stories/${followed}">`,
    );
    expect(first.html).toContain(
      `<span class="unread-mark">New</span> <a data-discover="true" href="/stories/${byTag}">`,
    );
    expect(first.html).toContain(
      `<span class="unread-mark">New</span> <a data-discover="true" href="/stories/${byCouncil}">`,
    );
    // A post whose byline shows only its region is never tied to its council here.
    expect(first.html).not.toContain(`/stories/${regionOnly}"`);
    const second = await fetchPage("/following", member.cookie);
    expect(second.html).toContain(`<a data-discover="true" href="/stories/${byTag}">`);
    expect(second.html).not.toContain(
      `<span class="unread-mark">New</span> <a data-discover="true" href="/stories/${byTag}">`,
    );
    // Replies stay new until the thread is opened.
    expect(second.html).toContain(`<span class="unread-mark">2 new replies</span>`);
    await fetchPage(`/stories/${followed}`, member.cookie);
    expect((await fetchPage("/following", member.cookie)).html).not.toContain("new replies</span>");
    // Unfollowing from the Following page itself.
    await send("/following", { form: { intent: "unfollow-tag", tag: "respite" }, cookie: member.cookie });
    await send("/following", { form: { intent: "unfollow-thread", post: String(followed) }, cookie: member.cookie });
    const last = await fetchPage("/following", member.cookie);
    expect(last.html).not.toContain(`<a data-discover="true" href="/stories/${followed}">`);
    expect(last.html).not.toContain(`/stories?tag=respite`);
  });
});

describe("an account's follows, saves and read marks", () => {
  it("are in “download my data” (months, never times) and go when the account is deleted", async () => {
    const [member, writer] = [await account(), await account()];
    const id = await share(writer.cookie, "Exported thread");
    await fetchPage(`/stories/${id}`, member.cookie);
    await press(member.cookie, id, "follow-thread");
    await press(member.cookie, id, "save");
    await send("/following", { form: { intent: "follow-tag", tag: "respite" }, cookie: member.cookie });
    await send("/following", { form: { intent: "follow-council", council: "E06000001" }, cookie: member.cookie });
    const download = await send("/settings/data", { cookie: member.cookie });
    const text = await download.text();
    const exported = JSON.parse(text) as { following: Record<string, unknown> };
    expect(exported.following).toEqual({
      threads: [{ postId: id, following: true, muted: false }],
      tagsFollowed: ["respite"],
      councilsFollowed: ["E06000001"],
      savedPosts: [id],
      threadsRead: [{ postId: id, readUpTo: expect.stringMatching(/^\d{4}-\d{2}$/) as unknown }],
    });
    const deleted = await send("/settings/delete", {
      form: { content: "detach", password: GOOD_PASSWORD },
      cookie: member.cookie,
    });
    expect(deleted.status).toBe(302);
    for (const table of [
      "thread_follow",
      "thread_read",
      "tag_follow",
      "council_follow",
      "saved_post",
      "following_visit",
    ]) {
      const rows = await sql(`SELECT 1 FROM ${table} WHERE user_id = $1`, [member.id]);
      expect(rows, table).toEqual([]);
    }
  });
});
