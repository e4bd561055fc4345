// The home page and a thread that helps, by keyboard alone on a desktop and at 390 px with axe on
// every page, and the same forms with JavaScript off (docs/peer-support.md). With JavaScript off
// the test cannot ask the page where the focus is (nor run axe), so there it presses Enter in
// each field or on each button, which is still what a keyboard user does.
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

import { newBrowserContext, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { asNewVisitor, expectAccessible, join, newHandle, PASSWORD, pressAndWait } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function fitsWidth(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function newPage(options: { javaScript: boolean; viewport: { width: number; height: number } }) {
  const context: BrowserContext = await newBrowserContext(suite.browser, {
    javaScriptEnabled: options.javaScript,
    viewport: options.viewport,
  });
  const page = await context.newPage();
  return { context, page };
}

/** The story's page on a phone with JavaScript off, signed in as the member of `signedIn`. */
async function storyWithoutScript(signedIn: Page, postId: number) {
  const { context, page } = await newPage({ javaScript: false, viewport: PHONE });
  await context.addCookies(await signedIn.context().cookies());
  await page.goto(`${appUrl}/stories/${postId}`);
  return { context, page };
}

describe("the home page", () => {
  for (const [label, javaScript, viewport] of [
    ["on a desktop", true, DESKTOP],
    ["at 390 px", true, PHONE],
  ] as const) {
    it(`searches and finds a council by keyboard, ${label}`, async () => {
      const { context, page } = await newPage({ javaScript, viewport });
      const problems = watchForProblems(page);
      await page.goto(appUrl, { waitUntil: "networkidle" });
      await expectAccessible(page);
      await fitsWidth(page, viewport.width);
      for (const heading of [
        "Search the stories",
        "Find your council",
        "Need help now?",
        "Share your story",
        "Where to start",
        "Newest stories",
        "Questions waiting for an answer",
        "Recent practice notes",
      ]) {
        await page.getByRole("heading", { level: 2, name: heading }).waitFor();
      }
      for (const path of [
        "I care for someone",
        "I draw on care and support",
        "I plan or provide support",
        "I research",
      ])
        await page.getByRole("heading", { level: 3, name: path }).waitFor();

      await typeInto(page, "#q", "direct payments");
      await pressAndWait(page, "Enter", /\/stories\?q=direct\+payments$/);
      await page.getByRole("heading", { level: 1, name: "Stories matching “direct payments”" }).waitFor();

      await page.goto(appUrl, { waitUntil: "networkidle" });
      await typeInto(page, "#council", "Hartlepool");
      await tabTo(page, "button[name=show][value=stories]");
      await pressAndWait(page, "Enter", /\/stories\?council=E06000001$/);
      await page.getByRole("heading", { level: 1, name: "Stories about Hartlepool" }).waitFor();

      await page.goto(appUrl, { waitUntil: "networkidle" });
      await typeInto(page, "#council", "hartlepool");
      await tabTo(page, "button[name=show][value=outcomes]");
      await pressAndWait(page, "Enter", /\/outcomes\/E06000001$/);

      // A council that does not exist: a clear message, what was typed kept, the same form again.
      await page.goto(appUrl, { waitUntil: "networkidle" });
      await typeInto(page, "#council", "Gotham");
      await tabTo(page, "button[name=show][value=stories]");
      await pressAndWait(page, "Enter", /\/find-council\?/);
      expect(await page.locator(".error-summary").textContent()).toContain(
        "We could not find a council called “Gotham”",
      );
      expect(await page.inputValue("#council")).toBe("Gotham");
      await expectAccessible(page);
      await fitsWidth(page, viewport.width);
      // The unknown council's page answers 404, which Chromium reports; nothing else may go wrong.
      expect(problems.consoleErrors.filter((error) => !error.includes("status of 404"))).toEqual([]);
      await context.close();
    });
  }

  it("searches, finds a council and leads a visitor to share their story, without JavaScript", async () => {
    const { context, page } = await newPage({ javaScript: false, viewport: PHONE });
    await asNewVisitor(page);
    await page.goto(appUrl);
    await fitsWidth(page, PHONE.width);
    await expectAccessible(page);
    await page.fill("#q", "direct payments");
    await Promise.all([page.waitForURL(/\/stories\?q=direct\+payments$/), page.press("#q", "Enter")]);
    await expectAccessible(page);

    await page.goto(appUrl);
    await page.fill("#council", "Hartlepool");
    // Enter in the box submits with the form's first button: the council's stories.
    await Promise.all([page.waitForURL(/\/stories\?council=E06000001$/), page.press("#council", "Enter")]);
    await page.goto(appUrl);
    await page.fill("#council", "Hartlepool");
    await Promise.all([
      page.waitForURL(/\/outcomes\/E06000001$/),
      page.locator("button[name=show][value=outcomes]").press("Enter"),
    ]);

    await page.goto(appUrl);
    await Promise.all([
      page.waitForURL(/\/join\?redirectTo=%2Fstories%2Fnew$/),
      page.locator("main a.button", { hasText: "Share your story" }).press("Enter"),
    ]);
    await page.fill("#handle", newHandle("sharer"));
    await page.fill("#password", PASSWORD);
    await page.locator("input[name=perspective]").first().check();
    await Promise.all([page.waitForLoadState("load"), page.locator("main button[type=submit]").press("Enter")]);
    await page.getByRole("heading", { level: 1, name: "Save your recovery codes" }).waitFor();
    await Promise.all([
      page.waitForURL(/\/stories\/new$/),
      page.locator('main a.button[href="/stories/new"]').press("Enter"),
    ]);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await fitsWidth(page, PHONE.width);
    await expectAccessible(page);
    await context.close();
  });
});

describe("a thread that helps", () => {
  let postId: number;
  let helperReply: number;
  let otherReply: number;
  const asker = newHandle("asker");
  const helper = newHandle("helper");
  let askerPage: Page;
  let helperPage: Page;

  beforeAll(async () => {
    ({ page: askerPage } = await newPage({ javaScript: true, viewport: DESKTOP }));
    ({ page: helperPage } = await newPage({ javaScript: true, viewport: PHONE }));
    await join(askerPage, appUrl, asker);
    await join(helperPage, appUrl, helper);
    const ids = async (handle: string) =>
      Number(
        (await suite.db.query<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [handle])).rows[0]
          ?.id,
      );
    const [askerId, helperId] = [await ids(asker), await ids(helper)];
    const post = await suite.db.query<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, published_at)
       VALUES ('question', 'Who can help me with a direct payment review?', 'My review is next month.', '<p>My review is next month.</p>',
               'My review is next month.', $1, 'carer', 'published', now()) RETURNING id`,
      [askerId],
    );
    postId = post.rows[0]?.id ?? 0;
    const reply = async (authorId: number | null, text: string) =>
      (
        await suite.db.query<{ id: number }>(
          `INSERT INTO comment (post_id, author_id, author_perspective, body_markdown, body_html, status, published_at)
           VALUES ($1, $2, 'support_planner', $3, '<p>' || $3 || '</p>', 'published', now()) RETURNING id`,
          [postId, authorId, text],
        )
      ).rows[0]?.id ?? 0;
    helperReply = await reply(helperId, "Write down what a good week looks like before the review.");
    otherReply = await reply(null, "Ask for the review in writing and keep a copy.");
  });

  it("a reader says a reply helped them by keyboard at 390 px, and takes it back without JavaScript", async () => {
    await helperPage.goto(`${appUrl}/stories/${postId}`, { waitUntil: "networkidle" });
    await expectAccessible(helperPage);
    await fitsWidth(helperPage, PHONE.width);
    // Not offered on their own reply.
    expect(await helperPage.locator(`#comment-${helperReply} button`).count()).toBe(0);
    await tabTo(helperPage, `#comment-${otherReply} button[aria-pressed=false]`);
    await pressAndWait(helperPage, "Enter", new RegExp(`/stories/${postId}#comment-${otherReply}$`));
    expect(await helperPage.locator(`#comment-${otherReply} .helped-count`).textContent()).toBe("Helped 1 person");
    expect(await helperPage.locator(`#comment-${otherReply} button[aria-pressed=true]`).textContent()).toContain(
      "press to undo",
    );
    await expectAccessible(helperPage);
    await fitsWidth(helperPage, PHONE.width);

    const { context: off, page } = await storyWithoutScript(helperPage, postId);
    await Promise.all([
      page.waitForURL(new RegExp(`/stories/${postId}#comment-${otherReply}$`)),
      page.locator(`#comment-${otherReply} button[aria-pressed=true]`).press("Enter"),
    ]);
    await page.locator(`#comment-${otherReply} button[aria-pressed=false]`).waitFor();
    expect(await page.locator(`#comment-${otherReply} .helped-count`).count()).toBe(0);
    await fitsWidth(page, PHONE.width);
    await expectAccessible(page);
    await off.close();
  });

  it("the asker chooses the reply that helped most and clears it again, by keyboard, with JavaScript", async () => {
    await askerPage.goto(`${appUrl}/stories/${postId}`, { waitUntil: "networkidle" });
    await expectAccessible(askerPage);
    await tabTo(askerPage, `#comment-${otherReply} input[value=answer] ~ button`);
    await askerPage.keyboard.press("Enter");
    await askerPage.locator(`#comment-${otherReply} .answer-mark`).waitFor();
    expect(await askerPage.locator("ul.comments > li").first().getAttribute("id")).toBe(`comment-${otherReply}`);
    expect(await askerPage.locator(`#comment-${otherReply} .answer-mark`).textContent()).toBe(
      "Chosen as the answer by the person who asked",
    );
    await expectAccessible(askerPage);

    // Readers see the same order and mark, without the buttons.
    await helperPage.goto(`${appUrl}/stories/${postId}`, { waitUntil: "networkidle" });
    expect(await helperPage.locator("ul.comments > li").first().getAttribute("id")).toBe(`comment-${otherReply}`);
    expect(await helperPage.getByText("Clear my choice").count()).toBe(0);

    await tabTo(askerPage, `#comment-${otherReply} input[value=clear-answer] ~ button`);
    await askerPage.keyboard.press("Enter");
    await expect.poll(() => askerPage.locator(".answer-mark").count()).toBe(0);
    await expectAccessible(askerPage);

    // And the same without JavaScript: a plain form post and a redirect.
    const { context: off, page } = await storyWithoutScript(askerPage, postId);
    await Promise.all([
      page.waitForURL(new RegExp(`/stories/${postId}#comment-${otherReply}$`)),
      page.locator(`#comment-${otherReply} input[value=answer] ~ button`).press("Enter"),
    ]);
    expect(await page.locator("ul.comments > li").first().getAttribute("id")).toBe(`comment-${otherReply}`);
    await fitsWidth(page, PHONE.width);
    await expectAccessible(page);
    await off.close();
  });
});

