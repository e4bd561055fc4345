// Each attack from the hardening review (docs/hardening.md), replayed against the real app
// (app/server/process/main.ts) with the same heap as `npm start`: it must be refused with a 4xx in
// the site's layout (problem+json under /api/v1), leak nothing, lose nothing typed, write nothing
// half-way, and leave the process answering.
//
// The page cache only keeps pages while PostgreSQL's snapshot stands still, and other test files
// write to the shared server all the time, so this file has a PostgreSQL server of its own (as
// page-cache.test.ts does) to show that a page asked for with another Host is never kept.
import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningApp, START_NODE_OPTIONS, startApp, stopAllApps } from "../support/app-server";
import freePort from "../support/free-port";
import { leakIn, rawRequest, type RawAnswer } from "../support/hostile";
import { type OwnPostgres, startOwnPostgres } from "../support/own-postgres";
import { closeSql, sql } from "../support/sql";
import { addStory } from "../support/stories";

const PASSWORD = "kettle orbit lantern nine";
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

let app: RunningApp;
let postgres: OwnPostgres;
let storyId: number;
let member: { cookie: string; handle: string };
let visitors = 0;

/** A new client address for each request that could be rate-limited (the app trusts X-Forwarded-For). */
const visitor = () => ({ "X-Forwarded-For": `198.51.100.${(visitors += 1) % 250}` });
const raw = (request: Parameters<typeof rawRequest>[1]) =>
  rawRequest(app.url, { ...request, headers: { ...visitor(), ...request.headers } });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
/** An anonymous story published by the member, as the new-story form sends it. */
const postStory = (fields: Record<string, string>) =>
  raw({
    method: "POST",
    path: "/stories/new",
    headers: { ...FORM, Cookie: member.cookie },
    body: form({ kind: "story", displayMode: "anonymous", intent: "publish", ...fields }),
  });
const cookieOf = (answer: RawAnswer) => String(answer.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";

function memory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}

async function join(handle: string): Promise<{ cookie: string; handle: string }> {
  const joined = await raw({
    method: "POST",
    path: "/join",
    headers: FORM,
    body: form({ handle, password: PASSWORD, perspective: "carer" }),
  });
  expect(joined.status).toBe(200);
  return { cookie: cookieOf(joined), handle };
}

const counts = async () =>
  (
    await sql<{ n: string }>(
      `SELECT concat_ws(',', (SELECT count(*) FROM "user"), (SELECT count(*) FROM post), (SELECT count(*) FROM comment),
         (SELECT count(*) FROM flag), (SELECT count(*) FROM experience_report)) AS n`,
    )
  )[0]?.n;

/** A refusal shown in the site's layout: the header and footer are there, the inside of the app is not. */
function expectPageInLayout(answer: RawAnswer, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^text\/html/);
  expect(answer.text).toContain('class="site-header"');
  expect(answer.text).toContain('class="site-footer"');
  expect(leakIn(answer)).toBeNull();
}

async function expectAlive() {
  const health = await fetch(`${app.url}/healthz`);
  expect(health.status).toBe(200);
  expect(app.child.exitCode).toBeNull();
}

beforeAll(async () => {
  postgres = await startOwnPostgres("hardening", "hardening");
  process.env.DATABASE_URL = postgres.url; // sql() and addStory(), for this file only
  app = await startApp([], {
    DATABASE_URL: postgres.url,
    LOG_LEVEL: "warn",
    PORT: String(await freePort()),
    PAGE_CACHE_SECONDS: "30",
    TRUST_PROXY: "true",
    NODE_OPTIONS: START_NODE_OPTIONS,
  });
  storyId = await addStory({ title: "A question about respite", kind: "question" });
  member = await join("hardening_member");
  await sql(`UPDATE "user" SET trust_level = 1 WHERE handle = $1`, [member.handle]);
}, 120_000);

afterAll(async () => {
  await stopAllApps();
  await closeSql();
  await postgres?.remove();
});

/** Far larger than any limit, and than what reading and dropping it leaves for the garbage collector. */
const BIG_BODY = 120 * 1024 * 1024;

