// The public read API (/api/v1): every answer here goes through callApi, which checks it against
// the OpenAPI document.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";

import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";

import { apiGuide } from "~/domain/api/guide";
import { OPENAPI } from "~/domain/api/openapi";

import { callApi, type ProblemBody, walkStoryPages } from "../support/api";
import { send, signUp, stripComments, uniqueClientAddress } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

type Json = Record<string, unknown>;

async function withRole(role: "member" | "researcher" | "moderator" | "admin") {
  const account = await signUp();
  const [row] = await sql<{ id: number }>(`UPDATE "user" SET role = $1 WHERE handle_key = lower($2) RETURNING id`, [
    role,
    account.handle,
  ]);
  return { ...account, id: row?.id ?? 0 };
}

async function createKey(cookie: string, label = "Thesis chapter 3") {
  const response = await send("/settings/api-keys", { form: { intent: "create", label }, cookie });
  const html = stripComments(await response.text());
  const key = /<code>(fo_[a-z2-7]{32})<\/code>/.exec(html)?.[1];
  return { response, html, key: key ?? "" };
}

async function keysPage(cookie: string) {
  const response = await send("/settings/api-keys", { cookie });
  return { response, html: stripComments(await response.text()) };
}

async function revokeByLabel(cookie: string, label: string) {
  const [row] = await sql<{ id: number }>(`SELECT id FROM api_key WHERE label = $1 AND revoked_at IS NULL`, [label]);
  return send("/settings/api-keys", { form: { intent: "revoke", keyId: String(row?.id) }, cookie });
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, served at /api/v1/openapi.json", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(OPENAPI) as Json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    const { response, body } = await callApi("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(body).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
  });

  it("describes every API route, and has a route for everything it describes", () => {
    // api.v1.stories.$id.ts serves /stories/{id}; api.v1.openapi[.]json.ts serves /openapi.json.
    const pathOf = (file: string) =>
      `/${file
        .replace(/^api\.v1\./, "")
        .replace(/\.ts$/, "")
        .replaceAll("[.]", "~")
        .split(".")
        .filter((segment) => segment !== "_index")
        .map((segment) => (segment.startsWith("$") ? `{${segment.slice(1)}}` : segment))
        .join("/")
        .replaceAll("~", ".")}`;
    const routes = readdirSync(path.resolve(import.meta.dirname, "..", "..", "app", "routes"))
      .filter((file) => file.startsWith("api.v1.") && file !== "api.v1.$.ts")
      .map(pathOf);
    expect(routes.sort()).toEqual(Object.keys(OPENAPI.paths).sort());
  });
});

