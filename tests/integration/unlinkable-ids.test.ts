// The unlinkable_ids migration on a database that already has posts: every post and reply gets a
// random id, everything that pointed at them follows, and new rows get random ids too.
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from "~/server/db/migrations.server";

import { createDatabaseFromTemplate } from "../support/databases";

const MIGRATION = "20261206160000_unlinkable_ids";
const adminUrl = inject("databaseAdminUrl");
const copies: string[] = [];
afterAll(async () => {
  for (const dir of copies) await rm(dir, { recursive: true, force: true });
});

describe("the unlinkable_ids migration", () => {
  it("renumbers existing posts and replies at random, keeping every reference and notification link", async () => {
    const before = await mkdtemp(path.join(os.tmpdir(), "fifth-option-before-ids-"));
    copies.push(before);
    await cp(DEFAULT_MIGRATIONS_DIR, before, { recursive: true });
    const later = (await readMigrations()).filter((m) => m.name >= MIGRATION);
    expect(later[0]?.name).toBe(MIGRATION);
    for (const migration of later) await rm(path.join(before, migration.name), { recursive: true });

    const url = await createDatabaseFromTemplate(adminUrl, null);
    await applyMigrations(url, before);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const q = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
        (await db.query<T>(text, params)).rows;
      await q(`INSERT INTO area VALUES ('E06000001','Hartlepool','unitary','E12000001','North East','England')`);
      await q(`INSERT INTO tag (slug, label, "group") VALUES ('respite', 'Respite', 'topic')`);
      await q(
        `INSERT INTO "user" (handle, handle_key, password_hash, perspective) VALUES ('someone', 'someone', 'x', 'carer')`,
      );
      for (let i = 1; i <= 12; i++) {
        await q(
          `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, published_at, area_code)
           VALUES ('story', $1, 'b', '<p>b</p>', 'b', 1, 'carer', 'published', now(), 'E06000001')`,
          [`Post ${i}`],
        );
      }
      await q(`INSERT INTO post_tag (post_id, tag_id) SELECT id, 1 FROM post`);
      await q(`INSERT INTO post_revision (post_id, title, body_markdown) SELECT id, title, 'old' FROM post`);
      await q(
        `INSERT INTO comment (post_id, author_id, author_perspective, body_markdown, body_html, status) SELECT id, 1, 'carer', 'c', '<p>c</p>', 'published' FROM post`,
      );
      await q(
        `INSERT INTO comment (post_id, parent_id, author_id, author_perspective, body_markdown, body_html, status) SELECT post_id, id, 1, 'carer', 'r', '<p>r</p>', 'published' FROM comment`,
      );
      await q(`INSERT INTO post_reaction (post_id, user_id) SELECT id, 1 FROM post`);
      await q(
        `INSERT INTO flag (comment_id, flagger_id, reason) SELECT id, 1, 'spam' FROM comment WHERE parent_id IS NOT NULL`,
      );
      await q(
        `INSERT INTO notification (user_id, kind, message, link)
         SELECT 1, 'reply', 'A reply to ' || p.title || '/' || c.body_markdown, '/stories/' || p.id || '#comment-' || c.id FROM comment c JOIN post p ON p.id = c.post_id
         UNION ALL SELECT 1, 'post.approve', 'Approved ' || p.title, '/stories/' || p.id FROM post p
         UNION ALL SELECT 1, 'other', 'Elsewhere', '/settings'`,
      );
      const facts = `SELECT p.title, c.body_markdown, pc.body_markdown AS parent, n.message, n.link,
                            (SELECT count(*) FROM post_tag pt WHERE pt.post_id = p.id)::int AS tags,
                            (SELECT count(*) FROM post_revision r WHERE r.post_id = p.id)::int AS revisions,
                            (SELECT count(*) FROM post_reaction r WHERE r.post_id = p.id)::int AS reactions,
                            (SELECT count(*) FROM flag f WHERE f.comment_id = c.id)::int AS flags
                     FROM notification n
                     LEFT JOIN post p ON n.link LIKE '/stories/' || p.id || '%' AND (n.link = '/stories/' || p.id OR n.link LIKE '/stories/' || p.id || '#%')
                     LEFT JOIN comment c ON n.link = '/stories/' || p.id || '#comment-' || c.id
                     LEFT JOIN comment pc ON pc.id = c.parent_id
                     ORDER BY n.message`;
      const oldIds = (await q<{ id: number }>(`SELECT id FROM post ORDER BY id`)).map((r) => r.id);
      expect(oldIds).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const shape = (rows: Record<string, unknown>[]) =>
        rows.map(
          ({ link, ...rest }) => ({ ...rest, kind: String(link).replace(/\d+/g, "N") }) as Record<string, unknown>,
        );
      const beforeFacts = shape(await q(facts));

      const result = await applyMigrations(url);
      expect(result.applied).toEqual(later.map((m) => m.name));

      const newIds = (await q<{ id: number }>(`SELECT id FROM post ORDER BY title`)).map((r) => r.id);
      expect(newIds.filter((id) => id <= 12)).toEqual([]);
      expect(new Set(newIds).size).toBe(12);
      const commentIds = (await q<{ id: number }>(`SELECT id FROM comment`)).map((r) => r.id);
      expect(commentIds.filter((id) => id <= 24)).toEqual([]);
      // Every notification still leads to the same post and reply, and nothing came loose.
      expect(shape(await q(facts))).toEqual(beforeFacts);
      expect(beforeFacts.filter((row) => row.title !== null)).toHaveLength(36);
      expect(await q(`SELECT link FROM notification WHERE message = 'Elsewhere'`)).toEqual([{ link: "/settings" }]);

      // New rows take random ids, and the old sequences are gone.
      const [fresh] = await q<{ id: number }>(
        `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective) VALUES ('story', 'New', 'b', '<p>b</p>', 'b', 'carer') RETURNING id`,
      );
      expect(fresh?.id).toBeGreaterThan(1000);
      expect(await q(`SELECT relname FROM pg_class WHERE relname IN ('post_id_seq', 'comment_id_seq')`)).toEqual([]);
    } finally {
      await db.end();
    }
  });
});
