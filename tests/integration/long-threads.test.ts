// Long threads in pages (docs/peer-support.md#long-threads-in-pages): 30 top-level replies a
// page, plain links between pages, the chosen answer on page 1, and every link to a reply (after
// replying, in notifications, "jump to the first new reply") landing on the page that shows it.
import { beforeAll, describe, expect, it } from "vitest";

import { REPLIES_PER_PAGE } from "~/domain/posts/thread-pages";

import { send, signUpAtTrust, stripComments } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

type Account = Awaited<ReturnType<typeof signUpAtTrust>>;

const page = async (path: string, cookie?: string | null) => {
  const response = await send(path, { cookie });
  expect(response.status).toBe(200);
  return stripComments(await response.text());
};

/** The ids of the replies a page shows, in order (their own replies included). */
const shown = (html: string) => [...html.matchAll(/<li id="comment-(\d+)"/g)].map((m) => Number(m[1]));

/** Published top-level replies, an hour apart from `base`, each saying its number. */
async function addReplies(
  postId: number,
  from: number,
  count: number,
  authorId: number | null = null,
  base = "2026-03-01T10:00:00Z",
) {
  const rows = await sql<{ id: number }>(
    `INSERT INTO comment (post_id, author_id, author_perspective, body_markdown, body_html, status, created_at, published_at)
     SELECT $1, $4, 'carer', 'Reply number ' || n, '<p>Reply number ' || n || '</p>', 'published',
            $5::timestamptz + n * interval '1 hour', $5::timestamptz + n * interval '1 hour'
     FROM generate_series($2::int, $3::int) AS n ORDER BY n RETURNING id`,
    [postId, from, from + count - 1, authorId, base],
  );
  return rows.map((row) => row.id);
}

