// Steps shared by the browser journeys: every one by keyboard, with axe on each page.
import type { Page } from "playwright-core";
import { expect } from "vitest";

import { axeViolations, tabTo, typeInto } from "./browser";

export const PASSWORD = "kettle orbit lantern nine";

export function newHandle(prefix = "keyboard_user") {
  const letters = [...crypto.getRandomValues(new Uint8Array(8))]
    .map((byte) => "abcdefghijklmnopqrstuvwxyz"[byte % 26])
    .join("");
  return `${prefix}_${letters}`;
}

export async function expectAccessible(page: Page) {
  expect(await axeViolations(page), page.url()).toEqual([]);
}

export async function pressAndWait(page: Page, key: string, urlPattern: RegExp) {
  await Promise.all([page.waitForURL(urlPattern), page.keyboard.press(key)]);
  await page.waitForLoadState("networkidle");
}

let visitors = 0;
// Every browser test file shares one app (and its sign-up limit of 5 an hour per address), and
// each file counts from zero: a random network per file keeps their visitors apart.
const network = [...crypto.getRandomValues(new Uint8Array(2))].join(".");
/** Gives the page its own client address (the test app trusts X-Forwarded-For), as separate people have. */
export async function asNewVisitor(page: Page) {
  visitors += 1;
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.${network}.${visitors % 250}` });
}

/** Joins by keyboard and returns the recovery codes shown. */
export async function join(page: Page, appUrl: string, name: string) {
  await asNewVisitor(page);
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

/** Joins with the plain HTML form (for a page with JavaScript off) and returns the recovery codes shown. */
export async function joinWithoutScript(page: Page, appUrl: string, name: string) {
  await asNewVisitor(page);
  await page.goto(`${appUrl}/join`);
  await expectAccessible(page);
  await page.fill("#handle", name);
  await page.fill("#password", PASSWORD);
  await page.check("input[name=perspective][value=carer]");
  await Promise.all([page.waitForLoadState("load"), page.click("main button[type=submit]")]);
  await page.getByRole("heading", { level: 1, name: "Save your recovery codes" }).waitFor();
  await expectAccessible(page);
  return page.locator("ol.codes code").allTextContents();
}

/** Presses the submit button whose text matches, reached with Tab. */
export async function pressButton(page: Page, text: string) {
  const id = await page.evaluate((wanted) => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim().startsWith(wanted));
    if (!button) return null;
    button.setAttribute("data-target", "yes");
    return true;
  }, text);
  if (!id) throw new Error(`No button starting "${text}"`);
  await tabTo(page, "button[data-target=yes]");
  await page.keyboard.press("Enter");
}

/** Writes a story by keyboard on the "new post" page (title, body, council and one tag, chosen with Space) and asks for its preview. */
export async function writeAndPreview(
  page: Page,
  appUrl: string,
  story: { title: string; body: string; council: string },
  tagInput = "#tag-topic-finding-pas",
) {
  await page.goto(`${appUrl}/stories/new`, { waitUntil: "networkidle" });
  await typeInto(page, "#title", story.title);
  await typeInto(page, "#body", story.body);
  await typeInto(page, "#council", story.council);
  await tabTo(page, tagInput);
  await page.keyboard.press("Space");
  await pressButton(page, "Preview and check");
}
