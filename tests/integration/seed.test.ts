import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildDemoCommunity, DEMO_SEED } from "../../prisma/seed/demo-community";
import { seedDemoCommunity } from "../../prisma/seed/demo";
import { readCouncils, seedReferenceData } from "../../prisma/seed/reference";
import { starterTags } from "~/domain/taxonomy";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

const count = async (table: string) => Number((await client.query(`SELECT count(*) FROM "${table}"`)).rows[0].count);

describe("reference data", () => {
  it("loads every council and the whole taxonomy, and running it again changes nothing", async () => {
    const first = await seedReferenceData(client);
    expect(first.councils).toBe(207);
    const before = { areas: await count("area"), tags: await count("tag") };
    await seedReferenceData(client);
    expect({ areas: await count("area"), tags: await count("tag") }).toEqual(before);
    expect(before.areas).toBe(207);
    expect(before.tags).toBe(starterTags().length);
    const nations = (await client.query(`SELECT nation, count(*)::int AS n FROM area GROUP BY nation ORDER BY nation`))
      .rows;
    expect(nations).toEqual([
      { nation: "England", n: 153 },
      { nation: "Scotland", n: 32 },
      { nation: "Wales", n: 22 },
    ]);
  });

  it("reads the councils file with its quoted names intact", async () => {
    const councils = await readCouncils();
    expect(councils.every((c) => /^[ESW]\d{8}$/.test(c.code))).toBe(true);
    expect(new Set(councils.map((c) => c.code)).size).toBe(councils.length);
  });
});

describe("demo community", () => {
  it("loads once: running it again adds nothing", async () => {
    const first = await seedDemoCommunity(client);
    expect(first.created).toBe(true);
    const counts = async () => ({
      users: await count("user"),
      posts: await count("post"),
      comments: await count("comment"),
      reports: await count("experience_report"),
    });
    const after = await counts();
    expect(after.users).toBeGreaterThanOrEqual(30);
    expect(after.posts).toBeGreaterThanOrEqual(230);
    expect(after.comments).toBeGreaterThanOrEqual(200);
    expect(after.reports).toBeGreaterThanOrEqual(300);
    const kinds = Object.fromEntries(
      (
        await client.query<{ kind: string; n: number }>(
          `SELECT kind, count(*)::int AS n FROM post WHERE status = 'published' GROUP BY kind`,
        )
      ).rows.map((row) => [row.kind, row.n]),
    );
    expect(kinds.story).toBeGreaterThanOrEqual(150);
    expect(kinds.question).toBeGreaterThanOrEqual(40);
    expect(kinds.practice_note).toBeGreaterThanOrEqual(40);
    // The threads' features are there too: chosen answers (published, on their own question),
    // "This helped me", questions still waiting for an answer, and something for the moderators.
    const [threads] = (
      await client.query(
        `SELECT (SELECT count(*)::int FROM post p JOIN comment c ON c.id = p.answer_comment_id AND c.post_id = p.id
                  WHERE p.kind = 'question' AND c.status = 'published') AS answers,
                (SELECT count(*)::int FROM comment_helpful) AS helped,
                (SELECT count(*)::int FROM comment WHERE parent_id IS NOT NULL) AS replies_to_replies,
                (SELECT count(*)::int FROM post p WHERE p.kind = 'question' AND p.status = 'published'
                  AND NOT EXISTS (SELECT 1 FROM comment c WHERE c.post_id = p.id)) AS unanswered,
                (SELECT count(*)::int FROM post WHERE status = 'pending')
                  + (SELECT count(*)::int FROM comment WHERE status = 'pending') AS waiting,
                (SELECT count(*)::int FROM flag WHERE resolved_at IS NULL) AS flags`,
      )
    ).rows;
    expect(threads.answers).toBeGreaterThanOrEqual(10);
    expect(threads.helped).toBeGreaterThan(50);
    expect(threads.replies_to_replies).toBeGreaterThanOrEqual(15);
    expect(threads.unanswered).toBeGreaterThanOrEqual(3);
    expect(threads.waiting).toBeGreaterThanOrEqual(4);
    expect(threads.flags).toBeGreaterThanOrEqual(2);
    const second = await seedDemoCommunity(client);
    expect(second.created).toBe(false);
    expect(await counts()).toEqual(after);
  });

  it("has every perspective and role, many councils, and no real-looking details", async () => {
    const community = buildDemoCommunity({
      seed: DEMO_SEED,
      areaCodes: (await readCouncils()).map((c) => c.code),
      today: new Date("2026-11-22"),
    });
    expect(new Set(community.users.map((u) => u.perspective)).size).toBe(8);
    expect(new Set(community.users.map((u) => u.role))).toEqual(
      new Set(["member", "moderator", "researcher", "admin"]),
    );
    expect(new Set(community.reports.map((r) => r.areaCode)).size).toBeGreaterThan(20);
    const text = [
      ...community.posts.map((p) => `${p.title} ${p.bodyMarkdown}`),
      ...community.comments.map((c) => c.bodyMarkdown),
    ].join("\n");
    expect(text).not.toMatch(/@|\b\d{5,}\b|\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b/);
    for (const report of community.reports) expect(report.quarterStart < "2026-10-01").toBe(true);
  });

  it("gives demo accounts passwords nobody knows", async () => {
    const rows = (await client.query(`SELECT password_hash FROM "user"`)).rows as { password_hash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
