// Runs after `npm install`/`npm ci`: generates the Prisma client into app/server/db/generated.
// Prisma 7's client needs no native engine, but the CLI insists on locating a schema-engine
// binary it would otherwise download from Prisma's host, which this project cannot reach. Any
// existing file satisfies that check; `generate` never runs it.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [cli, "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
