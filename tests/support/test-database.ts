// Runs before each integration test file: gives the file its own database, so files never see
// each other's rows and can run in parallel.
import { inject } from "vitest";

import { createDatabaseFromTemplate } from "./databases";

process.env.DATABASE_URL = await createDatabaseFromTemplate(inject("databaseAdminUrl"), inject("templateDatabase"));
process.env.LOG_LEVEL ??= "silent";
