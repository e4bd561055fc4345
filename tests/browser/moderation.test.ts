// A moderator's review queue and audit log, by keyboard, with axe.
import { describe, expect, it } from "vitest";

import { tabTo, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

describe("moderation by keyboard", () => {
  it("approves the most urgent item in the queue and finds it in the audit log", async () => {
    const page = await suite.browser.newPage();
    const problems = watchForProblems(page);
    const name = await suite.joinAs(page, "moderator");

    await page.goto(`${appUrl}/moderation`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    const first = (await page.locator("ol.story-list > li h2").first().textContent()) ?? "";
    expect(first).toMatch(/^(Post|Reply|Experience report comment) \d+/);
    await tabTo(page, "button[name=decision][value=approve]");
    await page.keyboard.press("Enter");
    await page.getByText(/ approved\.$/).waitFor();
    await expectAccessible(page);

    await page.goto(`${appUrl}/moderation/log`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    expect(await page.locator("table.data tbody tr").first().textContent()).toContain(name);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });
});
