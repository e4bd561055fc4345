import { describe, expect, it } from "vitest";

import { citedRules, HOUSE_RULES, reasonText, ruleByNumber, ruleLink } from "./house-rules";

describe("house rules", () => {
  it("are numbered 1, 2, 3… with a title and plain words each", () => {
    expect(HOUSE_RULES.map((r) => r.number)).toEqual(HOUSE_RULES.map((_, i) => i + 1));
    for (const rule of HOUSE_RULES) {
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.text.length).toBeGreaterThan(40);
    }
  });

  it.each([
    ["2", 2],
    [3, 3],
    ["0", null],
    ["99", null],
    ["2; DROP", null],
    [undefined, null],
  ])("ruleByNumber(%j) is rule %j", (value, number) => {
    expect(ruleByNumber(value)?.number ?? null).toBe(number);
  });

  it("a reason names the rule, then the note if there is one", () => {
    const rule = ruleByNumber(2);
    if (!rule) throw new Error("rule 2");
    expect(reasonText(rule, "  It names a social worker. ")).toBe(
      "House rule 2, “Keep other people unidentifiable”. It names a social worker.",
    );
    expect(reasonText(rule, "")).toBe("House rule 2, “Keep other people unidentifiable”.");
    expect(ruleLink(rule)).toBe("/house-rules#rule-2");
  });

  it("finds each rule a text cites, once, and ignores numbers that are not rules", () => {
    const text =
      "was not published. The moderator's reason: House rule 4, “No advertising”. See house rule 4 and House Rule 12.";
    expect(citedRules(text).map((r) => r.number)).toEqual([4]);
    expect(citedRules("Rule 2 and house rules 3")).toEqual([]);
    expect(citedRules(null)).toEqual([]);
  });
});