describe("one request cannot take the process down", () => {
  it("a 120 MB urlencoded sign-in body is a 413, without the body ever being held, and the process answers on", async () => {
    // A small refused body first: the first 413 loads and renders the error page in its layout,
    // which is the process warming up, not the body being held.
    expectPageInLayout(await raw({ method: "POST", path: "/sign-in", headers: FORM, streamedBytes: 64 * 1024 }), 413);
    const before = memory(app.child.pid ?? 0);
    const sized = await raw({ method: "POST", path: "/sign-in", headers: FORM, streamedBytes: BIG_BODY });
    expectPageInLayout(sized, 413);
    expect(sized.text).toContain("larger than this page accepts");
    // The same without Content-Length: bytes are counted as they arrive.
    const chunked = await raw({
      method: "POST",
      path: "/sign-in",
      headers: FORM,
      streamedBytes: BIG_BODY,
      chunked: true,
    });
    expectPageInLayout(chunked, 413);
    const after = memory(app.child.pid ?? 0);
    console.info(
      `app memory around two 120 MB bodies: RSS ${before.rssMb} → ${after.rssMb} MB, peak ${before.peakMb} → ${after.peakMb} MB`,
    );
    // Reading and dropping the refused bytes leaves garbage that V8 collects once about 64 MB of
    // buffers have built up (measured 0–41 MB of growth); holding one body would add all 120 MB.
    expect(after.peakMb - before.peakMb).toBeLessThan(100);
    await expectAlive();
  });

  it("ten million short fields (a=1&a=1&…) are a 413, and a small body with more fields than any form is refused too", async () => {
    const fields = await raw({
      method: "POST",
      path: "/sign-in",
      headers: FORM,
      streamedBytes: 10_000_000 * 4,
      fill: "a=1&",
    });
    expectPageInLayout(fields, 413);
    const many = await raw({ method: "POST", path: "/sign-in", headers: FORM, body: "a=1&".repeat(1_000) });
    expectPageInLayout(many, 413);
    expect(many.text).toContain("more than 200 fields");
    await expectAlive();
  });

  it("a 12 MB story is a 413 and saves nothing; a story of 60,000 nested quote markers within the limit posts without a 500", async () => {
    const before = await counts();
    const huge = await postStory({
      title: "A very long story",
      body: "word ".repeat(2_400_000),
    });
    expectPageInLayout(huge, 413);
    expect(await counts()).toBe(before);

    const nested = await postStory({
      title: "Deeply nested quotes",
      body: `${">".repeat(60_000)} end`,
      submissionKey: crypto.randomUUID(),
    });
    expect(nested.status).toBeLessThan(500);
    expect(leakIn(nested)).toBeNull();
    await expectAlive();
  });

  it("addresses and headers past their limits are refused (414, 431) and the process answers on", async () => {
    const long = await raw({ path: `/stories?q=${"a".repeat(9_000)}` });
    expectPageInLayout(long, 414);
    const longApi = await raw({ path: `/api/v1/stories?q=${"a".repeat(9_000)}` });
    expect(longApi.status).toBe(414);
    expect(longApi.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const header = await raw({ path: "/", headers: { "X-Padding": "a".repeat(20_000) } });
    expect(header.status).toBe(431);
    expect(leakIn(header)).toBeNull();
    await expectAlive();
  });
});

describe("the Host header", () => {
  // The absolute links to this site: feeds, and the citation's address.
  const links = (html: string) =>
    [...html.matchAll(/(?:href="|Available at: )(https?:\/\/[^"/ ]+)\/(?:feeds|stories)/g)].map((match) => match[1]);

  for (const page of ["/stories?kind=question", "/"]) {
    it(`cannot poison the cached page ${page}: its links come from PUBLIC_URL and it is never kept for another host`, async () => {
      const own = new URL(app.url).port;
      const poisoned = await raw({ path: page, headers: { Host: "evil.example" } });
      expect(poisoned.status).toBe(200);
      expect(poisoned.text).not.toContain("evil.example");
      expect(links(poisoned.text).length).toBeGreaterThan(0);
      for (const origin of links(poisoned.text)) expect(origin).toBe(`http://localhost:${own}`);

      // The next ordinary reader renders afresh (nothing was kept), then is served from the cache.
      const first = await raw({ path: page });
      expect(first.headers["x-page-cache"]).toBeUndefined();
      expect(first.text).not.toContain("evil.example");
      const second = await raw({ path: page });
      expect(second.headers["x-page-cache"]).toBe("hit");

      // Another host is never answered from the cache either.
      const again = await raw({ path: page, headers: { Host: "evil.example" } });
      expect(again.headers["x-page-cache"]).toBeUndefined();
    });
  }

  it("never reaches the API's links, feeds or problem documents", async () => {
    await addStory({ title: "Another story for the next link" });
    const api = await raw({ path: "/api/v1/stories?limit=1", headers: { Host: "evil.example" } });
    expect(api.status).toBe(200);
    expect(api.text).toContain("http://localhost:");
    expect(api.text).not.toContain("evil.example");
    const feed = await raw({ path: "/feeds/stories.atom", headers: { Host: "evil.example" } });
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain("evil.example");
    const problem = await raw({ path: "/api/v1/stories/999999", headers: { Host: "evil.example" } });
    expect(problem.status).toBe(404);
    expect(problem.text).not.toContain("evil.example");
  });
});

