// What each kind of write retires from the page cache (decision 039, docs/page-cache.md), through
// the real app: pages are read from a running app (main.ts, with its page cache), writes go through
// the real forms (in-process build, the same database) or, where another engineer's form is
// changing, as the rows those paths write. For every write: the kept pages that show what it
// changed are rendered afresh, and the ones that do not are still served from the cache.
//
// page_change lives in this file's own database, so other test files' writes never reach it.

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ChangeFollower } from "~/server/db/changes.server";
import { answerTopics } from "~/server/http/page-topics.server";

import { type RunningApp, startApp, stopAllApps } from "../support/app-server";
import freePort from "../support/free-port";
import { GOOD_PASSWORD, send, signUp } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

let app: RunningApp;
let storyA = 0;
let storyB = 0;
let replyOnA = 0;
let reader: { handle: string; cookie: string };

const PAGES = {
  storyA: () => `/stories/${storyA}`,
  storyB: () => `/stories/${storyB}`,
  list: () => "/stories",
  home: () => "/",
  dashboard: () => "/outcomes",
  council: () => "/outcomes/E06000001",
  about: () => "/about",
  // A page nobody classified (page-topics.server.ts): any recorded write retires it.
  unclassified: () => "/join",
} as const;
type PageName = keyof typeof PAGES;
const ALL = Object.keys(PAGES) as PageName[];

async function member(trustLevel = 2) {
  const account = await signUp();
  await sql(`UPDATE "user" SET trust_level = $1 WHERE handle_key = lower($2)`, [trustLevel, account.handle]);
  return account;
}

const cacheOf = async (name: PageName) => {
  const response = await fetch(`${app.url}${PAGES[name]()}`);
  await response.text();
  expect(response.status, name).toBe(200);
  return response.headers.get("x-page-cache");
};

/** Every page is kept: asked for until it is served from the cache. */
async function keepAll() {
  for (const name of ALL) {
    await cacheOf(name);
    expect(await cacheOf(name), `${name} is kept`).toBe("hit");
  }
}

/** Which pages the write retired, asked for once each. */
async function retired(): Promise<PageName[]> {
  const gone: PageName[] = [];
  for (const name of ALL) if ((await cacheOf(name)) !== "hit") gone.push(name);
  return gone;
}

beforeAll(async () => {
  app = await startApp([], {
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: "warn",
    PORT: String(await freePort()),
    PAGE_CACHE_SECONDS: "600",
  });
  storyA = await addStory({ title: "A story that gets replies" });
  storyB = await addStory({ title: "A story nobody touches" });
  const author = await member();
  await send(`/stories/${storyA}`, {
    form: { body: "The first reply.", displayMode: "anonymous", submissionKey: crypto.randomUUID() },
    cookie: author.cookie,
  });
  replyOnA = (await sql<{ id: number }>(`SELECT id FROM comment WHERE post_id = $1`, [storyA]))[0]?.id ?? 0;
  expect(replyOnA).toBeGreaterThan(0);
  reader = await member();
}, 120_000);

afterAll(async () => {
  await stopAllApps();
});

interface Case {
  write: string;
  run: () => Promise<unknown>;
  retires: PageName[];
}

const EVERYTHING: PageName[] = [...ALL];

