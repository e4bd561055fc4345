// npm run admin:create -- <handle>
// Creates the first admin (or any admin) with a one-time password printed once. There are no
// default credentials: the password must be changed at first sign-in.
import { randomBytes } from "node:crypto";

import { parseEnv } from "../app/server/process/env.server";
import { openDatabase } from "../app/server/db/embedded-postgres.server";
import { applyMigrations } from "../app/server/db/migrations.server";
import { handleProblem } from "../app/domain/accounts/handle";

const handle = process.argv[2]?.trim();
if (!handle) {
  console.error("Usage: npm run admin:create -- <handle>");
  process.exit(2);
}
const problem = handleProblem(handle);
if (problem) {
  console.error(`That handle cannot be used: ${problem}.`);
  process.exit(2);
}

const env = parseEnv(process.env);
const database = await openDatabase(env, () => undefined);
process.env.DATABASE_URL = database.url;
try {
  await applyMigrations(database.url);
  // Imported after DATABASE_URL is set: these modules read it when first used.
  const { createAccount, isHandleTaken } = await import("../app/server/accounts/accounts.server");
  const { disconnect } = await import("../app/server/db/client.server");
  try {
    if (await isHandleTaken(handle)) {
      console.error(`${handle} already exists. Sign in as an admin and use /admin/roles to change roles.`);
      process.exitCode = 1;
    } else {
      const password = randomBytes(15).toString("base64url");
      await createAccount({ handle, password, perspective: "other", role: "admin", mustChangePassword: true });
      console.log(`Created admin ${handle}.`);
      console.log(`One-time password: ${password}`);
      console.log("Sign in with it at /sign-in; you will be asked to choose your own password straight away.");
    }
  } finally {
    await disconnect();
  }
} finally {
  await database.stop();
}
