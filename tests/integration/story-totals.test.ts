// The total shown above a list is counted again at most every 30 seconds per filter, not on every
// request, and readers never wait for a recount unless the total they would get is 5 minutes old.
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

const totalFor = async (council: string) => (await listPublishedPosts({ filters: { council }, perPage: 5 })).total;

afterEach(() => {
  vi.useRealTimers();
});

describe("list totals", () => {
  it("are kept for 30 seconds per filter, then counted again while readers get the kept one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    await publish("E06000002");
    await publish("E06000002");
    expect(await totalFor("E06000002")).toBe(2);

    await publish("E06000002");
    const soon = await listPublishedPosts({ filters: { council: "E06000002" }, perPage: 5 });
    // The list itself is always current; only the count may lag.
    expect(soon.posts).toHaveLength(3);
    expect(soon.total).toBe(2);
    expect(await totalFor("E06000003")).toBe(0);

    vi.setSystemTime(Date.now() + 30_001);
    expect(await totalFor("E06000002")).toBe(2);
    await vi.waitFor(async () => expect(await totalFor("E06000002")).toBe(3));
  });

  it("are counted before answering when the kept one is 5 minutes old", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    await publish("E06000004");
    expect(await totalFor("E06000004")).toBe(1);
    await publish("E06000004");
    vi.setSystemTime(Date.now() + 300_001);
    expect(await totalFor("E06000004")).toBe(2);
  });
});