const CASES: Case[] = [
  {
    write: "a reply",
    run: async () => {
      const response = await send(`/stories/${storyA}`, {
        form: { body: "Another reply, thank you.", displayMode: "anonymous", submissionKey: crypto.randomUUID() },
        cookie: reader.cookie,
      });
      expect(response.status).toBe(302);
    },
    retires: ["storyA", "list", "home", "unclassified"],
  },
  {
    write: "'I have experienced this too'",
    run: async () =>
      expect((await send(`/stories/${storyA}`, { form: { intent: "react" }, cookie: reader.cookie })).status).toBe(302),
    retires: ["storyA", "unclassified"],
  },
  {
    write: "'This helped me' on a reply",
    run: async () =>
      expect(
        (
          await send(`/stories/${storyA}`, {
            form: { intent: "helpful", commentId: String(replyOnA) },
            cookie: reader.cookie,
          })
        ).status,
      ).toBe(302),
    retires: ["storyA", "unclassified"],
  },
  {
    write: "an edit of a story (a new version and its revision)",
    run: () =>
      sql(
        `WITH edited AS (UPDATE post SET title = 'A story that was edited', version = version + 1 WHERE id = $1 RETURNING id)
         INSERT INTO post_revision (post_id, title, body_markdown) SELECT id, 'A story that gets replies', 'Before' FROM edited`,
        [storyA],
      ),
    retires: ["storyA", "list", "home", "unclassified"],
  },
  {
    write: "a moderator removing a reply",
    run: () => sql(`UPDATE comment SET status = 'removed' WHERE id = $1`, [replyOnA]),
    retires: ["storyA", "list", "home", "unclassified"],
  },
  {
    write: "a moderator publishing a waiting post",
    run: async () => {
      const waiting = await addStory({ title: "Waited for a moderator", status: "pending" });
      await sql(`UPDATE post SET status = 'published', published_at = now() WHERE id = $1`, [waiting]);
    },
    retires: ["list", "home", "unclassified"],
  },
  {
    write: "an experience report (the figures)",
    run: () =>
      sql(
        `INSERT INTO experience_report (area_code, quarter_start, perspective, support_arrangement, client_group, plan_lead, budget_change)
         VALUES ('E06000001', date_trunc('quarter', now())::date, 'carer', 'managed_budget', 'autism', 'self_led', 'same')`,
      ),
    retires: ["dashboard", "council", "unclassified"],
  },
  {
    write: "a draft of a reply",
    run: async () =>
      expect(
        (
          await send("/drafts/save", {
            form: { draftKind: "reply", draftPostId: String(storyA), body: "Not finished yet" },
            cookie: reader.cookie,
          })
        ).status,
      ).toBe(200),
    retires: [],
  },
  {
    write: "a sign-in (a session and the active day)",
    run: async () =>
      expect((await send("/sign-in", { form: { handle: reader.handle, password: GOOD_PASSWORD } })).status).toBe(302),
    retires: [],
  },
  {
    write: "a council or tag renamed (reference data: everything)",
    run: () => sql(`UPDATE tag SET label = label || ' ' WHERE slug = (SELECT slug FROM tag ORDER BY slug LIMIT 1)`),
    retires: EVERYTHING,
  },
  {
    write: "an account deleted (everything: its name may be on any page)",
    run: async () => {
      const leaving = await member();
      const response = await send("/settings/delete", {
        form: { content: "detach", password: GOOD_PASSWORD },
        cookie: leaving.cookie,
      });
      expect(response.status).toBe(302);
    },
    retires: EVERYTHING,
  },
  {
    write: "a row in a table added later that nobody classified (the safe default: everything)",
    run: async () => {
      await sql(`CREATE TABLE IF NOT EXISTS speed_new_feature (id serial PRIMARY KEY, note text)`);
      // What the migrator does after every migration.
      await sql(`SELECT page_change_install()`);
      await keepAll();
      await sql(`INSERT INTO speed_new_feature (note) VALUES ('hello')`);
    },
    retires: EVERYTHING,
  },
];

