import { randomBytes } from "node:crypto";

import pg from "pg";

/** A fresh database copied from the migrated, seeded template: isolation for one test file. */
export async function createDatabaseFromTemplate(adminUrl: string, template: string | null): Promise<string> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  await queryOnce(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** One statement on a connection of its own, closed again whatever happens; the rows. */
export async function queryOnce<Row extends pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, params)).rows;
  } finally {
    await client.end();
  }
}
