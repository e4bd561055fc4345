import { describe, expect, it } from "vitest";

import { isCrossSiteWrite, securityHeaders } from "./security.server";

describe("security headers", () => {
  it("allow scripts only with this request's nonce", () => {
    const headers = securityHeaders({ nonce: "abc123", https: false });
    const csp = headers["Content-Security-Policy"] ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("send HSTS only over https", () => {
    expect(securityHeaders({ nonce: "n", https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });
});

describe("cross-site writes", () => {
  const host = "fifthoption.example";
  it("refuse a POST another site's page sends", () => {
    expect(isCrossSiteWrite({ method: "POST", secFetchSite: "cross-site", origin: "https://evil.example", host })).toBe(
      true,
    );
    expect(isCrossSiteWrite({ method: "POST", secFetchSite: "same-site", origin: undefined, host })).toBe(true);
    expect(isCrossSiteWrite({ method: "POST", secFetchSite: undefined, origin: "https://evil.example", host })).toBe(
      true,
    );
    expect(isCrossSiteWrite({ method: "POST", secFetchSite: undefined, origin: "null", host })).toBe(true);
  });

  it("allow our own forms, reads, and clients that are not browsers", () => {
    expect(isCrossSiteWrite({ method: "POST", secFetchSite: "same-origin", origin: `https://${host}`, host })).toBe(
      false,
    );
    expect(isCrossSiteWrite({ method: "POST", secFetchSite: undefined, origin: `https://${host}`, host })).toBe(false);
    expect(isCrossSiteWrite({ method: "GET", secFetchSite: "cross-site", origin: "https://evil.example", host })).toBe(
      false,
    );
    expect(isCrossSiteWrite({ method: "POST", secFetchSite: undefined, origin: undefined, host })).toBe(false);
  });
});
