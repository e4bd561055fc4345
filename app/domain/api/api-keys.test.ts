import { describe, expect, it } from "vitest";

import { apiKeyLabelProblem, apiKeyPrefix, newApiKey, presentedCredentials } from "./api-keys";

describe("API keys", () => {
  it("are fo_ and 160 random bits, different every time", () => {
    const keys = new Set(Array.from({ length: 100 }, newApiKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^fo_[a-z2-7]{32}$/);
  });

  it("show their owner only a short prefix", () => {
    expect(apiKeyPrefix("fo_abcdefghijklmnopqrstuvwxyz234567")).toBe("fo_abcdef");
  });

  it("are read from a Bearer Authorization header, and anything else there is refused, not ignored", () => {
    const key = newApiKey();
    expect(presentedCredentials(null)).toEqual({ kind: "none" });
    expect(presentedCredentials(`Bearer ${key}`)).toEqual({ kind: "key", key });
    expect(presentedCredentials(`bearer  ${key}`)).toEqual({ kind: "key", key });
    for (const header of [
      "",
      "Bearer",
      `Basic ${key}`,
      `Bearer ${key.toUpperCase()}`,
      `Bearer ${key}x`,
      `Bearer ${key} extra`,
      "Bearer fo_short",
    ]) {
      expect(presentedCredentials(header), header).toEqual({ kind: "malformed" });
    }
  });

  it("need a label of 1 to 80 printable characters", () => {
    expect(apiKeyLabelProblem("Thesis chapter 3")).toBeNull();
    expect(apiKeyLabelProblem("   ")).toMatch(/^Enter a label/);
    expect(apiKeyLabelProblem("x".repeat(81))).toBe("Keep the label to 80 characters or fewer (this one is 81)");
    expect(apiKeyLabelProblem(`  ${"x".repeat(80)}  `)).toBeNull();
    expect(apiKeyLabelProblem("tab\there")).toBe("Use letters, numbers and punctuation only");
  });
});
