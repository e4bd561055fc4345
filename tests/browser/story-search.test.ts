// Searching stories by keyboard alone, with JavaScript on (axe on every page) and off.
import { type Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

import { errorSummaryFocused, newBrowserContext, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, pressAndWait } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

// A word the demo community never uses, so these stories are the only matches.
const WORD = "heronsgate";

beforeAll(async () => {
  await suite.db.query(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code)
     SELECT CASE WHEN g % 5 = 0 THEN 'practice_note' ELSE 'story' END::post_kind,
            'The ${WORD} day centre, visit ' || g,
            'We went to ${WORD} again.', '<p>We went to ${WORD} again.</p>', 'We went to ${WORD} again, visit ' || g || '.',
            'carer', 'published', timestamptz '2026-05-01' + g * interval '1 day', 'E06000001'
     FROM generate_series(1, 25) g`,
  );
});

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator(".story-list h2").allTextContents();
}

/** With JavaScript the address changes a moment before the new list is drawn: wait for it. */
async function expectResults(page: Page, count: number) {
  await expect.poll(async () => (await resultTitles(page)).length).toBe(count);
}

describe("searching stories with JavaScript", () => {
  it("search, narrow with a facet, remove it, and page on, all by keyboard", async () => {
    const page = await suite.browser.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${appUrl}/stories`, { waitUntil: "networkidle" });
    await expectAccessible(page);

    await typeInto(page, "#q", WORD);
    await pressAndWait(page, "Enter", new RegExp(`/stories\\?q=${WORD}$`));
    await page.getByRole("heading", { level: 1, name: `Stories matching “${WORD}”` }).waitFor();
    expect(await page.locator("main").textContent()).toContain("25 published, best match first.");
    expect(await page.locator(".snippet mark").first().textContent()).toBe(WORD);
    await expectAccessible(page);

    await tabTo(page, 'input[name="kind"][value="practice_note"]');
    await page.keyboard.press("Space");
    await tabTo(page, ".facets button[type=submit]", 200);
    await pressAndWait(page, "Enter", /kind=practice_note$/);
    await page.getByRole("heading", { level: 1, name: `Practice notes matching “${WORD}”` }).waitFor();
    await expectResults(page, 5);
    await expectAccessible(page);

    await tabTo(page, ".active-filters li:nth-child(2) a");
    await pressAndWait(page, "Enter", new RegExp(`/stories\\?q=${WORD}$`));
    await expectResults(page, 20);

    await tabTo(page, 'nav[aria-label="Pages"] a');
    await pressAndWait(page, "Enter", /cursor=/);
    await expectResults(page, 5);
    await expectAccessible(page);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it("a refused filter puts the focus on the error summary, and nothing found suggests wider searches", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${appUrl}/stories?q=${WORD}&year=1066`, { waitUntil: "networkidle" });
    expect(await errorSummaryFocused(page)).toBe(true);
    expect(await page.inputValue("#year")).toBe("1066");
    await expectAccessible(page);

    await tabTo(page, "#year");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await pressAndWait(page, "Enter", new RegExp(`/stories\\?q=${WORD}(&year=)?$`));
    await expectResults(page, 20);

    // Neither word is in any story (one alone would be searched for: see phone-search.test.ts).
    await page.goto(`${appUrl}/stories?q=quokkaquill+marmaladex`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 2, name: "No published stories match this search" }).waitFor();
    await expectAccessible(page);
    await page.close();
  });
});

describe("searching stories without JavaScript", () => {
  it("the search form, facets and page links are plain GET requests", async () => {
    const context = await newBrowserContext(suite.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${appUrl}/stories`);
    await page.locator("#q").pressSequentially(WORD);
    await Promise.all([page.waitForURL(new RegExp(`/stories\\?q=${WORD}$`)), page.locator("#q").press("Enter")]);
    expect(await page.locator("h1").textContent()).toBe(`Stories matching “${WORD}”`);
    expect(await resultTitles(page)).toHaveLength(20);
    await expectAccessible(page);

    await page.locator('input[name="kind"][value="practice_note"]').press("Space");
    await Promise.all([
      page.waitForURL(/kind=practice_note$/),
      page.locator(".facets button[type=submit]").press("Enter"),
    ]);
    expect(await resultTitles(page)).toHaveLength(5);
    await expectAccessible(page);

    // New words keep the chosen filter: it rides along in the form.
    await page.locator("#q").fill(`${WORD} visit`);
    await Promise.all([page.waitForURL(/kind=practice_note$/), page.locator("#q").press("Enter")]);
    expect(page.url()).toContain(`q=${WORD}+visit&kind=practice_note`);
    expect(await resultTitles(page)).toHaveLength(5);

    await page.goto(`${appUrl}/stories?q=${WORD}&sort=newest`);
    const first = await resultTitles(page);
    await Promise.all([page.waitForURL(/cursor=/), page.getByRole("link", { name: "Older stories" }).press("Enter")]);
    // Within a month the order is random (it must not tell who posted when), so the two pages
    // are checked as a whole: every one of the 25 visits once, none twice.
    const second = await resultTitles(page);
    expect(second).toHaveLength(5);
    expect(new Set([...first, ...second]).size).toBe(25);
    expect([...first, ...second].every((title) => title.startsWith(`The ${WORD} day centre, visit `))).toBe(true);
    await expectAccessible(page);
    await context.close();
  });
});
