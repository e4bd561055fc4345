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
    expect(after.posts).toBeGreaterThanOrEqual(200);
    expect(after.comments).toBeGreaterThanOrEqual(300);
    expect(after.reports).toBeGreaterThanOrEqual(300);
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
