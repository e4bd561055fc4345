import { describe, expect, it } from "vitest";

import { figuresForStories, outcomeBreadcrumbs, storiesForFigures } from "./links";
import type { OutcomeFilters } from "./outcome-filters";

const TODAY = new Date("2026-12-06T12:00:00Z");
const filters = (extra: Partial<OutcomeFilters> = {}): OutcomeFilters => ({
  from: "2024-01-01",
  to: "2026-10-01",
  perspective: null,
  arrangement: null,
  client: null,
  lead: null,
  ...extra,
});
const leeds = { level: "area" as const, code: "E08000035", name: "Leeds" };
const yorkshire = { level: "region" as const, code: "E12000003", name: "Yorkshire and The Humber" };

describe("links from figures to stories", () => {
  it.each([
    ["a council", leeds, filters(), "/stories?council=E08000035", "Read the stories about Leeds"],
    ["a region", yorkshire, filters(), "/stories?region=E12000003", "Read the stories about Yorkshire and The Humber"],
    [
      "a region with the",
      { level: "region" as const, code: "E12000001", name: "North East" },
      filters(),
      "/stories?region=E12000001",
      "Read the stories about the North East",
    ],
    [
      "filters the stories know, one value each",
      leeds,
      filters({ perspective: "carer", arrangement: "dp_employer", client: "older_people", lead: "self_led" }),
      "/stories?council=E08000035&perspective=carer&arrangement=dp_employer",
      "Read the stories about Leeds",
    ],
    [
      "a period within one year",
      leeds,
      filters({ from: "2025-04-01", to: "2025-10-01" }),
      "/stories?council=E08000035&year=2025",
      "Read the stories about Leeds",
    ],
    ["every nation", null, filters({ perspective: "carer" }), "/stories?perspective=carer", "Read the stories"],
  ])("%s", (_case, place, chosen, href, text) => {
    expect(storiesForFigures(place, chosen)).toEqual({ href, text });
  });
});

describe("links from stories to figures", () => {
  const link = (query: string, names = { council: "Leeds", region: "Yorkshire and The Humber" }) =>
    figuresForStories(new URLSearchParams(query), names, TODAY);

  it.each([
    ["council=E08000035", "/outcomes/E08000035", "See what experience reports about Leeds add up to"],
    [
      "region=E12000003&perspective=carer",
      "/outcomes/region/E12000003?perspective=carer",
      "See what experience reports about Yorkshire and The Humber add up to",
    ],
    ["council=E08000035&year=2025", "/outcomes/E08000035?from=2025-Q1&to=2025-Q4", undefined],
    ["council=E08000035&year=2026", "/outcomes/E08000035?from=2026-Q1&to=2026-Q4", undefined],
    ["council=E08000035&arrangement=dp_employer&tag=respite", "/outcomes/E08000035?arrangement=dp_employer", undefined],
    ["council=E08000035&perspective=poet&year=1066", "/outcomes/E08000035", undefined],
  ])("%s", (query, href, text) => {
    expect(link(query)).toMatchObject({ href, ...(text ? { text } : {}) });
  });

  it.each([
    ["no place", "perspective=carer"],
    ["several councils", "council=E08000035&council=E08000036"],
    ["a council and a region", "council=E08000035&region=E12000003"],
    ["a code that is not one", "council=%3Cscript%3E"],
  ])("are not offered for %s", (_case, query) => {
    expect(link(query)).toBeNull();
  });

  it("name the region with its article and fall back to the code without a name", () => {
    expect(link("region=E12000001", { council: "", region: "North East" })?.text).toMatch(/about the North East/);
    expect(link("council=E08000035", { council: null, region: null } as never)?.text).toMatch(/about E08000035/);
  });
});

describe("breadcrumbs", () => {
  const crumbs = (heading: Parameters<typeof outcomeBreadcrumbs>[0], query = "") =>
    outcomeBreadcrumbs(heading, query).map((c) => `${c.label} ${c.href}`);

  it.each([
    [
      "an English council",
      { level: "area" as const, regionCode: "E12000003", regionName: "Yorkshire and The Humber", nation: "England" },
      ["Outcomes /outcomes", "England /outcomes?nation=England", "Yorkshire and The Humber /outcomes/region/E12000003"],
    ],
    [
      "a Welsh council",
      { level: "area" as const, regionCode: "W92000004", regionName: "Wales", nation: "Wales" },
      ["Outcomes /outcomes", "Wales /outcomes/region/W92000004"],
    ],
    [
      "a Scottish council",
      { level: "area" as const, regionCode: "S92000003", regionName: "Scotland", nation: "Scotland" },
      ["Outcomes /outcomes", "Scotland /outcomes/region/S92000003"],
    ],
    [
      "an English region",
      { level: "region" as const, regionCode: "E12000007", regionName: "London", nation: "England" },
      ["Outcomes /outcomes", "England /outcomes?nation=England"],
    ],
    [
      "Wales as a region",
      { level: "region" as const, regionCode: "W92000004", regionName: "Wales", nation: "Wales" },
      ["Outcomes /outcomes"],
    ],
  ])("lead from %s to the nation", (_case, heading, expected) => {
    expect(crumbs(heading)).toEqual(expected);
  });

  it("keep the view's filters", () => {
    expect(
      crumbs(
        { level: "area", regionCode: "W92000004", regionName: "Wales", nation: "Wales" },
        "from=2025-Q1&to=2025-Q4",
      ),
    ).toEqual([
      "Outcomes /outcomes?from=2025-Q1&to=2025-Q4",
      "Wales /outcomes/region/W92000004?from=2025-Q1&to=2025-Q4",
    ]);
  });
});
