// PostgreSQL can drop any connection (restart, failover, fast shutdown). A connection that is
// checked out of the pool at that moment (a health check, a transaction just starting) must not
// take the process down with it. The load test found this: stopping PostgreSQL under load
// crashed the app with "Unhandled 'error' event".
import { describe, expect, it } from "vitest";

import { pool } from "~/server/db/client.server";

import { sql } from "../support/sql";

describe("losing a database connection", () => {
  it("that is checked out of the pool leaves the process running and the pool working", async () => {
    const client = await pool().connect();
    const [row] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
    const lost = new Promise((resolve) => client.once("end", resolve));
    await sql("SELECT pg_terminate_backend($1)", [row?.pid]);
    await lost;
    // Without a listener of our own, pg's "error" event on this client would have been thrown.
    client.release(true);
    const [after] = (await pool().query<{ one: number }>("SELECT 1 AS one")).rows;
    expect(after?.one).toBe(1);
  });
});
