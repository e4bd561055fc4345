// The benchmark's scenarios, in one table: what to ask the app, what counts as success, the
// targets, and the FLOOR: the same database work written by hand through `pg`, served as JSON
// by a bare node:http server (floor-server.ts) and driven the same way. The floor receives the
// very same HTTP request as the app and reads its inputs from it in the simplest way.
//
// To add a scenario, add a row here: run.ts measures every row, app and floor, in order.
import { randomBytes, randomUUID } from "node:crypto";

import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type pg from "pg";

import { verifyPassword } from "../../app/server/accounts/password.server";
import type { BenchFixture } from "./bench-data";

export interface BenchContext {
  fixture: BenchFixture;
  /** http://host:port of the app: write requests carry it as Origin, as a browser would. */
  origin: string;
  /** Session tokens of signed-in bench members, for scenarios that need one. */
  sessions: string[];
}

export interface BenchRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FloorInput {
  url: URL;
  form: URLSearchParams;
  sessionToken: string | null;
}

export interface Targets {
  p95Ms: number;
  minRps?: number;
  /** App p95 at most this many times the floor's p95. */
  maxFloorRatio?: number;
}

export interface Scenario {
  name: string;
  kind: "read" | "write";
  /** A page whose cost should not grow with the amount of data (compared by --scale-compare). */
  paged: boolean;
  /** The app's status when all is well: writes answer with a redirect, as to a browser form. */
  expectStatus: number;
  /** Needs signed-in members (run.ts signs some in first). */
  needsSessions: boolean;
  /** Most requests it may send in one run (rate limits allow only so many writes per member). */
  maxRequests?: (ctx: BenchContext) => number;
  targets: Targets;
  request: (ctx: BenchContext, n: number) => BenchRequest;
  floor: (db: pg.Pool, input: FloorInput) => Promise<unknown>;
}

// ---- Floor SQL: what listPublishedPosts, getPostForReader and the actions need, by hand ----

const POST_SUMMARY = `
  p.id, p.kind, p.title, p.body_text, p.display_mode, p.author_perspective, p.published_at,
  u.handle, a.code AS area_code, a.name AS area_name, a.region_name, a.region_code,
  coalesce((SELECT json_agg(json_build_object('slug', t.slug, 'label', t.label) ORDER BY t.sort_order)
            FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.post_id = p.id), '[]') AS tags`;

const FILTERS = {
  none: "",
  council: "AND p.area_code = $2",
  tag: "AND EXISTS (SELECT 1 FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.post_id = p.id AND t.slug = $2)",
} as const;

const listSql = (filter: keyof typeof FILTERS) => `
  SELECT ${POST_SUMMARY}
  FROM post p LEFT JOIN "user" u ON u.id = p.author_id LEFT JOIN area a ON a.code = p.area_code
  WHERE p.status = 'published' ${FILTERS[filter]}
  ORDER BY p.published_at DESC, p.id DESC
  LIMIT $1`;

// The count has no LIMIT parameter, so its filter value is $1.
const countSql = (filter: keyof typeof FILTERS) =>
  `SELECT count(*)::int AS total FROM post p WHERE p.status = 'published' ${FILTERS[filter].replace("$2", "$1")}`;

async function listFloor(db: pg.Pool, filter: keyof typeof FILTERS, perPage: number, value?: string) {
  const label =
    filter === "council"
      ? db.query(`SELECT name FROM area WHERE code = $1`, [value])
      : filter === "tag"
        ? db.query(`SELECT label FROM tag WHERE slug = $1`, [value])
        : null;
  const [rows, total, names] = await Promise.all([
    db.query(listSql(filter), value === undefined ? [perPage + 1] : [perPage + 1, value]),
    db
      .query<{ total: number }>(countSql(filter), value === undefined ? [] : [value])
      .then((r) => r.rows[0]?.total ?? 0),
    label,
  ]);
  return { posts: rows.rows, total, names: names?.rows[0] ?? null };
}

const STORY_SQL = `
  SELECT ${POST_SUMMARY}, p.body_html, p.status, p.author_id, p.moderation_note
  FROM post p LEFT JOIN "user" u ON u.id = p.author_id LEFT JOIN area a ON a.code = p.area_code
  WHERE p.id = $1 AND p.status = 'published'`;
