// The experience report on GOV.UK patterns (docs/experience-reports.md), in Chromium: a carer's
// report by keyboard alone on a desktop, and a person with support needs' with JavaScript off at
// 390 px; branching, wording, check answers and Change, "Save and come back later", sending, and
// the member's own reports changed and withdrawn. axe on every kind of page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { fieldsOf } from "../../app/domain/reports/wizard";
import { newBrowserContext, routerSettled, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, join, joinWithoutScript, newHandle, pressButton } from "../support/journeys";
import { reportAnswers } from "../support/reports";

const suite = browserSuite();
const { appUrl } = suite;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const stepOn = (page: Page) => page.locator("input[name=step]").first().inputValue();

/** Waits until the form shows a step other than `from` (the page answered the last Continue), and
 * the submission's loaders have been read again, so the next Continue interrupts nothing. */
async function movedFrom(page: Page, from: string) {
  await page.waitForFunction((previous) => {
    const field = document.querySelector<HTMLInputElement>("input[name=step]");
    return field !== null && field.value !== previous;
  }, from);
  await routerSettled(page);
}

/** Answers the page on screen from `all` by keyboard alone, and presses Continue; returns the step answered. */
async function answerByKeyboard(page: Page, all: Record<string, string>): Promise<string> {
  const step = await stepOn(page);
  for (const field of fieldsOf(step)) {
    const value = all[field] ?? "";
    const radios = page.locator(`input[type=radio][name='${field}']`);
    if ((await radios.count()) > 0) {
      if (value === "" || (await page.locator(`input[name='${field}'][value='${value}']`).isChecked())) continue;
      await tabTo(page, `input[name='${field}']`);
      if (!(await page.locator(`input[name='${field}']:checked`).count())) await page.keyboard.press("Space");
      for (let i = 0; i < 20 && !(await page.locator(`input[name='${field}'][value='${value}']`).isChecked()); i++) {
        await page.keyboard.press("ArrowDown");
      }
    } else if (value !== "") {
      await tabTo(page, `#${field}`);
      await page.keyboard.press("Control+A");
      await page.keyboard.type(value);
    }
  }
  await pressButton(page, "Continue");
  await movedFrom(page, step);
  return step;
}

/** Answers the page on screen from `all` with the plain HTML form (JavaScript off), and continues. */
async function answerWithoutScript(page: Page, all: Record<string, string>): Promise<string> {
  const step = await stepOn(page);
  for (const field of fieldsOf(step)) {
    const value = all[field] ?? "";
    if ((await page.locator(`input[type=radio][name='${field}']`).count()) > 0) {
      if (value) await page.check(`input[name='${field}'][value='${value}']`);
    } else if (await page.locator(`#${field}`).count()) {
      await page.fill(`#${field}`, value);
    }
  }
  await Promise.all([page.waitForLoadState("load"), page.click("button[value=continue]")]);
  return step;
}

const heading = (page: Page) => page.locator("h1").first().innerText();

/** Nothing wider than the phone, and no axe violations. */
async function fitsAndPasses(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page);
}

