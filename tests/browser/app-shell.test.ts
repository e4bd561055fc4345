import { type Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { axeViolations, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";

const suite = browserSuite();
const { appUrl } = suite;

async function open(path: string) {
  const page = await suite.browser.newPage();
  const problems = watchForProblems(page);
  const response = await page.goto(`${appUrl}${path}`, { waitUntil: "networkidle" });
  return { page, problems, status: response?.status() };
}

async function expectWellFormedPage(page: Page) {
  expect(await page.locator("h1").count()).toBe(1);
  expect(await page.getAttribute("html", "lang")).toBe("en-GB");
  expect((await page.title()).length).toBeGreaterThan(5);
  expect(await page.locator("a.skip-link[href='#main']").count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
}

describe("the site shell", () => {
  it("home page shows demo stories, passes axe, and logs no errors", async () => {
    const { page, problems, status } = await open("/");
    expect(status).toBe(200);
    await expectWellFormedPage(page);
    // The 5 newest stories, then questions waiting for an answer and practice notes.
    expect(await page.locator("[aria-labelledby=newest-heading] .story-list > li").count()).toBe(5);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it("unknown addresses get a plain-words 404 page that passes axe", async () => {
    const { page, problems, status } = await open("/no/such/page");
    expect(status).toBe(404);
    await expectWellFormedPage(page);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    expect(await page.title()).toBe("Page not found – Fifth Option");
    // The only console error allowed is Chromium reporting the 404 status itself.
    expect(problems.consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await page.close();
  });

  it("the skip link moves keyboard focus to the main content", async () => {
    const { page } = await open("/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.close();
  });

  it("every page title is unique, and story, list and information pages pass axe", async () => {
    const titles = new Set<string>();
    const { page: home } = await open("/");
    const firstStory = await home.locator(".story-list a").first().getAttribute("href");
    await home.close();
    const { page: list } = await open("/stories");
    const olderPage = await list.getByRole("link", { name: "Older" }).getAttribute("href");
    await list.close();
    for (const path of ["/", "/stories", olderPage ?? "/", firstStory ?? "/", "/about", "/accessibility", "/privacy"]) {
      const { page, problems, status } = await open(path);
      expect(status, path).toBe(200);
      await expectWellFormedPage(page);
      expect(problems.consoleErrors, path).toEqual([]);
      titles.add(await page.title());
      await page.close();
    }
    expect(titles.size).toBe(7);
  });

  it("client-side navigation works once scripts load under the nonce-based CSP", async () => {
    const { page, problems } = await open("/");
    const link = page.locator(".story-list a").first();
    const title = await link.textContent();
    await link.click();
    await page.waitForURL(/\/stories\/\d+$/);
    await page.getByRole("heading", { level: 1, name: title ?? "" }).waitFor();
    expect(await page.locator("h1").count()).toBe(1);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });
});
