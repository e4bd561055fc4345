// Browser tests: one throwaway PostgreSQL, the real app built for production on top of it with
// the demo community loaded, shared by every browser test file.
import type { TestProject } from "vitest/node";

import { type RunningApp, startApp } from "./app-server";
import { createDatabaseFromTemplate } from "./databases";
import freePort from "./free-port";
import setupDatabase from "./global-database";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    appDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const stopDatabase = await setupDatabase(project);
  let app: RunningApp | undefined;
  let databaseUrl = "";
  try {
    databaseUrl = await createDatabaseFromTemplate(
      project.getProvidedContext().databaseAdminUrl,
      project.getProvidedContext().templateDatabase,
    );
    // Behind a (pretend) proxy, so each browser "visitor" can have its own address for rate limits.
    app = await startApp(["--demo"], {
      DATABASE_URL: databaseUrl,
      PORT: String(await freePort()),
      LOG_LEVEL: "warn",
      TRUST_PROXY: "true",
    });
  } catch (error) {
    await stopDatabase();
    throw error;
  }
  project.provide("appUrl", app.url);
  project.provide("appDatabaseUrl", databaseUrl);
  return async () => {
    await app?.stop("SIGTERM");
    await stopDatabase();
  };
}
