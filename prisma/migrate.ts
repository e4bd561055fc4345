// npm run db:migrate: applies pending migrations from prisma/migrations to the configured database.
import { parseEnv } from "../app/server/process/env.server";
import { openDatabase } from "../app/server/db/embedded-postgres.server";
import { applyMigrations } from "../app/server/db/migrations.server";

const env = parseEnv(process.env);
const database = await openDatabase(env, (message) => console.log(message));
try {
  const result = await applyMigrations(database.url);
  if (result.applied.length === 0) {
    console.log(`No pending migrations: all ${result.alreadyApplied.length} already applied. Nothing changed.`);
  } else {
    for (const name of result.applied) console.log(`Applied ${name}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
