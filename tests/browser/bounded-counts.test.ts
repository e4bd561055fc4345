// A search with more matches than the bound (STORY_COUNT_BOUND, set to 5 for an app of this file's
// own): the "more than" total, the best-matches note and the filters' note pass axe, read on a
// 390 px phone, and newest first (all of them) is a keyboard press away with JavaScript off.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type RunningApp, startApp, stopAllApps } from "../support/app-server";
import { launchBrowser, newBrowserContext } from "../support/browser";
import { createDatabaseFromTemplate } from "../support/databases";
import freePort from "../support/free-port";
import { expectAccessible, pressAndWait } from "../support/journeys";

import type { Browser } from "playwright-core";

const WORD = "wallabybound";
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  const databaseUrl = await createDatabaseFromTemplate(inject("databaseAdminUrl"), inject("templateDatabase"));
  app = await startApp([], {
    DATABASE_URL: databaseUrl,
    PORT: String(await freePort()),
    LOG_LEVEL: "warn",
    STORY_COUNT_BOUND: "5",
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code)
     SELECT 'story'::post_kind, 'The ${WORD} group, meeting ' || g,
            'We met at ${WORD}.', '<p>We met at ${WORD}.</p>', repeat('${WORD} ', 1 + g % 3) || 'meeting ' || g || '.',
            'carer', 'published', timestamptz '2026-01-01' + g * interval '20 days', 'E06000001'
     FROM generate_series(1, 8) g`,
  );
  await db.end();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopAllApps();
});

describe("a search past the bound", () => {
  it("says “more than” and which stories were ranked, accessibly, on a phone, without JavaScript", async () => {
    const context = await newBrowserContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/stories?q=${WORD}`, { waitUntil: "networkidle" });
    const main = page.locator("main");
    await expect.poll(() => main.textContent()).toContain("More than 5 published, best match first.");
    expect(await main.textContent()).toContain("these are the best matches among the newest 5.");
    expect(await main.textContent()).toContain("counts only the newest 5 of them");
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.getByRole("note").filter({ hasText: "best matches among the newest 5" }).isVisible()).toBe(true);

    // Five stories ranked, one page of them; by keyboard to all of them, newest first, as the note says.
    expect(await page.locator(".story-list h2").count()).toBe(5);
    await page.getByRole("link", { name: "Show newest first" }).focus();
    await pressAndWait(page, "Enter", /sort=newest/);
    expect(await main.textContent()).toContain("More than 5 published, newest first.");
    expect(await main.textContent()).not.toContain("best matches among the newest");
    expect(await page.locator(".story-list h2").count()).toBe(8);
    await expectAccessible(page);
    await context.close();
  });
});
