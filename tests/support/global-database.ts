// Starts one throwaway embedded PostgreSQL for the whole run, migrates a template database and
// loads reference data into it. Each test file then gets its own copy (tests/support/test-database.ts).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import freePort from "./free-port";
import type { TestProject } from "vitest/node";

import { startEmbeddedPostgres } from "../../app/server/db/embedded-postgres.server";
import { applyMigrations } from "../../app/server/db/migrations.server";
import { seedReferenceData } from "../../prisma/seed/reference";

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}

export const TEMPLATE_DATABASE = "fifth_option_template";

export default async function setup(project: TestProject) {
  const parent = await mkdtemp(path.join(os.tmpdir(), "fifth-option-test-"));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as "postgres" and must reach it.
  await chmod(parent, 0o755);
  const port = await freePort();
  const database = await startEmbeddedPostgres({
    dataDir: path.join(parent, "postgres"),
    port,
    databaseName: TEMPLATE_DATABASE,
  });
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await seedReferenceData(client);
  await client.end();
  project.provide("databaseAdminUrl", database.url.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), "/postgres"));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await database.stop();
    await rm(parent, { recursive: true, force: true });
  };
}
