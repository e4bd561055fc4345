// Rate limits, stored in PostgreSQL so every app instance shares the same counts.
// Clients are identified only by HMAC(salt of the day, address): no address is stored.
import { createHmac, randomBytes } from "node:crypto";

import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

import { RATE_LIMIT_POLICIES } from "~/domain/api/rate-limits";
import { Refusal } from "~/domain/forms";

import { pool, prisma, toServiceUnavailable } from "../db/client.server";

interface LimitRule {
  points: number;
  durationSeconds: number;
}

export const RATE_LIMITS = {
  // Sign-in (app/domain/accounts/sign-in-throttle.ts): a handle is limited per client, never
  // locked for everyone; across all clients its failures only slow each attempt down.
  signInPerHandleClient: { points: 8, durationSeconds: 15 * 60 },
  signInPerClient: { points: 30, durationSeconds: 15 * 60 },
  signInFailuresPerHandle: { points: 1_000_000, durationSeconds: 15 * 60 },
  signUpPerClient: { points: 5, durationSeconds: 60 * 60 },
  // Recovery codes carry 80 random bits: limits per client are enough, and nobody elsewhere can
  // use them up for the owner.
  recoveryPerHandleClient: { points: 5, durationSeconds: 60 * 60 },
  recoveryPerClient: { points: 10, durationSeconds: 60 * 60 },
  writesPerUser: { points: 30, durationSeconds: 10 * 60 },
  // The public read API: per client without a key, per member with one.
  apiAnonymous: {
    points: RATE_LIMIT_POLICIES.anonymous.quota,
    durationSeconds: RATE_LIMIT_POLICIES.anonymous.windowSeconds,
  },
  apiWithKey: { points: RATE_LIMIT_POLICIES.key.quota, durationSeconds: RATE_LIMIT_POLICIES.key.windowSeconds },
  apiKeyCreation: { points: 10, durationSeconds: 24 * 60 * 60 },
  // A download can be the whole site: generous for a researcher, useless for scraping in a loop.
  exportsPerClient: { points: 20, durationSeconds: 60 * 60 },
  // Asking for the researcher role: a few tries a day (a typo, a second thought), never a flood.
  researcherRequestsPerUser: { points: 5, durationSeconds: 24 * 60 * 60 },
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

/** 429, about the whole form. */
export class RateLimited extends Refusal {
  constructor(public readonly retryAfterSeconds: number) {
    // "Try again in 12 minutes", in plain words.
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`You have tried this too many times. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`, 429);
  }
}

// The limiter queries the pool directly, not through Prisma, so an unreachable database is
// turned into the same 503 here; otherwise an outage mid-request would surface as a 500.

/**
 * Counts one attempt; throws RateLimited when the limit is used up. The count is one atomic
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, so attempts made at the same moment cannot all slip
 * under the limit: call it before the work it limits, not after.
 */
export async function consume(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimited(Math.ceil(error.msBeforeNext / 1000));
    throw toServiceUnavailable(error);
  }
}

export interface LimitReport {
  /** False when this attempt went over the limit (it is still counted). */
  allowed: boolean;
  remaining: number;
  msBeforeReset: number;
}

/**
 * Counts one attempt and reports what is left, without throwing: for responses that tell the
 * client its limits (the API's RateLimit headers).
 */
export async function consumeAndReport(name: LimitName, key: string): Promise<LimitReport> {
  try {
    const state = await limiter(name).consume(key);
    return { allowed: true, remaining: state.remainingPoints, msBeforeReset: state.msBeforeNext };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, remaining: 0, msBeforeReset: error.msBeforeNext };
    throw error;
  }
}

/** Counts one attempt and returns how many this key has made in its window, this one included. */
export async function countAttempt(name: LimitName, key: string): Promise<number> {
  try {
    return (await limiter(name).consume(key)).consumedPoints;
  } catch (error) {
    if (error instanceof RateLimiterRes) return error.consumedPoints;
    throw toServiceUnavailable(error);
  }
}

/** Gives back attempts counted in advance that turned out not to count (a correct password). */
export async function giveBack(name: LimitName, key: string, points = 1): Promise<void> {
  await limiter(name)
    .reward(key, points)
    .catch((error: unknown) => {
      throw toServiceUnavailable(error);
    });
}

/** Tells whether the limit is already used up, without counting an attempt. */
export async function check(name: LimitName, key: string): Promise<void> {
  const state = await limiter(name)
    .get(key)
    .catch((error: unknown) => {
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
  return createHmac("sha256", salt)
    .update(address ?? "unknown")
    .digest("hex")
    .slice(0, 32);
}
