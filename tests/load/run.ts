// npm run test:load — 50 members post stories and replies for a minute through the real forms
// while PostgreSQL is stopped for 5 s and the app is killed and restarted; then checks that
// nothing acknowledged was lost or saved twice, that every failure was explained, and that the
// app shuts down gracefully. Loopback only, its own PostgreSQL, bounded in time.
// Needs the production build (`npm run build`; the npm script does it first).
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { type RunningApp, startApp } from "../support/app-server";
import freePort from "../support/free-port";
import { newBrowser } from "./http";
import { joinMembers, type LoadPlan, simulateMember } from "./members";
import { prepareDatabase, sql, startLoadDatabase } from "./postgres";
import { RunLog, sleep } from "./record";
import { report, table, type Timeline } from "./report";
import { probeGracefulShutdown } from "./shutdown";
import { reconcile } from "./verify";

const MEMBERS = 50;
const RUN_MS = 60_000;
const DB_STOP_AT_MS = 15_000;
const DB_DOWN_MS = 5_000;
const APP_KILL_AT_MS = 35_000;
/** A person still refreshing a failed post after the minute is given this long to finish. */
const RETRY_GRACE_MS = 10_000;
/**
 * Members keep writing at least this long after the restarted app answers, so writes after the
 * crash are tested even when a busy machine makes the restart slow (the run then passes 60 s).
 */
const WRITING_AFTER_RESTART_MS = 10_000;
/** The whole test, set-up included, never runs longer than this. */
const WATCHDOG_MS = 240_000;

const root = path.resolve(import.meta.dirname, "..", "..");
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
const wallClock = Date.now();
const elapsed = () => `${((Date.now() - wallClock) / 1000).toFixed(1)} s`;
const say = (message: string) => console.log(`[${elapsed()}] ${message}`);

if (!existsSync(path.join(root, "build", "index.js"))) {
  console.error("No production build: run `npm run build` first (`npm run test:load` does).");
  process.exit(1);
}
setTimeout(() => {
  console.error(`The load test ran for more than ${WATCHDOG_MS / 1000} s; stopping.`);
  process.exit(2);
}, WATCHDOG_MS).unref();

