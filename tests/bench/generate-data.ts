// npm run bench:data -- [--scale N]: replaces the benchmark data set (see bench-data.ts) with a
// fresh one: drops and recreates the database, migrates it, loads the councils and tags, then
// the community. Scale 1 is 50,000 members, 100,000 posts and 1,000,000 replies.
//
// Where: the bench's own PostgreSQL under .data/bench-postgres (port 54391, or BENCH_POSTGRES_PORT),
// one database per scale (bench_scale_1, bench_scale_0_1); or, when DATABASE_URL is set, exactly
// that database, which is DROPPED and recreated: never point it at data you want to keep. Its
// user must be a superuser (the load sets session_replication_role) able to create databases.
//
// Every member's password is BENCH_PASSWORD. Hashing 50,000 passwords with argon2id would take
// far longer than the rest of the load, so it is hashed once, with the app's own hashPassword,
// and that one hash is stored for everyone; sign-in still does the full argon2 verification.
import pg from "pg";

import { hashPassword } from "../../app/server/accounts/password.server";
import { applyMigrations } from "../../app/server/db/migrations.server";
import { seedReferenceData } from "../../prisma/seed/reference";
import { BENCH_PASSWORD, generateBenchData } from "./bench-data";
import { openBenchDatabase, parseScale, recreateDatabase } from "./bench-database";

const scale = parseScale(process.argv.slice(2));
const began = performance.now();
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const database = await openBenchDatabase(scale, (message) => console.log(message));
try {
  console.log(`Benchmark data at scale ${scale} into database ${database.name}`);
  let since = performance.now();
  await recreateDatabase(database);
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const reference = await seedReferenceData(client);
    console.log(
      `  fresh database, migrations and reference data (${reference.councils} councils, ${reference.tags} tags): ${elapsed(since)}`,
    );
    since = performance.now();
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    console.log(`  one argon2id hash for every member: ${elapsed(since)}`);
    const { counts, fixture } = await generateBenchData(client, {
      scale,
      passwordHash,
      log: (message) => console.log(message),
    });
    console.log("Rows:");
    for (const [name, count] of Object.entries(counts)) console.log(`  ${name}: ${count.toLocaleString("en-GB")}`);
    console.log(
      `For the bench: stories with 50 replies ${fixture.storyPages.join(", ")}; council ${fixture.busyCouncil.code} (${fixture.busyCouncil.name}, ${fixture.busyCouncil.publishedPosts} posts); ` +
        `tag ${fixture.tag.slug} (${fixture.tag.publishedPosts} posts); search word "${fixture.searchWord.word}" (${fixture.searchWord.publishedStories} stories); ${fixture.members.length} members who can sign in.`,
    );
  } finally {
    await client.end();
  }
  console.log(`Done in ${elapsed(began)}.`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
