import { describe, expect, it } from "vitest";

import { buildOutcomeView, type QuarterCounts } from "../outcomes/outcome-view";
import { SUPPORT_ARRANGEMENTS } from "../taxonomy";
import { everyoneFigures, optionFigures } from "./option-figures";
import { arrangementOfTag, parseTypedCouncil, SUPPORT_OPTIONS, TYPED_COUNCIL_MAX } from "./options";

/** One quarter's counts: reports by arrangement, each report with the record key 1. */
function quarter(byArrangement: Record<string, number>): QuarterCounts {
  const reports = Object.values(byArrangement).reduce((a, b) => a + b, 0);
  const counts = Object.fromEntries(Object.entries(byArrangement).map(([key, n]) => [`arrangement:${key}`, n]));
  const keys = Object.fromEntries([
    ["reports", reports % 256],
    ...Object.entries(byArrangement).map(([key, n]) => [`arrangement:${key}`, n % 256]),
  ]);
  return { quarterStart: "2026-10-01", reports, counts, keys };
}

const views = (level: "area" | "region" | "nation", name: string, all: Record<string, number>, option: string) => ({
  level,
  name,
  all: buildOutcomeView([quarter(all)]),
  option: buildOutcomeView([quarter({ [option]: all[option] ?? 0 })]),
});

describe("the options", () => {
  it("map each option onto one arrangement, once, and every arrangement but paying privately and waiting", () => {
    const keys = SUPPORT_OPTIONS.map((option) => option.arrangement);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(SUPPORT_ARRANGEMENTS).filter((key) => !keys.includes(key as never))).toEqual([
      "self_funded",
      "waiting",
    ]);
    for (const option of SUPPORT_OPTIONS) {
      expect(Object.values(option.explainer).every((part) => part.length > 40)).toBe(true);
    }
  });

  it("finds the option a story's tag names", () => {
    expect(arrangementOfTag("dp-employer")).toBe("dp_employer");
    expect(arrangementOfTag("shared-lives")).toBe("shared_lives");
    expect(arrangementOfTag("self-funded")).toBeUndefined();
    expect(arrangementOfTag("respite")).toBeUndefined();
  });
});

describe("optionFigures", () => {
  it("shows every place whose option count is shown, narrowest first", () => {
    const figures = optionFigures("dp_employer", [
      views("area", "Leeds", { dp_employer: 30, dp_agency: 10 }, "dp_employer"),
      views("region", "Yorkshire", { dp_employer: 90, dp_agency: 40 }, "dp_employer"),
    ]);
    expect(figures.tooFew).toEqual([]);
    expect(figures.places.map((p) => p.name)).toEqual(["Leeds", "Yorkshire"]);
    for (const place of figures.places) expect(place.reports % 5).toBe(0);
  });

  it("names a council with too few reports of the option and shows nothing of it", () => {
    const figures = optionFigures("care_home", [
      views("area", "Leeds", { dp_employer: 30, care_home: 3 }, "care_home"),
      views("region", "Yorkshire", { dp_employer: 90, care_home: 20 }, "care_home"),
    ]);
    expect(figures.tooFew).toEqual([{ level: "area", name: "Leeds" }]);
    expect(figures.places.map((p) => p.name)).toEqual(["Yorkshire"]);
  });

  it("withholds an option that the place's breakdown withholds to protect another option", () => {
    // 3 in a care home are withheld; every other arrangement is empty (withheld too) except 8 with
    // an agency, so the breakdown has two withheld members and the agency's 8 stay shown. With
    // the agency at 8 and the total at 11, the care home's 3 would follow.
    const place = views("area", "Leeds", { dp_agency: 8, care_home: 3 }, "dp_agency");
    const inBreakdown = place.all.supportArrangements.categories.find((c) => c.key === "dp_agency")?.count;
    const figures = optionFigures("dp_agency", [place]);
    expect(figures.places.length === 1).toBe(inBreakdown?.shown === true);
    // Whatever the breakdown decides, a view it withholds is never shown here.
    const hidden = { ...place, all: { ...place.all, supportArrangements: { ...place.all.supportArrangements } } };
    hidden.all.supportArrangements.categories = hidden.all.supportArrangements.categories.map((c) =>
      c.key === "dp_agency" ? { ...c, count: { shown: false, reason: "secondary" } } : c,
    );
    expect(optionFigures("dp_agency", [hidden])).toEqual({ places: [], tooFew: [{ level: "area", name: "Leeds" }] });
  });

  it("gives every arrangement together where the place's own total is shown", () => {
    const figures = everyoneFigures([
      { level: "area", name: "Leeds", all: buildOutcomeView([quarter({ dp_employer: 4 })]) },
      { level: "region", name: "Yorkshire", all: buildOutcomeView([quarter({ dp_employer: 40 })]) },
    ]);
    expect(figures.tooFew.map((p) => p.name)).toEqual(["Leeds"]);
    expect(figures.places.map((p) => p.name)).toEqual(["Yorkshire"]);
  });
});

describe("parseTypedCouncil", () => {
  it.each([
    [["Leeds"], { ok: true, council: "Leeds" }],
    [["  Redcar   and Cleveland "], { ok: true, council: "Redcar and Cleveland" }],
    [["", "York"], { ok: true, council: "York" }],
  ])("accepts %j", (values, expected) => {
    expect(parseTypedCouncil(values)).toEqual(expected);
  });

  it.each([
    [[""], "Type or choose your council."],
    [["Leeds", "York"], "Choose one council at a time."],
    [["Leeds\u0000"], "using letters only"],
    [["x".repeat(TYPED_COUNCIL_MAX + 1)], "characters or fewer"],
    [["!!!"], "such as Leeds or Cornwall"],
  ])("refuses %j, keeping what was typed without control characters", (values, message) => {
    const parsed = parseTypedCouncil(values);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain(message);
      expect(parsed.typed).not.toContain("\u0000");
      expect(parsed.typed.length).toBeLessThanOrEqual(TYPED_COUNCIL_MAX * 2);
    }
  });
});
