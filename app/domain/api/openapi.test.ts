import { describe, expect, it } from "vitest";

import { OPENAPI, queryParameterNames } from "./openapi";

describe("the OpenAPI document", () => {
  it("lists the query parameters each endpoint accepts, shared ones included", () => {
    expect(queryParameterNames("/councils")).toEqual(["nation", "region"]);
    expect(queryParameterNames("/tags")).toEqual([]);
    expect(queryParameterNames("/stories/{id}")).toEqual([]);
  });

  it("documents the rate-limit headers on every answer except an outage, when nothing can count", () => {
    for (const [path, item] of Object.entries(OPENAPI.paths)) {
      for (const [status, response] of Object.entries(item.get.responses)) {
        const resolved =
          "$ref" in response
            ? OPENAPI.components.responses[response.$ref.split("/").at(-1) as keyof typeof OPENAPI.components.responses]
            : response;
        const names = Object.keys(resolved.headers);
        if (status === "503") expect(names, `${path} ${status}`).not.toContain("RateLimit");
        else expect(names, `${path} ${status}`).toEqual(expect.arrayContaining(["RateLimit", "RateLimit-Policy"]));
      }
    }
  });
});
