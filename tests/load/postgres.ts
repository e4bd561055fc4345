// The load test's own PostgreSQL: the app's embedded-postgres helper, in a fresh folder under the
// system temp directory, on a free port. The load test stops and starts it to play an outage, so
// it lives in this process rather than inside the app.
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../app/server/db/embedded-postgres.server";
import { applyMigrations } from "../../app/server/db/migrations.server";
import { seedDemoCommunity } from "../../prisma/seed/demo";
import { seedReferenceData } from "../../prisma/seed/reference";
import freePort from "../support/free-port";

export interface LoadDatabase {
  url: string;
  dataDir: string;
  port: number;
  /** Fast shutdown (SIGINT): sessions are cut off mid-query, as in a failover or restart. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it (if running) and deletes its folder. */
  remove(): Promise<void>;
}

export async function startLoadDatabase(log: (message: string) => void): Promise<LoadDatabase> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "fifth-option-load-"));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as "postgres" and must reach it.
  await chmod(parent, 0o755);
  const options = { dataDir: path.join(parent, "postgres"), port: await freePort(), log };
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres(options);
  const { url, dataDir } = server;
  // If this process dies half-way, its PostgreSQL must not outlive it.
  process.once("exit", () => {
    try {
      const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, "SIGQUIT");
    } catch {
      // Already stopped: nothing to clean up.
    }
  });
  return {
    url,
    dataDir,
    port: options.port,
    stop: async () => {
      await server?.stop();
      server = null;
    },
    start: async () => {
      const restarted = await startEmbeddedPostgres(options);
      if (restarted.url !== url || restarted.dataDir !== dataDir) {
        throw new Error(`PostgreSQL came back at ${restarted.dataDir} instead of ${dataDir}`);
      }
      server = restarted;
    },
    remove: async () => {
      await server?.stop();
      server = null;
      await rm(parent, { recursive: true, force: true });
    },
  };
}

/** Migrations, councils and taxonomy, and the demo community (its published stories get replies). */
export async function prepareDatabase(url: string): Promise<void> {
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await seedReferenceData(client);
    await seedDemoCommunity(client);
  } finally {
    await client.end();
  }
}

export { queryOnce as sql } from "../support/databases";
