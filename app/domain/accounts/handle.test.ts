import { describe, expect, it } from "vitest";

import { handleKey, handleProblem } from "./handle";

describe("choosing a handle", () => {
  it.each(["tired_but_hopeful", "pa-employer-north", "brokerage_bee", "Mum0f3", "sunny_day", "will_power"])(
    "accepts a made-up name like %s",
    (handle) => {
      expect(handleProblem(handle)).toBeNull();
    },
  );

  it("refuses an email address", () => {
    expect(handleProblem("jo@example.com")).toMatch(/email address/);
  });

  it.each(["call07700900123", "dad_07700_900123", "0161496000x"])("refuses a phone number in %s", (handle) => {
    expect(handleProblem(handle)).toMatch(/phone number/);
  });

  it.each(["carer1972", "sam_2003", "born1988mum"])("refuses a year such as a birth year in %s", (handle) => {
    expect(handleProblem(handle)).toMatch(/year/);
  });

  it.each(["john_smith", "JohnSmith", "mary-jones", "Grace_Hopper", "mrs_jones"])(
    "refuses a first name and surname such as %s",
    (handle) => {
      expect(handleProblem(handle)).toMatch(/first name and surname/);
    },
  );

  it("explains length and character rules", () => {
    expect(handleProblem("")).toBe("Enter a name to post under");
    expect(handleProblem("ab")).toMatch(/at least 3/);
    expect(handleProblem("a".repeat(31))).toMatch(/30 characters or fewer/);
    expect(handleProblem("has space")).toMatch(/only use letters, numbers/);
  });

  it("compares handles regardless of case", () => {
    expect(handleKey("Tired_Mum")).toBe(handleKey("tired_mum"));
  });
});
