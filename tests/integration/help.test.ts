// Help in a crisis, one tap from every page: the header link, the crisis page with every number as
// a link a phone can dial, and the ways in from the home page, the footer and the safeguarding page.
import { describe, expect, it } from "vitest";

import { allHelplines, helplineHref } from "../../app/domain/help/helplines";
import { send, signUp } from "../support/remix";

const HEADER_LINK =
  /<header[\s\S]*?<a[^>]*class="help-now"[^>]*href="\/help"|<header[\s\S]*?<a[^>]*href="\/help"[^>]*class="help-now"/;

describe("Get help now", () => {
  it("is the first link in the header of every page, signed out and signed in, on errors too", async () => {
    const { cookie } = await signUp();
    for (const path of ["/", "/stories", "/outcomes", "/sign-in", "/about", "/no-such-page"]) {
      const html = await (await send(path)).text();
      expect(html, path).toMatch(HEADER_LINK);
      // Before the main navigation, so it is the first thing after the site's name.
      expect(html.indexOf('class="help-now"'), path).toBeLessThan(html.indexOf('aria-label="Main"'));
    }
    const signedIn = await (await send("/settings", { cookie })).text();
    expect(signedIn).toMatch(HEADER_LINK);
  });

  it("lists every helpline with a number a phone can dial, and where each number comes from", async () => {
    const response = await send("/help");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>Get help now</h1>");
    for (const helpline of allHelplines()) {
      expect(html, helpline.id).toContain(`href="${helplineHref(helpline).replaceAll("&", "&amp;")}"`);
      expect(html, helpline.id).toContain(helpline.source);
    }
    expect(html).toContain("If caring has broken down");
    expect(html).toContain("emergency duty team");
  });

  it("is reached from the home page, the footer and the safeguarding page", async () => {
    const home = await (await send("/")).text();
    expect(home).toMatch(/<aside class="help-block"[\s\S]*href="tel:999"[\s\S]*href="tel:116123"[\s\S]*href="\/help"/);
    expect(home).toMatch(/<footer[\s\S]*href="\/help"/);
    const safeguarding = await (await send("/help/safeguarding")).text();
    expect(safeguarding).toContain('href="/help"');
    expect(safeguarding).toContain('href="tel:116123"');
  });
});
