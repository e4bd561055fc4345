import { describe, expect, it } from "vitest";

import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";

describe("passwords", () => {
  it("are stored as argon2id at OWASP's parameters, salted, and verify only with the same password", async () => {
    const [first, second] = await Promise.all([
      hashPassword("kettle orbit lantern nine"),
      hashPassword("kettle orbit lantern nine"),
    ]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, "kettle orbit lantern nine")).toBe(true);
    expect(await verifyPassword(first, "kettle orbit lantern ten")).toBe(false);
  });

  it("answer each of many verifications asked at once with its own result", async () => {
    const stored = await hashPassword("right one");
    const guesses = ["right one", "wrong", "right one", "", "right one ", "right one"];
    expect(await Promise.all(guesses.map((guess) => verifyPassword(stored, guess)))).toEqual([
      true,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it("treat a stored value that is not a hash as a failed sign-in, not an error, and go on working", async () => {
    expect(await verifyPassword("not a hash at all", "anything")).toBe(false);
    expect(await verifyPassword("", "")).toBe(false);
    expect(await verifyPassword(await dummyPasswordHash(), "not a real password, only for timing")).toBe(true);
  });
});
