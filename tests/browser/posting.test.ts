// Writing, by keyboard alone: a guided story with a phone number redacted, a trusted member's
// story, a comment and a reply, with axe on every page (the experience report: reports.test.ts).
import { type Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, join, newHandle, pressButton, writeAndPreview } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

async function signedInPage(
  trustLevel: number,
): Promise<{ page: Page; problems: { consoleErrors: string[] }; name: string }> {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const name = newHandle("writer");
  await join(page, appUrl, name);
  await suite.db.query(`UPDATE "user" SET trust_level = $1 WHERE handle_key = lower($2)`, [trustLevel, name]);
  return { page, problems, name };
}

describe("writing by keyboard", () => {
  it("a new member's guided story: a phone number found and replaced, then held for review", async () => {
    const { page, problems } = await signedInPage(0);
    await page.goto(`${appUrl}/stories/new?guided=1`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    await typeInto(page, "#title", "The review that nearly broke us");
    await typeInto(page, "#whatHappened", "The council rang on 07700 900123 to say the hours would be cut.");
    await typeInto(page, "#whatWasGood", "Our advocate came to the second meeting.");
    await typeInto(page, "#whatCouldBeBetter", "A written explanation at the start.");
    await pressButton(page, "Preview and check");
    await page.getByText("We found something that could identify someone").waitFor();
    expect(await page.locator(".preview mark.finding").textContent()).toBe("07700 900123");
    await expectAccessible(page);

    await pressButton(page, "Replace with [phone number]");
    await page.getByText("We did not find anything").waitFor();
    expect(await page.locator(".preview").textContent()).toContain("[phone number]");
    expect(await page.locator(".preview h2, .preview h3").allTextContents()).toContain("What happened");
    await expectAccessible(page);

    await pressButton(page, "Send for review");
    await page.waitForURL(/\/stories\/\d+\?posted=1$/);
    await page.getByText("waiting for a moderator").waitFor();
    await expectAccessible(page);
    const id = /\/stories\/(\d+)/.exec(page.url())?.[1];
    const { rows } = await suite.db.query(`SELECT status, body_markdown FROM post WHERE id = $1`, [id]);
    expect(rows[0].status).toBe("pending");
    expect(rows[0].body_markdown).not.toContain("07700");
    expect(problems.consoleErrors).toEqual([]);
  });

  it("a trusted member's story publishes at once; then a comment and a reply", async () => {
    const { page, problems } = await signedInPage(1);
    await writeAndPreview(page, appUrl, {
      title: "Employing our own PAs",
      body: "We advertised locally and found two brilliant assistants.",
      council: "Hartlepool",
    });
    await page.getByText("We did not find anything").waitFor();
    await pressButton(page, "Publish");
    await page.waitForURL(/\?posted=1$/);
    await page.getByText("Your post has been published").waitFor();
    await expectAccessible(page);

    await typeInto(page, "#body", "Thank you for sharing how you advertised.");
    await pressButton(page, "Post reply");
    await page.getByText("Your reply has been published").waitFor();
    await tabTo(page, "a[href*='replyTo']");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Reply to a comment" }).waitFor();
    await typeInto(page, "#body", "Glad it helped.");
    await pressButton(page, "Post reply");
    await page.locator(".replies").getByText("Glad it helped.").waitFor();
    await expectAccessible(page);
    expect(problems.consoleErrors).toEqual([]);
  });
});
