// Your own things, visible to you alone: a post or reply waiting for a moderator shows to its author
// in place, dated the month it was written, and everyone else gets exactly what they got before
// (a 404 for the post, no sign of the reply) in the page, its loader data and the API.
import { describe, expect, it } from "vitest";

import { send, stripComments, signUpAtTrust } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

const member = (trustLevel = 0) => signUpAtTrust(trustLevel);

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "Europe/London" });

describe("a post waiting for a moderator", () => {
  it("shows to its author with a clear notice and the month it was written, never January 1970", async () => {
    const author = await member(0);
    const sent = await send("/stories/new", {
      form: {
        kind: "story",
        title: "Waiting for the panel",
        body: "Our review was put off again and nobody told us why.",
        council: "Hartlepool",
        displayMode: "anonymous",
        submissionKey: crypto.randomUUID(),
        intent: "publish",
      },
      cookie: author.cookie,
    });
    expect(sent.status).toBe(302);
    const id = Number(/\/stories\/(\d+)/.exec(sent.headers.get("Location") ?? "")?.[1]);
    const [row] = await sql<{ status: string; published_at: Date | null; created_at: Date }>(
      `SELECT status, published_at, created_at FROM post WHERE id = $1`,
      [id],
    );
    expect(row?.status).toBe("pending");
    expect(row?.published_at).toBeNull();

    const page = await send(`/stories/${id}`, { cookie: author.cookie });
    expect(page.status).toBe(200);
    const html = stripComments(await page.text());
    expect(html).toContain("Waiting for a moderator.");
    expect(html).toContain("Waiting for the panel");
    expect(html).not.toContain("1970");
    expect(html).toContain(MONTH.format(row?.created_at ?? new Date()));

    // Listed among their own things, dated the same way.
    const drafts = stripComments(await (await send("/drafts", { cookie: author.cookie })).text());
    expect(drafts).toContain(`href="/stories/${id}"`);
    expect(drafts).toContain("Waiting for a moderator");
    expect(drafts).not.toContain("1970");
  });

  it("is a 404 to everyone else: signed out, another member, their loader data and the API", async () => {
    const author = await member(0);
    const other = await member(1);
    const id = await addStory({ title: "Only mine for now", status: "pending" });
    await sql(`UPDATE post SET author_id = $1 WHERE id = $2`, [author.id, id]);
    expect((await send(`/stories/${id}`, { cookie: author.cookie })).status).toBe(200);

    for (const cookie of [null, other.cookie]) {
      for (const url of [`/stories/${id}`, `/stories/${id}.data`, `/stories/${id}?_data=routes%2Fstories.%24id`]) {
        const response = await send(url, { cookie });
        const text = await response.text();
        expect(response.status, `${url} ${cookie ? "member" : "signed out"}`).toBe(404);
        expect(text).not.toContain("Only mine for now");
      }
      const api = await send(`/api/v1/stories/${id}`, { cookie });
      expect(api.status).toBe(404);
      expect(await api.text()).not.toContain("Only mine for now");
    }
    const list = await (await send(`/api/v1/stories?limit=100`)).text();
    expect(list).not.toContain("Only mine for now");
    // Another member's list of their own things does not have it either.
    expect(await (await send("/drafts", { cookie: other.cookie })).text()).not.toContain("Only mine for now");
  });
});

describe("a reply waiting for a moderator", () => {
  it("appears in its thread for its author only, marked, and the link to it points at it", async () => {
    const author = await member(0);
    const other = await member(1);
    const storyId = await addStory({ title: "A story with a waiting reply" });
    const sent = await send(`/stories/${storyId}`, {
      form: {
        body: "The same happened to us in the spring, and the appeal worked.",
        displayMode: "anonymous",
        submissionKey: crypto.randomUUID(),
      },
      cookie: author.cookie,
    });
    expect(sent.status).toBe(302);
    const location = sent.headers.get("Location") ?? "";
    expect(location).toMatch(new RegExp(`^/stories/${storyId}\\?replied=pending#comment-\\d+$`));
    const commentId = Number(/#comment-(\d+)/.exec(location)?.[1]);
    const [row] = await sql<{ status: string }>(`SELECT status FROM comment WHERE id = $1`, [commentId]);
    expect(row?.status).toBe("pending");

    const mine = stripComments(await (await send(location.split("#")[0] ?? "", { cookie: author.cookie })).text());
    expect(mine).toContain(`id="comment-${commentId}"`);
    expect(mine).toContain("the appeal worked");
    expect(mine).toContain("Waiting for a moderator");
    // Not counted among the replies, and nothing to answer or report on it.
    expect(mine).toContain("0 replies");
    expect(mine).not.toContain(`/flag?comment=${commentId}`);
    expect(mine).not.toContain(`replyTo=${commentId}`);

    for (const cookie of [null, other.cookie]) {
      for (const url of [`/stories/${storyId}`, `/stories/${storyId}.data`]) {
        const response = await send(url, { cookie });
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).not.toContain("the appeal worked");
        expect(text).not.toContain(`comment-${commentId}`);
      }
    }
    const drafts = stripComments(await (await send("/drafts", { cookie: author.cookie })).text());
    expect(drafts).toContain(`href="/stories/${storyId}#comment-${commentId}"`);
    expect(drafts).toContain("Your reply to “A story with a waiting reply”");
  });

  it("shows up for its author once published like everyone else's, without the mark", async () => {
    const author = await member(0);
    const storyId = await addStory({ title: "Approved later" });
    const [comment] = await sql<{ id: number }>(
      `INSERT INTO comment (post_id, author_id, author_perspective, body_markdown, body_html, status)
       VALUES ($1, $2, 'carer', 'Approved reply', '<p>Approved reply</p>', 'pending') RETURNING id`,
      [storyId, author.id],
    );
    await sql(`UPDATE comment SET status = 'published', published_at = now() WHERE id = $1`, [comment?.id]);
    const html = stripComments(await (await send(`/stories/${storyId}`, { cookie: author.cookie })).text());
    expect(html).toContain("Approved reply");
    expect(html).not.toContain("Waiting for a moderator");
    expect(html).toContain("1 reply");
  });
});