describe("a long thread", () => {
  let postId: number;
  let replies: number[];

  beforeAll(async () => {
    const post = await suite.db.query<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at)
       VALUES ('story', 'Forty replies about respite', 'Respite.', '<p>Respite.</p>', 'Respite.', 'carer', 'published', now())
       RETURNING id`,
    );
    postId = post.rows[0]?.id ?? 0;
    const rows = await suite.db.query<{ id: number }>(
      `INSERT INTO comment (post_id, author_perspective, body_markdown, body_html, status, created_at, published_at)
       SELECT $1, 'carer', 'Reply ' || n, '<p>Reply ' || n || '</p>', 'published',
              now() - (100 - n) * interval '1 minute', now() - (100 - n) * interval '1 minute'
       FROM generate_series(1, 40) AS n ORDER BY n RETURNING id`,
      [postId],
    );
    replies = rows.rows.map((row) => row.id);
  });

  it("goes to the later replies and back by keyboard at 390 px, with axe, and without JavaScript", async () => {
    const { context, page } = await newPage({ javaScript: true, viewport: PHONE });
    await asNewVisitor(page);
    await page.goto(`${appUrl}/stories/${postId}`, { waitUntil: "networkidle" });
    expect(await page.locator("ul.comments > li").count()).toBe(30);
    await expectAccessible(page);
    await fitsWidth(page, PHONE.width);
    await tabTo(page, 'nav[aria-label="Pages of replies"] a:not([aria-current])', 200);
    await pressAndWait(page, "Enter", new RegExp(`/stories/${postId}\\?page=2#comments-heading$`));
    expect(await page.locator("ul.comments > li").first().getAttribute("id")).toBe(`comment-${replies[30]}`);
    expect(await page.locator('nav[aria-label="Pages of replies"] a[aria-current=page]').textContent()).toBe("Page 2");
    await expectAccessible(page);
    await fitsWidth(page, PHONE.width);
    await context.close();

    const off = await newPage({ javaScript: false, viewport: PHONE });
    await asNewVisitor(off.page);
    await off.page.goto(`${appUrl}/stories/${postId}?reply=${replies[35]}`);
    expect(await off.page.locator(`#comment-${replies[35]}`).count()).toBe(1);
    await Promise.all([
      off.page.waitForURL(new RegExp(`/stories/${postId}#comments-heading$`)),
      off.page.getByRole("link", { name: "Show earlier replies" }).press("Enter"),
    ]);
    expect(await off.page.locator("ul.comments > li").count()).toBe(30);
    await fitsWidth(off.page, PHONE.width);
    await off.context.close();
  });
});
