import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, inject, it } from "vitest";

import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  migrationChecksum,
  MigrationError,
  readMigrations,
  SCHEMA_SNAPSHOT,
} from "~/server/db/migrations.server";

import { applyMigrationsWithPrismaEngine, diffSchemas } from "../../prisma/schema-engine";
import { describeSchema } from "../support/catalog";
import { createDatabaseFromTemplate, queryOnce as query } from "../support/databases";

const adminUrl = inject("databaseAdminUrl");
const emptyDatabase = () => createDatabaseFromTemplate(adminUrl, null);

const copies: string[] = [];
afterAll(async () => {
  for (const dir of copies) await rm(dir, { recursive: true, force: true });
});

async function copyOfMigrations() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "fifth-option-migrations-"));
  copies.push(dir);
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migrations", () => {
  it("apply to an empty database, then find nothing pending the second time", async () => {
    const url = await emptyDatabase();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await applyMigrations(url);
    expect(first.applied).toEqual(migrations.map((m) => m.name));

    const before = await describeSchema(url);
    const second = await applyMigrations(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(migrations.map((m) => m.name));
    expect(await describeSchema(url)).toEqual(before);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[index]?.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  it("leave the database exactly as Prisma's own migrate deploy expects", async () => {
    const ours = await emptyDatabase();
    await applyMigrations(ours);
    // Prisma's engine, run against our database, finds nothing to do ...
    expect(await applyMigrationsWithPrismaEngine(DEFAULT_MIGRATIONS_DIR, ours)).toEqual([]);

    // ... and when Prisma migrates a fresh database itself, it records the same checksums.
    const theirs = await emptyDatabase();
    const applied = await applyMigrationsWithPrismaEngine(DEFAULT_MIGRATIONS_DIR, theirs);
    expect(applied.length).toBeGreaterThan(0);
    const checksums = async (url: string) =>
      query<{ migration_name: string; checksum: string }>(
        url,
        `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
      );
    expect(await checksums(theirs)).toEqual(await checksums(ours));
    expect(await describeSchema(theirs)).toEqual(await describeSchema(ours));
  });

  it("refuse to run when an applied migration's file has changed", async () => {
    const dir = await copyOfMigrations();
    const url = await emptyDatabase();
    await applyMigrations(url, dir);
    const [first] = await readMigrations(dir);
    if (!first) throw new Error("no migrations");
    const file = path.join(dir, first.name, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited after the fact\n`);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("roll back a failing migration completely and record nothing", async () => {
    const dir = await copyOfMigrations();
    const url = await emptyDatabase();
    await applyMigrations(url, dir);
    const broken = path.join(dir, "99990101000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n`,
    );
    const error = await applyMigrations(url, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/99990101000000_broken failed and was rolled back/);
    const tables = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toHaveLength(0);
    const recorded = await query(
      url,
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
    );
    expect(recorded).toHaveLength(0);
  });

  it("compute Prisma's checksum (SHA-256 of the file, hex)", () => {
    expect(migrationChecksum("SELECT 1;\n")).toBe("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd");
  });
});

/** The CREATE FUNCTION statement for a function written by hand in one of the migrations. */
async function handWrittenFunction(name: string): Promise<string> {
  for (const migration of await readMigrations()) {
    const found = new RegExp(`CREATE FUNCTION "${name}"[\\s\\S]*?\\n';`).exec(migration.sql);
    if (found) return found[0];
  }
  throw new Error(`no migration creates the function ${name}`);
}

/**
 * Partial, covering and expression indexes (decision 044): Prisma's schema language cannot express
 * them, so they are written by hand in a migration and checked here by name.
 */
const HAND_WRITTEN_INDEXES = [
  "comment_published_post_idx",
  "experience_report_post_arrangement_idx",
  "post_published_id_idx",
  "post_published_newest_idx",
  "post_published_place_idx",
];

describe("schema drift", () => {
  it("prisma/schema.prisma and the migrations describe the same database", async () => {
    const migrated = await emptyDatabase();
    await applyMigrations(migrated);

    const fromSchema = await emptyDatabase();
    const schema = await readFile(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
    const sql = await diffSchemas(null, schema, fromSchema);
    // Post and reply ids default to random_row_id(), which Prisma's schema language can name but
    // not define: it is written by hand in a migration, so it is created first here.
    await query(fromSchema, await handWrittenFunction("random_row_id"));
    await query(fromSchema, sql);

    const expected = await describeSchema(fromSchema);
    const actual = await describeSchema(migrated);
    // Prisma cannot express triggers, so the hand-written ones are checked separately below.
    expect(actual.columns).toEqual(expected.columns);
    const byHand = (index: { indexname: string }) => HAND_WRITTEN_INDEXES.includes(index.indexname);
    expect(actual.indexes.filter(byHand).map((index) => index.indexname)).toEqual(HAND_WRITTEN_INDEXES);
    expect(actual.indexes.filter((index) => !byHand(index))).toEqual(expected.indexes);
    expect(actual.constraints).toEqual(expected.constraints);
    expect(actual.enums).toEqual(expected.enums);
  });

  it("keeps one snapshot of the schema as of the last migration, matching the schema now, and no copies per migration", async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const migration of migrations)
      expect(existsSync(path.join(DEFAULT_MIGRATIONS_DIR, migration.name, "schema.prisma"))).toBe(false);
    const snapshot = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, SCHEMA_SNAPSHOT), "utf8");
    const schema = await readFile(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
    // If this fails: run `npm run db:migration -- <name>` to write the missing migration.
    expect(snapshot).toBe(schema);
  });

  it("keeps post search vectors current and the audit log append-only", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    await query(url, `INSERT INTO area VALUES ('E06000001','Hartlepool','unitary','E12000001','North East','England')`);
    await query(
      url,
      `INSERT INTO "user" (handle, handle_key, password_hash, perspective) VALUES ('someone','someone','x','carer')`,
    );
    await query(
      url,
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective)
       VALUES ('story', 'Direct payments at last', 'b', 'b', 'We employ our own assistants now', 'carer')`,
    );
    const found = await query(
      url,
      `SELECT id FROM post WHERE search_vector @@ websearch_to_tsquery('english', 'employing assistant')`,
    );
    expect(found).toHaveLength(1);

    await query(
      url,
      `INSERT INTO moderation_action (actor_handle, action, target_type, target_id) VALUES ('mod', 'approve', 'post', '1')`,
    );
    await expect(query(url, `UPDATE moderation_action SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(query(url, `DELETE FROM moderation_action`)).rejects.toThrow(/append-only/);
    await expect(query(url, `TRUNCATE moderation_action`)).rejects.toThrow(/append-only/);
  });

  it("keep rate-limit counts out of the write-ahead log, and everything else in it", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    const unlogged = await query(
      url,
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') AND c.relpersistence = 'u' ORDER BY 1`,
    );
    // The table and its primary key's index; a crash empties them, which costs nobody anything.
    expect(unlogged).toEqual([{ relname: "rate_limit" }, { relname: "rate_limit_pkey" }]);
  });
});
