// Rate limits, stored in PostgreSQL so every app instance shares the same counts.
// Clients are identified only by HMAC(salt of the day, address): no address is stored.
import { createHmac, randomBytes } from "node:crypto";

import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

import { pool, prisma, toServiceUnavailable } from "./db/client.server";

interface LimitRule {
  points: number;
  durationSeconds: number;
}

export const RATE_LIMITS = {
  signInPerHandle: { points: 8, durationSeconds: 15 * 60 },
  signInPerClient: { points: 30, durationSeconds: 15 * 60 },
  signUpPerClient: { points: 5, durationSeconds: 60 * 60 },
  recoveryPerHandle: { points: 5, durationSeconds: 60 * 60 },
  recoveryPerClient: { points: 10, durationSeconds: 60 * 60 },
  writesPerUser: { points: 30, durationSeconds: 10 * 60 },
} satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof RATE_LIMITS;

const limiters = new Map<LimitName, RateLimiterPostgres>();

function limiter(name: LimitName): RateLimiterPostgres {
  let found = limiters.get(name);
  if (!found) {
    const rule = RATE_LIMITS[name];
    found = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: "rate_limit",
      // Created by a migration, like every other table.
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points: rule.points,
      duration: rule.durationSeconds,
    });
    limiters.set(name, found);
  }
  return found;
}

export class RateLimited extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    // "Try again in 12 minutes", in plain words.
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`You have tried this too many times. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`);
  }
}

// The limiter queries the pool directly, not through Prisma, so an unreachable database is
// turned into the same 503 here; otherwise an outage mid-request would surface as a 500.

/** Counts one attempt; throws RateLimited when the limit is used up. */
export async function consume(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimited(Math.ceil(error.msBeforeNext / 1000));
    throw toServiceUnavailable(error);
  }
}

/** Tells whether the limit is already used up, without counting an attempt. */
export async function check(name: LimitName, key: string): Promise<void> {
  const state = await limiter(name).get(key).catch((error: unknown) => {
    throw toServiceUnavailable(error);
  });
  if (state && state.consumedPoints >= RATE_LIMITS[name].points) {
    throw new RateLimited(Math.ceil(state.msBeforeNext / 1000));
  }
}

export async function reset(name: LimitName, key: string): Promise<void> {
  await limiter(name)
    .delete(key)
    .catch((error: unknown) => {
      throw toServiceUnavailable(error);
    });
}

// ---- Client keys ----

let todaysSalt: { day: string; salt: Buffer } | undefined;

async function saltFor(day: string): Promise<Buffer> {
  if (todaysSalt?.day === day) return todaysSalt.salt;
  const date = new Date(`${day}T00:00:00Z`);
  // Every instance agrees on one salt per day: the first to ask creates it.
  await prisma().dailySalt.createMany({ data: [{ day: date, salt: randomBytes(32) }], skipDuplicates: true });
  const row = await prisma().dailySalt.findUniqueOrThrow({ where: { day: date } });
  await prisma().dailySalt.deleteMany({ where: { day: { lt: date } } });
  todaysSalt = { day, salt: Buffer.from(row.salt) };
  return todaysSalt.salt;
}

/** A key for "this client, today" that cannot be turned back into an address. */
export async function clientKey(address: string | undefined, now = new Date()): Promise<string> {
  const salt = await saltFor(now.toISOString().slice(0, 10));
  return createHmac("sha256", salt).update(address ?? "unknown").digest("hex").slice(0, 32);
}
