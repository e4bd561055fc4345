// Ticking two tags in the facets and applying them, by keyboard, on a 390 px phone: with
// JavaScript (axe before and after) and without it (a plain GET form). Any of the ticked tags
// matches; each chosen tag is a chip that removes it alone.
import { type Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

import { tabTo, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, pressAndWait } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

const PHONE = { width: 390, height: 844 };
// A word the demo community never uses: 2 of its stories are tagged Dementia, 3 Mental capacity, 4 neither.
const WORD = "wagtailbrook";
const TWO_TAGS = /\?q=wagtailbrook&tag=capacity&tag=dementia$/;

beforeAll(async () => {
  await suite.db.query(
    `WITH made AS (
       INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code)
       SELECT 'story', 'The ${WORD} visit ' || g, 'We went to ${WORD}.', '<p>We went to ${WORD}.</p>',
              'We went to ${WORD}, visit ' || g || '.', 'carer', 'published', timestamptz '2026-05-01' + g * interval '1 day', 'E06000001'
       FROM generate_series(1, 9) g RETURNING id, title)
     INSERT INTO post_tag (post_id, tag_id)
     SELECT made.id, tag.id FROM made JOIN tag ON tag.slug = CASE
       WHEN made.title ~ 'visit [12]$' THEN 'dementia' WHEN made.title ~ 'visit [345]$' THEN 'capacity' END`,
  );
});

const results = (page: Page) => page.locator(".story-list h2");
const noSideways = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
const box = (slug: string) => `input[type=checkbox][name="tag"][value="${slug}"]`;

describe("several tags at once, on a 390 px phone", () => {
  it("with JavaScript: open Filter, tick two tags by keyboard, Apply, then remove one chip", async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    const problems = watchForProblems(page);
    await page.goto(`${appUrl}/stories?q=${WORD}`, { waitUntil: "networkidle" });
    expect(await results(page).count()).toBe(9);
    await tabTo(page, "summary.filter-disclosure__button");
    await page.keyboard.press("Enter");
    await tabTo(page, box("dementia"), 200);
    await page.keyboard.press("Space");
    await tabTo(page, box("capacity"), 200);
    await page.keyboard.press("Space");
    await expectAccessible(page);
    await tabTo(page, ".facets button[type=submit]", 200);
    await pressAndWait(page, "Enter", TWO_TAGS);
    await page
      .getByRole("heading", {
        level: 1,
        name: `Stories matching “${WORD}”, tagged “Mental capacity and decisions” or “Dementia”`,
      })
      .waitFor();
    await expect.poll(() => results(page).count()).toBe(5);
    expect(await page.locator(".filter-disclosure__button").textContent()).toContain("Filter (2 chosen)");
    await expectAccessible(page);
    expect(await noSideways(page)).toBeLessThanOrEqual(PHONE.width);

    await tabTo(page, `.active-filters a[href="/stories?q=${WORD}&tag=dementia"]`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Remove filter: Mental capacity and decisions",
    );
    await pressAndWait(page, "Enter", /\?q=wagtailbrook&tag=dementia$/);
    await expect.poll(() => results(page).count()).toBe(2);
    expect(await page.locator(box("dementia")).isChecked()).toBe(true);
    expect(await page.locator(box("capacity")).isChecked()).toBe(false);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it("without JavaScript: the same ticks and Apply are a plain GET form", async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${appUrl}/stories?q=${WORD}`);
    // With scripts off the page cannot be asked where the focus is, so each control is pressed where it is.
    await page.locator("summary.filter-disclosure__button").press("Enter");
    await page.locator(box("dementia")).press("Space");
    await page.locator(box("capacity")).press("Space");
    expect(await noSideways(page)).toBeLessThanOrEqual(PHONE.width);
    // The form sends the ticks in page order; the server answers with the one address for them.
    await Promise.all([page.waitForURL(TWO_TAGS), page.locator(".facets button[type=submit]").press("Enter")]);
    expect(await results(page).count()).toBe(5);
    expect(await page.locator("h1").textContent()).toBe(
      `Stories matching “${WORD}”, tagged “Mental capacity and decisions” or “Dementia”`,
    );
    expect(await page.locator(".active-filters a").allTextContents()).toEqual(
      expect.arrayContaining(["Remove filter: Mental capacity and decisions", "Remove filter: Dementia"]),
    );
    expect(await noSideways(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});
