// The set-up every browser test file shares: one Chromium, and a connection to the test app's
// database for arranging state (roles, trust levels) that the UI would take weeks to reach.
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

import { launchBrowser } from "./browser";

export interface BrowserSuite {
  appUrl: string;
  browser: Browser;
  db: pg.Client;
}

export function browserSuite(): BrowserSuite {
  const suite = { appUrl: inject("appUrl") } as BrowserSuite;
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
