import { describe, expect, it } from "vitest";

import { needsEveryReport, outcomeFilterParams, parseOutcomeFilters } from "./outcome-filters";

const today = new Date("2026-12-01T12:00:00Z");
const parse = (query: string) => parseOutcomeFilters(new URLSearchParams(query), today);

describe("dashboard filters", () => {
  it("default to the last 12 quarters and everyone", () => {
    expect(parse("")).toEqual({
      ok: true,
      filters: { from: "2024-01-01", to: "2026-10-01", perspective: null, arrangement: null, client: null, lead: null },
    });
    expect(
      outcomeFilterParams(
        { from: "2024-01-01", to: "2026-10-01", perspective: null, arrangement: null, client: null, lead: null },
        today,
      ).toString(),
    ).toBe("");
  });

  it("read a period and choices from the address, and write them back", () => {
    const parsed = parse("from=2025-Q1&to=2025-Q4&lead=self_led&perspective=carer");
    expect(parsed).toMatchObject({
      ok: true,
      filters: { from: "2025-01-01", to: "2025-10-01", lead: "self_led", perspective: "carer" },
    });
    if (parsed.ok) {
      expect(outcomeFilterParams(parsed.filters, today).toString()).toBe(
        "from=2025-Q1&to=2025-Q4&perspective=carer&lead=self_led",
      );
      expect(needsEveryReport(parsed.filters)).toBe(false);
    }
    const onlyLead = parse("lead=council_led");
    expect(onlyLead.ok && needsEveryReport(onlyLead.filters)).toBe(false);
    const arrangement = parse("arrangement=dp_employer&perspective=carer");
    expect(arrangement.ok && needsEveryReport(arrangement.filters)).toBe(true);
  });

  it("name the field and keep what was typed when something is wrong", () => {
    expect(parse("from=2025-13")).toEqual({
      ok: false,
      errors: { from: "Enter the first quarter like 2025-Q1" },
      values: { from: "2025-13" },
    });
  });

  it.each([
    ["from=2026-Q1&to=2025-Q1", { from: "The first quarter must not be after the last quarter" }],
    ["from=2015-Q1&to=2025-Q1", { from: "Choose a period of at most 20 quarters (5 years)" }],
    ["to=2027-Q2", { to: "Enter a quarter no later than 2026-Q4, the current quarter" }],
    ["from=2010-Q1", { from: "Enter a quarter from 2015-Q1 onwards" }],
    [
      "arrangement=cash&lead=boss",
      { arrangement: "Choose a kind of support from the list", lead: "Choose who led the plan from the list" },
    ],
    ["perspective=__proto__", { perspective: "Choose a perspective from the list" }],
  ])("refuse %s, saying why", (query, errors) => {
    expect(parse(query)).toMatchObject({ ok: false, errors });
  });

  it("take a last quarter alone as the end of a 12-quarter period", () => {
    expect(parse("to=2025-Q4")).toMatchObject({ ok: true, filters: { from: "2023-01-01", to: "2025-10-01" } });
  });
});
