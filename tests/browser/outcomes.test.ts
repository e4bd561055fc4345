// The outcomes dashboard in a real browser: every view passes axe at 390 px and on a desktop
// without scrolling sideways, filters, finding and sorting work by keyboard alone, and the whole
// thing works with JavaScript switched off.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { axeViolations, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { pressAndWait } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

async function busiestRegion(): Promise<string> {
  const [row] = (
    await suite.db.query(
      `SELECT a.region_code FROM experience_report r JOIN area a ON a.code = r.area_code GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows as { region_code: string }[];
  return row?.region_code ?? "E12000002";
}

/** Council names in the table's rows. */
function councilNames(page: Page): Promise<string[]> {
  return page.locator("table.council-table tbody th[scope=row]").allTextContents();
}

/** Whether the page scrolls sideways (its content wider than the window). */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe("the outcomes dashboard", () => {
  it.each(
    [390, 1280].flatMap((width) =>
      ["/outcomes", "/outcomes/region/E12000002", "/outcomes/E06000001", "/outcomes/W06000015"].map(
        (path) => [width, path] as const,
      ),
    ),
  )("at %ipx %s passes axe and does not scroll sideways", async (width, path) => {
    const page = await suite.browser.newPage({ viewport: { width, height: 900 } });
    const problems = watchForProblems(page);
    const response = await page.goto(`${appUrl}${path}`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    expect(await page.locator("h1").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it.each([390, 1280])("draws a region's charts at %ipx with tables, the dot plots across the width", async (width) => {
    const page = await suite.browser.newPage({ viewport: { width, height: 900 } });
    const region = await busiestRegion();
    await page.goto(`${appUrl}/outcomes/region/${region}`, { waitUntil: "networkidle" });
    // Each chart is SVG with a title, a summary and a table, one image showing at a time.
    const figures = page.locator("main figure");
    expect(await figures.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator("main figure svg[role=img]:visible").count()).toBe(await figures.count());
    expect(await page.locator("main figure table caption").count()).toBe(await figures.count());
    // The dot plots use the page's width on a desktop (not the narrow drawing's 27rem), and fit a phone.
    const dotsWidth = (await page.locator("main figure.chart--wide svg[role=img]:visible").first().boundingBox())
      ?.width;
    if (width === 1280) expect(dotsWidth).toBeGreaterThan(600);
    else expect(dotsWidth).toBeLessThanOrEqual(390);
    if (width === 1280) {
      // Printing keeps the charts and their tables.
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("main figure svg").first().isVisible()).toBe(true);
      expect(await page.locator("main figure table").first().isVisible()).toBe(true);
    }
    await page.close();
  });

  it("chooses a period, finds a council as you type and sorts, by keyboard alone", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${appUrl}/outcomes`, { waitUntil: "networkidle" });
    // The period is chosen from lists: one quarter earlier for the start.
    await tabTo(page, "#from");
    const before = await page.locator("#from").inputValue();
    await page.keyboard.press("ArrowUp");
    const from = await page.locator("#from").inputValue();
    expect(from).not.toBe(before);
    await tabTo(page, "#lead");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "form.outcome-filters button[type=submit]");
    await pressAndWait(page, "Enter", new RegExp(`from=${from}`));
    expect(page.url()).toContain("lead=self_led");
    expect(await page.locator("#lead").inputValue()).toBe("self_led");
    expect(await page.locator("#from").inputValue()).toBe(from);
    // Typing part of a council's name narrows the table without pressing anything.
    const [first] = await councilNames(page);
    const part = (first ?? "").slice(0, 5).trim();
    await typeInto(page, "#find", part);
    // Each pause in typing asks for what is typed so far. The address changes before the table is
    // drawn again, so wait for the table's own status to name the whole of it.
    await page.locator(".council-search__status", { hasText: `“${part}”` }).waitFor();
    expect(page.url()).toMatch(new RegExp(`find=${encodeURIComponent(part).replace(/%20/g, "\\+")}(&|#|$)`));
    const found = await councilNames(page);
    expect(found.length).toBeGreaterThan(0);
    for (const name of found) expect(name.toLowerCase()).toContain(part.toLowerCase());
    expect(await page.locator("#find").evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await page.locator(".council-search__status").textContent()).toContain(`“${part}”`);
    expect(page.url()).toContain(`from=${from}`);
    // Sort the councils by reports, highest first, through the column heading link.
    await tabTo(page, "th a[href*='sort=reports']");
    await pressAndWait(page, "Enter", /sort=reports/);
    expect(await page.locator("th[aria-sort=descending]").textContent()).toContain("Reports");
    expect(page.url()).toContain("find=");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("with JavaScript, opens a region's drawn dashboard at its top and goes back to where it was; a refused period's summary takes focus", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 700 } });
    const problems = watchForProblems(page);
    await page.goto(`${appUrl}/outcomes`, { waitUntil: "networkidle" });
    // Far down the national page, a region's link: followed in the page, without loading a document.
    const link = page.locator('main a[href^="/outcomes/region/"]').first();
    await link.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(300);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await link.click();
    await page.waitForURL(/\/outcomes\/region\//);
    await page.locator(".place-dashboard figure").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    // The new page starts at its top, its heading in view.
    await page.waitForFunction(() => window.scrollY === 0);
    expect(await page.locator("h1").textContent()).toMatch(/^Outcomes in /);
    expect(await page.locator(".place-dashboard figure").count()).toBeGreaterThanOrEqual(5);
    // The page that came with scripts keeps them, and with them the scroll restoration: going back
    // returns to where the reader was.
    expect(await page.locator("script").count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goBack();
    await page.waitForURL(/\/outcomes$/);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, scrolled);
    expect(problems.consoleErrors).toEqual([]);
    // A council's page with a refused period keeps its scripts: the summary takes focus.
    const refused = await page.goto(`${appUrl}/outcomes/E06000001?from=2025-Q9`, { waitUntil: "networkidle" });
    expect(refused?.status()).toBe(400);
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    expect(await page.locator("#from").inputValue()).toBe("2025-Q9");
    // A council's page with its dashboard is a document without scripts.
    await page.goto(`${appUrl}/outcomes/E06000001`, { waitUntil: "networkidle" });
    expect(await page.locator("script").count()).toBe(0);
    // Only the browser's note of the refused page's status.
    expect(problems.consoleErrors).toEqual([expect.stringContaining("status of 400")]);
    await page.close();
  });

  it("works without JavaScript: a refused period is named and kept, and the table is found and shown whole", async () => {
    const page = await suite.pageWithoutScript();
    await page.goto(`${appUrl}/outcomes?from=2025-Q9`);
    expect(await page.locator("#from-error").textContent()).toContain("Enter the first quarter like 2025-Q1");
    expect(await page.locator("#from").inputValue()).toBe("2025-Q9");
    expect(await axeViolations(page), page.url()).toEqual([]);
    const valid = await page.locator("#from option").nth(1).getAttribute("value");
    await page.selectOption("#from", valid ?? "");
    await page.click("form.outcome-filters button[type=submit]");
    await page.waitForURL(new RegExp(`from=${valid}`));
    expect(await page.locator("#from-error").count()).toBe(0);
    const shown = (await councilNames(page)).length;
    expect(shown).toBeLessThan(207);
    // Councils with too few reports are hidden until asked for.
    await page.getByRole("link", { name: /^Show all \d+ councils/ }).click();
    await page.waitForURL(/all=1/);
    expect((await councilNames(page)).length).toBeGreaterThan(shown);
    await page.fill("#find", "bury");
    await page.click("form.council-search button[type=submit]");
    await page.waitForURL(/find=bury/);
    const found = await councilNames(page);
    expect(found.length).toBeGreaterThan(0);
    for (const name of found) expect(name.toLowerCase()).toContain("bury");
    expect(await axeViolations(page), page.url()).toEqual([]);
    await page.context().close();
  });
});
