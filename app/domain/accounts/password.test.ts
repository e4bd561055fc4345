import { describe, expect, it } from "vitest";

import { isCommonPassword, passwordProblem } from "./password";

describe("passwords", () => {
  it("must be at least 10 characters", () => {
    expect(passwordProblem("short")).toMatch(/at least 10/);
    expect(passwordProblem("")).toBe("Enter a password");
  });

  it("refuses the most common passwords, whatever their case", () => {
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
    expect(passwordProblem("qwertyuiop")).toMatch(/most common passwords/);
  });

  it("accepts a long uncommon passphrase", () => {
    expect(passwordProblem("kettle orbit lantern nine")).toBeNull();
  });

  it("refuses a password that contains the handle", () => {
    expect(passwordProblem("tired_mum_secret", "tired_mum")).toMatch(/must not contain your name/);
  });
});
