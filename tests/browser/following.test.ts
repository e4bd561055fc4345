// Following a thread, seeing an unread mark once someone else replies, and the Following, Saved
// and notifications pages: by keyboard alone with axe on every page, at 390 px and on a desktop;
// then the same buttons as plain HTML forms with JavaScript off.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { newBrowserContext, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { asNewVisitor, expectAccessible, join, newHandle, PASSWORD, pressButton } from "../support/journeys";

// Two members join and a dozen pages are checked by axe in each journey: longer than most files' tests.
const suite = browserSuite();
const { appUrl } = suite;

async function member(width: number) {
  const context = await suite.browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const name = newHandle("follower");
  await join(page, appUrl, name);
  await suite.db.query(`UPDATE "user" SET trust_level = 1 WHERE handle_key = lower($1)`, [name]);
  return { page, problems, name };
}

async function question(title: string): Promise<number> {
  const { rows } = await suite.db.query<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at)
     VALUES ('question', $1, 'Has anyone asked for a carers assessment?', '<p>Has anyone asked for a carers assessment?</p>',
             'Has anyone asked for a carers assessment?', 'carer', 'published', now() - interval '1 day') RETURNING id`,
    [title],
  );
  return rows[0]?.id ?? 0;
}

async function visit(page: Page, path: string) {
  await page.goto(`${appUrl}${path}`, { waitUntil: "networkidle" });
  await expectAccessible(page);
  // Nothing wider than the screen, the header's links included.
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
}

/** Tabs to the button starting with this text and presses Enter (a marker left by an earlier press is cleared). */
async function press(page: Page, text: string) {
  await page.evaluate(() =>
    document.querySelectorAll("[data-target]").forEach((el) => el.removeAttribute("data-target")),
  );
  await page.locator("body").focus();
  await pressButton(page, text);
}

async function replyAsSomeoneElse(id: number) {
  const replier = await member(1280);
  await replier.page.goto(`${appUrl}/stories/${id}`, { waitUntil: "networkidle" });
  await typeInto(replier.page, "#body", "Yes: ask in writing, and ask for a copy.");
  await pressButton(replier.page, "Post reply");
  await replier.page.getByText("Your reply has been published").waitFor();
  expect(replier.problems.consoleErrors).toEqual([]);
  await replier.page.context().close();
}

describe("following a thread by keyboard", () => {
  for (const width of [390, 1280]) {
    it(`follow, save, an unread mark after someone else replies, the Following and Saved pages, at ${width} px`, async () => {
      const title = `A thread to follow at ${width}`;
      const id = await question(title);
      const { page, problems } = await member(width);

      await visit(page, `/stories/${id}`);
      await press(page, "Follow this question");
      await page.getByRole("button", { name: "Following this question: stop following" }).waitFor();
      await press(page, "Save this post");
      await page.getByRole("button", { name: "Saved: remove from your saved posts" }).waitFor();
      await expectAccessible(page);

      await replyAsSomeoneElse(id);

      // The reader sees the mark in the list, on the Following page and in notifications.
      await visit(page, "/stories");
      expect(await page.locator(".story-list li", { hasText: title }).locator(".unread-mark").textContent()).toBe(
        "New replies",
      );
      await visit(page, "/following");
      expect(await page.locator(".story-list li", { hasText: title }).locator(".unread-mark").textContent()).toBe(
        "1 new reply",
      );
      await visit(page, "/notifications");
      await page.getByRole("link", { name: `Someone replied to “${title}”, which you follow.` }).waitFor();
      await press(page, "Mark all as read");
      await page.getByText("Nothing new.").waitFor();
      await expectAccessible(page);

      // Following the link by keyboard opens the thread, which is then read.
      await tabTo(page, `main a[href^="/stories/${id}"]`);
      await page.keyboard.press("Enter");
      await page.getByText("Yes: ask in writing").waitFor();
      await visit(page, "/stories");
      expect(await page.locator(".story-list li", { hasText: title }).locator(".unread-mark").count()).toBe(0);

      // Saved posts, and unsaving by keyboard.
      await visit(page, "/saved");
      await page.getByRole("link", { name: title }).waitFor();
      await tabTo(page, "main summary");
      await page.keyboard.press("Enter");
      await press(page, "Unsave");
      await page.getByText("You have not saved any posts.").waitFor();
      await expectAccessible(page);
      expect(problems.consoleErrors).toEqual([]);
    }, 180_000);
  }
});

describe("without JavaScript", () => {
  // Page scripts are off: axe checks a copy of each page with no script running (tests/support/browser.ts).
  it("follow, mute and save are plain forms, and the Following page shows the new reply", async () => {
    const title = "A thread followed without scripts";
    const id = await question(title);
    const context = await newBrowserContext(suite.browser, {
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const name = newHandle("plain");
    await asNewVisitor(page);
    await page.goto(`${appUrl}/join`);
    await page.fill("#handle", name);
    await page.fill("#password", PASSWORD);
    await page.check("input[name=perspective][value=carer]");
    await Promise.all([page.waitForLoadState("load"), page.press("main button[type=submit]", "Enter")]);
    await page.getByRole("heading", { level: 1, name: "Save your recovery codes" }).waitFor();

    await page.goto(`${appUrl}/stories/${id}`);
    for (const [button, after] of [
      ["Follow this question", "Following this question: stop following"],
      ["Mute this question", "Muted: no notifications from this question. Unmute"],
      ["Save this post", "Saved: remove from your saved posts"],
    ] as const) {
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: button }).press("Enter")]);
      await page.getByRole("button", { name: after }).waitFor();
    }
    await expectAccessible(page);
    await replyAsSomeoneElse(id);
    await page.goto(`${appUrl}/following`);
    expect(await page.locator(".story-list li", { hasText: title }).locator(".unread-mark").textContent()).toBe(
      "1 new reply",
    );
    await expectAccessible(page);
    // Muted: following shows it, but nothing was sent.
    await page.goto(`${appUrl}/notifications`);
    expect(await page.getByText(title).count()).toBe(0);
    await page.goto(`${appUrl}/saved`);
    await page.getByRole("link", { name: title }).waitFor();
    await expectAccessible(page);
    await context.close();
  }, 180_000);
});
