import { describe, expect, it } from "vitest";

import { rerenderAllContent } from "~/server/posts/write.server";
import { disconnect } from "~/server/db/client.server";

import { sql } from "../support/sql";

describe("re-rendering stored content", () => {
  it("renders every post and comment again from Markdown, changing only what differs", async () => {
    const [post] = await sql<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status)
       VALUES ('story', 'Old rules', 'Some *emphasis* and <b>raw html</b>', '<p>stale</p>', 'stale', 'carer', 'published') RETURNING id`,
    );
    await sql(
      `INSERT INTO comment (post_id, author_perspective, body_markdown, body_html, status) VALUES ($1, 'carer', '**bold**', '<p><strong>bold</strong></p>', 'published')`,
      [post?.id],
    );
    const result = await rerenderAllContent(1);
    expect(result).toEqual({ posts: 1, comments: 1, changed: 1 });
    const [row] = await sql<{ body_html: string; body_text: string }>(
      `SELECT body_html, body_text FROM post WHERE id = $1`,
      [post?.id],
    );
    expect(row?.body_html).toBe("<p>Some <em>emphasis</em> and &lt;b&gt;raw html&lt;/b&gt;</p>");
    expect(row?.body_text).toBe("Some emphasis and <b>raw html</b>");
    expect((await rerenderAllContent()).changed).toBe(0);
    await disconnect();
  });
});
