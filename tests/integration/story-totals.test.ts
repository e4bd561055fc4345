// The total shown above a list is counted at most every 30 seconds per filter, not on every request.
import { afterEach, describe, expect, it, vi } from "vitest";

import { listPublishedPosts } from "~/server/posts.server";

import { sql } from "../support/sql";

async function publish(area: string) {
  await sql(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code)
     VALUES ('story', 'A story', 'Body', '<p>Body</p>', 'Body', 'carer', 'published', now(), $1)`,
    [area],
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe("list totals", () => {
  it("are never more than 30 seconds old, and each filter has its own", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    await publish("E06000002");
    await publish("E06000002");
    const council = { council: "E06000002" };
    expect((await listPublishedPosts({ filters: council, perPage: 5 })).total).toBe(2);

    await publish("E06000002");
    const soon = await listPublishedPosts({ filters: council, perPage: 5 });
    // The list itself is always current; only the count may lag.
    expect(soon.posts).toHaveLength(3);
    expect(soon.total).toBe(2);
    expect((await listPublishedPosts({ filters: { council: "E06000003" }, perPage: 5 })).total).toBe(0);

    vi.setSystemTime(Date.now() + 30_001);
    expect((await listPublishedPosts({ filters: council, perPage: 5 })).total).toBe(3);
  });
});
