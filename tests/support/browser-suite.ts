// The set-up every browser test file shares: one Chromium, and a connection to the test app's
// database for arranging state (roles, trust levels) that the UI would take weeks to reach.
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

import { launchBrowser, newBrowserContext } from "./browser";
import { join, newHandle } from "./journeys";

export interface BrowserSuite {
  appUrl: string;
  browser: Browser;
  db: pg.Client;
  /** A page in a context of its own with JavaScript off; close it with `page.context().close()`. */
  pageWithoutScript(): Promise<Page>;
  /** Gives a member a role, at trust level 2 as staff who have been around would be. */
  giveRole(handle: string, role: string): Promise<void>;
  /** Joins as a new member by keyboard on `page`, given `role`; returns their name. */
  joinAs(page: Page, role: string): Promise<string>;
}

export function browserSuite(): BrowserSuite {
  const suite = { appUrl: inject("appUrl") } as BrowserSuite;
  suite.pageWithoutScript = async () => {
    const context = await newBrowserContext(suite.browser, { javaScriptEnabled: false });
    return context.newPage();
  };
  suite.giveRole = async (handle, role) => {
    await suite.db.query(`UPDATE "user" SET role = $1, trust_level = 2 WHERE handle_key = lower($2)`, [role, handle]);
  };
  suite.joinAs = async (page, role) => {
    const handle = newHandle(role);
    await join(page, suite.appUrl, handle);
    await suite.giveRole(handle, role);
    return handle;
  };
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    suite.db = new pg.Client({ connectionString: inject("appDatabaseUrl") });
    await suite.db.connect();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.db?.end();
  });
  return suite;
}
