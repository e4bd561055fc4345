import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { getEnv } from "../env.server";
import { logger } from "../logger.server";
import { PrismaClient } from "./generated/client";

interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
}

declare global {
  // Survives module reloads in development so we never open a second pool.
  var __fifthOptionDatabase: Database | undefined;
}

function connect(): Database {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  }
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on("error", (error) => logger.warn({ err: error.message }, "database connection lost"));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function database(): Database {
  globalThis.__fifthOptionDatabase ??= connect();
  return globalThis.__fifthOptionDatabase;
}

/** The Prisma client, for model queries. */
export function prisma(): PrismaClient {
  return database().prisma;
}

/** The shared pg pool, for hand-written SQL (aggregation, search, health). */
export function pool(): pg.Pool {
  return database().pool;
}

export async function disconnect(): Promise<void> {
  const db = globalThis.__fifthOptionDatabase;
  globalThis.__fifthOptionDatabase = undefined;
  if (db) {
    await db.prisma.$disconnect();
    await db.pool.end();
  }
}
