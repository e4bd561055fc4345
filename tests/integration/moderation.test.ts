import { describe, expect, it } from "vitest";

import { pageText, send, signUpAs, stripComments } from "../support/remix";
import { sql } from "../support/sql";

const account = (role: string, trustLevel = 0) => signUpAs(role, trustLevel);
/** A member (at this trust level) whose post is decided on, and a moderator to decide. */
const authorAndModerator = async (authorTrust = 0) => ({
  author: await account("member", authorTrust),
  moderator: await account("moderator", 2),
});

async function pendingPost(authorId: number, title: string, kept: unknown[] | null = null, createdAt = "now()") {
  const [row] = await sql<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, kept_findings, created_at)
     VALUES ('story', $1, $4, '<p>Body</p>', 'Body', $2, 'carer', 'pending', $3, ${createdAt}) RETURNING id`,
    [title, authorId, kept === null ? null : JSON.stringify(kept), `Body of ${title}`],
  );
  return row?.id ?? 0;
}

async function pendingReportComment(authorId: number, comment: string): Promise<string> {
  const [row] = await sql<{ id: number }>(
    `INSERT INTO experience_report (author_id, area_code, quarter_start, perspective, support_arrangement, client_group, plan_lead, budget_change, comment, comment_status)
     VALUES ($1, 'E06000001', '2026-07-01', 'carer', 'dp_employer', 'autism', 'self_led', 'same', $2, 'pending') RETURNING id`,
    [authorId, comment],
  );
  return String(row?.id);
}

/** A moderator approves a report's comment through the queue's form. */
function approveReportComment(id: string, cookie: string) {
  return send("/moderation", { form: { kind: "report_comment", id, version: "1", decision: "approve" }, cookie });
}

/** A moderator's decision on an item of the queue, as its form sends it (version 1 unless `fields` say otherwise). */
function decide(cookie: string, kind: string, id: unknown, decision: string, fields: Record<string, string> = {}) {
  return send("/moderation", { form: { kind, id: String(id), version: "1", decision, ...fields }, cookie });
}

describe("the review queue", () => {
  it("shows pending items most urgent first: kept identifying details before plain age", async () => {
    const { author, moderator } = await authorAndModerator();
    await pendingPost(author.id, "Old and plain", null, "now() - interval '3 days'");
    await pendingPost(author.id, "Kept a phone number", [{ kind: "phone", text: "07700 900123" }]);
    const html = await pageText("/moderation", moderator.cookie);
    expect(html.indexOf("Kept a phone number")).toBeGreaterThan(-1);
    expect(html.indexOf("Kept a phone number")).toBeLessThan(html.indexOf("Old and plain"));
    expect(html).toContain('<mark class="finding">07700 900123</mark>');
    expect(html).toContain(`${author.handle}, trust level 0, 0 rejected before, 0 upheld reports`);
  });

  it("approving publishes the post, records who and why, and a second moderator sees it was handled", async () => {
    const author = await account("member");
    const first = await account("moderator", 2);
    const second = await account("moderator", 2);
    const id = await pendingPost(author.id, "Approve me");
    const form = { kind: "post", id: String(id), version: "1", decision: "approve", reason: "" };
    const approved = await send("/moderation", { form, cookie: first.cookie });
    expect(approved.status).toBe(303);
    const back = approved.headers.get("Location") ?? "";
    expect(back).toMatch(/^\/moderation\?done=approve&n=1#done$/);
    expect(await pageText(back, first.cookie)).toContain(
      "The item was approved and published. The author has been told.",
    );
    const again = await send("/moderation", { form, cookie: second.cookie });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already dealt with");
    const [post] = await sql<{ status: string; published_at: Date | null }>(
      `SELECT status, published_at FROM post WHERE id = $1`,
      [id],
    );
    expect(post?.status).toBe("published");
    expect(post?.published_at).toBeInstanceOf(Date);
    const log = await sql<{ actor_handle: string; action: string }>(
      `SELECT actor_handle, action FROM moderation_action WHERE target_type = 'post' AND target_id = $1`,
      [String(id)],
    );
    expect(log).toEqual([{ actor_handle: first.handle, action: "post.approve" }]);
    expect((await send(`/stories/${id}`)).status).toBe(200);
  });

  it("needs a house rule to reject, and shows it (with a link to the rule) to the author only", async () => {
    const { author, moderator } = await authorAndModerator();
    const id = await pendingPost(author.id, "Reject me");
    const noReason = await decide(moderator.cookie, "post", id, "reject", { reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Choose the house rule it breaks");
    const madeUp = await decide(moderator.cookie, "post", id, "reject", { rule: "99", note: "x" });
    expect(madeUp.status).toBe(400);
    expect(await madeUp.text()).toContain("Choose a house rule from the list");
    await decide(moderator.cookie, "post", id, "reject", { rule: "2", note: "It names a social worker." });
    const own = await pageText(`/stories/${id}`, author.cookie);
    expect(own).toContain(
      "A moderator wrote: House rule 2, “Keep other people unidentifiable”. It names a social worker.",
    );
    expect(own).toContain("Only you can see this post. It was rejected.");
    expect(own).toMatch(/<a [^>]*href="\/house-rules#rule-2">Read house rule 2<\/a>/);
    const notes = await pageText("/notifications", author.cookie);
    expect(notes).toContain(
      "Your post “Reject me” was not published. The moderator&#x27;s reason: House rule 2, “Keep other people unidentifiable”. It names a social worker.",
    );
    expect(notes).toMatch(/<a [^>]*href="\/house-rules#rule-2">Read house rule 2<\/a>/);
    expect((await send(`/stories/${id}`)).status).toBe(404);
  });

  it("never lets a moderator decide on their own content", async () => {
    const moderator = await account("moderator", 2);
    const id = await pendingPost(moderator.id, "My own post");
    const html = await pageText("/moderation", moderator.cookie);
    expect(html).toContain("This is your own content");
    const attempt = await send("/moderation", {
      form: { kind: "post", id: String(id), version: "1", decision: "approve" },
      cookie: moderator.cookie,
    });
    expect(attempt.status).toBe(403);
    expect(stripComments(await attempt.text())).toContain("You cannot moderate your own content");
    // Edit-then-approve gives the same answer (it once said 409, which is for conflicts).
    const edit = await send(`/moderation/edit?kind=post&id=${id}`, {
      form: { title: "My own post", body: "Tidied.", reason: "Tidied it", version: "1" },
      cookie: moderator.cookie,
    });
    expect(edit.status).toBe(403);
    const [row] = await sql<{ status: string; body_markdown: string }>(
      `SELECT status, body_markdown FROM post WHERE id = $1`,
      [id],
    );
    expect(row?.status).toBe("pending");
    expect(row?.body_markdown).not.toBe("Tidied.");
    // And the comment of their own experience report.
    const report = await pendingReportComment(moderator.id, "My year.");
    expect((await approveReportComment(report, moderator.cookie)).status).toBe(403);
    const [kept] = await sql<{ comment_status: string }>(`SELECT comment_status FROM experience_report WHERE id = $1`, [
      report,
    ]);
    expect(kept?.comment_status).toBe("pending");
  });

  it("approves report comments too, and lists every action in the audit log", async () => {
    const { author, moderator } = await authorAndModerator();
    const report = await pendingReportComment(author.id, "Good year.");
    expect((await approveReportComment(report, moderator.cookie)).status).toBe(303);
    const log = await pageText("/moderation/log?action=report_comment.approve", moderator.cookie);
    expect(log).toContain("Approved an experience report&#x27;s comment");
    expect(log).not.toContain("report_comment.approve<");
    expect(log).toContain(moderator.handle);
  });
});

async function publishedPostBy(authorId: number, title: string) {
  const [row] = await sql<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, published_at)
     VALUES ('story', $1, 'Body', '<p>Body</p>', 'Body', $2, 'carer', 'published', now()) RETURNING id`,
    [title, authorId],
  );
  return row?.id ?? 0;
}

