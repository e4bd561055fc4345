import { describe, expect, it } from "vitest";

import { FREE_FAILURES_PER_HANDLE, handleLimitKey, MAX_SIGN_IN_DELAY_MS, signInDelayMs } from "./sign-in-throttle";

describe("signInDelayMs", () => {
  it("does not slow anyone down for the first few wrong passwords", () => {
    for (let failures = 0; failures < FREE_FAILURES_PER_HANDLE; failures++) expect(signInDelayMs(failures)).toBe(0);
  });

  it("then doubles with each failure, up to a cap that still lets the owner in", () => {
    expect(signInDelayMs(FREE_FAILURES_PER_HANDLE)).toBe(250);
    expect(signInDelayMs(FREE_FAILURES_PER_HANDLE + 1)).toBe(500);
    expect(signInDelayMs(FREE_FAILURES_PER_HANDLE + 3)).toBe(2000);
    expect(signInDelayMs(FREE_FAILURES_PER_HANDLE + 5)).toBe(MAX_SIGN_IN_DELAY_MS);
    expect(signInDelayMs(1_000_000)).toBe(MAX_SIGN_IN_DELAY_MS);
    let previous = 0;
    for (let failures = 0; failures < 100; failures++) {
      const delay = signInDelayMs(failures);
      expect(delay).toBeGreaterThanOrEqual(previous);
      expect(delay).toBeLessThanOrEqual(MAX_SIGN_IN_DELAY_MS);
      previous = delay;
    }
  });

  it("treats a count it cannot read as no failures", () => {
    expect(signInDelayMs(Number.NaN)).toBe(0);
    expect(signInDelayMs(-3)).toBe(0);
  });
});

describe("handleLimitKey", () => {
  it("keeps real handles whole and bounds anything longer", () => {
    expect(handleLimitKey("tired_carer")).toBe("tired_carer");
    expect(handleLimitKey("x".repeat(10_000))).toHaveLength(64);
  });
});
