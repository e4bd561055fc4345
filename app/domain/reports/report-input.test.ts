import { describe, expect, it } from "vitest";

import { FIELD_SCHEMAS, outcomeDomainsFor, outcomeError, parseQuarter, recentQuarters } from "./report-input";

const today = new Date("2026-11-22T12:00:00Z");

describe("experience report answers", () => {
  it("offer the current quarter and the eleven before it, never a future one", () => {
    const quarters = recentQuarters(today);
    expect(quarters).toHaveLength(12);
    expect(quarters[0]).toEqual({ value: "2026-Q4", label: "October to December 2026", start: "2026-10-01" });
    expect(quarters[11]?.value).toBe("2024-Q1");
    expect(parseQuarter("2026-Q5")).toBeNull();
  });

  it("accept optional questions left unanswered", () => {
    for (const field of ["ease", "weeksToSupport", "budgetCoverage"] as const) {
      expect(FIELD_SCHEMAS[field].safeParse("").success, field).toBe(true);
    }
  });

  it("check rates and hours are in range, with the reason", () => {
    const message = (field: "hourlyRate" | "paidHours" | "unpaidHours", value: string) => {
      const result = FIELD_SCHEMAS[field].safeParse(value);
      return result.success ? null : result.error.issues[0]?.message;
    };
    expect(message("hourlyRate", "4.99")).toBe("The hourly rate must be between £5 and £100");
    expect(message("paidHours", "169")).toBe("Hours of paid support must be between 0 and 168 hours a week");
    expect(message("unpaidHours", "ten")).toBe("Hours of unpaid care must be a number, like 10");
    expect(FIELD_SCHEMAS.hourlyRate.parse("£12.50")).toBe(12.5);
    expect(FIELD_SCHEMAS.paidHours.parse("0")).toBe(0);
    expect(FIELD_SCHEMAS.unpaidHours.parse("")).toBeNull();
  });

  it("ask carers about their own wellbeing too, and need an answer for every outcome", () => {
    expect(outcomeDomainsFor("carer")).toHaveLength(15);
    expect(outcomeDomainsFor("supported_person")).toHaveLength(12);
    expect(outcomeError("not_relevant", "Dignity")).toBeNull();
    expect(outcomeError("", "Dignity")).toBe("Choose how “Dignity” has changed, or “Not relevant”");
    expect(outcomeError("the_best", "Dignity")).not.toBeNull();
  });
});
