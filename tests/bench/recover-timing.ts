// npx tsx tests/bench/recover-timing.ts [rounds]
// How long resetting a password with a recovery code takes for a handle that exists and for one
// that does not, through the route's own function (app/server/accounts/accounts.server.ts, recoverWithCode),
// on a throwaway embedded PostgreSQL. The two must not be told apart by timing; this prints the
// figures rather than asserting them, since timings depend on the machine (tests never time).
import { mkdtemp, rm } from "node:fs/promises";
import { chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startEmbeddedPostgres } from "../../app/server/db/embedded-postgres.server";
import { applyMigrations } from "../../app/server/db/migrations.server";
import freePort from "../support/free-port";

const rounds = Number(process.argv[2] ?? 20);
const parent = await mkdtemp(path.join(os.tmpdir(), "fifth-option-recover-"));
await chmod(parent, 0o755);
const database = await startEmbeddedPostgres({
  dataDir: path.join(parent, "postgres"),
  port: await freePort(),
  databaseName: "recover_bench",
});
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = "silent";
  const { createAccount, recoverWithCode } = await import("../../app/server/accounts/accounts.server");
  const { disconnect } = await import("../../app/server/db/client.server");
  await createAccount({ handle: "timing_check", password: "a long enough password 1", perspective: "carer" });

  const times: Record<"existing" | "missing", number[]> = { existing: [], missing: [] };
  const once = async (kind: "existing" | "missing") => {
    const started = process.hrtime.bigint();
    const result = await recoverWithCode(
      kind === "existing" ? "timing_check" : "nobody_has_this",
      "AAAA-BBBB-CCCC-DDDD",
      "a new long password 4711",
    );
    if (result !== null) throw new Error("a wrong code was accepted");
    times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  await once("existing");
  await once("missing");
  times.existing = [];
  times.missing = [];
  // Interleaved, so a busy moment on the machine lands on both.
  for (let i = 0; i < rounds; i++) {
    await once(i % 2 ? "existing" : "missing");
    await once(i % 2 ? "missing" : "existing");
  }
  const describe = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
    return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, mean, sd };
  };
  const existing = describe(times.existing);
  const missing = describe(times.missing);
  // Welch's t: how many standard errors apart the two means are (|t| < 2: no detectable difference).
  const t = (existing.mean - missing.mean) / Math.sqrt(existing.sd ** 2 / rounds + missing.sd ** 2 / rounds);
  const row = (name: string, d: ReturnType<typeof describe>) =>
    `${name.padEnd(9)} median ${d.median.toFixed(1)} ms, mean ${d.mean.toFixed(1)} ms, sd ${d.sd.toFixed(1)} ms`;
  console.log(`recoverWithCode, ${rounds} rounds each, interleaved:`);
  console.log(row("existing", existing));
  console.log(row("missing", missing));
  console.log(`Welch t = ${t.toFixed(2)} (|t| below 2: the two cannot be told apart at this sample size)`);
  await disconnect();
} finally {
  await database.stop();
  await rm(parent, { recursive: true, force: true });
}