const THREAD_SQL = `
  SELECT c.id, c.parent_id, c.status, c.body_html, c.display_mode, c.author_perspective, c.created_at, c.author_id, u.handle
  FROM comment c LEFT JOIN "user" u ON u.id = c.author_id
  WHERE c.post_id = $1 AND c.status IN ('published', 'removed')
  ORDER BY c.created_at, c.id`;
const REACTIONS_SQL = `SELECT count(*)::int AS count FROM post_reaction WHERE post_id = $1`;

const SIGN_IN_USER_SQL = `SELECT id, password_hash FROM "user" WHERE handle_key = $1`;
const NEW_SESSION_SQL = `INSERT INTO session (id, secret_hash, user_id, expires_at) VALUES ($1, $2, $3, now() + interval '30 days')`;
const ACTIVE_DAY_SQL = `UPDATE "user" SET last_active_on = current_date, days_active = days_active + 1
  WHERE id = $1 AND (last_active_on IS NULL OR last_active_on < current_date)`;

const SESSION_SQL = `SELECT s.secret_hash, s.expires_at, u.id, u.perspective FROM session s JOIN "user" u ON u.id = s.user_id WHERE s.id = $1`;
const NEW_COMMENT_SQL = `
  INSERT INTO comment (post_id, author_id, display_mode, author_perspective, body_markdown, body_html, status, published_at, submission_key)
  SELECT p.id, $2, $3, $4, $5, $6, 'published', now(), $7 FROM post p WHERE p.id = $1 AND p.status = 'published'
  RETURNING id`;
const REPLY_NOTIFICATION_SQL = `
  INSERT INTO notification (user_id, kind, message, link)
  SELECT p.author_id, 'reply', 'Someone replied to your post “' || left(p.title, 400) || '”.', $3
  FROM post p WHERE p.id = $1 AND p.author_id IS NOT NULL AND p.author_id <> $2`;

// ---- Request helpers ----

/** A different client address for every request (the app trusts X-Forwarded-For in the bench). */
const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const pick = <T>(items: readonly T[], n: number): T => {
  const item = items[n % items.length];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
};
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postHeaders = (ctx: BenchContext, n: number, cookie?: string) => ({
  "content-type": "application/x-www-form-urlencoded",
  origin: ctx.origin,
  "x-forwarded-for": clientAddress(n),
  ...(cookie ? { cookie } : {}),
});

// Replies with nothing the identifying-details check would stop to ask about.
const REPLIES = [
  "Thank you for writing this down. We had almost the same review last spring and it helps to know we were not alone.",
  "This is really useful. Did you ask for the reasons for the decision in writing? That made the difference for us.",
  "We went through the same thing with our direct payment. The local carers centre helped us prepare for the meeting.",
  "I am sorry this happened. Our support planner suggested keeping a diary of every missed visit, which helped at the review.",
];

// ---- Floor SQL for search, the dashboards and the API: the queries those pages run, by hand ----

const MATCH = "p.status = 'published' AND p.search_vector @@ websearch_to_tsquery('english', $1)";

