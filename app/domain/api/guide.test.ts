import { describe, expect, it } from "vitest";

import { apiGuide, codeSpans } from "./guide";
import { OPENAPI, queryParameterNames, type ApiPath } from "./openapi";

describe("apiGuide", () => {
  const guide = apiGuide();

  it("lists every endpoint of the document with every query parameter it accepts", () => {
    expect(guide.map((endpoint) => endpoint.path)).toEqual(Object.keys(OPENAPI.paths));
    expect(guide.map((endpoint) => endpoint.path)).toContain("/outcomes");
    for (const endpoint of guide) {
      const names = endpoint.parameters.filter((p) => p.where === "query").map((p) => p.name);
      expect(names).toEqual(queryParameterNames(endpoint.path as ApiPath));
    }
  });

  it("builds example requests from the parameters' examples", () => {
    const byPath = Object.fromEntries(guide.map((endpoint) => [endpoint.path, endpoint]));
    expect(byPath["/stories"]?.example).toBe("/stories?tag=respite&council=E06000001&limit=50");
    expect(byPath["/stories/{id}"]?.example).toBe("/stories/123456789");
    expect(byPath["/outcomes"]?.example).toBe("/outcomes?council=E06000001&from=2025-Q1");
    expect(byPath["/tags"]?.example).toBe("/tags");
  });

  it("says what each parameter takes: its values, an example or its type", () => {
    const stories = guide.find((endpoint) => endpoint.path === "/stories");
    const takes = Object.fromEntries((stories?.parameters ?? []).map((p) => [p.name, p.takes]));
    expect(takes.kind).toBe("one of: story, practice_note, question; repeat for several (any of them), at most 20");
    expect(takes.region).toBe("like E06000001; repeat for several (any of them), at most 20");
    expect(takes.unanswered).toBe("one of: 1");
    expect(takes.limit).toMatch(/^a whole number from 1 to \d+ \(default \d+\)$/);
  });
});

describe("codeSpans", () => {
  it("splits text at backticks", () => {
    expect(codeSpans("use `next.url` until `next` is null")).toEqual([
      { code: false, text: "use " },
      { code: true, text: "next.url" },
      { code: false, text: " until " },
      { code: true, text: "next" },
      { code: false, text: " is null" },
    ]);
  });
});
