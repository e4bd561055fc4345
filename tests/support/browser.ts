// Real Chromium (Debian's package) driven by playwright-core, with axe-core checks on every page.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error("Chromium not found: install Debian's chromium package or set CHROMIUM_PATH.");
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // This machine's network is closed: stop Chromium phoning home at start.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PageProblems {
  consoleErrors: string[];
}

/**
 * Remix looks up the routes behind the links on a page just after it hydrates. When the test
 * moves on by submitting a form before that lookup returns (a busy machine hydrates late), the
 * browser cancels it and Remix logs this network-level TypeError. The person has simply left the
 * page; a lookup the server refused would read "Error: <status>" and is still reported.
 */
const LEFT_BEFORE_ROUTE_LOOKUP = /^Failed to fetch manifest patches TypeError: Failed to fetch\b/;

/** Records console errors and uncaught exceptions (CSP violations show up here too). */
export function watchForProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [] };
  page.on("console", (message) => {
    if (message.type() === "error" && !LEFT_BEFORE_ROUTE_LOOKUP.test(message.text()))
      problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  return problems;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Contexts whose pages run no script, as a reader with JavaScript off has them. */
const scriptless = new WeakSet<BrowserContext>();

/**
 * A new context; with `javaScriptEnabled: false` its pages run no script, and axeViolations checks
 * them on a copy (below). Make every context with JavaScript off here, not with browser.newContext.
 */
export async function newBrowserContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (options.javaScriptEnabled === false) scriptless.add(context);
  return context;
}

const SCRIPT_ELEMENT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;

/**
 * axe-core is a script, and a page with JavaScript off runs none: page.evaluate never returns
 * there, which is why axe used to hang on such pages. So axe checks what the page shows now, copied
 * into a page of its own where scripts run for axe alone: the same address and screen size, the
 * same document (page.content(), read without running the page's code) with every <script> element
 * taken out, and every script it would fetch (the app's /build/ modules) refused. Stylesheets,
 * fonts and images load as usual, so contrast, sizes and layout are those a reader without
 * JavaScript gets.
 */
async function copyWithoutScripts(page: Page): Promise<Page> {
  const html = (await page.content()).replace(SCRIPT_ELEMENT, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("axe needs the page's browser to copy a page without scripts");
  const context = await browser.newContext({ viewport: page.viewportSize() });
  const copy = await context.newPage();
  const address = page.url();
  const document = address.split("#")[0];
  await copy.route("**/*", (route) => {
    const request = route.request();
    if (request.isNavigationRequest() && request.url() === document) {
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
    }
    if (request.resourceType() === "script") return route.abort();
    return route.continue();
  });
  await copy.goto(address, { waitUntil: "load" });
  return copy;
}

/**
 * Runs axe-core with the WCAG 2.2 A/AA rules (plus best practice) on the page as it is now; for a
 * page without JavaScript (newBrowserContext), on a copy of it that runs no page script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!scriptless.has(page.context())) return runAxe(page);
  const copy = await copyWithoutScripts(page);
  try {
    return await runAxe(copy);
  } finally {
    await copy.context().close();
  }
}

async function runAxe(page: Page): Promise<string[]> {
  // Injected through the DevTools protocol, so the page's own CSP does not have to allow it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations;
  });
  return violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Presses Tab until the element matching `selector` has focus, as a keyboard user would. */
export async function tabTo(page: Page, selector: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Could not reach ${selector} with the Tab key`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/**
 * Whether the error summary has the focus, once the page has hydrated: the summary takes it in an
 * effect, which a busy machine runs after the network is already idle. Waits (up to Playwright's
 * timeout) rather than reading the focus once; false if it never arrives.
 */
export async function errorSummaryFocused(page: Page): Promise<boolean> {
  return page
    .waitForFunction(() => document.activeElement?.classList.contains("error-summary") === true, undefined, {
      timeout: 10_000,
    })
    .then(
      () => true,
      () => false,
    );
}

/**
 * Waits until the page's client-side router has nothing in flight: no navigation, no revalidation
 * after a submission, no fetcher loading. A journey that presses the next button while the last
 * submission's loaders are still being read interrupts them, and the browser logs the abort as an
 * error. Pages without JavaScript have no router and are settled once loaded.
 */
export async function routerSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const router = (
      window as unknown as {
        __remixRouter?: {
          state: { navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }> };
        };
      }
    ).__remixRouter;
    if (!router) return document.readyState === "complete";
    const { navigation, revalidation, fetchers } = router.state;
    return (
      navigation.state === "idle" &&
      revalidation === "idle" &&
      [...fetchers.values()].every((fetcher) => fetcher.state === "idle")
    );
  });
}