describe("the experience report", () => {
  it("a carer's report by keyboard at 390 px: their mother's support, branching, Change, sent, withdrawn", async () => {
    const context = await suite.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const name = newHandle("carer");
    await join(page, appUrl, name);
    await page.goto(`${appUrl}/reports/new`, { waitUntil: "networkidle" });
    await fitsAndPasses(page);
    const all = reportAnswers({ perspective: "carer", clientGroup: "dementia", supportArrangement: "waiting" });

    // The council, then a month in the future: the error summary links to the month, the year is kept.
    await answerByKeyboard(page, all);
    expect(await heading(page)).toBe("Which month do your answers describe?");
    expect(await page.locator("#periodYear").getAttribute("inputmode")).toBe("numeric");
    const nextYear = String(new Date().getUTCFullYear() + 1);
    await typeInto(page, "#periodMonth", "1");
    await typeInto(page, "#periodYear", nextYear);
    await pressButton(page, "Continue");
    await page
      .locator(".error-summary a[href='#periodMonth']")
      .getByText("The month cannot be in the future")
      .waitFor();
    expect(await page.locator("#periodYear").inputValue()).toBe(nextYear);
    await fitsAndPasses(page);
    // The summary links to the box it names, which is there to go to.
    expect(await page.locator("#periodMonth").count()).toBe(1);

    const seen: string[] = [];
    const headings: string[] = [];
    while ((await stepOn(page)) !== "check") {
      headings.push(await heading(page));
      if (["period", "perspective", "unpaidHours", "outcome-carer-wellbeing", "comment"].includes(await stepOn(page)))
        await fitsAndPasses(page);
      seen.push(await answerByKeyboard(page, all));
    }
    // Still waiting: nothing about a budget or pay. About their mother: "they". Their own: a heading of its own.
    expect(seen).not.toContain("budgetChange");
    expect(seen).not.toContain("paidSupport");
    expect(headings).toContain("What is the main reason they need support?");
    expect(headings).toContain("Dignity in the way they are supported");
    expect(headings).not.toContain("Dignity in the way I am supported");
    await page.getByRole("heading", { level: 2, name: "You as a carer" }).waitFor();
    await fitsAndPasses(page);

    // Change: support arranged by a direct payment after all; the new questions, then back to check.
    await tabTo(page, "button[value='goto:supportArrangement']");
    await page.keyboard.press("Enter");
    await movedFrom(page, "check");
    expect(await heading(page)).toBe("How is their support arranged today?");
    const paid = { ...all, supportArrangement: "dp_agency", hourlyRate: "14.20" };
    const opened: string[] = [];
    do opened.push(await answerByKeyboard(page, paid));
    while ((await stepOn(page)) !== "check");
    expect(opened).toEqual([
      "supportArrangement",
      "budgetChange",
      "ease",
      "weeksToSupport",
      "budgetCoverage",
      "paidSupport",
    ]);
    expect(await page.locator("main").innerText()).toContain("£14.20 an hour");
    await pressButton(page, "Send report");
    await page.getByRole("heading", { name: "Thank you, your report has been sent" }).waitFor();
    await page.getByRole("link", { name: "See the figures for Hartlepool" }).waitFor();
    await fitsAndPasses(page);

    // Your reports: listed, then withdrawn after a second step.
    await tabTo(page, "main a[href='/reports']");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Your reports" }).waitFor();
    await fitsAndPasses(page);
    await tabTo(page, "a[href*='withdraw=']");
    await page.keyboard.press("Enter");
    await page.getByText("Withdraw this report?").waitFor();
    await fitsAndPasses(page);
    await pressButton(page, "Yes, withdraw");
    await page.getByText("Your report has been withdrawn").waitFor();
    const { rows } = await suite.db.query(
      `SELECT 1 FROM experience_report r JOIN "user" u ON u.id = r.author_id WHERE u.handle_key = lower($1)`,
      [name],
    );
    expect(rows).toEqual([]);
    // The one 400 is the month refused on purpose above.
    expect(problems.consoleErrors.filter((error) => !error.includes("status of 400"))).toEqual([]);
    await context.close();
  }, 240_000);

  it("a person with support needs, JavaScript off on a desktop: saved for later, sent, seen and changed", async () => {
    const page = await (
      await newBrowserContext(suite.browser, { javaScriptEnabled: false, viewport: DESKTOP })
    ).newPage();
    const name = newHandle("own");
    await joinWithoutScript(page, appUrl, name);
    await page.goto(`${appUrl}/reports/new`);
    await expectAccessible(page);
    const all = reportAnswers({ perspective: "supported_person", "outcome-dignity": "a_lot_better" });
    const headings: string[] = [];
    while ((await stepOn(page)) !== "outcome-home") {
      headings.push(await heading(page));
      await answerWithoutScript(page, all);
    }
    expect(headings).toContain("Dignity in the way I am supported");
    expect(headings).toContain("How is your support arranged today?");

    // Save and come back later: kept as a draft, continued from /drafts at the same question.
    await Promise.all([page.waitForLoadState("load"), page.click("button[value=draft]")]);
    await page.getByText("Draft saved.").waitFor();
    await expectAccessible(page);
    await page.goto(`${appUrl}/drafts`);
    await Promise.all([page.waitForLoadState("load"), page.click("a[href^='/reports/new?draft=']")]);
    expect(await stepOn(page)).toBe("outcome-home");
    while ((await stepOn(page)) !== "check") await answerWithoutScript(page, all);
    expect(await page.locator("h2").allInnerTexts()).not.toContain("You as a carer");
    await expectAccessible(page);

    // Change one answer from check: straight back to check.
    await Promise.all([page.waitForLoadState("load"), page.click("button[value='goto:outcome-quality-of-life']")]);
    await answerWithoutScript(page, { "outcome-quality-of-life": "a_lot_worse" });
    expect(await stepOn(page)).toBe("check");
    expect(await page.locator("main").innerText()).toContain("Got a lot worse");
    await Promise.all([page.waitForLoadState("load"), page.click("button[value=submit]")]);
    await page.getByRole("heading", { name: "Thank you, your report has been sent" }).waitFor();
    await expectAccessible(page);

    // Seen in Your reports, and changed from there back through check your answers.
    await page.goto(`${appUrl}/reports`);
    await page.getByRole("heading", { level: 2, name: /^Hartlepool, / }).waitFor();
    await expectAccessible(page);
    await Promise.all([page.waitForLoadState("load"), page.click("a[href^='/reports/new?change=']")]);
    expect(await stepOn(page)).toBe("check");
    await Promise.all([page.waitForLoadState("load"), page.click("button[value='goto:planLead']")]);
    await answerWithoutScript(page, { planLead: "council_led" });
    await Promise.all([page.waitForLoadState("load"), page.click("button[value=submit]")]);
    await page.getByRole("heading", { name: "Your report has been changed" }).waitFor();
    await expectAccessible(page);
    const { rows } = await suite.db.query(
      `SELECT r.plan_lead FROM experience_report r JOIN "user" u ON u.id = r.author_id WHERE u.handle_key = lower($1)`,
      [name],
    );
    expect(rows).toEqual([{ plan_lead: "council_led" }]);
    await page.context().close();
  }, 240_000);
});
