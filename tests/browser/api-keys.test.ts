// A researcher's API keys, by keyboard with axe on every state of the page, and without JavaScript.
import { describe, expect, it } from "vitest";

import { errorSummaryFocused, tabTo, typeInto, watchForProblems } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { expectAccessible, joinWithoutScript, newHandle, pressButton } from "../support/journeys";

const suite = browserSuite();
const { appUrl } = suite;

async function apiStatus(key: string) {
  const response = await fetch(`${appUrl}/api/v1/tags`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: response.status, policy: response.headers.get("RateLimit-Policy") };
}

describe("API keys by keyboard", () => {
  it("creates a key, shows it once, and revokes it", async () => {
    const page = await suite.browser.newPage();
    const problems = watchForProblems(page);
    await suite.joinAs(page, "researcher");

    await page.goto(`${appUrl}/settings`, { waitUntil: "networkidle" });
    await tabTo(page, 'a[href="/settings/api-keys"]');
    await Promise.all([page.waitForURL(`${appUrl}/settings/api-keys`), page.keyboard.press("Enter")]);
    await page.getByRole("heading", { level: 1, name: "API keys" }).waitFor();
    expect(await page.getByText("You have no keys.").count()).toBe(1);
    await expectAccessible(page);

    // No label: the error summary takes focus and links to the field.
    await pressButton(page, "Create key");
    await page.locator(".error-summary").waitFor();
    expect(await errorSummaryFocused(page)).toBe(true);
    expect(await page.locator("#label-error").textContent()).toContain("Enter a label");
    await expectAccessible(page);

    await typeInto(page, "#label", "Council comparison");
    await pressButton(page, "Create key");
    await page.getByRole("heading", { level: 2, name: "Your new key" }).waitFor();
    const key = (await page.locator(".new-key code").textContent()) ?? "";
    expect(key).toMatch(/^fo_[a-z2-7]{32}$/);
    // The list is loaded again after the key is made (and after it is revoked, below): wait for it.
    await page.locator("table.data tbody tr").first().waitFor();
    expect(await page.locator("table.data tbody tr").count()).toBe(1);
    expect(await page.locator("table.data tbody tr td").first().textContent()).toBe("Council comparison");
    expect(await page.inputValue("#label")).toBe("");
    await expectAccessible(page);
    expect(await apiStatus(key)).toEqual({ status: 200, policy: '"key";q=600;w=60' });

    // Shown once: coming back to the page shows the prefix only.
    await page.goto(`${appUrl}/settings/api-keys`, { waitUntil: "networkidle" });
    expect(await page.content()).not.toContain(key);
    expect(await page.locator("table.data tbody tr td code").textContent()).toBe(`${key.slice(0, 9)}…`);

    await tabTo(page, "table.data button[type=submit]");
    await page.keyboard.press("Enter");
    await page.getByText(/is revoked\./).waitFor();
    await page.getByText("You have no keys.").waitFor();
    await expectAccessible(page);
    expect((await apiStatus(key)).status).toBe(401);
    // The browser logs the refused form's 400 itself; nothing else may appear.
    expect(problems.consoleErrors.filter((error) => !/status of 400/.test(error))).toEqual([]);
    await page.close();
  });
});

describe("API keys without JavaScript", () => {
  it("are created and revoked with plain HTML forms", async () => {
    // Page scripts are off: axe checks a copy of each page with no script running.
    const page = await suite.pageWithoutScript();
    const name = newHandle("researcher");
    await joinWithoutScript(page, appUrl, name);
    await suite.giveRole(name, "researcher");

    await page.goto(`${appUrl}/settings/api-keys`);
    await page.fill("#label", "x".repeat(81));
    await Promise.all([page.waitForLoadState("load"), page.click("main form button:has-text('Create key')")]);
    await page.locator(".error-summary").waitFor();
    expect(await page.inputValue("#label")).toBe("x".repeat(81));
    await expectAccessible(page);

    await page.fill("#label", "Offline notebook");
    await Promise.all([page.waitForLoadState("load"), page.click("main form button:has-text('Create key')")]);
    const key = (await page.locator(".new-key code").textContent()) ?? "";
    expect((await apiStatus(key)).status).toBe(200);
    await expectAccessible(page);

    await Promise.all([page.waitForLoadState("load"), page.click("table.data button[type=submit]")]);
    await page.getByText(/is revoked\./).waitFor();
    expect((await apiStatus(key)).status).toBe(401);
    await expectAccessible(page);
    await page.context().close();
  });
});
