// npm run content:rerender: renders every post and comment again from its Markdown, for when
// the rules in app/domain/markdown/render.ts change. Safe to run on a live site.
import { parseEnv } from "../app/server/process/env.server";
import { openDatabase } from "../app/server/db/embedded-postgres.server";

const env = parseEnv(process.env);
const database = await openDatabase(env, () => undefined);
process.env.DATABASE_URL = database.url;
try {
  const { rerenderAllContent } = await import("../app/server/posts/write.server");
  const { disconnect } = await import("../app/server/db/client.server");
  try {
    const result = await rerenderAllContent();
    console.log(`Checked ${result.posts} posts and ${result.comments} comments; ${result.changed} re-rendered.`);
  } finally {
    await disconnect();
  }
} finally {
  await database.stop();
}