describe("invalid percent-encoding and control characters in the address", () => {
  for (const page of ["/stories/%FF", "/u/%FF", "/stories/1/edit%E0%A4%A", "/u/ab%00c", "/stories?q=%00"]) {
    it(`${page} is a 400 page in the site's layout, with no stack trace`, async () => {
      const answer = await raw({ path: page });
      expectPageInLayout(answer, 400);
      expect(answer.text).not.toContain("<script");
    });
  }

  it("/api/v1/stories/%FF is a 400 problem+json", async () => {
    const answer = await raw({ path: "/api/v1/stories/%FF" });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(answer.text) as { type: string; status: number; detail: string };
    expect(problem.status).toBe(400);
    expect(problem.type).toMatch(/\/about\/api#problem-bad-request$/);
    expect(leakIn(answer)).toBeNull();
  });
});

describe("cursors no page ever gave out", () => {
  for (const page of [
    "/stories?q=care&cursor=relevance~1e999~1",
    "/stories?cursor=relevance~1e999~1",
    "/api/v1/stories?q=care&cursor=relevance~1e999~1",
    "/stories?cursor=%FF%FE",
  ]) {
    it(`${page} is a 4xx, not a 500`, async () => {
      const answer = await raw({ path: page });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(leakIn(answer)).toBeNull();
    });
  }
});

describe("bodies that are not forms", () => {
  it("text/plain keeps the typed text: a 415 page showing it back", async () => {
    const before = await counts();
    const answer = await raw({
      method: "POST",
      path: "/stories/new",
      headers: { "Content-Type": "text/plain", Cookie: member.cookie },
      body: "title=My typed title\r\nbody=Everything I wrote about our review\r\nintent=publish\r\n",
    });
    expectPageInLayout(answer, 415);
    expect(answer.text).toContain("My typed title");
    expect(answer.text).toContain("Everything I wrote about our review");
    expect(answer.text).toContain("Go back to the form");
    expect(await counts()).toBe(before);
  });

  it("JSON keeps the typed text too, and no Content-Type at all is a 415", async () => {
    const json = await raw({
      method: "POST",
      path: "/sign-in",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ handle: "someone_typed", password: "secret" }),
    });
    expectPageInLayout(json, 415);
    expect(json.text).toContain("someone_typed");
    expect(json.text).not.toContain("secret");
    const none = await raw({ method: "POST", path: "/sign-in", body: "handle=x&password=y" });
    expectPageInLayout(none, 415);
  });

  it("broken multipart is a 400, and well-formed multipart is read as the form it is", async () => {
    const broken = await raw({
      method: "POST",
      path: "/sign-in",
      headers: { "Content-Type": "multipart/form-data; boundary=zz" },
      body: '--zz\r\nContent-Disposition: form-data; name="handle"\r\n\r\nabc',
    });
    expectPageInLayout(broken, 400);
    const body =
      ["handle", "password"]
        .map((name) => `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nnobody_here\r\n`)
        .join("") + "--zz--\r\n";
    const whole = await raw({
      method: "POST",
      path: "/sign-in",
      headers: { "Content-Type": "multipart/form-data; boundary=zz" },
      body,
    });
    expect(whole.status).toBe(401); // read, and the password was wrong
  });

  it("a gzip-encoded form is a 415, not a 500", async () => {
    const answer = await raw({
      method: "POST",
      path: "/sign-in",
      headers: { ...FORM, "Content-Encoding": "gzip" },
      body: "not really gzip",
    });
    expectPageInLayout(answer, 415);
  });
});

