// Issue 12, parts 2 and 6: nothing published says when, more precisely than the month, and nothing
// public ties an anonymous post to a named one by the same person. On a seeded demo community
// (with a member, a moderator and an admin added), every kind of output is fetched through the
// real routes and scanned: pages, the loader data inside them and behind /<page>.data, feeds,
// downloads, the API, response headers, and every cursor found, decoded.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

import { seedDemoCommunity } from "../../prisma/seed/demo";
import { callApi, type ProblemBody, walkStoryPages } from "../support/api";
import { send, signUp, stripComments, uniqueClientAddress, uniqueHandle } from "../support/remix";
import { sql } from "../support/sql";
import { cursorReadings, cursorsIn, findTimeLeaks, type Leak } from "../support/time-leaks";

// The demo community is written as if "today" were this moment, so no post was published on the
// real today (which downloads may name as the day they were made).
const DEMO_TODAY = new Date("2026-10-14T16:47:23.417Z");

const people: Record<"member" | "moderator" | "admin" | "researcher", { handle: string; cookie: string; id: number }> =
  {} as never;
const mine = { anonymous: 0, named: 0, comment: 0 };
let moments: Date[] = [];
let publishedIds: number[] = [];

async function userId(handle: string): Promise<number> {
  const [row] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [handle]);
  if (!row) throw new Error(`no user ${handle}`);
  return row.id;
}

beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await seedDemoCommunity(client, DEMO_TODAY);
  } finally {
    await client.end();
  }
  for (const role of ["member", "moderator", "admin", "researcher"] as const) {
    const { handle, cookie } = await signUp(uniqueHandle(role));
    await sql(`UPDATE "user" SET role = $1 WHERE handle_key = lower($2)`, [role, handle]);
    people[role] = { handle, cookie, id: await userId(handle) };
  }
  // The member publishes one post anonymously and one under their name, 34 ms apart, edits one,
  // replies to someone, is replied to (a notification) and flags something.
  const member = people.member.id;
  const insertPost = async (title: string, mode: string, at: string) =>
    (
      await sql<{ id: number }>(
        `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, display_mode, author_perspective, status,
                           created_at, updated_at, published_at, area_code)
         VALUES ('story', $1, 'My own words.', '<p>My own words.</p>', 'My own words.', $2, $3::display_mode, 'carer', 'published', $4, $4, $4, 'E06000001')
         RETURNING id`,
        [title, member, mode, at],
      )
    )[0]?.id ?? 0;
  mine.anonymous = await insertPost("Posted without my name", "anonymous", "2026-09-17T14:32:05.123Z");
  mine.named = await insertPost("Posted under my name", "handle", "2026-09-17T14:32:05.157Z");
  await sql(
    `INSERT INTO post_revision (post_id, title, body_markdown, edited_by_id, reason, created_at) VALUES ($1, 'Old title', 'Old words.', $2, 'typo', '2026-09-18T09:12:44Z')`,
    [mine.named, member],
  );
  const [other] = await sql<{ id: number }>(
    `SELECT id FROM post WHERE status = 'published' AND author_id <> $1 LIMIT 1`,
    [member],
  );
  mine.comment =
    (
      await sql<{ id: number }>(
        `INSERT INTO comment (post_id, author_id, display_mode, author_perspective, body_markdown, body_html, status, created_at, updated_at, published_at)
         VALUES ($1, $2, 'handle', 'carer', 'Same here.', '<p>Same here.</p>', 'published', '2026-09-19T20:05:31Z', '2026-09-19T20:05:31Z', '2026-09-19T20:05:31Z')
         RETURNING id`,
        [other?.id, member],
      )
    )[0]?.id ?? 0;
  await sql(
    `INSERT INTO comment_revision (comment_id, body_markdown, edited_by_id, created_at) VALUES ($1, 'Same.', $2, '2026-09-19T21:06:00Z')`,
    [mine.comment, member],
  );
  const [reply] = await sql<{ id: number }>(
    `INSERT INTO comment (post_id, author_id, display_mode, author_perspective, body_markdown, body_html, status, created_at, updated_at, published_at)
     VALUES ($1, $2, 'anonymous', 'carer', 'Thank you.', '<p>Thank you.</p>', 'published', '2026-09-20T07:41:12Z', '2026-09-20T07:41:12Z', '2026-09-20T07:41:12Z')
     RETURNING id`,
    [mine.anonymous, people.moderator.id],
  );
  await sql(
    `INSERT INTO notification (user_id, kind, message, link, created_at) VALUES ($1, 'reply', 'Someone replied to your story.', $2, '2026-09-20T07:41:12Z')`,
    [member, `/stories/${mine.anonymous}#comment-${reply?.id}`],
  );
  await sql(
    `INSERT INTO flag (post_id, flagger_id, reason, note, created_at) VALUES ($1, $2, 'spam', 'Looks like an advert.', '2026-09-21T11:11:11Z')`,
    [other?.id, member],
  );
  await sql(
    `INSERT INTO post_reaction (post_id, user_id, created_at) VALUES ($1, $2, '2026-09-21T12:13:14Z') ON CONFLICT DO NOTHING`,
    [other?.id, member],
  );
  await sql(
    `INSERT INTO moderation_action (actor_id, actor_handle, action, target_type, target_id, reason, after, created_at)
     VALUES ($1, $2, 'user.silence', 'user', $3, 'Cooling off', $4, '2026-09-22T15:16:17Z')`,
    [
      people.moderator.id,
      people.moderator.handle,
      String(member),
      JSON.stringify({ silencedUntil: "2026-09-29T15:16:17.000Z", days: 7 }),
    ],
  );

  // Every moment a post, reply, edit, reaction, flag or notification happened.
  const rows = await sql<{ at: Date }>(
    `SELECT at FROM (
       SELECT created_at AS at FROM post UNION ALL SELECT updated_at FROM post UNION ALL SELECT published_at FROM post
       UNION ALL SELECT created_at FROM comment UNION ALL SELECT updated_at FROM comment UNION ALL SELECT published_at FROM comment
       UNION ALL SELECT created_at FROM post_revision UNION ALL SELECT created_at FROM comment_revision
       UNION ALL SELECT created_at FROM post_reaction UNION ALL SELECT created_at FROM flag UNION ALL SELECT created_at FROM notification
     ) moments WHERE at IS NOT NULL AND at < $1`,
    [new Date(Date.now() - 86_400_000)],
  );
  moments = rows.map((row) => row.at);
  publishedIds = (await sql<{ id: number }>(`SELECT id FROM post WHERE status = 'published'`)).map((row) => row.id);
}, 120_000);