describe("flags", () => {
  it("are one per member, and three trusted members hide the post pending review", async () => {
    const author = await account("member", 1);
    const id = await publishedPostBy(author.id, "Flag me");
    const flaggers = [
      await account("member", 1),
      await account("member", 2),
      await account("member", 0),
      await account("member", 1),
    ];
    const flag = (cookie: string) => send(`/flag?post=${id}`, { form: { reason: "abuse", note: "" }, cookie });
    expect((await flag(flaggers[0]?.cookie ?? "")).status).toBe(302);
    expect((await flag(flaggers[0]?.cookie ?? "")).status).toBe(409);
    await flag(flaggers[1]?.cookie ?? "");
    await flag(flaggers[2]?.cookie ?? "");
    expect((await send(`/stories/${id}`)).status).toBe(200);
    await flag(flaggers[3]?.cookie ?? "");
    expect((await send(`/stories/${id}`)).status).toBe(404);
    const [row] = await sql<{ status: string }>(`SELECT status FROM post WHERE id = $1`, [id]);
    expect(row?.status).toBe("pending");
  });

  it("safeguarding puts the item first, tells every moderator, and shows the flagger where to get help", async () => {
    const { author, moderator } = await authorAndModerator(1);
    await pendingPost(author.id, "An older pending post", null, "now() - interval '5 days'");
    const id = await publishedPostBy(author.id, "Worrying post");
    const flagger = await account("member", 1);
    const response = await send(`/flag?post=${id}`, {
      form: { reason: "safeguarding", note: "They sound unsafe" },
      cookie: flagger.cookie,
    });
    expect(response.headers.get("Location")).toBe("/help/safeguarding?reported=1");
    const queue = await pageText("/moderation", moderator.cookie);
    const firstItem = /<h2 id="item-[^"]*" class="queue-heading">([^<]*)<\/h2>/.exec(queue)?.[1];
    expect(firstItem).toBe("Post: Worrying post");
    expect(queue).toContain("Safeguarding concern raised");
    const notes = await pageText("/notifications", moderator.cookie);
    expect(notes).toContain("Safeguarding concern reported");
    const authorNotes = await pageText("/notifications", author.cookie);
    expect(authorNotes).toContain("/help/safeguarding");
  });

  it("removing flagged content replaces a reply in its thread, and the flagger hears it was handled", async () => {
    const { author, moderator } = await authorAndModerator(1);
    const postId = await publishedPostBy(author.id, "Thread");
    const [comment] = await sql<{ id: number }>(
      `INSERT INTO comment (post_id, author_id, author_perspective, body_markdown, body_html, status, published_at)
       VALUES ($1, $2, 'carer', 'Rude words', '<p>Rude words</p>', 'published', now()) RETURNING id`,
      [postId, author.id],
    );
    const flagger = await account("member", 1);
    await send(`/flag?comment=${comment?.id}`, { form: { reason: "abuse" }, cookie: flagger.cookie });
    const removed = await decide(moderator.cookie, "comment", comment?.id, "remove", {
      rule: "3",
      note: "Abusive language.",
    });
    expect(removed.status).toBe(303);
    const page = await pageText(`/stories/${postId}`);
    expect(page).toContain("This reply was removed by moderators.");
    expect(page).not.toContain("Rude words");
    const [flag] = await sql<{ resolution: string }>(`SELECT resolution FROM flag WHERE comment_id = $1`, [
      comment?.id,
    ]);
    expect(flag?.resolution).toBe("upheld");
    // Moderators can bring it back from the post's history page.
    const history = await pageText(`/stories/${postId}/history`, moderator.cookie);
    expect(history).toContain("Removed because: House rule 3, “Be kind”. Abusive language.");
    const restored = await decide(moderator.cookie, "comment", comment?.id, "restore", { version: "2" });
    expect(restored.status).toBe(303);
    expect(await (await send(`/stories/${postId}`)).text()).toContain("Rude words");
    const notes = await pageText("/notifications", flagger.cookie);
    expect(notes).toContain("a moderator has looked at the reply to “Thread” you reported and dealt with it.");
  });
});

