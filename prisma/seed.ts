// npm run db:seed [-- --demo]: reference data (councils, taxonomy); with --demo, the demo community.
import pg from "pg";

import { parseEnv } from "../app/server/process/env.server";
import { openDatabase } from "../app/server/db/embedded-postgres.server";
import { applyMigrations } from "../app/server/db/migrations.server";
import { seedDemoCommunity } from "./seed/demo";
import { seedReferenceData } from "./seed/reference";

const env = parseEnv(process.env);
const database = await openDatabase(env, (message) => console.log(message));
try {
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const reference = await seedReferenceData(client);
    console.log(`Reference data: ${reference.councils} councils, ${reference.tags} tags.`);
    if (process.argv.includes("--demo")) {
      const demo = await seedDemoCommunity(client);
      console.log(
        demo.created
          ? `Demo community: ${demo.users} members, ${demo.posts} posts, ${demo.comments} comments, ${demo.reports} experience reports.`
          : "Demo community already loaded: nothing added.",
      );
    }
  } finally {
    await client.end();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
