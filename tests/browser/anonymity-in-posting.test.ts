// Issue 12 in a real browser: the preview is the published page (byline, council, region, tags,
// month), the byline narrowing warning for a planner naming a council, and its one-click
// region-only byline working with JavaScript off. Axe on the preview.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { coarseDate, coarseDateTime } from "~/domain/anonymity/byline";

import { newBrowserContext, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, join, newHandle, pressButton, writeAndPreview } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

async function planner(): Promise<{ context: BrowserContext; page: Page; problems: { consoleErrors: string[] } }> {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const name = newHandle("planner");
  await join(page, appUrl, name);
  await suite.db.query(
    `UPDATE "user" SET trust_level = 1, perspective = 'support_planner' WHERE handle_key = lower($1)`,
    [name],
  );
  return { context, page, problems };
}

/** What a reader sees at the top of a post: byline line, date and tags. */
async function heading(page: Page, scope: string) {
  const byline = page.locator(`${scope} p.byline`).first();
  return {
    byline: ((await byline.textContent()) ?? "").replace(/\s+/g, " ").trim(),
    month: await byline.locator("time").getAttribute("datetime"),
    tags: await page.locator(`${scope} ul.tag-list li`).allTextContents(),
  };
}

describe("the preview is the published page", () => {
  it("shows the same byline, council, region, tags and month as the published story, and warns a planner naming a council", async () => {
    const { page, problems } = await planner();
    await writeAndPreview(
      page,
      appUrl,
      { title: "How panels decide", body: "Panels read the plan before the person speaks.", council: "Blackpool" },
      "#tag-topic-finding-pas",
    );
    await page.getByText("Your byline could point to a few people").waitFor();
    await expectAccessible(page);

    const preview = await heading(page, ".preview");
    const now = new Date();
    expect(preview.byline).toBe(`Story by a support planner in the North West, about Blackpool · ${coarseDate(now)}`);
    expect(preview.month).toBe(coarseDateTime(now));
    expect(preview.tags.length).toBe(1);

    await pressButton(page, "Publish");
    await page.waitForURL(/\?posted=1$/);
    const published = await heading(page, "article");
    expect(published).toEqual(preview);
    expect(await page.locator("article h1").textContent()).toBe("How panels decide");

    // The edit page shows the same heading and the same warning, and passes axe too.
    const id = /\/stories\/(\d+)/.exec(page.url())?.[1];
    await page.goto(`${appUrl}/stories/${id}/edit`, { waitUntil: "networkidle" });
    await page.getByText("Your byline could point to a few people").waitFor();
    expect(await heading(page, ".preview")).toEqual(published);
    await expectAccessible(page);
    expect(problems.consoleErrors).toEqual([]);
  });
});

describe("narrowing bylines without JavaScript", () => {
  it("the one-click region-only byline re-renders the preview and publishes without the council", async () => {
    const { context } = await planner();
    const off = await newBrowserContext(suite.browser, { javaScriptEnabled: false });
    await off.addCookies(await context.cookies());
    const page = await off.newPage();
    await page.goto(`${appUrl}/stories/new`);
    await page.fill("#title", "Reviews by phone");
    await page.fill("#body", "We moved reviews to the phone and kept them short.");
    await page.fill("#council", "Blackpool");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Preview and check" }).click()]);
    await page.getByText("Your byline could point to a few people").waitFor();
    await expectAccessible(page);

    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Show only the region" }).click(),
    ]);
    await page.getByText("Preview: this is exactly what will be published").waitFor();
    expect(await page.getByText("Your byline could point to a few people").count()).toBe(0);
    const preview = await heading(page, ".preview");
    expect(preview.byline).toContain("by a support planner in the North West");
    expect(preview.byline).not.toContain("Blackpool");
    expect(await page.locator("input[name=bylineScope][value=region]").isChecked()).toBe(true);
    await expectAccessible(page);

    await Promise.all([page.waitForURL(/\?posted=1$/), page.getByRole("button", { name: "Publish" }).click()]);
    const published = await heading(page, "article");
    expect(published.byline).toBe(preview.byline);
    await expectAccessible(page);
    expect(await page.locator("article").textContent()).not.toContain("Blackpool");
    const id = /\/stories\/(\d+)/.exec(page.url())?.[1];
    const { rows } = await suite.db.query(`SELECT byline_scope, area_code FROM post WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ byline_scope: "region", area_code: "E06000009" });
    await off.close();
  });
});
