// Script in every place text enters (story title and body, a reply, a name, an experience
// report's comment, the search box, the API's filters) must come out inert everywhere it is shown
// (story page, lists, search snippets, profile, moderation queue) in a real browser, and as data
// in feeds, downloads and the API.
import { parse } from "csv-parse/sync";
import { type BrowserContext, type Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

import { browserSuite } from "../support/browser-suite";
import { asNewVisitor, join, newHandle } from "../support/journeys";
import { carried, fullReport } from "../support/reports";

const suite = browserSuite();
const { appUrl } = suite;

// Each would set window.__xss (or open a dialog) if it ever ran.
const TITLE = `<img src=x onerror="window.__xss=1"> zebrasweep "><svg onload=window.__xss=1>`;
const BODY = [
  "zebrasweep <script>window.__xss=1</script>",
  `<img src=x onerror="window.__xss=1">`,
  "[click me](javascript:window.__xss=1)",
  `<a href="javascript:window.__xss=1">link</a> <iframe src="javascript:window.__xss=1"></iframe>`,
].join("\n\n");
const REPLY = `zebrasweep reply <svg/onload=window.__xss=1> <details open ontoggle=window.__xss=1>`;
const FORMULA_TITLE = `=HYPERLINK("http://evil.example","zebrasweep")`;

let writer: { context: BrowserContext; page: Page; name: string };
let storyId = 0;

async function signedIn(trustLevel: number, role = "member") {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const name = newHandle("xss");
  await join(page, appUrl, name);
  await suite.db.query(`UPDATE "user" SET trust_level = $1, role = $2 WHERE handle_key = lower($3)`, [
    trustLevel,
    role,
    name,
  ]);
  return { context, page, name };
}

/** Posts a form as the page's signed-in member, from the site itself (as its own forms do). */
function post(page: Page, path: string, form: Record<string, string>) {
  return page.request.post(`${appUrl}${path}`, { form, headers: { Origin: appUrl }, maxRedirects: 0 });
}

async function newStory(page: Page, title: string, body: string): Promise<number> {
  const response = await post(page, "/stories/new", {
    kind: "story",
    title,
    body,
    displayMode: "handle",
    submissionKey: crypto.randomUUID(),
    intent: "publish",
  });
  expect(response.status()).toBe(302);
  return Number(/\/stories\/(\d+)/.exec(response.headers().location ?? "")?.[1]);
}

/** Opens a page and checks nothing the payloads carry ran or became an element. */
async function expectInert(page: Page, path: string, visibleText?: string) {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const response = await page.goto(`${appUrl}${path}`, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
  expect(dialogs, path).toBe(0);
  const injected = await page
    .locator("main img[onerror], main svg[onload], main details[ontoggle], main iframe, main a[href^='javascript:']")
    .count();
  expect(injected, path).toBe(0);
  expect(await page.locator("script:not([nonce])").count(), path).toBe(0);
  if (visibleText) expect(await page.locator("main").innerText(), path).toContain(visibleText);
}

beforeAll(async () => {
  writer = await signedIn(2);
  storyId = await newStory(writer.page, TITLE, BODY);
  const reply = await post(writer.page, `/stories/${storyId}`, {
    body: REPLY,
    displayMode: "handle",
    submissionKey: crypto.randomUUID(),
  });
  expect(reply.status()).toBe(302);
  await newStory(writer.page, FORMULA_TITLE, "zebrasweep spreadsheet cells");
});

describe("script typed into the site never runs", () => {
  it("is shown as text on the story page, in lists, search results and the profile", async () => {
    const page = await suite.browser.newPage();
    // Titles are text: the payload is seen, not run.
    await expectInert(page, `/stories/${storyId}`, `<img src=x onerror="window.__xss=1"> zebrasweep`);
    expect(await page.locator("main").innerText()).toContain("zebrasweep reply <svg/onload=window.__xss=1>");
    await expectInert(page, "/stories", "zebrasweep");
    await expectInert(page, "/", undefined);
    await expectInert(
      page,
      `/stories?q=${encodeURIComponent("zebrasweep <script>window.__xss=1</script>")}`,
      "zebrasweep",
    );
    await expectInert(page, `/u/${writer.name}`, "zebrasweep");
    await page.close();
  });

  it("is shown as text in the moderation queue, where a new member's post waits", async () => {
    const newcomer = await signedIn(0);
    const response = await post(newcomer.page, "/stories/new", {
      kind: "story",
      title: TITLE,
      body: BODY,
      displayMode: "anonymous",
      submissionKey: crypto.randomUUID(),
      intent: "publish",
    });
    expect(response.status()).toBe(302);
    const moderator = await signedIn(2, "moderator");
    await expectInert(moderator.page, "/moderation", "zebrasweep");
    await newcomer.context.close();
    await moderator.context.close();
  });

  it("is shown as text in the moderation queue when it comes as an experience report's comment", async () => {
    const reporter = await signedIn(1);
    const comment = `zebrasweep report ${REPLY} <script>window.__xss=1</script>`;
    // The report form page by page, as its own pages post it, carrying its hidden fields forward.
    let html = await (await reporter.page.request.get(`${appUrl}/reports/new`)).text();
    let last = 0;
    for (const fields of fullReport({ comment })) {
      const state = carried(html);
      const response = await post(reporter.page, "/reports/new", {
        ...fields,
        answers: state.answers,
        submissionKey: state.submissionKey,
        step: state.step,
      });
      last = response.status();
      if (last === 302) break;
      expect(last, JSON.stringify(fields).slice(0, 80)).toBe(200);
      html = await response.text();
    }
    expect(last).toBe(302);
    const moderator = await signedIn(2, "moderator");
    await expectInert(moderator.page, "/moderation?kind=report_comment", "zebrasweep report");
    await reporter.context.close();
    await moderator.context.close();
  });

  it("is refused as a name", async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await asNewVisitor(page);
    const response = await page.request.post(`${appUrl}/join`, {
      form: { handle: "<script>window.__xss=1</script>", password: "kettle orbit lantern nine", perspective: "carer" },
      headers: { Origin: appUrl },
    });
    expect(response.status()).toBe(400);
    const rows = (await suite.db.query(`SELECT count(*)::int AS n FROM "user" WHERE handle LIKE '%<script%'`)).rows as {
      n: number;
    }[];
    expect(rows[0]?.n).toBe(0);
    await context.close();
  });

  it("comes out as data in feeds, downloads and the API", async () => {
    const request = writer.page.request;
    const atom = await (await request.get(`${appUrl}/feeds/stories.atom`)).text();
    const rss = await (await request.get(`${appUrl}/feeds/stories.rss`)).text();
    for (const xml of [atom, rss]) {
      expect(xml).toContain("zebrasweep");
      expect(xml).not.toMatch(/<script>window|<img src=x onerror|<svg onload/);
    }

    const csv = await (await request.get(`${appUrl}/stories/export.csv?q=zebrasweep`)).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const formula = rows.find((row) => Object.values(row).some((cell) => cell.includes("HYPERLINK")));
    const formulaCell = Object.values(formula ?? {}).find((cell) => cell.includes("HYPERLINK")) ?? "";
    // A spreadsheet would run a cell starting with "=": it is defused with a leading apostrophe.
    expect(formulaCell.startsWith("=")).toBe(false);
    expect(formulaCell).toContain(FORMULA_TITLE);

    const json = (await (await request.get(`${appUrl}/stories/export.json?q=zebrasweep`)).json()) as {
      stories: { title: string }[];
    };
    expect(json.stories.map((story) => story.title)).toContain(TITLE);

    const api = await request.get(`${appUrl}/api/v1/stories?q=zebrasweep`);
    expect(api.status()).toBe(200);
    expect(api.headers()["content-type"]).toContain("application/json");
    const body = (await api.json()) as { stories: { title: string }[] };
    expect(body.stories.map((story) => story.title)).toContain(TITLE);
    // Script in an API filter is refused as a problem document, never echoed into HTML.
    const refused = await request.get(
      `${appUrl}/api/v1/stories?tag=${encodeURIComponent("<script>window.__xss=1</script>")}`,
    );
    expect(refused.status()).toBe(400);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
  });
});