async function searchFloor(db: pg.Pool, words: string) {
  const [page, total, facets, tags] = await Promise.all([
    db.query<{ id: number }>(
      `SELECT p.id, ts_rank_cd(p.search_vector, websearch_to_tsquery('english', $1)) AS rank
       FROM post p WHERE ${MATCH} ORDER BY rank DESC, p.id DESC LIMIT 21`,
      [words],
    ),
    db.query(`SELECT count(*)::int AS total FROM post p WHERE ${MATCH}`, [words]),
    db.query(
      `SELECT p.kind::text AS kind, p.author_perspective::text AS perspective, a.code, a.region_code, count(*)::int AS count
       FROM post p LEFT JOIN area a ON a.code = p.area_code WHERE ${MATCH}
       GROUP BY GROUPING SETS ((p.kind), (p.author_perspective), (a.code), (a.region_code))`,
      [words],
    ),
    db.query(
      `SELECT t.slug, count(*)::int AS count FROM post p JOIN post_tag pt ON pt.post_id = p.id JOIN tag t ON t.id = pt.tag_id
       WHERE ${MATCH} GROUP BY t.slug`,
      [words],
    ),
  ]);
  const ids = page.rows.slice(0, 20).map((r) => r.id);
  const [stories, headlines] = await Promise.all([
    db.query(
      `SELECT ${POST_SUMMARY} FROM post p LEFT JOIN "user" u ON u.id = p.author_id LEFT JOIN area a ON a.code = p.area_code WHERE p.id = ANY($1::int[])`,
      [ids],
    ),
    db.query(
      `SELECT p.id, ts_headline('english', p.body_text, websearch_to_tsquery('english', $2), 'MaxFragments=2, MaxWords=20, MinWords=8') AS headline
       FROM post p WHERE p.id = ANY($1::int[])`,
      [ids, words],
    ),
  ]);
  return {
    stories: stories.rows,
    headlines: headlines.rows,
    total: total.rows[0],
    facets: facets.rows,
    tags: tags.rows,
  };
}

const PERIOD = `quarter_start BETWEEN (date_trunc('quarter', now()) - interval '33 months')::date AND date_trunc('quarter', now())::date`;
const COUNCIL_TABLE_KEYS = ["self_led", "peer_led", "planner_led", "council_led", "unknown"]
  .map((l) => `lead:${l}`)
  .concat(
    ["a_lot_better", "a_bit_better", "same", "a_bit_worse", "a_lot_worse", "not_relevant"].map(
      (r) => `outcome:quality-of-life:${r}`,
    ),
  );
const COUNCIL_TABLE_SQL = `
  SELECT s.geo_code AS code, sum(s.reports)::int AS reports,
         ${COUNCIL_TABLE_KEYS.map((_, i) => `coalesce(sum(x.k${i}), 0)::int AS k${i}`).join(", ")}
  FROM outcome_summary s JOIN area a ON a.code = s.geo_code
  CROSS JOIN LATERAL (SELECT ${COUNCIL_TABLE_KEYS.map((key, i) => `r."${key}" AS k${i}`).join(", ")}
                      FROM jsonb_to_record(s.counts) AS r(${COUNCIL_TABLE_KEYS.map((key) => `"${key}" int`).join(", ")})) x
  WHERE s.level = 'area' AND a.nation = $1 AND s.plan_lead = 'all' AND s.perspective = 'all' AND s.${PERIOD}
  GROUP BY s.geo_code`;
const QUARTERS_SQL = `SELECT quarter_start, reports, counts FROM outcome_summary WHERE level = $1 AND geo_code = $2 AND plan_lead = 'all' AND perspective = 'all' AND ${PERIOD}`;
const LEADS_SQL = `SELECT plan_lead, quarter_start, reports, counts FROM outcome_summary WHERE level = $1 AND geo_code = $2 AND plan_lead <> 'all' AND perspective = 'all' AND ${PERIOD}`;

