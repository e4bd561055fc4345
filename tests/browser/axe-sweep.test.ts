// Every page type, as the person who would see it, checked with axe-core (WCAG 2.2 A/AA and best
// practice), for one h1, a skip link, a language and a title, and no console errors; then all of
// them again on a 390 px phone, where nothing may be wider than the screen.
import { type Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { axeViolations, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { ADMIN_PAGES, memberPages, moderatorPages } from "../support/pages";

const suite = browserSuite();
const { appUrl } = suite;

type Screen = "desktop" | "phone";
// Many pages, each with axe: more than the default minute on a busy machine.
const SLOW = { timeout: 180_000 };
const PHONE = { width: 390, height: 844 };

async function signedIn(role: string, screen: Screen): Promise<{ page: Page; handle: string }> {
  const context = await suite.browser.newContext(screen === "phone" ? { viewport: PHONE } : {});
  const page = await context.newPage();
  return { page, handle: await suite.joinAs(page, role) };
}

async function firstPostId(status: "published" | "pending"): Promise<number | undefined> {
  const { rows } = await suite.db.query(`SELECT id FROM post WHERE status = $1 ORDER BY id LIMIT 1`, [status]);
  return (rows[0] as { id: number } | undefined)?.id;
}

async function sweep(page: Page, paths: string[]) {
  const problems = watchForProblems(page);
  const titles = new Map<string, string>();
  const phone = page.viewportSize()?.width === PHONE.width;
  for (const path of paths) {
    const response = await page.goto(`${appUrl}${path}`, { waitUntil: "networkidle" });
    expect(response?.status(), path).toBe(200);
    // On a phone nothing may need scrolling sideways.
    if (phone)
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity), path).toBeLessThanOrEqual(
        PHONE.width,
      );
    expect(await page.locator("h1").count(), path).toBe(1);
    expect(await page.locator("a.skip-link").count(), path).toBe(1);
    expect(await page.getAttribute("html", "lang"), path).toBe("en-GB");
    titles.set(path, await page.title());
    expect(await axeViolations(page), path).toEqual([]);
  }
  expect(problems.consoleErrors).toEqual([]);
  return titles;
}

describe.each(["desktop", "phone"] as const)("every page type passes axe (%s)", (screen) => {
  const newPage = () => suite.browser.newPage(screen === "phone" ? { viewport: PHONE } : {});

  it("signed out", SLOW, async () => {
    const page = await newPage();
    const story = await firstPostId("published");
    const [author] = (
      await suite.db.query(
        `SELECT u.handle FROM post p JOIN "user" u ON u.id = p.author_id WHERE p.status = 'published' AND p.display_mode = 'handle' LIMIT 1`,
      )
    ).rows as { handle: string }[];
    const titles = await sweep(page, [
      "/join",
      "/sign-in",
      "/recover",
      "/account-deleted",
      "/about/api",
      "/house-rules",
      `/stories/${story}`,
      "/stories?kind=question",
      "/stories?tag=respite",
      "/stories?q=dementia+respite",
      `/u/${author?.handle}`,
      "/outcomes",
      "/outcomes/about-the-data",
      "/outcomes/region/E12000002",
      "/outcomes/E06000001",
      "/options",
      "/options/E06000001",
      "/collections",
    ]);
    expect(new Set(titles.values()).size).toBe(titles.size);
    await page.close();
  });

  it("help pages, on a desktop and on a 390 px phone", SLOW, async () => {
    const page = await newPage();
    await sweep(page, ["/help", "/help/safeguarding"]);
    await page.setViewportSize({ width: 390, height: 844 });
    await sweep(page, ["/help", "/"]);
    // Nothing wider than the phone, and the header's help link on screen without scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await page.locator("header a.help-now").boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(844);
    await page.close();
  });

  it("member", SLOW, async () => {
    const { page } = await signedIn("member", screen);
    await sweep(page, memberPages(await firstPostId("published")));
  });

  it("moderator", SLOW, async () => {
    const { page } = await signedIn("moderator", screen);
    await sweep(page, moderatorPages(await firstPostId("pending")));
  });

  it("admin", SLOW, async () => {
    const { page } = await signedIn("admin", screen);
    await sweep(page, ADMIN_PAGES);
  });

  it("researcher", SLOW, async () => {
    const { page } = await signedIn("researcher", screen);
    await sweep(page, ["/", "/stories", "/settings", "/settings/api-keys"]);
  });
});
