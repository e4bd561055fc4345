// axe on a page with JavaScript off (tests/support/browser.ts): axe cannot run in such a page, so
// it checks a copy of what the page shows now, with no script of the app's running.
import { describe, expect, it } from "vitest";

import { axeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";

const suite = browserSuite();

describe("axe with JavaScript off", () => {
  it("checks the page as it is now, not as it is served afresh, and passes a clean one", async () => {
    const page = await suite.pageWithoutScript();
    await page.goto(`${suite.appUrl}/house-rules`);
    expect(await axeViolations(page)).toEqual([]);
    // A change only this page has (made through the DevTools protocol, as no page script can run):
    // an image with no text alternative. axe finds it, so it read this page's document.
    await page.evaluate(() => {
      const image = document.createElement("img");
      image.src = "/favicon.svg";
      document.querySelector("main")?.append(image);
    });
    const found = await axeViolations(page);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^image-alt \(critical\)/);
    await page.context().close();
  });
});