describe("each write retires the kept pages that show it, and only those", () => {
  for (const { write, run, retires } of CASES) {
    it(write, async () => {
      await keepAll();
      await run();
      expect((await retired()).sort()).toEqual([...retires].sort());
    });
  }

  it("a kept page is never a member's view, and members' pages are never stored anywhere", async () => {
    await keepAll();
    const own = await fetch(`${app.url}${PAGES.storyA()}`, { headers: { Cookie: reader.cookie } });
    expect(own.headers.get("x-page-cache")).toBeNull();
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    const html = await own.text();
    expect(html).toContain('name="submissionKey"');
    const kept = await fetch(`${app.url}${PAGES.storyA()}`);
    expect(kept.headers.get("x-page-cache")).toBe("hit");
    expect(await kept.text()).not.toContain('name="submissionKey"');
    expect(kept.headers.get("cache-control")).toMatch(/^public, max-age=0, s-maxage=600, stale-while-revalidate=\d+$/);
    expect(kept.headers.get("vary")).toMatch(/Cookie/);
  });

  it("answers 304 to a reader who already has the kept page, until it changes", async () => {
    await keepAll();
    const kept = await fetch(`${app.url}${PAGES.storyB()}`);
    const etag = kept.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await fetch(`${app.url}${PAGES.storyB()}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Rendered afresh with a new nonce, the same page has the same ETag.
    await sql(`UPDATE post SET title = title WHERE id = $1`, [storyB]);
    const fresh = await fetch(`${app.url}${PAGES.storyB()}`);
    expect(fresh.headers.get("x-page-cache")).toBeNull();
    await fresh.text();
    const rekept = await fetch(`${app.url}${PAGES.storyB()}`, { headers: { "If-None-Match": etag } });
    expect(rekept.status).toBe(304);
    await sql(`UPDATE post SET title = 'A story somebody touched' WHERE id = $1`, [storyB]);
    await cacheOf("storyB");
    const changed = await fetch(`${app.url}${PAGES.storyB()}`, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("A story somebody touched");
  });
});

// Kept list and search answers (db/unchanged.server.ts) hold which stories a list has, how many,
// and its facet counts, not reply counts (read for every page). A reply retires them only when it
// changes what they hold: a story's first published reply (it leaves "no reply yet"), or the
// removal of its last one (decision 044). The version is read as the app reads it, from page_change.
describe("a reply retires kept list answers only when it changes what they hold", () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const follower = new ChangeFollower(() => pool);
  const listAnswer = () => follower.versionOf(answerTopics("search kind=question&unanswered=1"));
  afterAll(() => pool.end());

  const reply = async (story: number, body: string) => {
    const response = await send(`/stories/${story}`, {
      form: { body, displayMode: "anonymous", submissionKey: crypto.randomUUID() },
      cookie: reader.cookie,
    });
    expect(response.status).toBe(302);
  };
  const kept = async (write: () => Promise<unknown>) => {
    const before = await listAnswer();
    await write();
    return (await listAnswer()) === before;
  };

  it("a first reply to a question retires it, a second reply keeps it", async () => {
    const question = await addStory({ title: "Has anyone appealed a reassessment?", kind: "question" });
    expect(await kept(() => reply(question, "Yes, we did last year."))).toBe(false);
    expect(await kept(() => reply(question, "So did we, it took months."))).toBe(true);
    // Another reply on a story that has had replies all along keeps it too.
    expect(await kept(() => reply(storyA, "One more thought on this."))).toBe(true);
  });

  it("removing one of two replies keeps it, removing the last one retires it", async () => {
    const question = await addStory({ title: "Who pays for the training of a PA?", kind: "question" });
    await reply(question, "The budget can, ask your council.");
    await reply(question, "Ours paid for first aid.");
    const [first, second] = await sql<{ id: number }>(
      `SELECT id FROM comment WHERE post_id = $1 AND status = 'published' ORDER BY id`,
      [question],
    );
    expect(await kept(() => sql(`UPDATE comment SET status = 'removed' WHERE id = $1`, [first?.id]))).toBe(true);
    expect(await kept(() => sql(`UPDATE comment SET status = 'removed' WHERE id = $1`, [second?.id]))).toBe(false);
    // Publishing it again gives the question a reply again: retired.
    expect(await kept(() => sql(`UPDATE comment SET status = 'published' WHERE id = $1`, [second?.id]))).toBe(false);
  });
});

describe("what a reading request asks once", () => {
  it("is its own: members and signed-out readers asking at once each get their own page", async () => {
    const other = await member();
    const readers = [reader, other, null];
    const pages = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const who = readers[i % readers.length] ?? null;
        const response = await fetch(`${app.url}${i % 2 ? "/stories" : "/"}`, {
          headers: who ? { Cookie: who.cookie } : {},
        });
        return { who, status: response.status, html: await response.text() };
      }),
    );
    for (const { who, status, html } of pages) {
      expect(status).toBe(200);
      for (const each of [reader, other]) {
        // The account menu names the member signed in (neither has posted under their handle).
        expect(html.includes(each.handle), `${who?.handle ?? "signed out"} sees ${each.handle}`).toBe(each === who);
      }
      expect(html.includes('action="/sign-out"')).toBe(who !== null);
    }
  });

  it("lasts one request: a session ended between two reads is gone from the second", async () => {
    const leaving = await member();
    const read = async () => (await fetch(`${app.url}/stories`, { headers: { Cookie: leaving.cookie } })).text();
    expect(await read()).toContain(leaving.handle);
    expect((await send("/sign-out", { method: "POST", cookie: leaving.cookie })).status).toBe(302);
    const after = await read();
    expect(after).not.toContain(leaving.handle);
    expect(after).not.toContain('action="/sign-out"');
  });
});
