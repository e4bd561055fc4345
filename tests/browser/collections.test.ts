// Collections by keyboard alone with axe on every page, at 390 px and on a desktop: a curator
// starts a collection, adds a story and publishes it; the story's author follows the notification,
// agrees, and later withdraws from the story's page. Then the same forms with JavaScript off.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { newBrowserContext, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, joinWithoutScript, newHandle, pressButton } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

async function person(width: number, role: string, javaScript = true) {
  const context = await newBrowserContext(suite.browser, {
    viewport: { width, height: 844 },
    javaScriptEnabled: javaScript,
  });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const name = javaScript ? await suite.joinAs(page, role) : newHandle(role);
  if (!javaScript) {
    await joinWithoutScript(page, appUrl, name);
    await suite.giveRole(name, role);
  }
  return { page, problems, name };
}

/** A published story written by this member, straight into the database. */
async function storyBy(handle: string, title: string): Promise<number> {
  const { rows } = await suite.db.query<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, author_id, area_code)
     SELECT 'story', $1, 'The review took our hours away.', '<p>The review took our hours away.</p>',
            'The review took our hours away.', 'carer', 'published', now() - interval '40 days', id, 'E06000001'
     FROM "user" WHERE handle_key = lower($2) RETURNING id`,
    [title, handle],
  );
  return rows[0]?.id ?? 0;
}

async function visit(page: Page, path: string, check = true) {
  await page.goto(`${appUrl}${path}`, { waitUntil: "networkidle" });
  if (check) await checkPage(page);
}

/** axe, and nothing wider than the screen. */
async function checkPage(page: Page) {
  await expectAccessible(page);
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(width);
}

/** Tabs to the button starting with this text and presses Enter (clearing any earlier marker). */
async function press(page: Page, text: string) {
  await page.evaluate(() =>
    document.querySelectorAll("[data-target]").forEach((el) => el.removeAttribute("data-target")),
  );
  await page.locator("body").focus();
  await pressButton(page, text);
}

describe("collections by keyboard", () => {
  for (const width of [390, 1280]) {
    it(`a curator gathers a story, its author agrees and then withdraws, at ${width} px`, async () => {
      const title = `Reviews and cuts at ${width}`;
      const storyTitle = `Our hours were cut (${width})`;
      const curator = await person(width, "researcher");
      const author = await person(width, "member");
      const storyId = await storyBy(author.name, storyTitle);

      await visit(curator.page, "/collections");
      await typeInto(curator.page, "#title", title);
      await typeInto(curator.page, "#intro", "Stories of reviews that cut people’s support.");
      await press(curator.page, "Start the collection");
      await curator.page.getByText("The collection is started.").waitFor();
      await checkPage(curator.page);
      await typeInto(curator.page, "#story", `/stories/${storyId}`);
      await press(curator.page, "Add the story");
      await curator.page.getByText("Its author has been asked").waitFor();
      await curator.page.getByRole("cell", { name: "Asked, no answer yet" }).waitFor();
      await checkPage(curator.page);
      expect(await curator.page.content()).not.toContain(author.name);
      await press(curator.page, "Publish the collection");
      await curator.page.getByText("The collection is published.").waitFor();
      await checkPage(curator.page);
      expect(await curator.page.locator("main").textContent()).not.toContain(storyTitle);

      // The author follows the notification by keyboard and agrees.
      await visit(author.page, "/notifications");
      await tabTo(author.page, 'main a[href^="/collections/consent"]');
      await author.page.keyboard.press("Enter");
      await author.page.getByRole("heading", { level: 1, name: "Your stories in collections" }).waitFor();
      await checkPage(author.page);
      await press(author.page, "Yes, include it");
      await author.page.getByText("Thank you: your story is included.").waitFor();
      await checkPage(author.page);

      const slug = new URL(curator.page.url()).pathname;
      await visit(curator.page, slug);
      await curator.page.getByRole("heading", { level: 2, name: storyTitle }).waitFor();

      // Later, from the story's own page, the author withdraws it.
      await visit(author.page, `/stories/${storyId}`);
      await press(author.page, "Withdraw it");
      await author.page.getByText("Your story is not included in that collection.").waitFor();
      await checkPage(author.page);
      await visit(curator.page, slug, false);
      expect(await curator.page.locator("main").textContent()).not.toContain(storyTitle);

      // The curator is told of both answers, naming the collection, never the story or its author,
      // and follows the notification by keyboard to the collection's edit page.
      await visit(curator.page, "/notifications");
      const told = curator.page.locator("main li", { hasText: `A story in “${title}” was` });
      await told.filter({ hasText: "was agreed: its author said yes" }).waitFor();
      await told.filter({ hasText: "was withdrawn: its author changed their mind" }).waitFor();
      expect(await curator.page.locator("main").textContent()).not.toContain(storyTitle);
      expect(await curator.page.locator("main").textContent()).not.toContain(author.name);
      await tabTo(curator.page, `main a[href="${slug}/edit#stories-heading"]`);
      await curator.page.keyboard.press("Enter");
      await curator.page.getByRole("cell", { name: "Declined" }).waitFor();
      await checkPage(curator.page);

      expect(curator.problems.consoleErrors).toEqual([]);
      expect(author.problems.consoleErrors).toEqual([]);
      await curator.page.context().close();
      await author.page.context().close();
    }, 240_000);
  }
});

describe("without JavaScript", () => {
  // Page scripts are off: axe checks a copy of each page with no script running (tests/support/browser.ts).
  it("starting a collection, adding a story from its page, publishing and agreeing are plain forms", async () => {
    const curator = await person(390, "moderator", false);
    const author = await person(390, "member", false);
    const storyTitle = "Told without scripts";
    const storyId = await storyBy(author.name, storyTitle);
    const { page } = curator;

    await page.goto(`${appUrl}/collections`);
    await page.fill("#title", "Plain forms");
    await page.fill("#intro", "Gathered with JavaScript off.");
    await Promise.all([page.waitForURL(/\/collections\/plain-forms\/edit/), page.click("text=Start the collection")]);
    await expectAccessible(page);
    // From the story's page: "Add to a collection".
    await page.goto(`${appUrl}/stories/${storyId}`);
    await Promise.all([page.waitForURL(/\/collections\/add/), page.click("text=Add to a collection")]);
    await expectAccessible(page);
    await page.selectOption("#collection", "plain-forms");
    await Promise.all([page.waitForURL(/added=1/), page.click("main button[type=submit]")]);
    await Promise.all([page.waitForURL(/published=1/), page.click("text=Publish the collection")]);

    await author.page.goto(`${appUrl}/stories/${storyId}`);
    await Promise.all([author.page.waitForURL(/answered=agreed/), author.page.click("text=Yes, include it")]);
    await expectAccessible(author.page);
    await page.goto(`${appUrl}/collections/plain-forms`);
    expect(await page.locator("main h2", { hasText: storyTitle }).count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`${appUrl}/notifications`);
    await page
      .getByRole("link", { name: "A story in “Plain forms” was agreed: its author said yes, so it is shown." })
      .waitFor();
    await expectAccessible(page);
    const download = await page.request.get(`${appUrl}/collections/plain-forms.pdf`);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    await page.context().close();
    await author.page.context().close();
  }, 180_000);
});