describe("notifications", () => {
  it("tell authors about decisions and replies, count unread in the header, and are marked read with a button", async () => {
    const { author, moderator } = await authorAndModerator(1);
    const id = await pendingPost(author.id, "Tell me when");
    await send("/moderation", {
      form: { kind: "post", id: String(id), version: "1", decision: "approve" },
      cookie: moderator.cookie,
    });
    const replier = await account("member", 1);
    await send(`/stories/${id}`, {
      form: { body: "Welcome!", displayMode: "anonymous", submissionKey: crypto.randomUUID() },
      cookie: replier.cookie,
    });
    const home = await pageText("/", author.cookie);
    expect(home).toContain('Notifications<span class="count"> (2<span class="visually-hidden"> unread</span>)</span>');
    const list = await pageText("/notifications", author.cookie);
    expect(list).toContain("Your post “Tell me when” has been approved and published.");
    expect(list).toContain(`href="/stories/${id}"`);
    expect(list).toContain("Someone replied to your post “Tell me when”.");
    const marked = await send("/notifications", { form: { intent: "read-all" }, cookie: author.cookie });
    expect(marked.status).toBe(302);
    const after = await pageText("/", author.cookie);
    expect(after).not.toContain('class="count"');
  });
});

describe("a reply approved by a moderator", () => {
  it("tells the person who shared the post and the person whose comment it answers, naming the post and linking to the reply", async () => {
    const sharer = await account("member", 1);
    const commenter = await account("member", 1);
    const newcomer = await account("member", 0);
    const moderator = await account("moderator", 2);
    const postId = await publishedPostBy(sharer.id, "Waiting for a review");
    await send(`/stories/${postId}`, {
      form: { body: "Ours took a year.", displayMode: "anonymous", submissionKey: crypto.randomUUID() },
      cookie: commenter.cookie,
    });
    const [parent] = await sql<{ id: number }>(`SELECT id FROM comment WHERE post_id = $1 AND author_id = $2`, [
      postId,
      commenter.id,
    ]);
    // A new member's reply to that comment waits for a moderator: nobody is told yet.
    await send(`/stories/${postId}`, {
      form: {
        body: "Same here, hang on in there.",
        displayMode: "anonymous",
        parentId: String(parent?.id),
        submissionKey: crypto.randomUUID(),
      },
      cookie: newcomer.cookie,
    });
    const [reply] = await sql<{ id: number; status: string }>(
      `SELECT id, status FROM comment WHERE post_id = $1 AND author_id = $2`,
      [postId, newcomer.id],
    );
    expect(reply?.status).toBe("pending");
    const before = await sql<{ user_id: number }>(`SELECT user_id FROM notification WHERE link = $1`, [
      `/stories/${postId}#comment-${reply?.id}`,
    ]);
    expect(before).toEqual([]);
    await send("/moderation", {
      form: { kind: "comment", id: String(reply?.id), version: "1", decision: "approve" },
      cookie: moderator.cookie,
    });
    const told = await sql<{ user_id: number; message: string; link: string }>(
      `SELECT user_id, message, link FROM notification WHERE link = $1 ORDER BY user_id`,
      [`/stories/${postId}#comment-${reply?.id}`],
    );
    expect(told.map((n) => [n.user_id, n.message])).toEqual(
      [
        [sharer.id, "Someone replied to your post “Waiting for a review”."],
        [commenter.id, "Someone replied to your comment on “Waiting for a review”."],
        [newcomer.id, "Your reply to “Waiting for a review” has been approved and published."],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });
});

describe("more moderator tools", () => {
  it("edit, then approve: the text is redacted, the old version kept, the change logged, the author told", async () => {
    const { author, moderator } = await authorAndModerator();
    const id = await pendingPost(author.id, "Needs a redaction");
    await sql(`UPDATE post SET body_markdown = 'Call Mrs Okafor on 07700 900123.' WHERE id = $1`, [id]);
    const page = await pageText(`/moderation/edit?kind=post&id=${id}`, moderator.cookie);
    expect(page).toContain("Replace with [phone number]");
    const saved = await send(`/moderation/edit?kind=post&id=${id}`, {
      form: {
        version: "1",
        title: "Needs a redaction",
        body: "Call [name] on [phone number].",
        reason: "Removed a name and a phone number.",
      },
      cookie: moderator.cookie,
    });
    expect(saved.status).toBe(302);
    const [row] = await sql<{ status: string; body_markdown: string }>(
      `SELECT status, body_markdown FROM post WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: "published", body_markdown: "Call [name] on [phone number]." });
    const [revision] = await sql<{ body_markdown: string; reason: string }>(
      `SELECT body_markdown, reason FROM post_revision WHERE post_id = $1`,
      [id],
    );
    expect(revision?.body_markdown).toContain("07700 900123");
    const [log] = await sql<{ before: { body: string }; after: { body: string } }>(
      `SELECT before, after FROM moderation_action WHERE action = 'post.edit_approve' AND target_id = $1`,
      [String(id)],
    );
    expect(log?.before.body).toContain("Okafor");
    expect(log?.after.body).toBe("Call [name] on [phone number].");
    const notes = await pageText("/notifications", author.cookie);
    expect(notes).toContain(
      "A moderator edited your post “Needs a redaction” and published it. They wrote: Removed a name and a phone number.",
    );
  });

  it("silence: the member can read but not write until it ends", async () => {
    const member = await account("member", 1);
    const moderator = await account("moderator", 2);
    await pendingPost(member.id, "Before the silence");
    const response = await send("/moderation", {
      form: {
        intent: "silence",
        userId: String(member.id),
        days: "3",
        silenceReason: "Cooling off.",
        itemKey: "post-1",
      },
      cookie: moderator.cookie,
    });
    expect(response.status).toBe(200);
    expect((await send("/stories", { cookie: member.cookie })).status).toBe(200);
    const write = await send("/stories/new", {
      form: { kind: "story", title: "x", body: "y", displayMode: "anonymous", intent: "publish" },
      cookie: member.cookie,
    });
    expect(write.status).toBe(403);
    expect(await write.text().then(stripComments)).toContain("A moderator has paused your posting until");
    const [row] = await sql<{ days: number }>(
      `SELECT round(extract(epoch from silenced_until - now()) / 86400) AS days FROM "user" WHERE id = $1`,
      [member.id],
    );
    expect(Number(row?.days)).toBe(3);
  });

  describe("who may silence whom", () => {
    const silence = (cookie: string, userId: number, reason = "Cooling off.") =>
      send("/moderation", {
        form: {
          intent: "silence",
          userId: String(userId),
          days: "3",
          silenceReason: reason,
          itemKey: `user-${userId}`,
        },
        cookie,
      });
    const lift = (cookie: string, userId: number, reason: string) =>
      send("/moderation", {
        form: { intent: "lift-silence", userId: String(userId), liftReason: reason, itemKey: `user-${userId}` },
        cookie,
      });
    const silencedUntil = async (id: number) =>
      (await sql<{ silenced_until: Date | null }>(`SELECT silenced_until FROM "user" WHERE id = $1`, [id]))[0]
        ?.silenced_until;
    const auditRows = (id: number) =>
      sql<{ action: string; actor_handle: string; reason: string | null }>(
        `SELECT action, actor_handle, reason FROM moderation_action WHERE target_type = 'user' AND target_id = $1 ORDER BY id`,
        [String(id)],
      );

    it("a moderator cannot silence an admin, another moderator or themselves: 403 and nothing changes", async () => {
      const moderator = await account("moderator", 2);
      const admin = await account("admin", 2);
      const otherModerator = await account("moderator", 2);
      for (const target of [admin, otherModerator, moderator]) {
        const refused = await silence(moderator.cookie, target.id);
        expect(refused.status).toBe(403);
        expect(await refused.text().then(stripComments)).toContain(
          "Moderators act on members, admins on moderators, and nobody on themselves.",
        );
        expect(await silencedUntil(target.id)).toBeNull();
        expect(await auditRows(target.id)).toEqual([]);
      }
      const notes = await (await send("/notifications", { cookie: admin.cookie })).text();
      expect(notes).not.toContain("paused your posting");
    });

    it("an admin silences a moderator; only an admin can lift it, with a reason that is logged and sent to them", async () => {
      const admin = await account("admin", 2);
      const moderator = await account("moderator", 2);
      const otherModerator = await account("moderator", 2);
      expect((await silence(admin.cookie, moderator.id, "Too quick to reject.")).status).toBe(200);
      expect(await silencedUntil(moderator.id)).toBeInstanceOf(Date);
      // A fellow moderator may neither lift it nor stack another on top.
      expect((await lift(otherModerator.cookie, moderator.id, "Let them back.")).status).toBe(403);
      expect(await silencedUntil(moderator.id)).toBeInstanceOf(Date);

      const noReason = await lift(admin.cookie, moderator.id, "  ");
      expect(noReason.status).toBe(400);
      expect(await noReason.text()).toContain("Write a reason: the member will see it");
      expect(await silencedUntil(moderator.id)).toBeInstanceOf(Date);

      const lifted = await lift(admin.cookie, moderator.id, "Talked it through; back to work.");
      expect(lifted.status).toBe(200);
      expect(await lifted.text().then(stripComments)).toContain("Silence lifted");
      expect(await silencedUntil(moderator.id)).toBeNull();
      expect(await auditRows(moderator.id)).toEqual([
        { action: "user.silence", actor_handle: admin.handle, reason: "Too quick to reject." },
        { action: "user.unsilence", actor_handle: admin.handle, reason: "Talked it through; back to work." },
      ]);
      const [row] = await sql<{ before: { silencedUntil: string }; after: { silencedUntil: null } }>(
        `SELECT before, after FROM moderation_action WHERE action = 'user.unsilence' AND target_id = $1`,
        [String(moderator.id)],
      );
      expect(row?.before.silencedUntil).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(row?.after).toEqual({ silencedUntil: null });
      const notes = await pageText("/notifications", moderator.cookie);
      expect(notes).toContain(
        "A moderator has lifted the pause on your posting early: you can post again. The moderator wrote: Talked it through; back to work.",
      );
      // Lifting again finds nothing to lift.
      expect((await lift(admin.cookie, moderator.id, "Again.")).status).toBe(409);
    });

    it("a member silenced by a moderator can post again once it is lifted", async () => {
      const member = await account("member", 1);
      const moderator = await account("moderator", 2);
      expect((await silence(moderator.cookie, member.id)).status).toBe(200);
      const newStory = () =>
        send("/stories/new", {
          form: { kind: "story", title: "x", body: "y", displayMode: "anonymous", intent: "publish" },
          cookie: member.cookie,
        });
      expect((await newStory()).status).toBe(403);
      expect((await lift(moderator.cookie, member.id, "Apologised to the group.")).status).toBe(200);
      expect((await newStory()).status).not.toBe(403);
    });

    it("the queue offers 'Lift silence' for a silenced member, and no silence at all for a senior", async () => {
      const member = await account("member", 1);
      const admin = await account("admin", 2);
      const moderator = await account("moderator", 2);
      await pendingPost(member.id, "Waiting from a silenced member");
      await pendingPost(admin.id, "Waiting from an admin");
      await sql(`UPDATE "user" SET silenced_until = now() + interval '3 days' WHERE id = $1`, [member.id]);
      const html = await pageText("/moderation", moderator.cookie);
      expect(html).toContain(`<summary>Lift silence on ${member.handle}</summary>`);
      expect(html).not.toContain(`<summary>Silence ${member.handle}</summary>`);
      expect(html).not.toContain(`<summary>Silence ${admin.handle}</summary>`);
      expect(html).toContain("Members whose posting is paused");
      expect(html).toContain(`${member.handle}: posting paused until`);
      expect(html).toContain(`value="user-${member.id}"`);
    });
  });

  it("restore brings removed content back, and the queue filters by reason and council", async () => {
    const { author, moderator } = await authorAndModerator(1);
    const [post] = await sql<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, published_at, area_code)
       VALUES ('story', 'Removed then restored', 'b', '<p>b</p>', 'b', $1, 'carer', 'removed', now(), 'E06000002') RETURNING id`,
      [author.id],
    );
    const restored = await send("/moderation", {
      form: { kind: "post", id: String(post?.id), version: "1", decision: "restore" },
      cookie: moderator.cookie,
    });
    expect(restored.status).toBe(303);
    expect((await send(`/stories/${post?.id}`)).status).toBe(200);

    await pendingPost(author.id, "Kept details here", [{ kind: "email", text: "a@example.com" }]);
    await pendingPost(author.id, "Nothing kept here");
    const filtered = await pageText("/moderation?reason=kept_identifying_details", moderator.cookie);
    expect(filtered).toContain("Kept details here");
    expect(filtered).not.toContain("Nothing kept here");
    const byCouncil = await pageText("/moderation?council=E06000003", moderator.cookie);
    expect(byCouncil).toContain('<option value="E06000003" selected="">');
    expect(byCouncil).toContain("Nothing is waiting for review.");
  });
});

describe("round trips", () => {
  it("ask for changes: the author edits and resubmits, and the post is back in the queue", async () => {
    const { author, moderator } = await authorAndModerator();
    const id = await pendingPost(author.id, "Please change me");
    await decide(moderator.cookie, "post", id, "request_changes", {
      rule: "2",
      note: "Leave out the care home's name.",
    });
    const own = await pageText(`/stories/${id}`, author.cookie);
    expect(own).toContain(
      "A moderator wrote: House rule 2, “Keep other people unidentifiable”. Leave out the care home",
    );
    expect(own).toContain("Only you can see this post. Changes were requested.");
    expect(own).toContain("Edit your post and send it again");
    const [row] = await sql<{ version: number }>(`SELECT version FROM post WHERE id = $1`, [id]);
    await send(`/stories/${id}/edit`, {
      form: { title: "Please change me", body: "Now without the name.", version: String(row?.version) },
      cookie: author.cookie,
    });
    const [after] = await sql<{ status: string }>(`SELECT status FROM post WHERE id = $1`, [id]);
    expect(after?.status).toBe("pending");
    const queue = await pageText("/moderation", moderator.cookie);
    expect(queue).toContain("Now without the name.");
  });

  it("one moderator's report hides published content at once", async () => {
    const { author, moderator } = await authorAndModerator(1);
    const id = await publishedPostBy(author.id, "Hidden by a moderator");
    await send(`/flag?post=${id}`, { form: { reason: "personal_information" }, cookie: moderator.cookie });
    expect((await send(`/stories/${id}`)).status).toBe(404);
    const log = await sql<{ action: string }>(
      `SELECT action FROM moderation_action WHERE target_type = 'post' AND target_id = $1`,
      [String(id)],
    );
    expect(log.map((l) => l.action)).toContain("post.hide");
  });
});
