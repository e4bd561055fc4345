import { describe, expect, it } from "vitest";

import { answerSize, KeptWhileUnchanged } from "./unchanged.server";

function counted() {
  const calls: string[] = [];
  const work = (key: string, answer: unknown) => () => {
    calls.push(key);
    return Promise.resolve(answer);
  };
  return { calls, work };
}

describe("answers kept while unchanged", () => {
  it("works an answer out once while its version holds, and again once it moves on", async () => {
    let version = "1";
    const kept = new KeptWhileUnchanged(() => Promise.resolve(version));
    const { calls, work } = counted();
    expect(await kept.get("a", work("a", 1))).toBe(1);
    expect(await kept.get("a", work("a", 2))).toBe(1);
    version = "2";
    expect(await kept.get("a", work("a", 3))).toBe(3);
    expect(calls).toEqual(["a", "a"]);
  });

  it("asks once however many ask at the same time", async () => {
    const kept = new KeptWhileUnchanged(() => Promise.resolve("1"));
    const { calls, work } = counted();
    await Promise.all([kept.get("a", work("a", 1)), kept.get("a", work("a", 1)), kept.get("a", work("a", 1))]);
    expect(calls).toEqual(["a"]);
  });

  it("keeps no more than its size allows, dropping the least recently used first", async () => {
    const big = "x".repeat(40);
    const kept = new KeptWhileUnchanged(() => Promise.resolve("1"), 100, 100);
    const { calls, work } = counted();
    await kept.get("a", work("a", big));
    await kept.get("b", work("b", big));
    await kept.get("a", work("a", big)); // a is now the most recently used
    await kept.get("c", work("c", big)); // over 100: b goes
    await new Promise((resolve) => setImmediate(resolve));
    expect(kept.usage).toEqual({ answers: 2, size: 2 * answerSize(big) });
    await kept.get("a", work("a", big));
    await kept.get("b", work("b", big));
    expect(calls).toEqual(["a", "b", "c", "b"]);
  });

  it("keeps no more answers than its limit", async () => {
    const kept = new KeptWhileUnchanged(() => Promise.resolve("1"), 2);
    const { work } = counted();
    for (const key of ["a", "b", "c", "d"]) await kept.get(key, work(key, key));
    expect(kept.usage.answers).toBe(2);
  });

  it("forgets an answer that failed, so the next reader asks again", async () => {
    const kept = new KeptWhileUnchanged(() => Promise.resolve("1"));
    await expect(kept.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await new Promise((resolve) => setImmediate(resolve));
    expect(await kept.get("a", () => Promise.resolve("up"))).toBe("up");
    expect(kept.usage).toEqual({ answers: 1, size: answerSize("up") });
  });
});
