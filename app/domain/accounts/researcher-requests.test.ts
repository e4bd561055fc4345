import { describe, expect, it } from "vitest";

import { decisionNotice, readResearcherRequest } from "./researcher-requests";

const GOOD = {
  research: "How direct payments change carers' hours, for a PhD at a university.",
  organisation: "  University of Somewhere  ",
  dataUse: "Aggregate counts only, kept on an encrypted laptop, deleted after the study.",
};

describe("readResearcherRequest", () => {
  it("trims the fields and treats an empty organisation as none", () => {
    expect(readResearcherRequest(GOOD)).toEqual({
      ok: true,
      input: { research: GOOD.research, organisation: "University of Somewhere", dataUse: GOOD.dataUse },
    });
    const none = readResearcherRequest({ ...GOOD, organisation: "   " });
    expect(none.ok && none.input.organisation).toBeNull();
  });

  it("names each field that is missing, too short or too long", () => {
    expect(readResearcherRequest({})).toEqual({
      ok: false,
      errors: {
        research: expect.stringContaining("at least 20"),
        dataUse: expect.stringContaining("at least 20"),
      },
    });
    const long = readResearcherRequest({ ...GOOD, research: "x".repeat(1001), organisation: "o".repeat(121) });
    expect(long.ok ? null : Object.keys(long.errors).sort()).toEqual(["organisation", "research"]);
  });

  it("refuses values that are not text and drops control characters", () => {
    expect(readResearcherRequest({ ...GOOD, research: ["a", "b"] }).ok).toBe(false);
    const cleaned = readResearcherRequest({ ...GOOD, dataUse: `${GOOD.dataUse}\u0000\u0007` });
    expect(cleaned.ok && cleaned.input.dataUse).toBe(GOOD.dataUse);
  });
});

describe("decisionNotice", () => {
  it("tells the member the outcome and where to go next", () => {
    expect(decisionNotice("grant")).toMatchObject({ kind: "role.researcher.granted", link: "/settings/api-keys" });
    expect(decisionNotice("decline").message).toContain("declined");
  });
});
