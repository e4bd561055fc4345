// "Your options" in a real browser, with the demo community: choosing a council by keyboard alone,
// the same with JavaScript off (a plain GET form), and no axe violations or sideways scrolling of
// the page at 390 px and on a desktop (the side-by-side table scrolls in its own box).
import { describe, expect, it } from "vitest";

import { axeViolations, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { pressAndWait } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

/** The council with most experience reports in the demo community, so its page has figures. */
async function busiestCouncil(): Promise<{ code: string; name: string }> {
  const [row] = (
    await suite.db.query(
      `SELECT a.code, a.name FROM experience_report r JOIN area a ON a.code = r.area_code GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`,
    )
  ).rows as { code: string; name: string }[];
  return row ?? { code: "E08000035", name: "Leeds" };
}

describe("your options", () => {
  it("chooses a council by keyboard alone and shows its options side by side", async () => {
    const council = await busiestCouncil();
    const page = await suite.browser.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${appUrl}/`, { waitUntil: "networkidle" });
    await tabTo(page, "a[href='/options']");
    await pressAndWait(page, "Enter", /\/options$/);
    expect(await axeViolations(page)).toEqual([]);
    await typeInto(page, "#council", council.name.slice(0, -1));
    await tabTo(page, "form.council-finder button[type=submit]");
    await pressAndWait(page, "Enter", new RegExp(`/options/${council.code}$`));
    // The address changes as the redirect is followed; the council's page follows it.
    await page.locator("h1", { hasText: `Your options in ${council.name}` }).waitFor();
    // The side-by-side table's box takes focus, so it can be scrolled from the keyboard.
    await tabTo(page, "[role=group][aria-label='Options side by side']");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Options side by side");
    await tabTo(page, "a[href='#shared-lives']");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#shared-lives$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  }, 150_000);

  it("works without JavaScript, keeping what was typed when no council matches", async () => {
    const page = await suite.pageWithoutScript();
    await page.goto(`${appUrl}/options`);
    await page.fill("#council", "Kingston");
    await page.click("form.council-finder button[type=submit]");
    await page.waitForURL(/council=Kingston/);
    expect(await page.locator("#council").inputValue()).toBe("Kingston");
    expect(await page.locator("#council-error").textContent()).toContain("No council is called “Kingston”");
    expect(await axeViolations(page), page.url()).toEqual([]);
    await page.click("text=Kingston upon Thames");
    await page.waitForURL(/\/options\/E09000021$/);
    expect(await page.locator("h1").textContent()).toBe("Your options in Kingston upon Thames");
    await page.context().close();
  });

  // Nine options' sections and tables make a long page for axe on a shared machine: one width per test.
  it.each([390, 1280])(
    "passes axe at %i px, with nothing wider than the screen",
    async (width) => {
      const council = await busiestCouncil();
      const context = await suite.browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      for (const path of ["/options", `/options/${council.code}`, "/options?council=Gotham"]) {
        await page.goto(`${appUrl}${path}`, { waitUntil: "networkidle" });
        expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
        const wide = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
        expect(wide, `${path} at ${width}px`).toBeLessThanOrEqual(width);
      }
      await context.close();
    },
    180_000,
  );
});
