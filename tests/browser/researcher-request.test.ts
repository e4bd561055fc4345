// Asking for the researcher role by keyboard at 390 px and on a desktop, with axe on every state,
// then an admin granting it without JavaScript.
import { describe, expect, it } from "vitest";

import { errorSummaryFocused, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, joinWithoutScript, newHandle, pressButton } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

const RESEARCH = "How direct payments change unpaid carers' hours, for a PhD.";
const DATA_USE = "Counts by council only, kept on an encrypted laptop and deleted after the study.";

describe("asking for the researcher role", () => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    it(`works by keyboard alone at ${viewport.width} px`, async () => {
      const page = await suite.browser.newPage({ viewport });
      const problems = watchForProblems(page);
      await suite.joinAs(page, "member");

      await page.goto(`${appUrl}/settings`, { waitUntil: "networkidle" });
      await tabTo(page, 'a[href="/settings/researcher"]');
      await Promise.all([page.waitForURL(`${appUrl}/settings/researcher`), page.keyboard.press("Enter")]);
      await page.getByRole("heading", { level: 1, name: "Ask for the researcher role" }).waitFor();
      await expectAccessible(page);
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(
        viewport.width,
      );

      // Too short: the error summary takes focus, the typed text stays.
      await typeInto(page, "#research", "A study");
      await pressButton(page, "Send my request");
      await page.locator(".error-summary").waitFor();
      expect(await errorSummaryFocused(page)).toBe(true);
      expect(await page.inputValue("#research")).toBe("A study");
      await expectAccessible(page);

      await page.fill("#research", "");
      await typeInto(page, "#research", RESEARCH);
      await typeInto(page, "#dataUse", DATA_USE);
      await pressButton(page, "Send my request");
      await page.getByText("your request is with the admins").waitFor();
      expect(await page.getByText("Your request is waiting for an admin").count()).toBe(1);
      await expectAccessible(page);
      expect(problems.consoleErrors.filter((error) => !/status of 400/.test(error))).toEqual([]);
      await page.close();
    });
  }

  it("is granted by an admin with one click, without JavaScript", async () => {
    const page = await suite.pageWithoutScript();
    const member = newHandle("asker");
    await joinWithoutScript(page, appUrl, member);
    await page.goto(`${appUrl}/settings/researcher`);
    await page.fill("#research", RESEARCH);
    await page.fill("#dataUse", DATA_USE);
    await Promise.all([page.waitForLoadState("load"), page.click("main form button:has-text('Send my request')")]);
    await page.getByText("your request is with the admins").waitFor();
    await expectAccessible(page);
    await page.context().close();

    const admin = await suite.pageWithoutScript();
    const adminName = newHandle("admin");
    await joinWithoutScript(admin, appUrl, adminName);
    await suite.giveRole(adminName, "admin");
    await admin.goto(`${appUrl}/admin/roles`);
    const request = admin.locator("#researcher-requests ~ ul li", { hasText: member });
    expect(await request.getByText(RESEARCH).count()).toBe(1);
    await Promise.all([admin.waitForLoadState("load"), request.locator("button:has-text('Grant')").click()]);
    await admin.getByText(`${member} has the researcher role`).waitFor();
    await expectAccessible(admin);
    const [row] = (
      await suite.db.query<{ role: string }>(`SELECT role FROM "user" WHERE handle_key = lower($1)`, [member])
    ).rows;
    expect(row?.role).toBe("researcher");
    await admin.context().close();
  });
});
