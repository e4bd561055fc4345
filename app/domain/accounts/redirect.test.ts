import { describe, expect, it } from "vitest";

import { HOSTILE_REDIRECTS } from "../../../tests/support/hostile-redirects";

import { MAX_REDIRECT_LENGTH, safeRedirectPath } from "./redirect";

const SITE = "http://site.example";

/** Where a browser would go, given this as the Location of a page on SITE. */
const landsOn = (location: string) => new URL(location, SITE);

describe("safeRedirectPath", () => {
  it.each(HOSTILE_REDIRECTS.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    "sends %s home",
    (_label, value) => {
      const location = safeRedirectPath(value);
      expect(location).toBe("/");
      expect(landsOn(location).origin).toBe(SITE);
    },
  );

  it("keeps paths on this site, with their query and fragment", () => {
    for (const path of [
      "/",
      "/settings",
      "/stories/12",
      "/stories?q=respite&tag=respite",
      "/stories?q=a%2Fb",
      "/outcomes#councils",
    ]) {
      expect(safeRedirectPath(path)).toBe(path);
      expect(landsOn(safeRedirectPath(path)).origin).toBe(SITE);
    }
  });

  it("gives the path as a browser would send it: lookalike slashes and other letters percent-encoded, dot segments gone", () => {
    const lookalike = safeRedirectPath("/\uff0f\uff0fevil.example");
    expect(lookalike).toBe("/%EF%BC%8F%EF%BC%8Fevil.example");
    expect(landsOn(lookalike).origin).toBe(SITE);
    expect(safeRedirectPath("/stories/../settings")).toBe("/settings");
    expect(safeRedirectPath("/../../evil.example")).toBe("/evil.example");
    expect(safeRedirectPath("/café")).toBe("/caf%C3%A9");
  });

  it("refuses what is not a string, and uses the fallback given", () => {
    for (const value of [undefined, null, 42, ["/settings"], { toString: () => "/settings" }])
      expect(safeRedirectPath(value)).toBe("/");
    expect(safeRedirectPath("//evil.example", "/settings")).toBe("/settings");
    expect(safeRedirectPath(`/${"a".repeat(MAX_REDIRECT_LENGTH - 1)}`)).toHaveLength(MAX_REDIRECT_LENGTH);
    expect(safeRedirectPath(`/${"a".repeat(MAX_REDIRECT_LENGTH)}`)).toBe("/");
  });

  it("never returns anything a header cannot carry or a browser would take off the site, whatever it is given", () => {
    const pieces = [
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      "%2F",
      "%5C",
      "%09",
      "%",
      "evil.example",
      ":",
      "@",
      "?",
      "#",
      ".",
      " ",
      "\u3002",
      "\uff0f",
      "a",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const length = 1 + (next() % 8);
      const value = Array.from({ length }, () => pieces[next() % pieces.length]).join("");
      const location = safeRedirectPath(value);
      expect(location, JSON.stringify(value)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      expect(landsOn(location).origin, JSON.stringify(value)).toBe(SITE);
      expect(() => new Headers({ Location: location })).not.toThrow();
    }
  });
});
