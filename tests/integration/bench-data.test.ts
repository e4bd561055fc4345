// The benchmark data generator, at a tiny scale on this file's own database: the data must be
// consistent (it is loaded with foreign keys and triggers off), usable by the app itself, and the
// floor queries must see what the pages see.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { handleProblem } from "~/domain/accounts/handle";
import { renderMarkdown } from "~/domain/markdown/render";
import { recentQuarters } from "~/domain/reports/report-input";
import { hashPassword } from "~/server/accounts/password.server";
import { createComment } from "~/server/posts/write.server";

import {
  BENCH_PASSWORD,
  type BenchDataResult,
  generateBenchData,
  readBenchFixture,
  WELL_KNOWN_REPLIES,
} from "../bench/bench-data";
import { SCENARIOS } from "../bench/scenarios";
import { send, uniqueClientAddress } from "../support/remix";
import { sql } from "../support/sql";

const TODAY = new Date("2026-11-20T12:00:00Z");
let result: BenchDataResult;

beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    result = await generateBenchData(client, {
      scale: 0.002,
      passwordHash: await hashPassword(BENCH_PASSWORD),
      today: TODAY,
    });
  } finally {
    await client.end();
  }
}, 120_000);

const floorDb = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
afterAll(() => floorDb.end());

const count = async (text: string, params: unknown[] = []) => Number((await sql<{ n: string }>(text, params))[0]?.n);

