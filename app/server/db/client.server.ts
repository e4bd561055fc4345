import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { getEnv } from "../process/env.server";
import { logger } from "../process/logger.server";
import { PrismaClient } from "./generated/client";
import { answerTopics } from "../http/page-topics.server";
import { changeFollower } from "./changes.server";
import { KeptWhileUnchanged } from "./unchanged.server";

/**
 * True for errors that mean "the database cannot be reached right now" (server down, restarting,
 * connection dropped, or so busy that no connection or transaction came free in time), as opposed
 * to a bug or bad data.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some(({ code, kind, message }) => {
    if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith(CONNECTION_EXCEPTION_CLASS))) return true;
    if (kind && UNAVAILABLE_KINDS.has(kind)) return true;
    // node-postgres raises these three with no code at all; its own fixed wording is all there is.
    return PG_CLIENT_MESSAGES.some((text) => message?.includes(text));
  });
}

// SQLSTATE class 08 is "connection exception" (PostgreSQL, Appendix A).
const CONNECTION_EXCEPTION_CLASS = "08";
const UNAVAILABLE_CODES = new Set([
  // Node's socket errors.
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections.
  "57P01",
  "57P02",
  "57P03",
  "53300",
  // Prisma: can't reach the server, server closed the connection, pool timeout, transaction could not start or expired.
  "P1001",
  "P1017",
  "P2024",
  "P2028",
]);
// Prisma's driver adapter names the kind of failure on the error's cause.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const PG_CLIENT_MESSAGES = ["Connection terminated", "not queryable", "timeout exceeded when trying to connect"];

/** The error and its causes (at most five deep), with the fields drivers put codes in. */
function errorChain(error: unknown): { code?: string; kind?: string; message?: string }[] {
  const links: { code?: string; kind?: string; message?: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, kind, message, cause, originalCode } = current as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === "string" ? value : undefined);
    links.push({ code: text(code) ?? text(originalCode), kind: text(kind), message: text(message) });
    current = cause;
  }
  return links;
}

/** True when an insert hit a unique index (Prisma P2002, PostgreSQL 23505): a duplicate, not a fault. */
export function isUniqueViolation(error: unknown): boolean {
  return errorChain(error).some(
    ({ code, kind }) => code === "P2002" || code === "23505" || kind === "UniqueConstraintViolation",
  );
}

/** Turns an unreachable database into a 503, which the error page explains in plain words. */
export function toServiceUnavailable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return new Response("The database is unavailable. Please try again in a few minutes.", {
    status: 503,
    headers: { "Retry-After": "5" },
  });
}

function extend(client: PrismaClient) {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw toServiceUnavailable(error);
        }
      },
    },
  });
}

export type Prisma = ReturnType<typeof extend>;

interface Database {
  pool: pg.Pool;
  prisma: Prisma;
}

declare global {
  // Survives module reloads in development so we never open a second pool.
  var __fifthOptionDatabase: Database | undefined;
}

const CONNECT_TIMEOUT_MS = 3_000;

function connect(): Database {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  }
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on("error", (error) => logger.warn({ err: error.message }, "database connection lost"));
  // Nor one that is checked out (a health check, a transaction): pg-pool takes its listener off a
  // client while it is lent out and Prisma's adapter adds its own a moment later, so PostgreSQL
  // shutting down in between raised an unhandled "error" event. The query in flight fails by
  // itself (a 503), and the pool drops the broken client when it comes back.
  pool.on("connect", (client) =>
    client.on("error", (error) => logger.debug({ err: error.message }, "database connection lost while in use")),
  );
  const prisma = extend(new PrismaClient({ adapter: new PrismaPg(pool) }));
  return { pool, prisma };
}

function database(): Database {
  globalThis.__fifthOptionDatabase ??= connect();
  return globalThis.__fifthOptionDatabase;
}

/** The Prisma client, for model queries. */
export function prisma(): Prisma {
  return database().prisma;
}

/** The shared pg pool, for hand-written SQL (aggregation, search, health). */
export function pool(): pg.Pool {
  return database().pool;
}

/**
 * Answers kept while nothing they show has been written (unchanged.server.ts, changes.server.ts),
 * shared by search (keys "search …": posts) and the dashboard (keys "outcomes …": figures).
 */
const keptVersion = (key: string) =>
  changeFollower(pool)
    .versionOf(answerTopics(key))
    .catch((error: unknown) => Promise.reject(toServiceUnavailable(error)));

export const keptAnswers = new KeptWhileUnchanged(keptVersion, 1_000);

/**
 * Dashboards drawn as HTML (outcomes/pages.server.ts, keys "outcomes drawn …": figures), kept
 * apart from the answers above: each drawing is 100–200 KB, and a crawl over every council's page
 * must not push the figures, tables and searches out. 8 million characters: 40–80 drawings.
 */
export const keptDrawings = new KeptWhileUnchanged(keptVersion, 200, 8_000_000);

/** Hand-written SQL through the shared pool, with an unreachable database turned into a 503. */
export async function query<Row extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<Row[]> {
  try {
    return (await pool().query<Row>(text, params)).rows;
  } catch (error) {
    throw toServiceUnavailable(error);
  }
}

export async function disconnect(): Promise<void> {
  const db = globalThis.__fifthOptionDatabase;
  globalThis.__fifthOptionDatabase = undefined;
  if (db) {
    await db.prisma.$disconnect();
    await db.pool.end();
  }
}

/** A connection of its own from the pool (release it when done); an unreachable database is a 503. */
export async function borrowConnection(): Promise<pg.PoolClient> {
  try {
    return await pool().connect();
  } catch (error) {
    throw toServiceUnavailable(error);
  }
}

/**
 * A transaction in hand-written SQL on one pooled connection, for hot paths where Prisma's
 * interactive transaction costs more than the work (a reply). Outages become 503s as everywhere;
 * a connection that broke part-way is thrown away rather than returned to the pool.
 */
export async function sqlTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await borrowConnection();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    if (isDatabaseUnavailable(error)) broken = error as Error;
    else await client.query("ROLLBACK").catch((rollback: unknown) => (broken = rollback as Error));
    throw toServiceUnavailable(error);
  } finally {
    client.release(broken);
  }
}

/**
 * An interactive transaction, with an unreachable database turned into a 503 like every other
 * query: beginning and committing are not model operations, so the extension never sees their errors.
 */
export async function transaction<T>(
  work: (tx: Parameters<Parameters<Prisma["$transaction"]>[0]>[0]) => Promise<T>,
): Promise<T> {
  try {
    // Wait for a connection as long as a single query does (the pool's connect timeout).
    return await prisma().$transaction(work, { maxWait: CONNECT_TIMEOUT_MS });
  } catch (error) {
    throw toServiceUnavailable(error);
  }
}
