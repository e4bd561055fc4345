import { describe, expect, it } from "vitest";

import { RATE_LIMIT_POLICIES, rateLimitField, rateLimitPolicyField } from "./rate-limits";

describe("rate-limit header fields", () => {
  it("describe a policy as a structured field: name, quota and window", () => {
    expect(rateLimitPolicyField(RATE_LIMIT_POLICIES.anonymous)).toBe('"anonymous";q=60;w=60');
    expect(rateLimitPolicyField(RATE_LIMIT_POLICIES.key)).toBe('"key";q=600;w=60');
  });

  it("give what is left and when it resets, never negative and never early", () => {
    expect(rateLimitField(RATE_LIMIT_POLICIES.anonymous, { remaining: 42, resetSeconds: 16.2 })).toBe(
      '"anonymous";r=42;t=17',
    );
    expect(rateLimitField(RATE_LIMIT_POLICIES.anonymous, { remaining: -3, resetSeconds: -1 })).toBe(
      '"anonymous";r=0;t=0',
    );
  });

  it("escape policy names as structured-field strings", () => {
    expect(rateLimitPolicyField({ name: 'say "hi"\\', quota: 1, windowSeconds: 2 })).toBe('"say \\"hi\\"\\\\";q=1;w=2');
    expect(() => rateLimitPolicyField({ name: "café", quota: 1, windowSeconds: 1 })).toThrow();
  });
});
