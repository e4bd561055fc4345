// The story search on a 390 px phone and on a wide screen, by keyboard alone: the Filter button
// over the facets (a <details>, so it works without JavaScript), the note when the search fell
// back to any of the words, filters suggested by the words, and council names in the address.
import { type Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

import { errorSummaryFocused, newBrowserContext, tabTo, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, pressAndWait } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

const PHONE = { width: 390, height: 844 };
// Words the demo community never uses: three stories have one, four the other, none both.
const ONE = "ospreyfield";
const OTHER = "larkmoorish";

beforeAll(async () => {
  await suite.db.query(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code)
     SELECT CASE WHEN g = 7 THEN 'practice_note' ELSE 'story' END::post_kind,
            'Visit ' || g || ' to ' || w,
            'We went to ' || w || '.', '<p>We went to ' || w || '.</p>', 'We went to ' || w || ' again, visit ' || g || '.',
            'carer', 'published', timestamptz '2026-05-01' + g * interval '1 day', 'E06000001'
     FROM generate_series(1, 7) g, LATERAL (SELECT CASE WHEN g <= 3 THEN '${ONE}' ELSE '${OTHER}' END AS w) words`,
  );
});

const results = (page: Page) => page.locator(".story-list h2");
const noSideways = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);

describe("on a 390 px phone", () => {
  it(
    "without JavaScript: the Filter button opens the facets, and the first result is on the first screen",
    {
      timeout: 180_000,
    },
    async () => {
      const context = await newBrowserContext(suite.browser, { javaScriptEnabled: false, viewport: PHONE });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      // A search for one word: the first result starts on the first screen, below the Filter button.
      await page.goto(`${appUrl}/stories?q=${ONE}`);
      const firstResult = await results(page).first().boundingBox();
      const filter = await page.locator("summary.filter-disclosure__button").boundingBox();
      expect(firstResult?.y).toBeLessThan(PHONE.height);
      expect(filter && firstResult && filter.y).toBeLessThan(firstResult?.y ?? 0);

      await page.goto(`${appUrl}/stories?q=${ONE}+${OTHER}`);
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main).toContain(`No stories contain all of “${ONE}” and “${OTHER}”.`);
      expect(main).toContain("Showing stories with any of these words, best match first.");
      expect(await results(page).count()).toBe(7);
      expect(await noSideways(page)).toBeLessThanOrEqual(PHONE.width);

      // The facets wait behind the button, and the note saying why these stories is on the first screen.
      const button = page.locator("summary.filter-disclosure__button");
      expect(await button.isVisible()).toBe(true);
      expect(await page.locator("#facets-heading").isVisible()).toBe(false);
      expect((await page.locator(".word-match-note").boundingBox())?.y).toBeLessThan(PHONE.height);

      await expectAccessible(page);

      // Each control is pressed where it is (the tab order is checked with JavaScript on, below);
      // axe checks the page as it is with the facets open and with a filter chosen.
      await button.press("Enter");
      expect(await page.locator("#facets-heading").isVisible()).toBe(true);
      expect(await page.locator(".filter-disclosure").getAttribute("open")).toBe("");
      expect(await noSideways(page)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page);

      await page.locator('input[name="kind"][value="practice_note"]').press("Space");
      await Promise.all([
        page.waitForURL(/kind=practice_note$/),
        page.locator(".facets button[type=submit]").press("Enter"),
      ]);
      expect(await results(page).count()).toBe(1);
      // With a filter chosen, the button says so.
      expect(await button.textContent()).toContain("Filter (1 chosen)");
      await expectAccessible(page);
      await context.close();
    },
  );

  it("with JavaScript: the Filter button by keyboard, axe with the facets closed and open", async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    await page.goto(`${appUrl}/stories?q=${ONE}+${OTHER}`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    await tabTo(page, "summary.filter-disclosure__button");
    await page.keyboard.press("Enter");
    await page.locator("#facets-heading").waitFor();
    await expectAccessible(page);
    expect(await noSideways(page)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it("with JavaScript: a suggested council, a council's misspelt name and one like nothing", async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    const problems = watchForProblems(page);
    await page.goto(`${appUrl}/stories?q=${OTHER}+havering`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    await tabTo(page, 'a[href$="council=E09000016"]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Only stories about Havering");
    await pressAndWait(page, "Enter", /council=E09000016$/);
    await page
      .getByRole("heading", { level: 1, name: `Stories matching “${OTHER} havering”, about Havering` })
      .waitFor();

    await page.goto(`${appUrl}/stories?council=Haverng`, { waitUntil: "networkidle" });
    expect(new URL(page.url()).search).toBe("?council=E09000016");
    await page.getByRole("heading", { level: 1, name: "Stories about Havering" }).waitFor();
    expect(await noSideways(page)).toBeLessThanOrEqual(PHONE.width);

    expect(problems.consoleErrors).toEqual([]);

    // A 400 page: the browser logs its status, so console errors are checked before it.
    await page.goto(`${appUrl}/stories?council=Narnia`, { waitUntil: "networkidle" });
    expect(await errorSummaryFocused(page)).toBe(true);
    expect(await page.inputValue("#council")).toBe("Narnia");
    expect(await page.locator(".error-summary").textContent()).toContain("No council is called “Narnia”");
    await expectAccessible(page);
    expect(await noSideways(page)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });
});

describe("on a wide screen", () => {
  it("the facets show beside the results, with no Filter button", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${appUrl}/stories?q=${ONE}+${OTHER}`, { waitUntil: "networkidle" });
    expect(await page.locator("summary.filter-disclosure__button").isVisible()).toBe(false);
    expect(await page.locator("#facets-heading").isVisible()).toBe(true);
    const facets = await page.locator("#facets-heading").boundingBox();
    const first = await results(page).first().boundingBox();
    // Beside, not above: the facets start to the right of the first result.
    expect(facets && first && facets.x).toBeGreaterThan((first?.x ?? 0) + (first?.width ?? 0) - 1);
    await tabTo(page, 'input[name="kind"][value="practice_note"]');
    await page.keyboard.press("Space");
    await tabTo(page, ".facets button[type=submit]", 200);
    await pressAndWait(page, "Enter", /kind=practice_note$/);
    // With JavaScript the address changes a moment before the new list is drawn.
    await expect.poll(() => results(page).count()).toBe(1);
    await expectAccessible(page);
    await page.close();
  });
});