describe("NUL and control characters", () => {
  it("are removed from a handle before it reaches PostgreSQL", async () => {
    const answer = await raw({
      method: "POST",
      path: "/join",
      headers: FORM,
      body: form({ handle: "nul\u0000handle\u0001", password: PASSWORD, perspective: "carer" }),
    });
    expect(answer.status).toBe(200);
    expect(await sql(`SELECT 1 FROM "user" WHERE handle = 'nulhandle'`)).toHaveLength(1);
  });

  it("are removed from a story body, which is saved with the rest of its text", async () => {
    const answer = await postStory({
      title: "A story with a NUL",
      body: "Our review\u0000 came late and we were not told why.",
      submissionKey: crypto.randomUUID(),
    });
    expect(answer.status).toBe(302);
    const [row] = await sql<{ body_markdown: string }>(
      `SELECT body_markdown FROM post WHERE title = 'A story with a NUL'`,
    );
    expect(row?.body_markdown).toBe("Our review came late and we were not told why.");
  });

  it("are removed from a reply body", async () => {
    const answer = await raw({
      method: "POST",
      path: `/stories/${storyId}`,
      headers: { ...FORM, Cookie: member.cookie },
      body: form({
        body: "We had the same\u0000 trouble with our council.",
        displayMode: "anonymous",
        confirmed: "1",
        submissionKey: crypto.randomUUID(),
      }),
    });
    expect(answer.status).toBeLessThan(400);
    expect(
      await sql(`SELECT 1 FROM comment WHERE body_markdown = 'We had the same trouble with our council.'`),
    ).toHaveLength(1);
  });

  it("are removed from a flag note", async () => {
    const answer = await raw({
      method: "POST",
      path: `/flag?post=${storyId}`,
      headers: { ...FORM, Cookie: member.cookie },
      body: form({ reason: "other", note: "Looks like\u0000 spam to me" }),
    });
    expect(answer.status).toBe(302);
    expect(await sql(`SELECT 1 FROM flag WHERE note = 'Looks like spam to me'`)).toHaveLength(1);
  });
});

describe("Cache-Control", () => {
  for (const page of ["/settings", "/notifications", "/stories", "/"]) {
    it(`${page} is private, no-store for a signed-in member`, async () => {
      const answer = await raw({ path: page, headers: { Cookie: member.cookie } });
      expect(answer.status).toBe(200);
      expect(answer.headers["cache-control"]).toBe("private, no-store");
    });
  }

  it("signed-out public pages keep their own caching, and a refused form is never stored", async () => {
    const page = await raw({ path: "/about" });
    expect(page.headers["cache-control"] ?? "").not.toMatch(/private|no-store/);
    const refused = await raw({
      method: "POST",
      path: "/sign-in",
      headers: { "Content-Type": "text/plain" },
      body: "handle=x",
    });
    expect(refused.headers["cache-control"]).toMatch(/no-store/);
  });
});

describe("in development mode", () => {
  it("refusals and errors still show no stack trace, source path or library name", async () => {
    const dev = await startApp([], {
      DATABASE_URL: postgres.url,
      LOG_LEVEL: "warn",
      PORT: String(await freePort()),
      NODE_ENV: "development",
    });
    const answers = await Promise.all([
      rawRequest(dev.url, { path: "/stories/%FF" }),
      rawRequest(dev.url, { path: "/api/v1/stories/%FF" }),
      rawRequest(dev.url, { path: "/stories/not-a-number" }),
      rawRequest(dev.url, { method: "POST", path: `/stories/not-a-number`, headers: FORM, body: "body=x" }),
      rawRequest(dev.url, {
        method: "POST",
        path: "/sign-in",
        headers: { "Content-Type": "text/plain" },
        body: "handle=x",
      }),
      rawRequest(dev.url, { method: "POST", path: "/sign-in", headers: FORM, streamedBytes: 1024 * 1024 }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(leakIn(answer)).toBeNull();
    }
    await dev.stop();
  });
});
