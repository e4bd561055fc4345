// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the schema as it
// stood at the last migration (one snapshot, prisma/migrations/schema-at-last-migration.prisma,
// overwritten by each new migration; git keeps its history) to prisma/schema.prisma now.
// Uses Prisma's own schema engine (WebAssembly build), so it works without Prisma's binary host.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { parseEnv } from "../app/server/process/env.server";
import { openDatabase } from "../app/server/db/embedded-postgres.server";
import { readMigrations, SCHEMA_SNAPSHOT } from "../app/server/db/migrations.server";
import { diffSchemas } from "./schema-engine";

const root = path.join(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and underscores)");
  process.exit(2);
}

const migrations = await readMigrations(migrationsDir);
const snapshotPath = path.join(migrationsDir, SCHEMA_SNAPSHOT);
if (migrations.length > 0 && !existsSync(snapshotPath)) {
  console.error(`${snapshotPath} is missing: it records the schema as of the last migration.`);
  process.exit(1);
}
const fromSchema = migrations.length > 0 ? await readFile(snapshotPath, "utf8") : null;
const toSchema = await readFile(schemaPath, "utf8");

// The engine wants a reachable server even for a schema-to-schema diff; it changes nothing there.
const env = parseEnv(process.env);
const database = await openDatabase(env, () => undefined);
try {
  const sql = await diffSchemas(fromSchema, toSchema, database.url);
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("prisma/schema.prisma matches the last migration: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await copyFile(schemaPath, snapshotPath);
    console.log(
      `Wrote ${path.relative(root, dir)}/migration.sql. Review it, add any SQL Prisma cannot express, then run npm run db:migrate.`,
    );
  }
} finally {
  await database.stop();
}