describe("a thread of 70 replies", () => {
  let postId: number;
  let asker: Account;
  let replies: number[];
  let nested: number;

  beforeAll(async () => {
    asker = await signUpAtTrust(2);
    postId = await addStory({ kind: "question", title: "A long thread about respite" });
    await sql(`UPDATE post SET author_id = $1 WHERE id = $2`, [asker.id, postId]);
    replies = await addReplies(postId, 1, 70);
    // A reply to the 40th reply, written after all the others: it stays under its parent on page 2.
    const [row] = await sql<{ id: number }>(
      `INSERT INTO comment (post_id, parent_id, author_perspective, body_markdown, body_html, status, created_at, published_at)
       VALUES ($1, $2, 'carer', 'An answer to number 40', '<p>An answer to number 40</p>', 'published', '2026-05-01', '2026-05-01')
       RETURNING id`,
      [postId, replies[39]],
    );
    nested = row?.id ?? 0;
    // A removed reply keeps its place, so the pages do not move when a moderator removes one.
    await sql(`UPDATE comment SET status = 'removed' WHERE id = $1`, [replies[10]]);
  });

  it("shows 30 top-level replies a page, with plain links to the others", async () => {
    expect(REPLIES_PER_PAGE).toBe(30);
    const first = await page(`/stories/${postId}`);
    expect(shown(first)).toEqual(replies.slice(0, 30));
    // 70 top-level, one of them removed, and one reply to a reply.
    expect(first).toContain("70 replies");
    expect(first).toContain("Page 1 of 3 of replies");
    expect(first).toContain(`<a href="/stories/${postId}?page=2#comments-heading">Show later replies</a>`);
    expect(first).toContain(`href="/stories/${postId}#comments-heading" aria-current="page"`);
    expect(first).not.toContain("Show earlier replies");
    expect(first).not.toContain("Reply number 31<");

    const second = await page(`/stories/${postId}?page=2`);
    expect(shown(second)).toEqual([...replies.slice(30, 40), nested, ...replies.slice(40, 60)]);
    expect(second).toContain(`<a href="/stories/${postId}#comments-heading">Show earlier replies</a>`);
    expect(second).toContain(`href="/stories/${postId}?page=2#comments-heading" aria-current="page"`);

    const third = await page(`/stories/${postId}?page=3`);
    expect(shown(third)).toEqual(replies.slice(60));
    expect(third).not.toContain("Show later replies");
  });

  it("sends only the page's replies in the loader data", async () => {
    const data = await (await send(`/stories/${postId}.data`)).text();
    expect(data).toContain("Reply number 30<");
    expect(data).not.toContain("Reply number 31<");
  });

  it("finds the page of a reply from ?reply= and ?replyTo=, and answers bad pages clearly", async () => {
    expect(shown(await page(`/stories/${postId}?reply=${nested}`))).toContain(nested);
    expect(shown(await page(`/stories/${postId}?reply=${replies[65]}`))).toEqual(replies.slice(60));
    const replyForm = await page(`/stories/${postId}?replyTo=${replies[45]}`, asker.cookie);
    expect(shown(replyForm)).toContain(replies[45]);
    expect(replyForm).toContain('name="parentId" value="' + replies[45] + '"');
    // A reply that is not in the thread: page 1, saying nothing about it.
    expect(shown(await page(`/stories/${postId}?reply=2147483000`))).toEqual(replies.slice(0, 30));

    const beyond = await send(`/stories/${postId}?page=9`);
    expect(beyond.status).toBe(302);
    expect(beyond.headers.get("Location")).toBe(`/stories/${postId}?page=3`);
    for (const bad of ["page=0", "page=two", "page=1.5", "reply=abc", "replyTo=-3"]) {
      const response = await send(`/stories/${postId}?${bad}`);
      expect(response.status, bad).toBe(400);
    }
  });

  it("shows the chosen answer at the top of page 1, and says where it is on the other pages", async () => {
    const helper = await signUpAtTrust(2);
    const [chosen] = await addReplies(postId, 71, 1, helper.id);
    const choose = await send(`/stories/${postId}`, {
      form: { intent: "answer", commentId: String(chosen) },
      cookie: asker.cookie,
    });
    expect(choose.status).toBe(302);
    const first = await page(`/stories/${postId}`);
    expect(shown(first)).toEqual([chosen, ...replies.slice(0, 30)]);
    expect(first).toContain("Chosen as the answer by the person who asked");
    const third = await page(`/stories/${postId}?page=3`);
    expect(shown(third)).toEqual(replies.slice(60));
    expect(third).toContain(`<a href="/stories/${postId}#comment-${chosen}">Chosen as the answer`);
    await sql(`UPDATE post SET answer_comment_id = NULL WHERE id = $1`, [postId]);
  });

  it("sends a member who replies, and the people told of it, to the page with the reply", async () => {
    const replier = await signUpAtTrust(2);
    const response = await send(`/stories/${postId}`, {
      form: { body: "We had the same wait for respite.", displayMode: "anonymous", submissionKey: crypto.randomUUID() },
      cookie: replier.cookie,
    });
    expect(response.status).toBe(302);
    const location = response.headers.get("Location") ?? "";
    const id = Number(/#comment-(\d+)$/.exec(location)?.[1]);
    expect(location).toBe(`/stories/${postId}?reply=${id}&replied=published#comment-${id}`);
    const landed = await page(location.split("#")[0] ?? "", replier.cookie);
    expect(shown(landed)).toContain(id);
    expect(landed).toContain("Your reply has been published.");

    const [note] = await sql<{ link: string }>(
      `SELECT link FROM notification WHERE user_id = $1 AND post_id = $2 ORDER BY id DESC LIMIT 1`,
      [asker.id, postId],
    );
    expect(note?.link).toBe(`/stories/${postId}?reply=${id}#comment-${id}`);
    expect(shown(await page(note?.link.split("#")[0] ?? ""))).toContain(id);

    // "This helped me" comes back to the same reply, on its page.
    const helped = await send(`/stories/${postId}`, {
      form: { intent: "helpful", commentId: String(replies[50]) },
      cookie: replier.cookie,
    });
    expect(helped.headers.get("Location")).toBe(`/stories/${postId}?reply=${replies[50]}#comment-${replies[50]}`);
  });

  it("offers a member who read the thread before a link to the first new reply, on its page", async () => {
    const reader = await signUpAtTrust(2);
    // Opening the thread reads it up to its newest reply; nothing is new yet.
    expect(await page(`/stories/${postId}`, reader.cookie)).not.toContain("Jump to the first new reply");
    const [firstNew] = await addReplies(postId, 500, 2, null, new Date().toISOString());
    const again = await page(`/stories/${postId}`, reader.cookie);
    expect(again).toContain(
      `<a href="/stories/${postId}?reply=${firstNew}#comment-${firstNew}">Jump to the first new reply since you last read this thread</a>`,
    );
    // Read now: the link has done its job.
    expect(await page(`/stories/${postId}`, reader.cookie)).not.toContain("Jump to the first new reply");
    // Nobody else is told anything, and visitors never see it.
    expect(await page(`/stories/${postId}`)).not.toContain("Jump to the first new reply");
  });
});

describe("a short thread", () => {
  it("has no page links and keeps its links to replies as they were", async () => {
    const postId = await addStory({ title: "A short thread about direct payments" });
    const [only] = await addReplies(postId, 1, 3);
    const html = await page(`/stories/${postId}`);
    expect(html).not.toContain("Pages of replies");
    expect(html).not.toContain("Show later replies");
    const member = await signUpAtTrust(2);
    const helped = await send(`/stories/${postId}`, {
      form: { intent: "helpful", commentId: String(only) },
      cookie: member.cookie,
    });
    expect(helped.headers.get("Location")).toBe(`/stories/${postId}#comment-${only}`);
  });
});