describe("benchmark data", () => {
  it("has every count multiplied by the scale", async () => {
    expect(await count(`SELECT count(*) AS n FROM "user"`)).toBe(100);
    expect(await count(`SELECT count(*) AS n FROM post`)).toBe(200);
    expect(await count(`SELECT count(*) AS n FROM experience_report`)).toBe(400);
    const comments = await count(`SELECT count(*) AS n FROM comment`);
    expect(comments).toBeGreaterThan(1_800);
    expect(comments).toBeLessThan(2_200);
    expect(result.counts.comments).toBe(comments);
    const published = await count(`SELECT count(*) AS n FROM post WHERE status = 'published'`);
    expect(published / 200).toBeGreaterThan(0.8);
    expect(published / 200).toBeLessThan(0.97);
  });

  it("gives the bench stories with exactly 50 published replies, a few of them replies to replies", async () => {
    const { storyPages, replyTargets } = result.fixture;
    expect(storyPages.length).toBeGreaterThan(0);
    for (const id of [...storyPages, ...replyTargets]) {
      const [row] = await sql<{ kind: string; status: string; published: string; all: string; replies: string }>(
        `SELECT p.kind, p.status, count(*) FILTER (WHERE c.status = 'published') AS published, count(c.id) AS all,
                count(*) FILTER (WHERE c.parent_id IS NOT NULL) AS replies
         FROM post p LEFT JOIN comment c ON c.post_id = p.id WHERE p.id = $1 GROUP BY p.id`,
        [id],
      );
      expect(row).toMatchObject({
        kind: "story",
        status: "published",
        published: String(WELL_KNOWN_REPLIES),
        all: String(WELL_KNOWN_REPLIES),
      });
      expect(Number(row?.replies)).toBeGreaterThan(0);
    }
  });

  it("leaves no reference dangling, and replies only ever answer an earlier top-level reply on the same post", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM post p LEFT JOIN "user" u ON u.id = p.author_id WHERE u.id IS NULL`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM comment c LEFT JOIN post p ON p.id = c.post_id WHERE p.id IS NULL OR p.status <> 'published'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM comment c JOIN comment parent ON parent.id = c.parent_id
         WHERE parent.post_id <> c.post_id OR parent.parent_id IS NOT NULL OR parent.id > c.id OR parent.created_at > c.created_at`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM comment c LEFT JOIN comment parent ON parent.id = c.parent_id WHERE c.parent_id IS NOT NULL AND parent.id IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM post_tag pt LEFT JOIN tag t ON t.id = pt.tag_id LEFT JOIN post p ON p.id = pt.post_id WHERE t.id IS NULL OR p.id IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM experience_report r LEFT JOIN area a ON a.code = r.area_code WHERE a.code IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM experience_report r JOIN post p ON p.id = r.post_id WHERE p.kind <> 'story' OR p.author_id <> r.author_id`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM experience_report WHERE post_id IS NOT NULL`)).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM flag f LEFT JOIN "user" u ON u.id = f.flagger_id WHERE u.id IS NULL OR (f.post_id IS NULL) = (f.comment_id IS NULL)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM post_reaction r LEFT JOIN "user" u ON u.id = r.user_id WHERE u.id IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM post WHERE published_at < created_at OR (status IN ('pending', 'rejected') AND published_at IS NOT NULL)`,
      ),
    ).toBe(0);
  });

  it("stores exactly the HTML and text the app's renderer makes from each body", async () => {
    const posts = await sql<{ body_markdown: string; body_html: string; body_text: string }>(
      `SELECT body_markdown, body_html, body_text FROM post`,
    );
    for (const post of posts) {
      expect(renderMarkdown(post.body_markdown)).toEqual({ html: post.body_html, text: post.body_text });
      expect(post.body_markdown.length).toBeGreaterThanOrEqual(800);
      expect(post.body_markdown.length).toBeLessThan(3_400);
    }
    const comments = await sql<{ body_markdown: string; body_html: string }>(
      `SELECT body_markdown, body_html FROM comment`,
    );
    for (const comment of comments) expect(renderMarkdown(comment.body_markdown).html).toBe(comment.body_html);
  });

  it("gives handles that pass the sign-up rules, and a password that signs in through the app", async () => {
    const users = await sql<{ handle: string; handle_key: string }>(`SELECT handle, handle_key FROM "user"`);
    for (const user of users) {
      expect(user.handle_key).toBe(user.handle.toLowerCase());
      expect(handleProblem(user.handle)).toBeNull();
    }
    const response = await send("/sign-in", {
      form: { handle: result.fixture.members[0] ?? "", password: BENCH_PASSWORD, redirectTo: "/" },
      clientAddress: uniqueClientAddress(),
    });
    expect(response.status).toBe(302);
  });

  it("spreads reports over every council's last 12 quarters, with rates and hours in the form's steps", async () => {
    const quarters = (
      await sql<{ q: string }>(
        `SELECT DISTINCT to_char(quarter_start, 'YYYY-MM-DD') AS q FROM experience_report ORDER BY q DESC`,
      )
    ).map((r) => r.q);
    expect(quarters).toEqual(recentQuarters(TODAY, 12).map((q) => q.start));
    const [rates] = await sql<{ total: string; outside: string; fives: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE hourly_rate_pence NOT BETWEEN 1000 AND 3000) AS outside,
              count(*) FILTER (WHERE hourly_rate_pence % 5 = 0) AS fives
       FROM experience_report WHERE hourly_rate_pence IS NOT NULL`,
    );
    expect(Number(rates?.outside)).toBe(0);
    expect(Number(rates?.fives) / Number(rates?.total)).toBeGreaterThan(0.85);
    expect(
      await count(
        `SELECT count(*) AS n FROM experience_report WHERE paid_hours_per_week NOT BETWEEN 0 AND 80 OR paid_hours_per_week * 2 <> round(paid_hours_per_week * 2)`,
      ),
    ).toBe(0);
    const outcomes = await sql<{ perspective: string; n: string }>(
      `SELECT r.perspective, count(o.domain) AS n FROM experience_report r JOIN report_outcome o ON o.report_id = r.id GROUP BY r.id`,
    );
    expect(outcomes).toHaveLength(400);
    for (const row of outcomes) expect(Number(row.n)).toBe(row.perspective === "carer" ? 15 : 12);
  });

  it("rebuilds the outcome summary from every report", async () => {
    expect(
      await count(
        `SELECT sum(reports) AS n FROM outcome_summary WHERE level = 'nation' AND plan_lead = 'all' AND perspective = 'all'`,
      ),
    ).toBe(400);
    expect(
      await count(
        `SELECT sum(reports) AS n FROM outcome_summary WHERE level = 'area' AND plan_lead = 'self_led' AND perspective = 'all'`,
      ),
    ).toBe(await count(`SELECT count(*) AS n FROM experience_report WHERE plan_lead = 'self_led'`));
  });

  it("leaves the sequences past the loaded ids, so the app can keep writing", async () => {
    const member = await sql<{ id: number; trust_level: number; perspective: string }>(
      `SELECT id, trust_level, perspective FROM "user" WHERE handle = $1`,
      [result.fixture.members[0]],
    );
    const [author] = member;
    if (!author) throw new Error("no bench member");
    const target = result.fixture.replyTargets[0] ?? 0;
    const before = await count(`SELECT count(*) AS n FROM comment`);
    const reply = await createComment(
      { id: author.id, trustLevel: author.trust_level, perspective: author.perspective },
      {
        postId: target,
        parentId: null,
        body: "Thank you for sharing this.",
        displayMode: "anonymous",
        keptFindings: [],
      },
      crypto.randomUUID(),
    );
    expect(reply).toMatchObject({ status: "published", duplicate: false });
    // Reply ids are random (random_row_id), so the new one is simply a fresh, unused id.
    expect(reply.id).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM comment WHERE id = $1`, [reply.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM comment`)).toBe(before + 1);
  });

  it("records what the bench needs, and the floor queries see what the pages count", async () => {
    const fixture = await readBenchFixture(floorDb);
    expect(fixture).toEqual(result.fixture);
    const { busyCouncil, tag, searchWord } = result.fixture;
    expect(busyCouncil.publishedPosts).toBe(
      await count(`SELECT count(*) AS n FROM post WHERE status = 'published' AND area_code = $1`, [busyCouncil.code]),
    );
    expect(tag.publishedPosts).toBeGreaterThan(0);
    expect(searchWord.publishedStories).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM "user" WHERE handle = ANY($1) AND (trust_level < 1 OR role <> 'member')`, [
        result.fixture.members,
      ]),
    ).toBe(0);

    const floor = (name: string) => {
      const scenario = SCENARIOS.find((s) => s.name === name);
      if (!scenario) throw new Error(`no scenario ${name}`);
      return scenario;
    };
    const input = (path: string) => ({
      url: new URL(path, "http://floor"),
      form: new URLSearchParams(),
      sessionToken: null,
    });
    const home = (await floor("home page").floor(floorDb, input("/"))) as { posts: unknown[]; total: number };
    expect(home.posts).toHaveLength(11);
    expect(home.total).toBe(await count(`SELECT count(*) AS n FROM post WHERE status = 'published'`));
    const story = (await floor("story with 50 replies").floor(
      floorDb,
      input(`/stories/${result.fixture.storyPages[0]}`),
    )) as { comments: unknown[] };
    expect(story.comments).toHaveLength(WELL_KNOWN_REPLIES);
    const council = (await floor("council list").floor(floorDb, input(`/stories?council=${busyCouncil.code}`))) as {
      total: number;
    };
    expect(council.total).toBe(busyCouncil.publishedPosts);
    const tagged = (await floor("tag list").floor(floorDb, input(`/stories?tag=${tag.slug}`))) as { total: number };
    expect(tagged.total).toBe(tag.publishedPosts);
  });
});
