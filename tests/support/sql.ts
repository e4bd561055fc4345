// Direct SQL against this test file's database, for arranging and checking state.
import pg from "pg";
import { afterAll } from "vitest";

let pool: pg.Pool | undefined;

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []) {
  if (!pool) {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    // A test file that stops a PostgreSQL server of its own ends this pool's idle connections
    // from the server's side; that is expected, not a failure of the file.
    pool.on("error", () => undefined);
  }
  return (await pool.query<T>(text, params)).rows;
}

/** Closes the pool now (before a test file stops a PostgreSQL server of its own). */
export async function closeSql(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

afterAll(closeSql);
