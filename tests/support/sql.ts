// Direct SQL against this test file's database, for arranging and checking state.
import pg from "pg";
import { afterAll } from "vitest";

let pool: pg.Pool | undefined;

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []) {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return (await pool.query<T>(text, params)).rows;
}

afterAll(async () => {
  await pool?.end();
  pool = undefined;
});
