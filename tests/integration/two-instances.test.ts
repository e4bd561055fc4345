// Two app processes on different ports sharing one database: sessions, rate limits and posts are shared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningApp, startApp, stopAllApps } from "../support/app-server";
import freePort from "../support/free-port";
import { sql } from "../support/sql";

let a: RunningApp;
let b: RunningApp;

beforeAll(async () => {
  const env = { DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "warn" };
  [a, b] = await Promise.all([
    startApp([], { ...env, PORT: String(await freePort()) }),
    startApp([], { ...env, PORT: String(await freePort()) }),
  ]);
});

afterAll(async () => {
  await stopAllApps();
});

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  redirect: "manual" as const,
});

describe("two app instances on one database", () => {
  it("accept a session created on the other, and share sign-in lock-outs", async () => {
    const handle = `two_instances_${Date.now().toString(36).replace(/\d/g, "q")}`;
    const joined = await fetch(
      `${a.url}/join`,
      form({ handle, password: "kettle orbit lantern nine", perspective: "carer" }),
    );
    expect(joined.status).toBe(200);
    const cookie = (joined.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^session=/);

    const onB = await fetch(`${b.url}/settings`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(handle);

    for (let i = 0; i < 4; i++) {
      expect((await fetch(`${a.url}/sign-in`, form({ handle, password: `wrong guess ${i}` }))).status).toBe(401);
      expect((await fetch(`${b.url}/sign-in`, form({ handle, password: `wrong guess b${i}` }))).status).toBe(401);
    }
    const locked = await fetch(`${a.url}/sign-in`, form({ handle, password: "kettle orbit lantern nine" }));
    expect(locked.status).toBe(429);
  });

  it("show a post made on one on the other at once, in its search results too", async () => {
    const handle = `two_posts_${Date.now().toString(36).replace(/\d/g, "q")}`;
    const joined = await fetch(
      `${a.url}/join`,
      form({ handle, password: "kettle orbit lantern nine", perspective: "carer" }),
    );
    const cookie = (joined.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    // Trusted, so the story is published without waiting for a moderator.
    await sql(`UPDATE "user" SET trust_level = 2 WHERE handle_key = lower($1)`, [handle]);
    const word = "zebracrossingappeal";
    // B has searched already: its kept results must not hide what A publishes next.
    const before = await (await fetch(`${b.url}/stories?q=${word}`)).text();
    expect(before).not.toContain("Crossing the two servers");

    const posted = await fetch(`${a.url}/stories/new`, {
      ...form({
        kind: "story",
        title: "Crossing the two servers",
        body: `Our ${word} went to panel.`,
        displayMode: "anonymous",
        submissionKey: crypto.randomUUID(),
        intent: "publish",
      }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: a.url },
    });
    expect(posted.status).toBe(302);
    const id = /\/stories\/(\d+)/.exec(posted.headers.get("location") ?? "")?.[1];
    const onB = await fetch(`${b.url}/stories/${id}`);
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("Crossing the two servers");
    expect(await (await fetch(`${b.url}/stories?q=${word}`)).text()).toContain("Crossing the two servers");
  });

  it("open each other's page cursors: one sealing key, made once and kept in the database", async () => {
    for (let i = 0; i < 12; i++) {
      await sql(
        `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at)
         VALUES ('story', $1, 'b', '<p>b</p>', 'b', 'carer', 'published', now() - $2 * interval '20 days')`,
        [`Paged across servers ${i}`, i],
      );
    }
    const first = (await (await fetch(`${a.url}/api/v1/stories?limit=5`)).json()) as {
      next: { cursor: string } | null;
    };
    const cursor = first.next?.cursor ?? "";
    expect(cursor).not.toBe("");
    const [onA, onB] = await Promise.all(
      [a, b].map(async (app) => fetch(`${app.url}/api/v1/stories?limit=5&cursor=${cursor}`)),
    );
    expect(onA?.status).toBe(200);
    expect(onB?.status).toBe(200);
    const ids = async (response: Response | undefined) =>
      ((await response?.json()) as { stories: { id: number }[] }).stories.map((story) => story.id);
    expect(await ids(onB)).toEqual(await ids(onA));
    const secrets = await sql<{ name: string; bytes: number }>(`SELECT name, length(value) AS bytes FROM app_secret`);
    expect(secrets).toEqual([{ name: "cursor", bytes: 32 }]);
  });
});
