// Starts one throwaway embedded PostgreSQL for the whole run, migrates a template database and
// loads reference data into it. Each test file then gets its own copy (tests/support/test-database.ts).
import pg from "pg";
import type { TestProject } from "vitest/node";

import { applyMigrations } from "../../app/server/db/migrations.server";
import { seedReferenceData } from "../../prisma/seed/reference";
import { startOwnPostgres } from "./own-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}

export const TEMPLATE_DATABASE = "fifth_option_template";

export default async function setup(project: TestProject) {
  const database = await startOwnPostgres("test", TEMPLATE_DATABASE);
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await seedReferenceData(client);
  await client.end();
  project.provide("databaseAdminUrl", database.url.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), "/postgres"));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await database.remove();
  };
}
