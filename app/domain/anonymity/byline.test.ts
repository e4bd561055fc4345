import { describe, expect, it } from "vitest";

import * as bylines from "./byline";

describe("bylines", () => {
  it("show only perspective and region for anonymous posts", () => {
    expect(
      bylines.byline({ displayMode: "anonymous", handle: "tired_mum", perspective: "carer", regionName: "North West" }),
    ).toBe("a carer in the North West");
    expect(
      bylines.byline({ displayMode: "anonymous", handle: "x", perspective: "support_planner", regionName: "Wales" }),
    ).toBe("a support planner in Wales");
    expect(bylines.byline({ displayMode: "anonymous", handle: "x", perspective: "carer", regionName: null })).toBe(
      "a carer",
    );
  });

  it("show the handle only when the author chose it", () => {
    expect(
      bylines.byline({ displayMode: "handle", handle: "tired_mum", perspective: "carer", regionName: "London" }),
    ).toBe("tired_mum");
  });

  it("never show the perspective on a named post, even once the account is gone", () => {
    for (const perspective of ["carer", "support_planner", "social_worker"] as const) {
      const named = bylines.byline({
        displayMode: "handle",
        handle: "tired_mum",
        perspective,
        regionName: "North West",
      });
      expect(named).toBe("tired_mum");
      expect(bylines.byline({ displayMode: "handle", handle: null, perspective, regionName: "North West" })).toBe(
        "a former member",
      );
      expect(bylines.publicPerspective("handle", perspective)).toBeNull();
      expect(bylines.publicPerspective("anonymous", perspective)).toBe(perspective);
    }
  });
});

const havering = {
  code: "E09000016",
  name: "Havering",
  regionCode: "E12000007",
  regionName: "London",
  nation: "England",
};
const blackpool = {
  code: "E06000009",
  name: "Blackpool",
  regionCode: "E12000002",
  regionName: "North West",
  nation: "England",
};

describe("byline scopes", () => {
  it("show the council only at council scope, the region unless nation scope, and the nation always", () => {
    expect(bylines.publicPlace(havering, "council")).toEqual({
      council: { code: "E09000016", name: "Havering" },
      region: { code: "E12000007", name: "London" },
      nation: "England",
    });
    expect(bylines.publicPlace(havering, "region")).toEqual({
      council: null,
      region: { code: "E12000007", name: "London" },
      nation: "England",
    });
    expect(bylines.publicPlace(havering, "nation")).toEqual({ council: null, region: null, nation: "England" });
    expect(bylines.publicPlace(null, "council")).toEqual({ council: null, region: null, nation: null });
  });

  it("say which council a post is about only at council scope; a named post names the wider place instead", () => {
    expect(bylines.aboutPlace(bylines.publicPlace(havering, "council"), "anonymous")).toEqual({
      council: { code: "E09000016", name: "Havering" },
    });
    expect(bylines.aboutPlace(bylines.publicPlace(havering, "region"), "anonymous")).toBeNull();
    expect(bylines.aboutPlace(bylines.publicPlace(havering, "region"), "handle")).toEqual({
      text: "a council in London",
    });
    expect(bylines.aboutPlace(bylines.publicPlace(blackpool, "region"), "handle")).toEqual({
      text: "a council in the North West",
    });
    expect(bylines.aboutPlace(bylines.publicPlace(blackpool, "nation"), "handle")).toEqual({
      text: "a council in England",
    });
    expect(bylines.aboutPlace(bylines.publicPlace(null, "council"), "handle")).toBeNull();
  });

  it("name the region, or the nation when only the nation may be shown", () => {
    const at = (scope: "council" | "region" | "nation") =>
      bylines.byline({
        displayMode: "anonymous",
        handle: null,
        perspective: "support_planner",
        regionName: bylines.bylinePlaceName(bylines.publicPlace(blackpool, scope)),
      });
    expect(at("council")).toBe("a support planner in the North West");
    expect(at("region")).toBe("a support planner in the North West");
    expect(at("nation")).toBe("a support planner in England");
  });
});

describe("the byline narrowing rule", () => {
  const planner = {
    perspective: "support_planner" as const,
    displayMode: "anonymous" as const,
    scope: "council" as const,
    hasCouncil: true,
    peersInCouncil: 50,
  };

  it("warns a planner, social worker or provider naming a council, and offers region or nation", () => {
    for (const perspective of ["support_planner", "social_worker", "provider_staff"] as const) {
      const warning = bylines.bylineNarrowing({ ...planner, perspective });
      expect(warning?.reasons).toEqual(["works_in_care"]);
      expect(warning?.offer).toEqual(["region", "nation"]);
      expect(warning?.message).toContain("region");
    }
    // Under a name too: the council can still tie the handle to a person.
    expect(bylines.bylineNarrowing({ ...planner, displayMode: "handle" })?.reasons).toEqual(["works_in_care"]);
  });

  it("warns anyone anonymous when few members of their perspective wrote about that council, without saying how many", () => {
    const carer = { ...planner, perspective: "carer" as const };
    expect(bylines.bylineNarrowing({ ...carer, peersInCouncil: bylines.FEW_PEERS })).toBeNull();
    const warning = bylines.bylineNarrowing({ ...carer, peersInCouncil: bylines.FEW_PEERS - 1 });
    expect(warning?.reasons).toEqual(["few_peers"]);
    expect(warning?.message).not.toMatch(/\d/);
    expect(bylines.bylineNarrowing({ ...carer, peersInCouncil: 0, displayMode: "handle" })).toBeNull();
    expect(bylines.bylineNarrowing({ ...carer, peersInCouncil: null })).toBeNull();
    expect(bylines.bylineNarrowing({ ...planner, peersInCouncil: 2 })?.reasons).toEqual(["works_in_care", "few_peers"]);
  });

  it("never warns once the council is hidden or not named", () => {
    expect(bylines.bylineNarrowing({ ...planner, scope: "region", peersInCouncil: 0 })).toBeNull();
    expect(bylines.bylineNarrowing({ ...planner, scope: "nation", peersInCouncil: 0 })).toBeNull();
    expect(bylines.bylineNarrowing({ ...planner, hasCouncil: false, peersInCouncil: 0 })).toBeNull();
  });
});

describe("coarse dates", () => {
  it("never show more than month and year, in UK time", () => {
    expect(bylines.coarseDate(new Date("2026-03-14T15:09:26Z"))).toBe("March 2026");
    // 23:30 UTC on 31 May is already 1 June in London (BST).
    expect(bylines.coarseDate(new Date("2026-05-31T23:30:00Z"))).toBe("June 2026");
    expect(bylines.coarseDateTime(new Date("2026-05-31T23:30:00Z"))).toBe("2026-06");
  });
});
