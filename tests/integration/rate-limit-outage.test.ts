// Rate limits are counted in PostgreSQL through the raw pool, not Prisma. When the database cannot
// be reached, a write must get the same plain-words 503 as any other query, never a 500.
// (The load test found this: PostgreSQL stopping between a member's session check and their
// write's rate-limit count turned the reply into a 500.)
import { describe, expect, it } from "vitest";

import freePort from "../support/free-port";

// Nothing listens on this port. Set before the app's modules first read their environment.
process.env.DATABASE_URL = `postgresql://postgres:unused@127.0.0.1:${await freePort()}/nowhere`;
const { check, consume, RateLimited } = await import("~/server/http/rate-limit.server");

async function failureOf(attempt: Promise<unknown>): Promise<unknown> {
  try {
    await attempt;
  } catch (error) {
    return error;
  }
  throw new Error("expected the rate limit to fail while the database is unreachable");
}

describe("rate limits while the database is unreachable", () => {
  it("counting a write is a 503 that says to try again", async () => {
    const error = await failureOf(consume("writesPerUser", "1"));
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(503);
    expect(await (error as Response).text()).toMatch(/try again/);
    expect(error).not.toBeInstanceOf(RateLimited);
  });

  it("checking a limit is a 503 too", async () => {
    const error = await failureOf(check("signUpPerClient", "some-client"));
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(503);
  });
});
