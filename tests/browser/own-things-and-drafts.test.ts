// Your own things, recovery codes and drafts in Chromium: keyboard only, with axe on every page,
// at 390 px and on a desktop, and the drafts and the codes' download with JavaScript off.
import { readFile } from "node:fs/promises";

import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { newBrowserContext, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, join, newHandle, pressButton } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function member(
  trustLevel: number,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; codes: string[]; name: string; consoleErrors: string[] }> {
  const context = await suite.browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const name = newHandle("drafter");
  const codes = await join(page, appUrl, name);
  await suite.db.query(`UPDATE "user" SET trust_level = $1 WHERE handle_key = lower($2)`, [trustLevel, name]);
  return { context, page, codes, name, consoleErrors: problems.consoleErrors };
}

async function publishedStory(title: string): Promise<number> {
  const { rows } = await suite.db.query(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code)
     VALUES ('story', $1, 'Body', '<p>Body</p>', 'Body', 'carer', 'published', now(), 'E06000001') RETURNING id`,
    [title],
  );
  return rows[0].id as number;
}

describe("recovery codes", () => {
  it("at 390 px: one whole code per line, nothing wider than the phone, printable and downloadable", async () => {
    const { page, codes, consoleErrors } = await member(0, PHONE);
    expect(codes).toHaveLength(10);
    // Each code is on one line of its own (a wrapped code has more than one line box).
    const lines = await page.locator("ol.codes code").evaluateAll((elements) =>
      elements.map((element) => ({
        boxes: element.getClientRects().length,
        top: element.getBoundingClientRect().top,
      })),
    );
    expect(lines.every((line) => line.boxes === 1)).toBe(true);
    expect(new Set(lines.map((line) => Math.round(line.top))).size).toBe(10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);

    // By keyboard: the download is a file holding every code.
    await tabTo(page, "form[action='/recovery-codes.txt'] button[type=submit]");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("fifth-option-recovery-codes.txt");
    const text = await readFile((await download.path()) ?? "", "utf8");
    for (const code of codes) expect(text).toContain(code);
    // Still on the page with the codes.
    expect(await page.locator("ol.codes code").count()).toBe(10);

    // Printed: the codes and their instructions, not the rest of the page.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("ol.codes").isVisible()).toBe(true);
    expect(await page.locator("main h1").isVisible()).toBe(false);
    expect(await page.locator("header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Download as a text file" }).isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    expect(consoleErrors).toEqual([]);
  });

  it("download without JavaScript, from the settings page after getting new codes", async () => {
    const { context } = await member(0);
    const off = await newBrowserContext(suite.browser, { javaScriptEnabled: false, viewport: PHONE });
    await off.addCookies(await context.cookies());
    const page = await off.newPage();
    await page.goto(`${appUrl}/settings`);
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Get new recovery codes" }).click(),
    ]);
    const codes = await page.locator("ol.codes code").allTextContents();
    expect(codes).toHaveLength(10);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download as a text file" }).click(),
    ]);
    const text = await readFile((await download.path()) ?? "", "utf8");
    for (const code of codes) expect(text).toContain(code);
    await off.close();
  });
});

describe("your own pending reply", () => {
  for (const [label, viewport] of [
    ["at 390 px", PHONE],
    ["on a desktop", DESKTOP],
  ] as const) {
    it(`shows in its thread, marked, for its author alone (${label}, keyboard only)`, async () => {
      const { page, consoleErrors } = await member(0, viewport);
      const id = await publishedStory(`A story to answer ${label}`);
      await page.goto(`${appUrl}/stories/${id}`, { waitUntil: "networkidle" });
      await typeInto(page, "#body", "We waited nine months for our review too.");
      await pressButton(page, "Post reply");
      await page.waitForURL(/\?replied=pending#comment-\d+$/);
      const commentId = /#comment-(\d+)$/.exec(page.url())?.[1];
      const reply = page.locator(`#comment-${commentId}`);
      await reply.getByText("We waited nine months for our review too.").waitFor();
      expect(await reply.locator(".pending-mark").textContent()).toBe("Waiting for a moderator");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(page);

      // Someone else sees the thread as it was.
      const other = await suite.browser.newContext({ viewport });
      const reader = await other.newPage();
      await reader.goto(`${appUrl}/stories/${id}`, { waitUntil: "networkidle" });
      expect(await reader.locator(`#comment-${commentId}`).count()).toBe(0);
      expect(await reader.getByText("nine months").count()).toBe(0);
      await other.close();

      // Listed on the Drafts page under what is waiting.
      await tabTo(page, "a[href='/drafts']");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Your drafts" }).waitFor();
      await page.getByRole("link", { name: `Your reply to “A story to answer ${label}”` }).waitFor();
      await expectAccessible(page);
      expect(consoleErrors).toEqual([]);
    });
  }
});

describe("story drafts", () => {
  it("without JavaScript: saved, listed, continued filled in, and deleted after a second step", async () => {
    const { context } = await member(1);
    const off = await newBrowserContext(suite.browser, { javaScriptEnabled: false, viewport: PHONE });
    await off.addCookies(await context.cookies());
    const page = await off.newPage();
    await page.goto(`${appUrl}/stories/new`);
    await page.fill("#title", "Notes for my review meeting");
    await page.fill("#body", "What I want to say first is that the hours");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Save draft" }).click()]);
    expect(page.url()).toMatch(/\/stories\/new\?draft=\d+&saved=1$/);
    await page.getByText("Draft saved.").waitFor();
    expect(await page.inputValue("#title")).toBe("Notes for my review meeting");
    await expectAccessible(page);

    await page.goto(`${appUrl}/drafts`);
    await page.getByRole("heading", { level: 2, name: "Notes for my review meeting" }).waitFor();
    await Promise.all([page.waitForLoadState("load"), page.getByRole("link", { name: /^Continue/ }).click()]);
    expect(await page.inputValue("#body")).toBe("What I want to say first is that the hours");

    await page.goto(`${appUrl}/drafts`);
    await Promise.all([page.waitForLoadState("load"), page.getByRole("link", { name: /^Delete/ }).click()]);
    await page.getByText("Delete this draft for good?").waitFor();
    await expectAccessible(page);
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: /^Yes, delete/ }).click()]);
    await page.getByText("Your draft has been deleted.").waitFor();
    await page.getByText("You have no drafts.").waitFor();
    await expectAccessible(page);
    await off.close();
  });

  it("with JavaScript, by keyboard: autosaved when you leave the form, then continued", async () => {
    const { page, consoleErrors } = await member(1, PHONE);
    await page.goto(`${appUrl}/stories/new`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    await typeInto(page, "#title", "Written on the bus");
    await typeInto(page, "#body", "Half a story about our personal budget");
    // Leave by the header link: the form saves what was typed on its way out.
    const saved = page.waitForResponse((response) => response.url().endsWith("/drafts/save"));
    await tabTo(page, "a[href='/drafts']");
    await page.keyboard.press("Enter");
    expect((await saved).status()).toBe(200);
    await page.goto(`${appUrl}/drafts`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 2, name: "Written on the bus" }).waitFor();
    await expectAccessible(page);
    await tabTo(page, "a.button[href^='/stories/new?draft=']");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/stories\/new\?draft=\d+$/);
    await page.waitForLoadState("networkidle");
    expect(await page.inputValue("#body")).toBe("Half a story about our personal budget");
    expect(consoleErrors).toEqual([]);
  });
});
