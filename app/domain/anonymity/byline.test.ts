import { describe, expect, it } from "vitest";

import { byline, coarseDate, coarseDateTime } from "./byline";

describe("bylines", () => {
  it("show only perspective and region for anonymous posts", () => {
    expect(byline({ displayMode: "anonymous", handle: "tired_mum", perspective: "carer", regionName: "North West" })).toBe(
      "a carer in the North West",
    );
    expect(byline({ displayMode: "anonymous", handle: "x", perspective: "support_planner", regionName: "Wales" })).toBe(
      "a support planner in Wales",
    );
    expect(byline({ displayMode: "anonymous", handle: "x", perspective: "carer", regionName: null })).toBe("a carer");
  });

  it("show the handle only when the author chose it", () => {
    expect(byline({ displayMode: "handle", handle: "tired_mum", perspective: "carer", regionName: "London" })).toBe("tired_mum");
  });

  it("fall back to anonymous once the account is gone", () => {
    expect(byline({ displayMode: "handle", handle: null, perspective: "carer", regionName: "London" })).toBe("a carer in London");
  });
});

describe("coarse dates", () => {
  it("never show more than month and year, in UK time", () => {
    expect(coarseDate(new Date("2026-03-14T15:09:26Z"))).toBe("March 2026");
    // 23:30 UTC on 31 May is already 1 June in London (BST).
    expect(coarseDate(new Date("2026-05-31T23:30:00Z"))).toBe("June 2026");
    expect(coarseDateTime(new Date("2026-05-31T23:30:00Z"))).toBe("2026-06");
  });
});
