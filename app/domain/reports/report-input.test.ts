import { describe, expect, it } from "vitest";

import { outcomeDomainsFor, outcomeErrors, parseQuarter, recentQuarters, stepSchemas } from "./report-input";

const today = new Date("2026-11-22T12:00:00Z");

describe("experience report answers", () => {
  it("offer the current quarter and the eleven before it, never a future one", () => {
    const quarters = recentQuarters(today);
    expect(quarters).toHaveLength(12);
    expect(quarters[0]).toEqual({ value: "2026-Q4", label: "October to December 2026", start: "2026-10-01" });
    expect(quarters[11]?.value).toBe("2024-Q1");
    const where = stepSchemas(today).where;
    expect(where.safeParse({ council: "Hartlepool", quarter: "2027-Q1" }).success).toBe(false);
    expect(where.safeParse({ council: "Hartlepool", quarter: "2026-Q4" }).success).toBe(true);
    expect(parseQuarter("2026-Q5")).toBeNull();
  });

  it("accept optional questions left unanswered", () => {
    const budget = stepSchemas(today).budget.safeParse({
      budgetChange: "same",
      ease: "",
      weeksToSupport: "",
      budgetCoverage: "",
    });
    expect(budget.success).toBe(true);
  });

  it("check rates and hours are in range, with the reason", () => {
    const money = stepSchemas(today).money;
    const result = money.safeParse({ hourlyRate: "4.99", paidHours: "169", unpaidHours: "ten" });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => i.message);
    expect(messages).toEqual([
      "The hourly rate must be between £5 and £100",
      "Hours of paid support must be between 0 and 168 hours a week",
      "Hours of unpaid care must be a number, like 10",
    ]);
    expect(money.parse({ hourlyRate: "£12.50", paidHours: "0", unpaidHours: "" })).toEqual({
      hourlyRate: 12.5,
      paidHours: 0,
      unpaidHours: null,
    });
  });

  it("ask carers about their own wellbeing too, and need an answer for every outcome", () => {
    expect(outcomeDomainsFor("carer")).toHaveLength(15);
    expect(outcomeDomainsFor("supported_person")).toHaveLength(12);
    const errors = outcomeErrors({ "outcome-dignity": "not_relevant" }, "supported_person");
    expect(Object.keys(errors)).toHaveLength(11);
    expect(errors["outcome-dignity"]).toBeUndefined();
  });
});
