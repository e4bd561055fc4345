import { pool } from "../db/client.server";

export interface Health {
  status: "ok" | "unavailable";
  database: { status: "up" | "down"; latencyMs: number | null };
}

/** Asks the database a trivial question, giving up after the pool's three-second connect timeout. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  try {
    const client = await pool().connect();
    try {
      await client.query({ text: "SELECT 1", rowMode: "array" });
    } finally {
      client.release();
    }
    return { status: "ok", database: { status: "up", latencyMs: Math.round(performance.now() - started) } };
  } catch {
    return { status: "unavailable", database: { status: "down", latencyMs: null } };
  }
}
