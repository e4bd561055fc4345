// The account journeys, by keyboard alone, with axe on every page along the way.
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { axeViolations, launchBrowser, tabTo, typeInto, watchForProblems } from "../support/browser";

const appUrl = inject("appUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "kettle orbit lantern nine";
let counter = 0;
function handle() {
  counter += 1;
  return `keyboard_user_${"abcdefghij"[counter % 10]}${Date.now().toString(36).replace(/\d/g, "x")}`;
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page), page.url()).toEqual([]);
}

async function pressAndWait(page: Page, key: string, urlPattern: RegExp) {
  await Promise.all([page.waitForURL(urlPattern), page.keyboard.press(key)]);
  await page.waitForLoadState("networkidle");
}

async function join(page: Page, name: string) {
  await page.goto(`${appUrl}/join`, { waitUntil: "networkidle" });
  await expectAccessible(page);
  await typeInto(page, "#handle", name);
  await typeInto(page, "#password", PASSWORD);
  await tabTo(page, "input[name=perspective]");
  await page.keyboard.press("Space");
  await tabTo(page, "main button[type=submit]");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Save your recovery codes" }).waitFor();
  await expectAccessible(page);
  return page.locator("ol.codes code").allTextContents();
}

async function signOut(page: Page) {
  await tabTo(page, "header button[type=submit]");
  await pressAndWait(page, "Enter", new RegExp(`^${appUrl}/$`));
  await page.getByRole("link", { name: "Sign in" }).waitFor();
}

describe("account journeys by keyboard", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context.close();
  });

  it("sign up, see codes, sign out, sign in, recover with a code, delete the account", async () => {
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const name = handle();

    const codes = await join(page, name);
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
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(await page.locator("#handle-error").textContent()).toContain("first name and surname");
    expect(await page.locator("#password-error").textContent()).toContain("at least 10 characters");
    expect(await page.locator("#perspective-error").count()).toBe(1);
    expect(await page.inputValue("#handle")).toBe("mary_jones");
    await expectAccessible(page);
    await page.close();
  });
});

describe("without JavaScript", () => {
  it("sign-up and sign-in work as plain HTML forms", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const name = handle();
    const codes = await join(page, name);
    expect(codes).toHaveLength(10);
    await tabTo(page, "header button[type=submit]");
    await pressAndWait(page, "Enter", new RegExp(`^${appUrl}/$`));
    await page.goto(`${appUrl}/sign-in`);
    await typeInto(page, "#handle", name);
    await typeInto(page, "#password", PASSWORD);
    await pressAndWait(page, "Enter", new RegExp(`^${appUrl}/$`));
    expect(await page.getByRole("link", { name: /Your account/ }).count()).toBe(1);
    await context.close();
  });
});
