// A moderator's review queue, audit log and the house rules: by keyboard alone, without
// JavaScript, at 390 px and on a desktop, with axe on every page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { tabTo, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, joinWithoutScript, newHandle } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

/** Pending stories from a former member, the first `daysAgo` old and each after it a day younger. */
async function pendingStories(titles: string[], daysAgo: number) {
  const { rows } = await suite.db.query<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, created_at)
     SELECT 'story', t, '## What happened' || chr(10) || chr(10) || 'It took **months**.', '', '', 'carer', 'pending',
            now() - make_interval(days => $2 - n::int)
       FROM unnest($1::text[]) WITH ORDINALITY AS x(t, n) ORDER BY n RETURNING id`,
    [titles, daysAgo],
  );
  return rows.map((r) => r.id);
}

async function fitsTheScreen(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(width);
}

describe("moderation by keyboard", () => {
  for (const width of [390, 1280]) {
    it(`approves the most urgent item, leaves the notice and focus where it was, and finds it in the log, at ${width} px`, async () => {
      const page = await suite.browser.newPage({ viewport: { width, height: 900 } });
      const problems = watchForProblems(page);
      const name = await suite.joinAs(page, "moderator");
      const [first, second] = await pendingStories(
        [`Keyboard first ${width}`, `Keyboard second ${width}`],
        width === 390 ? 1000 : 900,
      );

      await page.goto(`${appUrl}/moderation?age=30`, { waitUntil: "networkidle" });
      await expectAccessible(page);
      await fitsTheScreen(page);
      expect(await page.locator(`#item-post-${first}-heading`).textContent()).toBe(`Post: Keyboard first ${width}`);
      expect(await page.locator(`#item-post-${first} .queue-body h2`).textContent()).toBe("What happened");
      await tabTo(page, `#item-post-${first} button[name=decision][value=approve]`, 400);
      await page.keyboard.press("Enter");
      await page.waitForURL(/#done$/);
      const notice = page.locator(`#item-post-${second} #done`);
      await notice.waitFor();
      expect(await notice.textContent()).toBe("The item was approved and published. The author has been told.");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("done");
      await expectAccessible(page);

      await page.goto(`${appUrl}/moderation/log?who=${name}`, { waitUntil: "networkidle" });
      await expectAccessible(page);
      await fitsTheScreen(page);
      const row = page.locator("table.data tbody tr").first();
      expect(await row.textContent()).toContain("Approved a post");
      expect(await row.locator(`a[href="/stories/${first}/history"]`).count()).toBe(1);
      await tabTo(page, "#log-action");
      await page.keyboard.type("Approved a post");
      await tabTo(page, "form[role=search] button[type=submit]");
      await page.keyboard.press("Enter");
      await page.waitForURL(/action=post\.approve/);
      expect(await page.locator("table.data tbody tr").count()).toBeGreaterThan(0);
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});

describe("without JavaScript", () => {
  it("selects two items and approves them in one go, at 390 px, the notice at #done", async () => {
    const page = await suite.pageWithoutScript();
    await page.setViewportSize({ width: 390, height: 844 });
    const name = newHandle("bulk_mod");
    await joinWithoutScript(page, appUrl, name);
    await suite.giveRole(name, "moderator");
    const ids = await pendingStories(["Bulk without script one", "Bulk without script two"], 400);
    await page.goto(`${appUrl}/moderation?age=30`);
    await fitsTheScreen(page);
    await expectAccessible(page);
    for (const id of ids) await page.check(`#select-item-post-${id}`);
    await Promise.all([page.waitForURL(/#done$/), page.click("#bulk button[value=approve]")]);
    expect(await page.locator("#done").textContent()).toBe(
      "2 items were approved and published. Each author has been told.",
    );
    await expectAccessible(page);
    const { rows } = await suite.db.query<{ status: string }>(`SELECT status FROM post WHERE id = ANY($1)`, [ids]);
    expect(rows.map((r) => r.status)).toEqual(["published", "published"]);
    await page.context().close();
  }, 180_000);
});

describe("the house rules", () => {
  for (const width of [390, 1280]) {
    it(`are reached from the footer by keyboard and pass axe, at ${width} px`, async () => {
      const page = await suite.browser.newPage({ viewport: { width, height: 900 } });
      const problems = watchForProblems(page);
      await page.goto(`${appUrl}/about`, { waitUntil: "networkidle" });
      await tabTo(page, "footer a[href='/house-rules']", 200);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "House rules" }).waitFor();
      await expectAccessible(page);
      await fitsTheScreen(page);
      expect(await page.locator("ol.house-rules > li").count()).toBeGreaterThanOrEqual(8);
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    });
  }
});