interface Fetched {
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

async function get(path: string, cookie?: string): Promise<Fetched> {
  const response = await send(path, { cookie, clientAddress: uniqueClientAddress() });
  return { path, status: response.status, headers: response.headers, text: await response.text() };
}

/** The leaks in an answer: its body, and every header but Date and Set-Cookie (the member's own session). */
function leaksOf(answer: Fetched, options: { allowDays?: boolean } = {}): (Leak & { path: string })[] {
  const headers = [...answer.headers]
    .filter(([name]) => !["date", "set-cookie"].includes(name))
    .map(([name, value]) => `${name}: ${value}`);
  return [...findTimeLeaks(answer.text, moments, options), ...findTimeLeaks(headers.join("\n"), moments, options)].map(
    (leak) => ({ ...leak, path: answer.path }),
  );
}

/** Where Remix's single fetch asks for the loader data of a page ("/stories?x" → "/stories.data?x"). */
function dataPath(path: string): string {
  const url = new URL(path, "http://localhost");
  return `${url.pathname === "/" ? "/_root" : url.pathname}.data${url.search}`;
}

/** The page and its loader data as the browser fetches it on client-side navigation. */
async function pageAndData(path: string, cookie?: string): Promise<Fetched[]> {
  return [await get(path, cookie), await get(dataPath(path), cookie)];
}

/** One line a leak, short enough to read in a failure. */
const described = (leaks: (Leak & { path: string })[]) => [
  ...new Set(leaks.map((leak) => `${leak.path}: ${leak.kind} ${leak.found} in …${leak.context.slice(20, 110)}…`)),
];

describe("the timestamp sweep", () => {
  it("the detector itself finds each kind of leak it looks for", () => {
    const moment = new Date("2026-09-17T14:32:05.123Z");
    const sample = (text: string) => findTimeLeaks(text, [moment]).map((leak) => leak.kind);
    expect(sample("published 2026-09-17T14:32:05.123Z")).toContain("ISO timestamp");
    expect(sample("at 15:32")).toContain("time of day");
    expect(sample("at 3pm")).toContain("time of day");
    expect(sample('{"t":1789655525123}')).toContain("epoch milliseconds");
    expect(sample("on 17 September 2026")).toContain("day");
    expect(sample("on 2026-09-17")).toContain("day");
    expect(sample(String(Math.floor(moment.getTime() / 1000)))).toContain("epoch seconds");
    expect(
      findTimeLeaks(cursorReadings(Buffer.from("newest~2026-09-17T14:32:05.123Z~42").toString("base64url")), [moment]),
    ).not.toEqual([]);
    // A month, written as feeds must write it, is not a leak.
    expect(
      sample(
        "<published>2026-09-01T00:00:00.000Z</published> <pubDate>Tue, 01 Sep 2026 00:00:00 GMT</pubDate> September 2026 2026-09",
      ),
    ).toEqual([]);
    expect(moments.length).toBeGreaterThan(500);
  });

  it("finds no time finer than the month in any public output, its loader data, headers or cursors", async () => {
    const named = (
      await sql<{ handle: string }>(
        `SELECT DISTINCT u.handle FROM post p JOIN "user" u ON u.id = p.author_id WHERE p.status = 'published' AND p.display_mode = 'handle'`,
      )
    ).map((row) => row.handle);
    expect(named.length).toBeGreaterThan(0);
    // The stories with most replies (and the member's own), rather than all 200: the machine is shared.
    const busiest = (
      await sql<{ id: number }>(
        `SELECT p.id FROM post p LEFT JOIN comment c ON c.post_id = p.id WHERE p.status = 'published' GROUP BY p.id ORDER BY count(c.id) DESC, p.id LIMIT 8`,
      )
    ).map((row) => row.id);
    const pages = [
      "/",
      "/stories",
      "/stories?q=direct+payment",
      "/stories?q=respite&sort=newest",
      "/stories?tag=respite",
      "/stories?council=E06000001",
      "/stories?year=2026",
      ...busiest.map((id) => `/stories/${id}`),
      ...named.slice(0, 5).map((handle) => `/u/${handle}`),
      "/outcomes",
      "/outcomes/E06000001",
      "/outcomes/region/E12000001",
      "/outcomes/about-the-data",
      "/about",
      "/about/api",
      "/privacy",
      "/house-rules",
      "/accessibility",
      "/help/safeguarding",
      "/sign-in",
      "/join",
      "/recover",
    ];
    const other = [
      "/feeds/stories.atom",
      "/feeds/stories.rss",
      "/feeds/stories.atom?tag=respite",
      "/feeds/stories.rss?council=E06000001",
      "/stories/export.csv",
      "/stories/export.json",
      "/stories/export.csv?q=respite",
      "/outcomes/data.csv",
      "/outcomes/data.json",
      "/outcomes/datapackage.json",
      "/stories/export/datapackage.json?q=respite",
      "/api/v1/stories",
      "/api/v1/stories?q=respite",
      "/api/v1/stories?limit=100",
      ...busiest.slice(0, 5).map((id) => `/api/v1/stories/${id}`),
      "/api/v1/tags",
      "/api/v1/councils",
      "/api/v1/outcomes",
      "/api/v1/openapi.json",
    ];
    const leaks: (Leak & { path: string })[] = [];
    const cursors = new Map<string, string>();
    const visit = (answer: Fetched) => {
      expect(answer.status, answer.path).toBe(200);
      leaks.push(...leaksOf(answer));
      for (const cursor of cursorsIn(`${answer.text}\n${answer.headers.get("Link") ?? ""}`))
        cursors.set(cursor, answer.path);
    };
    for (const path of pages) for (const answer of await pageAndData(path)) visit(answer);
    for (const path of other) visit(await get(path));
    // The next pages of the API, through the cursors found so far.
    for (const [cursor, from] of [...cursors]) {
      if (from.startsWith("/api/")) visit(await get(`/api/v1/stories?cursor=${encodeURIComponent(cursor)}`));
    }
    const older = /href="(\/stories\?[^"]*cursor=[^"]+)"/
      .exec((await get("/stories")).text)?.[1]
      ?.replaceAll("&amp;", "&");
    expect(older).toBeTruthy();
    visit(await get(older ?? ""));

    expect(cursors.size).toBeGreaterThan(2);
    for (const [cursor, from] of cursors) {
      expect(cursor.length, from).toBeGreaterThan(40);
      leaks.push(
        ...findTimeLeaks(cursorReadings(cursor), moments).map((leak) => ({ ...leak, path: `cursor from ${from}` })),
      );
      // No part of it reads as text: not the sort, not a month. (Random bytes can spell a "~" or
      // four digits by chance, so only longer patterns are looked for.)
      expect(cursorReadings(cursor), from).not.toMatch(/newest|relevance|20[2-3]\d-[01]\d/);
    }
    expect(described(leaks)).toEqual([]);
  }, 600_000);

  it("finds none in a member's own pages either (their data download aside: it is theirs, and never cached)", async () => {
    const { cookie } = people.member;
    const paths = [
      "/settings",
      "/notifications",
      "/stories/new",
      "/reports/new",
      "/settings/delete",
      `/stories/${mine.anonymous}`,
      `/stories/${mine.named}`,
      `/stories/${mine.named}/edit`,
      `/comments/${mine.comment}/edit`,
      `/flag?post=${mine.named}`,
      `/u/${people.member.handle}`,
    ];
    const leaks: (Leak & { path: string })[] = [];
    for (const path of paths) {
      for (const answer of await pageAndData(path, cookie)) {
        expect(answer.status, answer.path).toBe(200);
        leaks.push(...leaksOf(answer));
      }
    }
    const keys = await get("/settings/api-keys", people.researcher.cookie);
    expect(keys.status).toBe(200);
    leaks.push(...leaksOf(keys));
    expect(described(leaks)).toEqual([]);

    const download = await get("/settings/data", cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("Cache-Control")).toBe("no-store");
    expect(download.headers.get("Content-Disposition")).toContain("attachment");
    // The person's own record keeps their own exact times (see docs/no-exact-times.md).
    expect(download.text).toContain("2026-09-17T14:32:05.123Z");
  }, 120_000);

  it("moderation pages show days at most, never a time of day", async () => {
    const leaks: (Leak & { path: string })[] = [];
    for (const [path, cookie] of [
      ["/moderation", people.moderator.cookie],
      ["/moderation/log", people.moderator.cookie],
      [`/stories/${mine.named}/history`, people.moderator.cookie],
      ["/admin/roles", people.admin.cookie],
      ["/admin/watched-words", people.admin.cookie],
    ] as const) {
      for (const answer of await pageAndData(path, cookie)) {
        expect(answer.status, answer.path).toBe(200);
        leaks.push(...leaksOf(answer, { allowDays: true }));
      }
    }
    const log = await get("/moderation/log", people.moderator.cookie);
    expect(stripComments(log.text)).toContain("2026-09-22");
    expect(described(leaks)).toEqual([]);
  }, 120_000);
});

describe("sealed cursors through the real routes", () => {
  type StoryPage = { stories: { id: number }[]; total: number; next: { cursor: string; url: string } | null };

  const walkApi = (first: string) => walkStoryPages(first, { maxPages: 100 });

  it("paging through every story with sealed cursors gives each published post exactly once (API and /stories)", async () => {
    const published = [...publishedIds].sort();
    const viaApi = await walkApi("/api/v1/stories?limit=7");
    expect(new Set(viaApi).size).toBe(viaApi.length);
    expect([...viaApi].sort()).toEqual(published);

    const viaPages: number[] = [];
    let path: string | null = "/stories";
    for (let page = 0; path; page++) {
      const html: string = (await get(path)).text;
      viaPages.push(...[...html.matchAll(/<h2><a[^>]*href="\/stories\/(\d+)"/g)].map((m) => Number(m[1])));
      path = /href="(\/stories\?[^"]*cursor=[^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? null;
      expect(page).toBeLessThan(100);
    }
    expect(new Set(viaPages).size).toBe(viaPages.length);
    expect([...viaPages].sort()).toEqual(published);

    // Relevance order, with its own cursor.
    const [{ count } = { count: 0 }] = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM post WHERE status = 'published' AND search_vector @@ websearch_to_tsquery('english', 'support')`,
    );
    const byRank = await walkApi("/api/v1/stories?q=support&limit=9");
    expect(count).toBeGreaterThan(9);
    expect(new Set(byRank).size).toBe(count);
    expect(byRank).toHaveLength(count);
  }, 120_000);

  it("newest first is by month, then in an order that says nothing about the time within it", async () => {
    const rows = await sql<{ id: number; month: string; at: Date }>(
      `SELECT id, to_char(published_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, published_at AS at FROM post WHERE status = 'published'`,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const walked = await walkApi("/api/v1/stories?limit=100");
    const months = walked.map((id) => byId.get(id)?.month ?? "");
    expect(months).toEqual([...months].sort().reverse());
    // Within a month the list is by id (random), not by time: the member's two posts, published
    // 34 ms apart, are placed by their ids, and times within a month are out of order somewhere.
    const september = walked.filter((id) => byId.get(id)?.month === "2026-09");
    expect(september).toEqual([...september].sort((a, b) => b - a));
    const times = september.map((id) => byId.get(id)?.at.getTime() ?? 0);
    expect(times).not.toEqual([...times].sort((a, b) => b - a));
  });

  it("answers a forged, tampered, out-of-date or borrowed cursor with a 400: problem+json from the API", async () => {
    const first = await callApi<StoryPage>("/api/v1/stories?limit=5");
    const cursor = first.body.next?.cursor ?? "";
    expect(cursor).not.toBe("");
    const bytes = Buffer.from(cursor, "base64url");
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 3] = (flipped[bytes.length - 3] ?? 0) ^ 1;
    const otherVersion = Buffer.from(bytes);
    otherVersion[0] = 2;
    const bad = {
      forged: Buffer.from("newest~2026-09-17T14:32:05.123Z~42").toString("base64url"),
      relevance: Buffer.from("relevance~1e999~1").toString("base64url"),
      tampered: flipped.toString("base64url"),
      version: otherVersion.toString("base64url"),
      truncated: cursor.slice(0, -4),
    };
    for (const [name, value] of Object.entries(bad)) {
      for (const query of [`limit=5&cursor=${value}`, `q=support&limit=5&cursor=${value}`]) {
        const { response, body } = await callApi<ProblemBody>(`/api/v1/stories?${query}`);
        expect(response.status, name).toBe(400);
        expect(response.headers.get("Content-Type"), name).toBe("application/problem+json");
        expect(
          body.errors?.map((error) => error.parameter),
          name,
        ).toEqual(["cursor"]);
      }
    }
    // A cursor made for one list does not open another, even with the same sort.
    const borrowed = await callApi<ProblemBody>(`/api/v1/stories?limit=5&kind=question&cursor=${cursor}`);
    expect(borrowed.response.status).toBe(400);
    // The real one still works.
    expect((await callApi<StoryPage>(`/api/v1/stories?limit=5&cursor=${cursor}`)).response.status).toBe(200);
  });

  it("answers the same on /stories with a 400 page that keeps the search in the form", async () => {
    expect((await get("/stories?q=care&tag=respite&sort=newest")).status).toBe(200);
    const older = /href="\/stories\?[^"]*cursor=([^"&]+)"/.exec((await get("/stories")).text)?.[1] ?? "";
    expect(older).not.toBe("");
    const flipped = Buffer.from(older, "base64url");
    flipped[5] = (flipped[5] ?? 0) ^ 0x40;
    for (const value of [
      flipped.toString("base64url"),
      Buffer.from("relevance~1e999~1").toString("base64url"),
      Buffer.from("newest~2026-09-17T14:32:05.123Z~42").toString("base64url"),
    ]) {
      const page = await get(`/stories?q=care&tag=respite&sort=newest&cursor=${value}`);
      expect(page.status).toBe(400);
      const text = stripComments(page.text);
      expect(text).toContain("This page link is damaged or out of date");
      expect(text).toMatch(/<input[^>]*id="q"[^>]*value="care"/);
      expect(text).toContain('<input type="hidden" name="tag" value="respite"/>');
      expect(text).toContain(
        'href="/stories?q=care&amp;tag=respite&amp;sort=newest">Go back to the first page of results</a>',
      );
    }
    const relevance = await get(`/stories?q=care&cursor=${Buffer.from("relevance~1e999~1").toString("base64url")}`);
    expect(relevance.status).toBe(400);
  });
});

describe("public ids", () => {
  it("are not sequential: posts and replies published one after another get unrelated ids", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const [row] = await sql<{ id: number }>(
        `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at)
         VALUES ('story', $1, 'b', '<p>b</p>', 'b', 'carer', 'published', now()) RETURNING id`,
        [`In a row ${i}`],
      );
      ids.push(row?.id ?? 0);
    }
    const steps = ids.slice(1).map((id, i) => Math.abs(id - (ids[i] ?? 0)));
    // Random ids from 1 to 2^31 - 1: consecutive ones are about 700 million apart on average.
    expect(Math.min(...steps)).toBeGreaterThan(1000);
    expect(ids.every((id) => id > 0 && id <= 2_147_483_647)).toBe(true);
    const increasing = steps.filter((_, i) => (ids[i + 1] ?? 0) > (ids[i] ?? 0)).length;
    expect(increasing).toBeGreaterThan(3);
    expect(increasing).toBeLessThan(26);

    const comments: number[] = [];
    for (let i = 0; i < 10; i++) {
      const [row] = await sql<{ id: number }>(
        `INSERT INTO comment (post_id, author_perspective, body_markdown, body_html, status) VALUES ($1, 'carer', 'c', '<p>c</p>', 'published') RETURNING id`,
        [ids[0]],
      );
      comments.push(row?.id ?? 0);
    }
    expect(Math.min(...comments.slice(1).map((id, i) => Math.abs(id - (comments[i] ?? 0))))).toBeGreaterThan(1000);
  });

  it("the member's anonymous and named posts, published 34 ms apart, are not neighbours in id", () => {
    expect(Math.abs(mine.anonymous - mine.named)).toBeGreaterThan(1000);
  });

  it("the seeded demo community has random ids too", async () => {
    const ids = (await sql<{ id: number }>(`SELECT id FROM post ORDER BY created_at, id`)).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(200);
    const adjacent = ids.slice(1).filter((id, i) => Math.abs(id - (ids[i] ?? 0)) <= 1000).length;
    expect(adjacent).toBeLessThan(3);
  });
});

describe("handles are not confirmed", () => {
  it("/u/<handle> is the same 404 for a member with nothing public under their name as for no one", async () => {
    const { handle } = await signUp(uniqueHandle("quiet"));
    const id = await userId(handle);
    await sql(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, display_mode, author_perspective, status, published_at)
       VALUES ('story', 'Only anonymous', 'b', '<p>b</p>', 'b', $1, 'anonymous', 'carer', 'published', now())`,
      [id],
    );
    const existing = await get(`/u/${handle}`);
    const missing = await get(`/u/${handle.slice(0, -1)}zz`);
    expect(existing.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(existing.text.replaceAll(handle, "HANDLE")).toBe(
      missing.text.replaceAll(`${handle.slice(0, -1)}zz`, "HANDLE"),
    );
    expect([...existing.headers.keys()].sort()).toEqual([...missing.headers.keys()].sort());

    const named = await get(`/u/${people.member.handle}`);
    expect(named.status).toBe(200);
    expect(named.text).toContain("Posted under my name");
    expect(named.text).not.toContain("Posted without my name");
  });

  it("/recover answers a real handle and an unknown one with the same status and words", async () => {
    const { handle } = await signUp(uniqueHandle("recover"));
    const answer = async (name: string) => {
      const response = await send("/recover", {
        form: { handle: name, code: "AAAA-BBBB-CCCC-DDDD", password: "a new long password 4711" },
        clientAddress: uniqueClientAddress(),
      });
      return { status: response.status, text: stripComments(await response.text()).replaceAll(name, "HANDLE") };
    };
    const real = await answer(handle);
    const unknown = await answer(`${handle}x`);
    expect(real.status).toBe(401);
    expect(unknown.status).toBe(real.status);
    expect(unknown.text).toBe(real.text);
    expect(real.text).toContain("The name or recovery code is not right");
  });
});
