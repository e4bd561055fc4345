import { randomBytes } from "node:crypto";

import pg from "pg";

/** A fresh database copied from the migrated, seeded template: isolation for one test file. */
export async function createDatabaseFromTemplate(adminUrl: string, template: string | null): Promise<string> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await admin.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}
