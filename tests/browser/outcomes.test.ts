// The outcomes dashboard in a real browser: every view passes axe, filters and sorting work by
// keyboard alone, and the whole thing works with JavaScript switched off.
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

describe("the outcomes dashboard", () => {
  it("shows the overview, a region and a council with charts, tables and no axe violations", async () => {
    const page = await suite.browser.newPage();
    const problems = watchForProblems(page);
    const region = await busiestRegion();
    for (const path of ["/outcomes", `/outcomes/region/${region}`, "/outcomes/E06000001", "/outcomes/about-the-data"]) {
      const response = await page.goto(`${appUrl}${path}`, { waitUntil: "networkidle" });
      expect(response?.status(), path).toBe(200);
      expect(await page.locator("h1").count(), path).toBe(1);
      expect(await axeViolations(page), path).toEqual([]);
    }
    // The region page draws its charts as SVG with a title, a summary and a table beside each.
    await page.goto(`${appUrl}/outcomes/region/${region}`, { waitUntil: "networkidle" });
    const figures = page.locator("main figure");
    expect(await figures.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator("main figure svg[role=img]").count()).toBe(await figures.count());
    expect(await page.locator("main figure table caption").count()).toBe(await figures.count());
    // Printing keeps the charts and their tables.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("main figure svg").first().isVisible()).toBe(true);
    expect(await page.locator("main figure table").first().isVisible()).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it("filters and sorts by keyboard alone", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${appUrl}/outcomes`, { waitUntil: "networkidle" });
    await typeInto(page, "#from", "2025-Q1");
    await tabTo(page, "#lead");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "form.outcome-filters button[type=submit]");
    await pressAndWait(page, "Enter", /from=2025-Q1/);
    expect(page.url()).toContain("lead=self_led");
    expect(await page.locator("#lead").inputValue()).toBe("self_led");
    // Sort the councils by reports, highest first, through the column heading link.
    await tabTo(page, "th a[href*='sort=reports']");
    await pressAndWait(page, "Enter", /sort=reports/);
    expect(await page.locator("th[aria-sort=descending]").textContent()).toContain("Reports");
    expect(page.url()).toContain("from=2025-Q1");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("works without JavaScript, and a mistake is named beside the field with what was typed kept", async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${appUrl}/outcomes`);
    await page.fill("#from", "2025-Q9");
    await page.click("form.outcome-filters button[type=submit]");
    await page.waitForURL(/from=2025-Q9/);
    expect(await page.locator("#from-error").textContent()).toContain("Enter the first quarter like 2025-Q1");
    expect(await page.locator("#from").inputValue()).toBe("2025-Q9");
    await page.fill("#from", "2025-Q1");
    await page.click("form.outcome-filters button[type=submit]");
    await page.waitForURL(/from=2025-Q1/);
    expect(await page.locator("#from-error").count()).toBe(0);
    expect(await page.locator("table.council-table tbody tr").count()).toBeGreaterThan(200);
    await context.close();
  });
});
