// The page cache for signed-out readers (app/server/http/page-cache.server.ts), through the real app:
// a kept page is served with this response's own nonce, retired the moment anything is written,
// never shown to or taken from a member, and rendered once for readers arriving together.
//
// The snapshot is the whole PostgreSQL server's, and the other test files write to the shared
// one all the time, which would retire pages between any two requests here. So this file runs
// against a PostgreSQL server of its own (the app migrates it and loads the reference data).

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningApp, startApp, stopAllApps } from "../support/app-server";
import freePort from "../support/free-port";
import { type OwnPostgres, startOwnPostgres } from "../support/own-postgres";
import { closeSql, sql } from "../support/sql";
import { addStory } from "../support/stories";

let app: RunningApp;
let postgres: OwnPostgres;

beforeAll(async () => {
  postgres = await startOwnPostgres("page-cache", "page_cache");
  // The sql() and addStory() helpers read this, for this file only.
  process.env.DATABASE_URL = postgres.url;
  app = await startApp([], {
    DATABASE_URL: postgres.url,
    LOG_LEVEL: "warn",
    PORT: String(await freePort()),
    PAGE_CACHE_SECONDS: "30",
  });
}, 120_000);

afterAll(async () => {
  await stopAllApps();
  await closeSql();
  await postgres?.remove();
});

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "";

describe("the page cache for signed-out readers", () => {
  it("serves the page again with this response's own nonce on every script", async () => {
    const first = await fetch(`${app.url}/about`);
    const firstBody = await first.text();
    const second = await fetch(`${app.url}/about`);
    const secondBody = await second.text();
    expect(first.headers.get("x-page-cache")).toBeNull();
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-type")).toMatch(/^text\/html/);

    const [a, b] = [nonceOf(first), nonceOf(second)];
    expect(a).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(b).not.toBe(a);
    expect(secondBody).not.toContain(a);
    const scripts = [...secondBody.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) if (!/\bsrc=/.test(tag) || /nonce=/.test(tag)) expect(tag).toContain(`nonce="${b}"`);
    expect(secondBody.replaceAll(b, a)).toBe(firstBody);
  });

  it("retires a kept page as soon as anything is written to the database", async () => {
    const id = await addStory({ title: "Kept for a moment" });
    await fetch(`${app.url}/stories/${id}`).then((r) => r.text());
    const kept = await fetch(`${app.url}/stories/${id}`);
    expect(kept.headers.get("x-page-cache")).toBe("hit");
    expect(await kept.text()).toContain("Kept for a moment");

    await sql(`UPDATE post SET title = 'Renamed by its author' WHERE id = $1`, [id]);
    const after = await fetch(`${app.url}/stories/${id}`);
    expect(after.headers.get("x-page-cache")).toBeNull();
    const body = await after.text();
    expect(body).toContain("<h1>Renamed by its author</h1>");
    expect(body).not.toContain("<h1>Kept for a moment</h1>");

    await sql(`UPDATE post SET status = 'removed' WHERE id = $1`, [id]);
    expect((await fetch(`${app.url}/stories/${id}`)).status).toBe(404);
  });

  it("never serves or keeps pages for requests carrying a cookie, nor API answers", async () => {
    for (let i = 0; i < 3; i++) {
      const withCookie = await fetch(`${app.url}/about`, { headers: { Cookie: "session=not-a-real-one" } });
      expect(withCookie.status).toBe(200);
      expect(withCookie.headers.get("x-page-cache")).toBeNull();
      const api = await fetch(`${app.url}/api/v1/tags`);
      expect(api.status).toBe(200);
      expect(api.headers.get("x-page-cache")).toBeNull();
    }
  });

  it("never keeps or serves an author's own view: their waiting post and reply stay theirs", async () => {
    const handle = `cacheauthor_${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, "")
      .slice(0, 8)}`;
    const joined = await fetch(`${app.url}/join`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ handle, password: "kettle orbit lantern nine", perspective: "carer" }),
      redirect: "manual",
    });
    expect(joined.status).toBe(200);
    const cookie = (joined.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toContain("=");
    const [author] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [handle]);
    const storyId = await addStory({ title: "Read by many people" });
    await sql(
      `INSERT INTO comment (post_id, author_id, author_perspective, body_markdown, body_html, status)
       VALUES ($1, $2, 'carer', 'Mine alone for now', '<p>Mine alone for now</p>', 'pending')`,
      [storyId, author?.id],
    );
    const pendingId = await addStory({ title: "Mine until a moderator reads it", status: "pending" });
    await sql(`UPDATE post SET author_id = $1 WHERE id = $2`, [author?.id, pendingId]);

    const url = `${app.url}/stories/${storyId}`;
    await fetch(url).then((r) => r.text());
    const kept = await fetch(url);
    expect(kept.headers.get("x-page-cache")).toBe("hit");
    expect(await kept.text()).not.toContain("Mine alone for now");

    const own = await fetch(url, { headers: { Cookie: cookie } });
    expect(own.headers.get("x-page-cache")).toBeNull();
    expect(own.headers.get("cache-control")).toMatch(/no-store/);
    expect(await own.text()).toContain("Mine alone for now");
    const ownPost = await fetch(`${app.url}/stories/${pendingId}`, { headers: { Cookie: cookie } });
    expect(ownPost.status).toBe(200);
    expect(ownPost.headers.get("cache-control")).toMatch(/no-store/);
    expect(await ownPost.text()).toContain("Waiting for a moderator");

    for (let i = 0; i < 2; i++) {
      const reader = await fetch(url);
      expect(await reader.text()).not.toContain("Mine alone for now");
      const missing = await fetch(`${app.url}/stories/${pendingId}`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).not.toContain("Mine until a moderator");
    }
  });

  it("does not keep pages that are not a plain 200", async () => {
    for (let i = 0; i < 2; i++) {
      const missing = await fetch(`${app.url}/stories/999999999`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get("x-page-cache")).toBeNull();
    }
  });

  it("renders a page once for readers who ask for it at the same moment", async () => {
    const url = `${app.url}/stories?sort=newest&together=${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: 10 }, () => fetch(url)));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const rendered = responses.filter((r) => r.headers.get("x-page-cache") !== "hit");
    expect(rendered).toHaveLength(1);
    // Each still carries its own nonce.
    expect(new Set(responses.map(nonceOf)).size).toBe(10);
    responses.forEach((r, i) => expect(bodies[i]).toContain(nonceOf(r)));
  });
});
