import { describe, expect, it } from "vitest";

import { send, sendReply, stripComments, signUpAtTrust } from "../support/remix";
import { sql } from "../support/sql";

const member = (trustLevel: number) => signUpAtTrust(trustLevel);

const story = (extra: Record<string, string> = {}) => ({
  kind: "story",
  title: "Our direct payment review",
  body: "The review cut our hours without warning.\n\nWe appealed and **won**.",
  council: "Hartlepool",
  displayMode: "anonymous",
  submissionKey: crypto.randomUUID(),
  ...extra,
});

/** Sends the "new post" form: the story above, with these fields added or replaced. */
const sendStory = (cookie: string, fields: Record<string, string | string[]>) =>
  send("/stories/new", { form: { ...story(), ...fields }, cookie });

async function publishedPost(title = "A published story") {
  const [row] = await sql<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code)
     VALUES ('story', $1, 'Body', '<p>Body</p>', 'Body', 'carer', 'published', now(), 'E06000001') RETURNING id`,
    [title],
  );
  return row?.id ?? 0;
}

describe("writing a post", () => {
  it("previews exactly what will be published, with identifying details highlighted", async () => {
    const { cookie } = await member(1);
    const response = await sendStory(cookie, {
      body: "Ring the office on 07700 900123 if you need *help*.",
      intent: "preview",
    });
    expect(response.status).toBe(200);
    const html = await response.text().then(stripComments);
    expect(html).toContain("Preview: this is exactly what will be published");
    expect(html).toMatch(/<mark class="finding">07700 900123<\/mark>/);
    expect(html).toContain("Replace with [phone number]");
    expect(html).toContain("<em>help</em>");
  });

  it("replaces a finding with a neutral placeholder in one step", async () => {
    const { cookie } = await member(1);
    const preview = await sendStory(cookie, { body: "Ring the office on 07700 900123 please.", intent: "redact:0" });
    const html = await preview.text().then(stripComments);
    expect(html).toContain("Ring the office on [phone number] please.");
    expect(html).not.toContain("07700 900123");
  });

  it("publishes at once for a trusted member, and records findings that were kept", async () => {
    const { cookie } = await member(1);
    const response = await sendStory(cookie, {
      body: "Email me at someone@example.com about it.",
      tags: "respite",
      intent: "publish",
      // The preview showed the email address; publishing from it keeps what was shown.
      seen: JSON.stringify(["someone@example.com"]),
    });
    expect(response.status).toBe(302);
    const id = Number(/\/stories\/(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
    const [row] = await sql<{
      status: string;
      kept_findings: { kind: string }[];
      area_code: string;
      body_html: string;
    }>(`SELECT status, kept_findings, area_code, body_html FROM post WHERE id = $1`, [id]);
    expect(row?.status).toBe("published");
    expect(row?.area_code).toBe("E06000001");
    expect(row?.kept_findings.map((f) => f.kind)).toContain("email");
    const page = await (await send(`/stories/${id}`)).text().then(stripComments);
    expect(page).toContain("Our direct payment review");
    expect(page).toContain("a carer in the North East");

    // Moderators see what the author kept; members do not get the page at all.
    const moderator = await member(2);
    await sql(`UPDATE "user" SET role = 'moderator' WHERE handle_key = lower($1)`, [moderator.handle]);
    const history = await send(`/stories/${id}/history`, { cookie: moderator.cookie });
    expect(history.status).toBe(200);
    expect(await history.text().then(stripComments)).toContain('<mark class="finding">someone@example.com</mark>');
    const { cookie: otherMember } = await member(1);
    expect((await send(`/stories/${id}/history`, { cookie: otherMember })).status).toBe(403);
  });

  it("holds a new member's post for review, visible only to them", async () => {
    const { cookie } = await member(0);
    const response = await sendStory(cookie, { intent: "publish" });
    const id = Number(/\/stories\/(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
    const [row] = await sql<{ status: string }>(`SELECT status FROM post WHERE id = $1`, [id]);
    expect(row?.status).toBe("pending");
    expect((await send(`/stories/${id}`)).status).toBe(404);
    const own = await send(`/stories/${id}?posted=1`, { cookie });
    expect(own.status).toBe(200);
    expect(await own.text().then(stripComments)).toContain("waiting for a moderator");
  });

  it("creates one post when the same form is submitted twice", async () => {
    const { cookie } = await member(1);
    const form = { ...story({ title: "Submitted twice by accident" }), intent: "publish" };
    const first = await send("/stories/new", { form, cookie });
    const second = await send("/stories/new", { form, cookie });
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await sql(`SELECT 1 FROM post WHERE title = 'Submitted twice by accident'`)).toHaveLength(1);
  });

  it("explains each problem beside its field and keeps the text", async () => {
    const { cookie } = await member(1);
    const longTitle = "x".repeat(130);
    const response = await sendStory(cookie, {
      title: longTitle,
      council: "Atlantis",
      body: "word ".repeat(1_501),
      intent: "publish",
    });
    expect(response.status).toBe(400);
    const html = await response.text().then(stripComments);
    expect(html).toContain("Your title is 130 characters. It must be 120 characters or fewer");
    expect(html).toContain("Choose a council from the list");
    expect(html).toContain("Your text is 1,501 words");
    expect(html).toContain(longTitle);
  });

  it("refuses more than five tags and unknown tags, keeping what was typed", async () => {
    const { cookie } = await member(1);
    const tooMany = await sendStory(cookie, {
      title: "Too many tags",
      intent: "publish",
      tags: ["respite", "advocacy", "transport", "cuts", "charging", "paperwork"],
    });
    expect(tooMany.status).toBe(400);
    const html = await tooMany.text().then(stripComments);
    expect(html).toContain("Choose up to 5 tags");
    expect(html).toContain('value="Too many tags"');
    const unknown = await sendStory(cookie, { title: "Unknown tag", intent: "publish", tags: ["no-such-tag"] });
    expect(unknown.status).toBe(400);
    expect(await unknown.text().then(stripComments)).toContain("Choose tags from the list");
    expect(await sql(`SELECT 1 FROM post WHERE title IN ('Too many tags', 'Unknown tag')`)).toHaveLength(0);
  });

  it("requires signing in", async () => {
    const response = await send("/stories/new");
    expect(response.status).toBe(302);
  });
});

describe("comments", () => {
  it("answer a damaged submission key with a saved reply, not a 500", async () => {
    const postId = await publishedPost();
    const { cookie } = await member(1);
    const response = await sendReply(cookie, postId, "We kept a diary of every missed visit.", {
      submissionKey: "------------------------------------",
    });
    expect(response.status).toBe(302);
    const saved = await sql(
      `SELECT 1 FROM comment WHERE post_id = $1 AND body_markdown = 'We kept a diary of every missed visit.'`,
      [postId],
    );
    expect(saved).toHaveLength(1);
  });

  it("publish a trusted member's reply and a one-level reply to it", async () => {
    const postId = await publishedPost();
    const { cookie } = await member(1);
    const first = await sendReply(cookie, postId, "Same happened to us. Ask for the review in writing.");
    expect(first.status).toBe(302);
    const [comment] = await sql<{ id: number; status: string }>(`SELECT id, status FROM comment WHERE post_id = $1`, [
      postId,
    ]);
    expect(comment?.status).toBe("published");
    const reply = await sendReply(cookie, postId, "Thank you, we will.", { parentId: String(comment?.id) });
    expect(reply.status).toBe(302);
    const page = await (await send(`/stories/${postId}`)).text().then(stripComments);
    expect(page).toContain("Ask for the review in writing.");
    expect(page).toContain("Thank you, we will.");
    expect(page).toContain("2 replies");
  });

  it("show identifying details to the author before saving", async () => {
    const postId = await publishedPost();
    const { cookie } = await member(1);
    const response = await sendReply(cookie, postId, "Ask Mrs Patterson at 14 Acacia Avenue.");
    expect(response.status).toBe(200);
    const html = await response.text().then(stripComments);
    expect(html).toContain("may contain something that could identify someone");
    expect(await sql(`SELECT 1 FROM comment WHERE post_id = $1`, [postId])).toHaveLength(0);
  });

  it("never allow a reply to a reply", async () => {
    const postId = await publishedPost();
    const { cookie } = await member(1);
    const [top] = await sql<{ id: number }>(
      `INSERT INTO comment (post_id, author_perspective, body_markdown, body_html, status, published_at)
       VALUES ($1, 'carer', 'top', '<p>top</p>', 'published', now()) RETURNING id`,
      [postId],
    );
    const [child] = await sql<{ id: number }>(
      `INSERT INTO comment (post_id, parent_id, author_perspective, body_markdown, body_html, status, published_at)
       VALUES ($1, $2, 'carer', 'child', '<p>child</p>', 'published', now()) RETURNING id`,
      [postId, top?.id],
    );
    const response = await sendReply(cookie, postId, "Nested too deep", { parentId: String(child?.id) });
    expect(response.status).toBe(400);
    expect(await sql(`SELECT 1 FROM comment WHERE body_markdown = 'Nested too deep'`)).toHaveLength(0);
  });
});

describe("'I have experienced this too'", () => {
  it("counts one per member, toggles, and never shows who", async () => {
    const postId = await publishedPost();
    const a = await member(0);
    const b = await member(0);
    await send(`/stories/${postId}`, { form: { intent: "react" }, cookie: a.cookie });
    await send(`/stories/${postId}`, { form: { intent: "react" }, cookie: b.cookie });
    let page = await (await send(`/stories/${postId}`)).text().then(stripComments);
    expect(page).toContain("2 people have experienced this too.");
    expect(page).not.toContain(a.handle);
    await send(`/stories/${postId}`, { form: { intent: "react" }, cookie: a.cookie });
    page = await (await send(`/stories/${postId}`)).text().then(stripComments);
    expect(page).toContain("1 person has experienced this too.");
  });
});

describe("editing", () => {
  async function ownPost(cookie: string, title: string) {
    const response = await send("/stories/new", { form: { ...story({ title }), intent: "publish" }, cookie });
    return Number(/\/stories\/(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
  }

  it("keeps every previous version and lets only the author edit", async () => {
    const author = await member(1);
    const id = await ownPost(author.cookie, "Before the edit");
    const [before] = await sql<{ version: number }>(`SELECT version FROM post WHERE id = $1`, [id]);
    const edited = await send(`/stories/${id}/edit`, {
      form: { title: "After the edit", body: "New words entirely.", version: String(before?.version) },
      cookie: author.cookie,
    });
    expect(edited.status).toBe(302);
    const revisions = await sql<{ title: string }>(`SELECT title FROM post_revision WHERE post_id = $1`, [id]);
    expect(revisions.map((r) => r.title)).toEqual(["Before the edit"]);
    const [row] = await sql<{ title: string; status: string }>(`SELECT title, status FROM post WHERE id = $1`, [id]);
    expect(row).toEqual({ title: "After the edit", status: "published" });

    const stranger = await member(2);
    expect((await send(`/stories/${id}/edit`, { cookie: stranger.cookie })).status).toBe(403);
    const attempt = await send(`/stories/${id}/edit`, {
      form: { title: "Hijacked", body: "x", version: "2" },
      cookie: stranger.cookie,
    });
    expect(attempt.status).toBe(403);
  });

  it("sends a published post back to review when a new member edits it", async () => {
    const author = await member(1);
    const id = await ownPost(author.cookie, "Edited by a new member");
    await sql(`UPDATE "user" SET trust_level = 0 WHERE handle_key = lower($1)`, [author.handle]);
    await send(`/stories/${id}/edit`, {
      form: { title: "Edited by a new member", body: "Changed text.", version: "1" },
      cookie: author.cookie,
    });
    const [row] = await sql<{ status: string }>(`SELECT status FROM post WHERE id = $1`, [id]);
    expect(row?.status).toBe("pending");
  });

  it("refuses an edit made from a stale form", async () => {
    const author = await member(1);
    const id = await ownPost(author.cookie, "Two tabs open");
    await send(`/stories/${id}/edit`, {
      form: { title: "Two tabs open", body: "First tab.", version: "1" },
      cookie: author.cookie,
    });
    const stale = await send(`/stories/${id}/edit`, {
      form: { title: "Two tabs open", body: "Second tab.", version: "1" },
      cookie: author.cookie,
    });
    expect(stale.status).toBe(409);
    expect(await stale.text().then(stripComments)).toContain("Second tab.");
  });

  it("keeps comment history too", async () => {
    const postId = await publishedPost();
    const author = await member(1);
    await send(`/stories/${postId}`, {
      form: { body: "First words.", displayMode: "anonymous", submissionKey: crypto.randomUUID() },
      cookie: author.cookie,
    });
    const [comment] = await sql<{ id: number }>(`SELECT id FROM comment WHERE post_id = $1`, [postId]);
    const response = await send(`/comments/${comment?.id}/edit`, {
      form: { body: "Better words.", version: "1" },
      cookie: author.cookie,
    });
    expect(response.status).toBe(302);
    expect(
      await sql(`SELECT 1 FROM comment_revision WHERE comment_id = $1 AND body_markdown = 'First words.'`, [
        comment?.id,
      ]),
    ).toHaveLength(1);
  });
});

describe("lists", () => {
  it("filter by kind, council, region and tag, with cursors that do not shift", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push(await publishedPost(`Listed story ${i}`));
    const first = await send("/stories?council=E06000001");
    expect(first.status).toBe(200);
    const html = await first.text().then(stripComments);
    expect(html).toContain("Stories about Hartlepool");
    const older = /href="\/stories(\?[^"]*cursor=[^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    expect(older).toBeTruthy();
    // New posts arriving do not move what the "older" page shows. Within a month the order is
    // random (by id), so a new post of this month may land on this page and push its last one on.
    const page2 = await (await send(`/stories${older}`)).text();
    const arrived = String(await publishedPost("Arrived later"));
    const page2again = await (await send(`/stories${older}`)).text();
    const links = (text: string) => [...text.matchAll(/href="\/stories\/(\d+)"/g)].map((m) => m[1]);
    const kept = links(page2again).filter((id) => id !== arrived);
    expect(kept.length).toBeGreaterThanOrEqual(links(page2).length - 1);
    expect(kept).toEqual(links(page2).slice(0, kept.length));
    expect((await send("/stories?region=E12000001")).status).toBe(200);
    expect(await (await send("/stories?kind=question")).text().then(stripComments)).toContain("<h1>Questions</h1>");
  });
});
