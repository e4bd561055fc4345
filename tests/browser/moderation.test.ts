// A moderator's review queue and audit log, by keyboard, with axe.
import pg from "pg";
import { type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, tabTo, watchForProblems } from "../support/browser";
import { expectAccessible, join, newHandle } from "../support/journeys";

const appUrl = inject("appUrl");
let browser: Browser;
let db: pg.Client;

beforeAll(async () => {
  browser = await launchBrowser();
  db = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await db.connect();
});
afterAll(async () => {
  await browser?.close();
  await db?.end();
});

describe("moderation by keyboard", () => {
  it("approves the most urgent item in the queue and finds it in the audit log", async () => {
    const page = await browser.newPage();
    const problems = watchForProblems(page);
    const name = newHandle("moderator");
    await join(page, appUrl, name);
    await db.query(`UPDATE "user" SET role = 'moderator', trust_level = 2 WHERE handle_key = lower($1)`, [name]);

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
