// The account journeys, by keyboard alone, with axe on every page along the way.
import { type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { errorSummaryFocused, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import {
  expectAccessible,
  join as joinAt,
  joinWithoutScript,
  newHandle as handle,
  PASSWORD,
  pressAndWait,
} from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

async function signOut(page: Page) {
  await tabTo(page, "header button[type=submit]");
  await pressAndWait(page, "Enter", new RegExp(`^${appUrl}/$`));
  await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
}

describe("account journeys by keyboard", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await suite.browser.newContext();
  });
  afterAll(async () => {
    await context.close();
  });

  it("sign up, see codes, sign out, sign in, recover with a code, delete the account", async () => {
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const name = handle();

    const codes = await joinAt(page, appUrl, name);
    expect(codes).toHaveLength(10);

    await signOut(page);

    await page.goto(`${appUrl}/sign-in`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    await typeInto(page, "#handle", name);
    await typeInto(page, "#password", PASSWORD);
    await pressAndWait(page, "Enter", new RegExp(`^${appUrl}/$`));
    await page.getByRole("link", { name: /Your account/ }).waitFor();

    await signOut(page);

    await page.goto(`${appUrl}/recover`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    await typeInto(page, "#handle", name);
    await typeInto(page, "#code", codes[3] ?? "");
    await typeInto(page, "#password", "a brand new passphrase");
    await pressAndWait(page, "Enter", /\/settings\?recovered=1$/);
    await page.getByText("Your password has been reset").waitFor();
    await expectAccessible(page);

    await tabTo(page, "a[href='/settings/delete']");
    await pressAndWait(page, "Enter", /\/settings\/delete$/);
    await expectAccessible(page);
    await tabTo(page, "input[name=content]");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("input[name=content]:checked").getAttribute("value")).toBe("detach");
    await typeInto(page, "#password", "a brand new passphrase");
    await tabTo(page, "main button[type=submit]");
    await pressAndWait(page, "Enter", /\/account-deleted$/);
    await expectAccessible(page);
    expect(await page.locator("h1").textContent()).toBe("Your account has been deleted");

    expect(problems.consoleErrors).toEqual([]);
  });

  it("shows errors in a summary that takes focus, beside each field, and passes axe", async () => {
    const page = await context.newPage();
    await page.goto(`${appUrl}/join`, { waitUntil: "networkidle" });
    await typeInto(page, "#handle", "mary_jones");
    await typeInto(page, "#password", "short");
    await tabTo(page, "main button[type=submit]");
    await page.keyboard.press("Enter");
    await page.locator(".error-summary").waitFor();
    expect(await errorSummaryFocused(page)).toBe(true);
    expect(await page.locator("#handle-error").textContent()).toContain("first name and surname");
    expect(await page.locator("#password-error").textContent()).toContain("at least 10 characters");
    expect(await page.locator("#perspective-error").count()).toBe(1);
    expect(await page.inputValue("#handle")).toBe("mary_jones");
    await expectAccessible(page);
    await page.close();
  });
});

describe("without JavaScript", () => {
  // Page scripts are off: axe checks a copy of each page with no script running (tests/support/browser.ts).
  it("sign-up, sign-out and sign-in work as plain HTML forms", async () => {
    const page = await suite.pageWithoutScript();
    const name = handle();
    expect(await joinWithoutScript(page, appUrl, name)).toHaveLength(10);
    await Promise.all([
      page.waitForURL(new RegExp(`^${appUrl}/$`)),
      page.click("text=I have saved my codes, continue"),
    ]);

    await Promise.all([page.waitForURL(new RegExp(`^${appUrl}/$`)), page.click("header button[type=submit]")]);
    expect(await page.getByRole("link", { name: "Sign in", exact: true }).count()).toBe(1);

    await page.goto(`${appUrl}/sign-in`);
    await page.fill("#handle", name);
    await page.fill("#password", "wrong password entirely");
    await Promise.all([page.waitForLoadState("load"), page.press("#password", "Enter")]);
    await page.locator(".error-summary").waitFor();
    expect(await page.inputValue("#handle")).toBe(name);
    await expectAccessible(page);

    await page.fill("#password", PASSWORD);
    await Promise.all([page.waitForURL(new RegExp(`^${appUrl}/$`)), page.press("#password", "Enter")]);
    expect(await page.getByRole("link", { name: /Your account/ }).count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});