describe("reference data", () => {
  it("lists every tag with its group", async () => {
    const { response, body } = await callApi<{ tags: { slug: string; label: string; group: string }[] }>(
      "/api/v1/tags",
    );
    expect(response.status).toBe(200);
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM tag`);
    expect(body.tags).toHaveLength(count?.n ?? -1);
    expect(body.tags).toContainEqual({ slug: "respite", label: "Respite and short breaks", group: "topic" });
    expect(body.tags).toContainEqual({
      slug: "dp-employer",
      label: "Direct payment, employing personal assistants",
      group: "support_arrangement",
    });
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const head = await callApi("/api/v1/tags", { method: "HEAD" });
    expect(head.response.status).toBe(200);
    expect(head.response.headers.get("RateLimit-Policy")).toBe('"anonymous";q=60;w=60');
  });

  it("lists councils with their region and nation, filtered by nation or region", async () => {
    type Councils = {
      councils: { code: string; name: string; region: { code: string; name: string }; nation: string }[];
    };
    const all = await callApi<Councils>("/api/v1/councils");
    expect(all.body.councils).toHaveLength(207);
    expect(all.body.councils).toContainEqual({
      code: "E06000001",
      name: "Hartlepool",
      region: { code: "E12000001", name: "North East" },
      nation: "England",
    });
    const names = all.body.councils.map((council) => council.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const wales = await callApi<Councils>("/api/v1/councils?nation=wales");
    expect(wales.body.councils).toHaveLength(22);
    expect(new Set(wales.body.councils.map((council) => council.nation))).toEqual(new Set(["Wales"]));

    const northEast = await callApi<Councils>("/api/v1/councils?region=E12000001&nation=England");
    expect(northEast.body.councils).toHaveLength(12);
    expect(new Set(northEast.body.councils.map((council) => council.region.name))).toEqual(new Set(["North East"]));
  });

  it("refuses filters it cannot use, naming each one", async () => {
    const bad = await callApi<ProblemBody>("/api/v1/councils?nation=Narnia&region=north-east");
    expect(bad.response.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { parameter: "nation", detail: "Nation must be England, Scotland or Wales." },
      { parameter: "region", detail: expect.stringContaining("9-character ONS code") },
    ]);
    const twice = await callApi<ProblemBody>("/api/v1/councils?nation=Wales&nation=Scotland");
    expect(twice.response.status).toBe(400);
    expect(twice.body.errors).toEqual([{ parameter: "nation", detail: "Give nation once." }]);
    const unknown = await callApi<ProblemBody>("/api/v1/councils?region=E12999999");
    expect(unknown.response.status).toBe(404);
    expect(unknown.body.errors).toEqual([
      { parameter: "region", detail: "There is no region with the code E12999999." },
    ]);
  });
});

describe("one story", () => {
  let author: { id: number; handle: string };
  let published = 0;
  const hidden: Record<string, number> = {};

  beforeAll(async () => {
    author = await withRole("member");
    const [row] = await sql<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, display_mode, author_perspective, status, published_at, area_code)
       VALUES ('practice_note', 'Reviews done by phone', 'We *phoned*.', '<p>We <em>phoned</em>.</p>', 'We phoned.', $1, 'handle', 'social_worker',
               'published', '2026-03-14T09:26:53.589Z', 'E06000001') RETURNING id`,
      [author.id],
    );
    published = row?.id ?? 0;
    await sql(`INSERT INTO post_tag (post_id, tag_id) SELECT $1, id FROM tag WHERE slug IN ('assessment', 'respite')`, [
      published,
    ]);
    for (const status of ["pending", "changes_requested", "rejected", "removed"]) {
      const [other] = await sql<{ id: number }>(
        `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at)
         VALUES ('story', $1, 'b', '<p>b</p>', 'b', 'carer', $2::moderation_status, CASE WHEN $2::text = 'removed' THEN now() END) RETURNING id`,
        [`A ${status} story`, status],
      );
      hidden[status] = other?.id ?? 0;
    }
  });

  it("gives a published story with its body, and nothing that could identify its author", async () => {
    const { response, body } = await callApi<Json>(`/api/v1/stories/${published}`);
    expect(response.status).toBe(200);
    expect(body).toEqual({
      id: published,
      kind: "practice_note",
      title: "Reviews done by phone",
      excerpt: "We phoned.",
      url: `http://localhost/stories/${published}`,
      tags: [
        { slug: "assessment", label: "Assessment and review" },
        { slug: "respite", label: "Respite and short breaks" },
      ],
      council: { code: "E06000001", name: "Hartlepool" },
      region: { code: "E12000001", name: "North East" },
      // Shown under the author's name: the perspective is not given (it could tie it to their anonymous posts).
      perspective: null,
      month: "2026-03",
      replyCount: 0,
      latestReplyMonth: null,
      bodyText: "We phoned.",
      bodyHtml: "<p>We <em>phoned</em>.</p>",
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain(author.handle);
    expect(text).not.toMatch(/2026-03-14|09:26|authorId/);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
  });

  it("is a 404 problem for anything not published, unknown or malformed", async () => {
    for (const id of [...Object.values(hidden), 987654, "abc", "99999999999", "1.5"]) {
      const { response, body } = await callApi<ProblemBody>(`/api/v1/stories/${id}`);
      expect(response.status, String(id)).toBe(404);
      expect(body).toMatchObject({
        type: "http://localhost/about/api#problem-not-found",
        title: "Not found",
        status: 404,
      });
      expect(body.detail).toBe(`There is no published story with the id ${id}.`);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    }
  });
});

describe("mistakes a client can make", () => {
  it("refuses parameters an endpoint does not know, on every endpoint", async () => {
    for (const endpoint of [
      "/api/v1/councils?contry=England",
      "/api/v1/tags?contry=England",
      "/api/v1/openapi.json?contry=England",
    ]) {
      const { response, body } = await callApi<ProblemBody>(endpoint);
      expect(response.status, endpoint).toBe(400);
      expect(body.errors?.map((error) => error.parameter)).toEqual(["contry"]);
    }
    const story = await callApi<ProblemBody>("/api/v1/stories/1?format=xml");
    expect(story.response.status).toBe(400);
    expect(story.body.errors).toEqual([
      { parameter: "format", detail: "Unknown parameter. This endpoint takes no query parameters." },
    ]);
  });

  it("answers addresses that are no endpoint with a problem, not the site's HTML page", async () => {
    const { response, body } = await callApi<ProblemBody>("/api/v1/stories/1/comments");
    expect(response.status).toBe(404);
    expect(body.detail).toContain("/api/v1/openapi.json");
  });

  it("refuses writes: the API only reads", async () => {
    for (const method of ["POST", "PUT", "DELETE"] as const) {
      const { response, body } = await callApi<ProblemBody>("/api/v1/tags", { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("Allow")).toBe("GET, HEAD");
      expect(body.type).toBe("http://localhost/about/api#problem-method-not-allowed");
    }
  });

  it("links every kind of problem to its explanation in the API guide", async () => {
    const guide = await send("/about/api");
    expect(guide.status).toBe(200);
    const html = stripComments(await guide.text());
    for (const kind of [
      "invalid-parameters",
      "unauthorized",
      "not-found",
      "method-not-allowed",
      "rate-limited",
      "internal",
      "unavailable",
    ]) {
      expect(html).toContain(`id="problem-${kind}"`);
    }
    expect(html).toContain('href="http://localhost/api/v1/openapi.json"');
    expect(html).toContain("CC BY 4.0");
    // The reference part is the OpenAPI document's: every endpoint and query parameter, with an example.
    for (const endpoint of apiGuide()) {
      expect(html).toContain(`<code>GET /api/v1${endpoint.path}</code>`);
      expect(html).toContain(`curl &#x27;http://localhost/api/v1${endpoint.example.replaceAll("&", "&amp;")}&#x27;`);
      for (const parameter of endpoint.parameters) expect(html).toContain(`<code>${parameter.name}</code>`);
    }
    expect(html).toContain("<code>GET /api/v1/outcomes</code>");
    expect(html).toContain('href="/settings/researcher"');
    const about = stripComments(await (await send("/about")).text());
    expect(about).toContain('href="/about/api"');
  });
});

describe("rate limits", () => {
  it("tells each client what is left, counting down, then refuses with Retry-After", async () => {
    const client = uniqueClientAddress();
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { response } = await callApi("/api/v1/tags", { clientAddress: client });
      expect(response.headers.get("RateLimit-Policy")).toBe('"anonymous";q=60;w=60');
      const [, r, t] = /^"anonymous";r=(\d+);t=(\d+)$/.exec(response.headers.get("RateLimit") ?? "") ?? [];
      remaining.push(Number(r));
      expect(Number(t)).toBeGreaterThan(0);
      expect(Number(t)).toBeLessThanOrEqual(60);
    }
    expect(remaining).toEqual([59, 58, 57]);
    for (let i = 3; i < 60; i++) await send("/api/v1/tags", { clientAddress: client });
    const { response, body } = await callApi<ProblemBody>("/api/v1/tags", { clientAddress: client });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(response.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    expect(response.headers.get("RateLimit")).toMatch(/^"anonymous";r=0;t=\d+$/);
    expect(body.detail).toMatch(/^You have made 60 requests in 60 seconds without a key\. Try again in \d+ seconds\.$/);
    // Another client is not held back by this one.
    expect((await callApi("/api/v1/tags")).response.status).toBe(200);
  });
});

describe("API keys", () => {
  it("are shown once, stored only as a hash, and raise the limit for their holder", async () => {
    const researcher = await withRole("researcher");
    const { response, html, key } = await createKey(researcher.cookie, "Thesis chapter 3");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(key).toMatch(/^fo_[a-z2-7]{32}$/);
    expect(html).toContain("We will not show it again");

    const [row] = await sql<Json>(`SELECT * FROM api_key WHERE user_id = $1`, [researcher.id]);
    expect(row?.secret_hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(row?.prefix).toBe(key.slice(0, 9));
    expect(JSON.stringify(row)).not.toContain(key.slice(9));

    const again = await keysPage(researcher.cookie);
    expect(again.html).not.toContain(key);
    expect(again.html).toContain("Thesis chapter 3");
    expect(again.html).toContain(`${key.slice(0, 9)}…`);
    expect(again.html).toContain("Never");

    const { response: answer } = await callApi("/api/v1/tags", { key });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("RateLimit-Policy")).toBe('"key";q=600;w=60');
    expect(answer.headers.get("RateLimit")).toMatch(/^"key";r=599;t=\d+$/);
    expect(answer.headers.get("Cache-Control")).toBe("private, max-age=3600");
    const [used] = await sql<{ day: string }>(
      `SELECT to_char(last_used_on, 'YYYY-MM-DD') AS day FROM api_key WHERE user_id = $1`,
      [researcher.id],
    );
    expect(used?.day).toBe(new Date().toISOString().slice(0, 10));
    expect((await keysPage(researcher.cookie)).html).not.toContain("Never");

    // The limit is the researcher's, whichever of their keys they use and wherever from.
    const second = await createKey(researcher.cookie, "Second project");
    const { response: other } = await callApi("/api/v1/tags", { key: second.key });
    expect(other.headers.get("RateLimit")).toMatch(/^"key";r=598;t=\d+$/);
  });

  it("refuse an unknown, malformed or revoked key with a 401, never falling back to no key", async () => {
    const researcher = await withRole("researcher");
    const { key } = await createKey(researcher.cookie, "To be revoked");
    for (const authorization of [`Bearer fo_${"a".repeat(32)}`, "Bearer not-a-key", `Basic ${key}`, "Bearer"]) {
      const { response, body } = await callApi<ProblemBody>("/api/v1/tags", { authorization });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
      expect(body.type).toBe("http://localhost/about/api#problem-unauthorized");
    }
    expect((await callApi("/api/v1/tags", { key })).response.status).toBe(200);

    const revoked = await revokeByLabel(researcher.cookie, "To be revoked");
    expect(revoked.status).toBe(200);
    expect(stripComments(await revoked.text())).toContain("is revoked");
    const refused = await callApi<ProblemBody>("/api/v1/tags", { key });
    expect(refused.response.status).toBe(401);
    expect(refused.body.detail).toContain("may have been revoked");
    expect((await keysPage(researcher.cookie)).html).not.toContain("To be revoked");
  });

  it("stop working when their holder is no longer a researcher", async () => {
    const researcher = await withRole("researcher");
    const { key } = await createKey(researcher.cookie);
    expect((await callApi("/api/v1/tags", { key })).response.status).toBe(200);
    await sql(`UPDATE "user" SET role = 'member' WHERE id = $1`, [researcher.id]);
    expect((await callApi("/api/v1/tags", { key })).response.status).toBe(401);
  });

  it("are each researcher's own: others cannot see or revoke them", async () => {
    const alice = await withRole("researcher");
    const bob = await withRole("moderator");
    const { key } = await createKey(alice.cookie, "Alice's survey");
    const bobs = await createKey(bob.cookie, "Bob's newsroom");
    expect(bobs.key).toMatch(/^fo_/);
    const bobPage = (await keysPage(bob.cookie)).html;
    expect(bobPage).toContain("Bob&#x27;s newsroom");
    expect(bobPage).not.toContain("Alice&#x27;s survey");
    expect(bobPage).not.toContain(key.slice(0, 9));

    const [alicesKey] = await sql<{ id: number }>(`SELECT id FROM api_key WHERE user_id = $1`, [alice.id]);
    const attempt = await send("/settings/api-keys", {
      form: { intent: "revoke", keyId: String(alicesKey?.id) },
      cookie: bob.cookie,
    });
    expect(attempt.status).toBe(404);
    expect((await callApi("/api/v1/tags", { key })).response.status).toBe(200);
  });

  it("are for researchers, moderators and admins only", async () => {
    const member = await withRole("member");
    expect((await send("/settings/api-keys", { cookie: member.cookie })).status).toBe(403);
    const attempt = await send("/settings/api-keys", {
      form: { intent: "create", label: "Sneaky" },
      cookie: member.cookie,
    });
    expect(attempt.status).toBe(403);
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM api_key WHERE user_id = $1`, [member.id]);
    expect(count?.n).toBe(0);
    const settings = stripComments(await (await send("/settings", { cookie: member.cookie })).text());
    expect(settings).not.toContain("/settings/api-keys");
    const admin = await withRole("admin");
    const adminSettings = stripComments(await (await send("/settings", { cookie: admin.cookie })).text());
    expect(adminSettings).toContain('href="/settings/api-keys"');
  });

  it("need a label, and a refused label keeps what was typed", async () => {
    const researcher = await withRole("researcher");
    const empty = await createKey(researcher.cookie, "   ");
    expect(empty.response.status).toBe(400);
    expect(empty.html).toContain("Enter a label so you can tell this key apart");
    expect(empty.key).toBe("");
    const long = "A very long label ".repeat(5);
    const tooLong = await createKey(researcher.cookie, long);
    expect(tooLong.response.status).toBe(400);
    expect(tooLong.html).toContain("Keep the label to 80 characters or fewer (this one is 89)");
    expect(tooLong.html).toContain(`value="${long}"`);
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM api_key WHERE user_id = $1`, [
      researcher.id,
    ]);
    expect(count?.n).toBe(0);
  });

  it("allow 5 active keys at once and 10 new keys a day", async () => {
    const researcher = await withRole("researcher");
    for (let i = 1; i <= 5; i++) expect((await createKey(researcher.cookie, `Key ${i}`)).response.status).toBe(200);
    const sixth = await createKey(researcher.cookie, "Key 6");
    expect(sixth.response.status).toBe(409);
    expect(sixth.html).toContain("You already have 5 keys");
    expect(sixth.key).toBe("");
    // A free slot: keys 7 to 10 of the day are made, one after another.
    for (let i = 7; i <= 10; i++) {
      expect((await revokeByLabel(researcher.cookie, `Key ${i - 6}`)).status).toBe(200);
      expect((await createKey(researcher.cookie, `Key ${i}`)).response.status).toBe(200);
    }
    expect((await revokeByLabel(researcher.cookie, "Key 5")).status).toBe(200);
    const eleventh = await createKey(researcher.cookie, "Key 11");
    expect(eleventh.response.status).toBe(429);
    expect(eleventh.html).toContain("too many times");
    const [active] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM api_key WHERE user_id = $1 AND revoked_at IS NULL`,
      [researcher.id],
    );
    expect(active?.n).toBe(4);
  });
});

describe("searching stories", () => {
  type StoryPage = {
    stories: { id: number; month: string; url: string }[];
    total: number;
    limit: number;
    next: { cursor: string; url: string } | null;
  };
  const TAGS = [["respite"], ["transport", "assessment"], ["respite", "assessment"]];
  const COUNCILS = ["E06000001", "E06000002", "W06000001", null];
  const PERSPECTIVES = ["carer", "social_worker", "supported_person", "provider_staff", "carer"];
  let hiddenIds: number[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 40; i++) {
      // Every fifth story shares its time with the one before, and stories share months: newest first
      // is by month, then by (random) id, and the cursor must still be exact.
      const day = new Date(Date.UTC(2025, 0, 1) + (i - (i % 5 === 4 ? 1 : 0)) * 9 * 86_400_000);
      await addStory({
        title: `Story ${i}`,
        body: i % 4 === 0 ? `Respite came late for us, story ${i}.` : `Nothing about breaks in story ${i}.`,
        kind: (["story", "practice_note", "question"] as const)[i % 3],
        council: COUNCILS[i % 4] ?? null,
        perspective: PERSPECTIVES[i % 5],
        tags: TAGS[i % 3],
        arrangements: i % 6 === 0 ? ["dp_employer"] : [],
        publishedAt: day.toISOString(),
      });
    }
    hiddenIds = [
      await addStory({ title: "Respite pending", status: "pending" }),
      await addStory({ title: "Respite removed", status: "removed" }),
      await addStory({ title: "Respite rejected", status: "rejected" }),
    ];
  });

  const published = async (where = "true", params: unknown[] = []) =>
    (
      await sql<{ id: number }>(
        `SELECT p.id FROM post p LEFT JOIN area a ON a.code = p.area_code WHERE p.status = 'published' AND (${where}) ORDER BY date_trunc('month', p.published_at AT TIME ZONE 'Europe/London') DESC, p.id DESC`,
        params,
      )
    ).map((row) => row.id);

  /** Follows next.url from the first page to the last, checking each page's Link header. */
  const walk = (first: string, between?: (page: number) => Promise<void>) =>
    walkStoryPages(first, { maxPages: 49, between });

  it("filters like the stories page, and shows published stories only", async () => {
    const cases: [string, string, unknown[]][] = [
      ["", "true", []],
      ["kind=question", "p.kind = 'question'", []],
      ["council=E06000002", "p.area_code = $1", ["E06000002"]],
      ["region=W92000004", "a.region_code = $1", ["W92000004"]],
      [
        "tag=respite",
        "EXISTS (SELECT 1 FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.post_id = p.id AND t.slug = $1)",
        ["respite"],
      ],
      // A story under its author's name has no public perspective, so the filter never finds it.
      ["perspective=social_worker", "p.author_perspective = 'social_worker' AND p.display_mode = 'anonymous'", []],
      [
        "arrangement=dp_employer",
        "EXISTS (SELECT 1 FROM experience_report r WHERE r.post_id = p.id AND r.support_arrangement = 'dp_employer')",
        [],
      ],
      ["year=2025", "extract(year FROM p.published_at AT TIME ZONE 'Europe/London') = 2025", []],
      [
        "kind=question&tag=assessment&council=E06000001&sort=newest",
        "p.kind = 'question' AND p.area_code = 'E06000001' AND EXISTS (SELECT 1 FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.post_id = p.id AND t.slug = 'assessment')",
        [],
      ],
      ["q=respite&sort=newest", "p.search_vector @@ websearch_to_tsquery('english', 'respite')", []],
    ];
    for (const [query, where, params] of cases) {
      const expected = await published(where, params);
      expect(expected.length, `${query} should match something`).toBeGreaterThan(0);
      const { response, body } = await callApi<StoryPage>(`/api/v1/stories?limit=100&${query}`);
      expect(response.status, query).toBe(200);
      expect(
        body.stories.map((story) => story.id),
        query,
      ).toEqual(expected);
      expect(body.total, query).toBe(expected.length);
      expect(body.limit).toBe(100);
      for (const hidden of hiddenIds) expect(body.stories.map((story) => story.id)).not.toContain(hidden);
    }
  });

  it("walks every page without duplicates or gaps, even as new stories are published", async () => {
    const expected = await published();
    const walked = await walk("/api/v1/stories?limit=7", async (page) => {
      if (page === 2) await addStory({ title: "Published during the walk", publishedAt: new Date().toISOString() });
    });
    expect(walked).toEqual(expected);
    expect(new Set(walked).size).toBe(walked.length);

    // The same, best match first: the relevance cursor carries the rank.
    const matching = await published("p.search_vector @@ websearch_to_tsquery('english', 'respite')");
    const byRelevance = await walk("/api/v1/stories?q=respite&limit=3");
    expect(new Set(byRelevance).size).toBe(byRelevance.length);
    expect([...byRelevance].sort()).toEqual([...matching].sort());
  });

  it("gives 20 a page unless asked, and next links keep the filters", async () => {
    const { body } = await callApi<StoryPage>("/api/v1/stories?tag=respite&kind=story");
    expect(body.limit).toBe(20);
    const all = await callApi<StoryPage>("/api/v1/stories");
    expect(all.body.stories).toHaveLength(20);
    const next = new URL(all.body.next?.url ?? "");
    expect(next.pathname).toBe("/api/v1/stories");
    expect(next.searchParams.get("cursor")).toBe(all.body.next?.cursor);
    const filtered = await callApi<StoryPage>("/api/v1/stories?tag=respite&limit=2");
    const params = new URL(filtered.body.next?.url ?? "").searchParams;
    expect(params.get("tag")).toBe("respite");
    expect(params.get("limit")).toBe("2");
  });

  it("carries the licence, a citation and the search's data package, in the body and the Link header", async () => {
    const { response, body } = await callApi<StoryPage & { licence: string; citation: string; datapackage: string }>(
      "/api/v1/stories?tag=respite&limit=2",
    );
    expect(body.licence).toContain("CC BY 4.0");
    expect(body.citation).toMatch(/^Fifth Option \(\d{4}\)\. Stories tagged “Respite and short breaks”\. Retrieved /);
    expect(body.datapackage).toBe("http://localhost/stories/export/datapackage.json?tag=respite");
    expect(response.headers.get("Link")).toBe(
      `<${body.next?.url}>; rel="next", <${body.datapackage}>; rel="describedby"; type="application/vnd.datapackage+json", <https://creativecommons.org/licenses/by/4.0/>; rel="license"`,
    );
    const tags = await callApi("/api/v1/tags");
    expect(tags.response.headers.get("Link")).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    const outcomes = await callApi<{ datapackage: string }>("/api/v1/outcomes?council=E06000001");
    expect(outcomes.body.datapackage).toBe("http://localhost/outcomes/datapackage.json?council=E06000001");
  });

  it("refuses invalid parameters, naming each one", async () => {
    const many = await callApi<ProblemBody>("/api/v1/stories?kind=essay&year=1999&limit=0");
    expect(many.response.status).toBe(400);
    expect(many.body.errors?.map((error) => error.parameter).sort()).toEqual(["kind", "limit", "year"]);
    expect(many.body.errors).toContainEqual({
      parameter: "kind",
      detail: "Kind must be story, practice_note or question.",
    });
    const cases: [string, string, string][] = [
      ["contry=England", "contry", "Unknown parameter."],
      ["limit=101", "limit", "Limit must be a whole number from 1 to 100 (it was 101)."],
      ["q=respite&q=transport", "q", "Choose one set of search words at a time."],
      [Array.from({ length: 21 }, (_, i) => `year=${2000 + i}`).join("&"), "year", "Choose at most 20 years at a time"],
      ["sort=relevance", "sort", "Sorting by relevance needs search words"],
      ["council=%3F%3F", "council", "Council must be a council's name, such as Havering, or its 9-character ONS code"],
      ["council=Narnia", "council", "No council is called “Narnia”"],
      ["cursor=not*a*cursor", "cursor", "This page link is damaged"],
      [`cursor=${Buffer.from("newest~yesterday~1").toString("base64url")}`, "cursor", "This page link is damaged"],
    ];
    for (const [query, parameter, detail] of cases) {
      const { response, body } = await callApi<ProblemBody>(`/api/v1/stories?${query}`);
      expect(response.status, query).toBe(400);
      expect(body.errors, query).toEqual([{ parameter, detail: expect.stringContaining(detail) }]);
    }
  });

  it("is a 404 naming a filter that names no tag, council or region", async () => {
    const cases: [string, string, string][] = [
      ["tag=no-such-tag", "tag", "There is no tag called “no-such-tag”."],
      ["council=E06999999", "council", "There is no council with the code E06999999."],
      ["region=E12999999", "region", "There is no region with the code E12999999."],
      // Names a plain JavaScript object inherits are no tags either.
      ["tag=constructor", "tag", "There is no tag called “constructor”."],
      ["tag=to-string&tag=constructor", "tag", "There is no tag called “constructor”."],
    ];
    for (const [query, parameter, detail] of cases) {
      const { response, body } = await callApi<ProblemBody>(`/api/v1/stories?${query}`);
      expect(response.status, query).toBe(404);
      expect(body.detail).toBe(detail);
      expect(body.errors).toEqual([{ parameter, detail }]);
    }
  });

  it("never shows who wrote a story, nor when exactly", async () => {
    const author = await withRole("member");
    const id = await addStory({
      title: "Under my own name",
      displayMode: "handle",
      publishedAt: "2031-02-03T04:05:06.789Z",
    });
    await sql(`UPDATE post SET author_id = $1 WHERE id = $2`, [author.id, id]);
    const { body } = await callApi<StoryPage>("/api/v1/stories?limit=1");
    expect(body.stories[0]).toMatchObject({ id, month: "2031-02", url: `http://localhost/stories/${id}` });
    const text = JSON.stringify(body);
    expect(text).not.toContain(author.handle);
    expect(text).not.toMatch(/2031-02-03|04:05/);
  });
});