say(
  `Load and fault test: ${MEMBERS} members for ${RUN_MS / 1000} s on ${os.cpus().length} cores; load average ${load()}`,
);
const database = await startLoadDatabase((message) => say(message));
let exitCode = 1;
try {
  await prepareDatabase(database.url);
  say("migrated; councils, taxonomy and the demo community loaded");

  const appEnv = {
    DATABASE_URL: database.url,
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    TRUST_PROXY: "true",
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    EMBEDDED_POSTGRES_DIR: undefined,
    EMBEDDED_POSTGRES_PORT: undefined,
  };
  const apps: RunningApp[] = [];
  // An app that stops without being told to has crashed: keep what it printed last.
  const crashes: string[] = [];
  let stoppingOnPurpose = false;
  const launch = async () => {
    const app = await startApp([], appEnv);
    app.child.once("exit", (code, signal) => {
      if (!stoppingOnPurpose)
        crashes.push(
          `exited by itself (code ${code}, signal ${signal}):\n${app.output().split("\n").slice(-40).join("\n")}`,
        );
    });
    apps.push(app);
    stoppingOnPurpose = false;
  };
  await launch();
  const currentApp = () => apps.at(-1) as RunningApp;
  const base = new URL(currentApp().url);
  say(`app ready at ${base.origin}`);

  const log = new RunLog();
  const members = await joinMembers(base, log, MEMBERS);
  // Trusted members publish at once instead of waiting for a moderator; nothing else is raised.
  await sql(database.url, `UPDATE "user" SET trust_level = 2 WHERE handle = ANY($1)`, [members.map((m) => m.handle)]);
  const published = await sql<{ id: number }>(
    database.url,
    `SELECT id FROM post WHERE status = 'published' ORDER BY published_at DESC LIMIT 40`,
  );
  say(`${members.length} members joined through /join, each from its own address`);

  const runId = Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
  const plan: LoadPlan = {
    base,
    log,
    runId,
    stopOpeningFormsAt: RUN_MS,
    stopRetryingAt: RUN_MS + RETRY_GRACE_MS,
    storyIds: published.map((row) => row.id),
    submissions: [],
  };
  const timeline: Timeline = {
    dbStopAskedAt: 0,
    dbStoppedAt: 0,
    dbBackAt: 0,
    homeOkAt: null,
    appKilledAt: 0,
    appReadyAt: 0,
    runEndedAt: RUN_MS,
  };

  const databaseOutage = async () => {
    await sleep(DB_STOP_AT_MS - log.now());
    timeline.dbStopAskedAt = log.now();
    await database.stop();
    timeline.dbStoppedAt = log.now();
    say(`PostgreSQL stopped at ${(timeline.dbStoppedAt / 1000).toFixed(1)} s`);
    await sleep(DB_DOWN_MS);
    await database.start();
    timeline.dbBackAt = log.now();
    say(`PostgreSQL back at ${(timeline.dbBackAt / 1000).toFixed(1)} s (same port, same data)`);
    const watcher = newBrowser("203.0.113.1");
    while (log.now() - timeline.dbBackAt < 30_000) {
      const { reply, record } = await log.send(base, watcher, "home page after the outage", "/");
      if (reply?.status === 200 && reply.body.includes("Newest stories")) {
        timeline.homeOkAt = record.endedAt;
        break;
      }
      await sleep(100);
    }
  };
  const appCrash = async () => {
    await sleep(APP_KILL_AT_MS - log.now());
    timeline.appKilledAt = log.now();
    stoppingOnPurpose = true;
    await currentApp().stop("SIGKILL");
    say(`app killed (SIGKILL) at ${(timeline.appKilledAt / 1000).toFixed(1)} s; starting it again on the same port`);
    await launch();
    timeline.appReadyAt = log.now();
    say(`app ready again at ${(timeline.appReadyAt / 1000).toFixed(1)} s`);
    if (timeline.appReadyAt + WRITING_AFTER_RESTART_MS > plan.stopOpeningFormsAt) {
      plan.stopOpeningFormsAt = timeline.appReadyAt + WRITING_AFTER_RESTART_MS;
      plan.stopRetryingAt = plan.stopOpeningFormsAt + RETRY_GRACE_MS;
      say(`the restart was slow: members keep writing until ${(plan.stopOpeningFormsAt / 1000).toFixed(1)} s`);
    }
  };

  say(`running: stories and replies marked LT${runId}-…`);
  log.startClock();
  const faults = Promise.all([databaseOutage(), appCrash()]);
  await Promise.all(members.map((member) => simulateMember(plan, member)));
  await faults;
  timeline.runEndedAt = Math.max(RUN_MS, log.now());
  say(`load finished: ${plan.submissions.length} submissions, ${log.requests.length} requests`);

  stoppingOnPurpose = true;
  const shutdown = await probeGracefulShutdown({
    app: currentApp(),
    base,
    log,
    members,
    storyId: plan.storyIds[0] ?? 1,
    runId,
    submissions: plan.submissions,
  });
  say("graceful shutdown checked");

  const reconciliation = await reconcile(database.url, runId, plan.submissions, log.epochOrigin);
  // Every request and submission, for digging into a failure (tests/.artifacts is git-ignored).
  const artifact = path.join(root, "tests", ".artifacts", `load-${runId}.json`);
  await mkdir(path.dirname(artifact), { recursive: true });
  await writeFile(
    artifact,
    JSON.stringify({ timeline, requests: log.requests, submissions: plan.submissions }, null, 1),
  );
  const { text, requirements } = report({ requests: log.requests, reconciliation, timeline, shutdown, crashes });
  console.log(`\n${text}\n`);
  for (const crash of crashes) console.log(`The app ${crash}\n`);
  const logged = apps.flatMap((app) => app.output().split("\n")).filter((line) => /"level":(50|60)/.test(line));
  if (logged.length) {
    const messages = new Map<string, number>();
    for (const line of logged) {
      let parsed: { msg?: string; err?: string } = {};
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        parsed = { msg: line };
      }
      const { msg = "", err = "" } = parsed;
      const key = `${msg}: ${String(err).split("\n")[0]?.slice(0, 140)}`;
      messages.set(key, (messages.get(key) ?? 0) + 1);
    }
    console.log(`Errors the app logged\n${table(["message", "count"], [...messages])}\n`);
  }
  console.log(
    `Load average at the end: ${load()}. Whole test: ${elapsed()}. Every request: ${path.relative(root, artifact)}`,
  );
  exitCode = requirements.every((r) => r.pass) ? 0 : 1;
  console.log(
    exitCode === 0
      ? "All requirements passed."
      : `FAILED: ${requirements
          .filter((r) => !r.pass)
          .map((r) => r.name)
          .join("; ")}`,
  );
} catch (error) {
  console.error(error);
} finally {
  await database
    .remove()
    .catch((error: unknown) => console.error(`could not remove the load test's PostgreSQL: ${String(error)}`));
}
process.exit(exitCode);