async function nationFloor(db: pg.Pool, nation: string) {
  const [councils, table, quarters] = await Promise.all([
    db.query(`SELECT code, name, region_code, region_name FROM area WHERE nation = $1 ORDER BY name`, [nation]),
    db.query(COUNCIL_TABLE_SQL, [nation]),
    db.query(QUARTERS_SQL, ["nation", nation]),
  ]);
  return { councils: councils.rows, table: table.rows, quarters: quarters.rows };
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

async function storyFloor(db: pg.Pool, url: URL) {
  const id = Number(url.pathname.split("/")[2]);
  const [post, thread, reactions] = await Promise.all([
    db.query(STORY_SQL, [id]),
    db.query(THREAD_SQL, [id]),
    db.query(REACTIONS_SQL, [id]),
  ]);
  return { post: post.rows[0], comments: thread.rows, reactions: reactions.rows[0] };
}

async function councilDashboardFloor(db: pg.Pool, url: URL) {
  const code = url.pathname.split("/")[2] ?? "";
  const council = (
    await db.query<{ region_code: string; nation: string }>(
      `SELECT code, name, region_code, region_name, nation FROM area WHERE code = $1`,
      [code],
    )
  ).rows[0];
  if (!council) return null;
  const [nation, own, leads, region, wider] = await Promise.all([
    nationFloor(db, council.nation),
    db.query(QUARTERS_SQL, ["area", code]),
    db.query(LEADS_SQL, ["area", code]),
    db.query(QUARTERS_SQL, ["region", council.region_code]),
    db.query(QUARTERS_SQL, ["nation", council.nation]),
  ]);
  return { council, table: nation.table, own: own.rows, leads: leads.rows, region: region.rows, nation: wider.rows };
}

/** A member's page: the session looked up beside the page's own queries. */
async function withSession(db: pg.Pool, { sessionToken }: FloorInput, page: Promise<unknown>) {
  const [session, figures] = await Promise.all([db.query(SESSION_SQL, [(sessionToken ?? "").split(".")[0]]), page]);
  return { session: session.rows[0] !== undefined, page: figures };
}

/** The stories list filtered by one council or tag, signed out. */
function filteredList(name: string, filter: "council" | "tag", value: (ctx: BenchContext) => string): Scenario {
  return {
    name,
    kind: "read",
    paged: true,
    expectStatus: 200,
    needsSessions: false,
    targets: { p95Ms: 100 },
    request: (ctx) => ({ method: "GET", path: `/stories?${filter}=${value(ctx)}`, headers: {} }),
    floor: (db, { url }) => listFloor(db, filter, 20, url.searchParams.get(filter) ?? ""),
  };
}

/** The same page for a signed-in member: the session sent with every request and looked up by the floor. */
function signedIn(page: Scenario, targets = page.targets): Scenario {
  return {
    ...page,
    name: `${page.name} (signed in)`,
    needsSessions: true,
    targets,
    request: (ctx, n) => {
      const request = page.request(ctx, n);
      return { ...request, headers: { ...request.headers, cookie: `session=${pick(ctx.sessions, n)}` } };
    },
    floor: (db, input) => withSession(db, input, page.floor(db, input)),
  };
}

const STORY: Scenario = {
  name: "story with 50 replies",
  kind: "read",
  paged: true,
  expectStatus: 200,
  needsSessions: false,
  targets: { p95Ms: 100, minRps: 300, maxFloorRatio: 3 },
  request: (ctx, n) => ({ method: "GET", path: `/stories/${pick(ctx.fixture.storyPages, n)}`, headers: {} }),
  floor: (db, { url }) => storyFloor(db, url),
};

const COUNCIL_DASHBOARD: Scenario = {
  name: "council dashboard",
  kind: "read",
  paged: false,
  expectStatus: 200,
  needsSessions: false,
  targets: { p95Ms: 150, maxFloorRatio: 3 },
  request: (ctx) => ({ method: "GET", path: `/outcomes/${ctx.fixture.busyCouncil.code}`, headers: {} }),
  floor: (db, { url }) => councilDashboardFloor(db, url),
};

export const SCENARIOS: Scenario[] = [
  {
    name: "home page",
    kind: "read",
    paged: true,
    expectStatus: 200,
    needsSessions: false,
    targets: { p95Ms: 100, minRps: 300, maxFloorRatio: 3 },
    request: () => ({ method: "GET", path: "/", headers: {} }),
    floor: (db) => listFloor(db, "none", 10),
  },
  STORY,
  // Members never get a kept page (app/server/http/page-cache.server.ts): this is the full cost of
  // rendering the thread, with the session checked, for every request.
  signedIn(STORY, { p95Ms: 100, maxFloorRatio: 3 }),
  filteredList("council list", "council", (ctx) => ctx.fixture.busyCouncil.code),
  filteredList("tag list", "tag", (ctx) => ctx.fixture.tag.slug),
  {
    name: "search",
    kind: "read",
    paged: true,
    expectStatus: 200,
    needsSessions: false,
    targets: { p95Ms: 100, maxFloorRatio: 3 },
    request: (ctx) => ({
      method: "GET",
      path: `/stories?q=${encodeURIComponent(ctx.fixture.searchWord.word)}`,
      headers: {},
    }),
    floor: (db, { url }) => searchFloor(db, url.searchParams.get("q") ?? ""),
  },
  {
    name: "national dashboard",
    kind: "read",
    paged: false,
    expectStatus: 200,
    needsSessions: false,
    targets: { p95Ms: 150, maxFloorRatio: 3 },
    request: () => ({ method: "GET", path: "/outcomes", headers: {} }),
    floor: async (db) => Promise.all(["England", "Scotland", "Wales"].map((nation) => nationFloor(db, nation))),
  },
  COUNCIL_DASHBOARD,
  signedIn(COUNCIL_DASHBOARD),
  {
    name: "API stories page",
    kind: "read",
    paged: true,
    expectStatus: 200,
    needsSessions: false,
    targets: { p95Ms: 100, maxFloorRatio: 3 },
    // Each request from its own client address: the API's limit is 60 a minute per client.
    request: (_ctx, n) => ({
      method: "GET",
      path: "/api/v1/stories",
      headers: { "X-Forwarded-For": clientAddress(n) },
    }),
    floor: (db) => listFloor(db, "none", 20),
  },
  {
    // Successful sign-ins are never rate-limited, but failures are, per handle and per client;
    // many members and a client address per request keep a slip-up from turning into 429s.
    name: "sign in",
    kind: "write",
    paged: false,
    expectStatus: 302,
    needsSessions: false,
    targets: { p95Ms: 150 },
    request: (ctx, n) => ({
      method: "POST",
      path: "/sign-in",
      headers: postHeaders(ctx, n),
      body: form({ handle: pick(ctx.fixture.members, n), password: ctx.fixture.password, redirectTo: "/" }),
    }),
    // The floor pays for the same argon2id verification: it is most of the cost, by design.
    floor: async (db, { form }) => {
      const user = (
        await db.query<{ id: number; password_hash: string }>(SIGN_IN_USER_SQL, [
          (form.get("handle") ?? "").toLowerCase(),
        ])
      ).rows[0];
      if (!user || !(await verifyPassword(user.password_hash, form.get("password") ?? ""))) return { ok: false };
      const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
      const secret = encodeBase32LowerCaseNoPadding(randomBytes(15));
      await db.query(NEW_SESSION_SQL, [id, Buffer.from(sha256(new TextEncoder().encode(secret))), user.id]);
      await db.query(ACTIVE_DAY_SQL, [user.id]);
      return { ok: true, token: `${id}.${secret}` };
    },
  },
  {
    name: "reply to a story",
    kind: "write",
    paged: false,
    expectStatus: 302,
    needsSessions: true,
    // Members may write 30 times in 10 minutes; leave room for the warm-up.
    maxRequests: (ctx) => ctx.sessions.length * 25,
    targets: { p95Ms: 150 },
    request: (ctx, n) => ({
      method: "POST",
      path: `/stories/${pick(ctx.fixture.replyTargets, n)}`,
      headers: postHeaders(ctx, n, `session=${pick(ctx.sessions, n)}`),
      body: form({ submissionKey: randomUUID(), body: pick(REPLIES, n), displayMode: "anonymous" }),
    }),
    floor: async (db, { url, form, sessionToken }) => {
      const [id, secret] = (sessionToken ?? "").split(".");
      const session = (await db.query<{ secret_hash: Buffer; id: number; perspective: string }>(SESSION_SQL, [id]))
        .rows[0];
      if (
        !session ||
        !secret ||
        !constantTimeEqual(sha256(new TextEncoder().encode(secret)), new Uint8Array(session.secret_hash))
      ) {
        return { ok: false };
      }
      const postId = Number(url.pathname.split("/")[2]);
      const body = form.get("body") ?? "";
      const client = await db.connect();
      try {
        await client.query("BEGIN");
        const comment = await client.query(NEW_COMMENT_SQL, [
          postId,
          session.id,
          form.get("displayMode"),
          session.perspective,
          body,
          `<p>${escapeHtml(body)}</p>`,
          form.get("submissionKey"),
        ]);
        await client.query(REPLY_NOTIFICATION_SQL, [
          postId,
          session.id,
          `/stories/${postId}#comment-${comment.rows[0]?.id}`,
        ]);
        await client.query("COMMIT");
        return { ok: true, id: comment.rows[0]?.id };
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  },
];
