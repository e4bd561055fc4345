// npm run bench -- [--scale N] [--no-build] [--only "home page,sign in"] [--scale-compare [--scales 0.1,1,10]]
//
// Builds the production bundle, starts the app (app/server/process/main.ts, NODE_ENV=production) on the
// benchmark data (npm run bench:data) and drives every scenario in scenarios.ts with autocannon,
// then the same scenario against its floor. Prints requests/s, p50/p95/p99, errors, the app's
// peak memory, the machine and its load, and each target as met or not met. Exits non-zero only
// when something crashes, never for a missed target.
//
// --only booklet: the time to lay out a 30-story collection booklet, in this process (tests/bench/booklet.ts).
// --only capacity: the mix beyond one machine, simulated from its measured CPU per request (tests/bench/capacity.ts).
// "real traffic" (in --only, and in the default run): the mixed workload of real-traffic.ts, app and floor.
//
// --scale-compare: the paged reads at scale 0.1 and at scale 1, or at each scale of --scales (generating
// any data set that is missing), to show whether their cost grows with the amount of data.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import freePort from "../support/free-port";
import { type BenchFixture, readBenchFixture } from "./bench-data";
import { type BenchDatabase, openBenchDatabase, parseScale } from "./bench-database";
import { childPids, postgresCpuMs, postmasterPid, processTreeCpuMs } from "./cpu";
import { CONNECTIONS, type LoadResult, measure } from "./load";
import { collectLaterPages, driveMix, MIX_SECONDS, printMixReport, readMixData } from "./real-traffic";
import { type BenchContext, SCENARIOS, type Scenario } from "./scenarios";

const root = path.resolve(import.meta.dirname, "..", "..");
const args = process.argv.slice(2);
const WARMUP_SECONDS = 3;
const MEASURE_SECONDS = 10;
const MIN_REQUESTS = 300;
const MEMBERS_SIGNED_IN = 200;
const RSS_TARGET_MB = 400;

// ---- Child processes ----

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

interface Server {
  url: string;
  pid: number;
  /** Rejects when the process ends before stop() was called: a crash. */
  crashed: Promise<never>;
  output: () => string;
  stop: () => Promise<void>;
}

async function startServer(
  name: string,
  script: string,
  env: Record<string, string>,
  ready: () => Promise<boolean>,
  nodeFlags: string[] = [],
): Promise<Server> {
  let output = "";
  // The app runs bundled, as `npm start` runs it; the floor is TypeScript, run through tsx.
  const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...loader, script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => (children.delete(child), resolve(code))),
  );
  const crashed = exited.then((code) => {
    throw new Error(
      `${name} exited (code ${code}) ${stopping ? "while stopping" : "during the benchmark"}:\n${output.slice(-4000)}`,
    );
  });
  crashed.catch(() => undefined);
  const deadline = Date.now() + 120_000;
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null) await crashed;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} was not ready within two minutes:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url: `http://127.0.0.1:${env.PORT}`,
    pid: child.pid ?? 0,
    crashed,
    output: () => output,
    stop: async () => {
      stopping = true;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * The Node flags `npm start` runs the app with (package.json), so it is measured as it runs, and
 * any in BENCH_APP_NODE_FLAGS (for example `--cpu-prof --cpu-prof-dir=/tmp/profile`).
 */
function startFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const extra = (process.env.BENCH_APP_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);
  return [
    ...manifest.scripts.start.split(/\s+/).filter((word) => /^--max-(old|semi)-space-size=/.test(word)),
    ...extra,
  ];
}

/** Two malloc arenas, as the README's deploy command runs the app and as its workers are started. */
const APP_MALLOC_ARENA_MAX = process.env.MALLOC_ARENA_MAX ?? "2";

async function startApp(databaseUrl: string): Promise<Server> {
  const port = String(await freePort());
  return startServer(
    "the app",
    "build/server/main.js",
    {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "warn",
      PORT: port,
      HOST: "127.0.0.1",
      TRUST_PROXY: "true",
      MALLOC_ARENA_MAX: APP_MALLOC_ARENA_MAX,
    },
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
    startFlags(),
  );
}

async function startFloor(databaseUrl: string): Promise<Server> {
  const port = String(await freePort());
  // It answers 404 to a request naming no scenario once it listens.
  return startServer(
    "the floor server",
    "tests/bench/floor-server.ts",
    { DATABASE_URL: databaseUrl, PORT: port },
    async () => (await fetch(`http://127.0.0.1:${port}/`)).status === 404,
  );
}

// ---- Memory and machine ----

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Polls the resident memory of the app and of its cluster workers, if any; VmHWM (the kernel's own
 * peak) is read as well. peakMb is the largest single process's peak.
 */
function watchMemory(pid: number) {
  const peaks = new Map<number, number>();
  const poll = () => {
    for (const each of [pid, ...childPids(pid)]) {
      const now = Math.max(statusField(each, "VmRSS") || 0, statusField(each, "VmHWM") || 0);
      peaks.set(each, Math.max(peaks.get(each) ?? 0, now));
    }
  };
  const timer = setInterval(poll, 200);
  return {
    perProcess: () => (poll(), [...peaks].map(([each, peakMb]) => ({ pid: each, peakMb }))),
    peakMb: () => (poll(), Math.max(0, ...peaks.values())),
    stop: () => clearInterval(timer),
  };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}`;
}

// ---- Signing in members for the write scenarios ----

async function signIn(app: Server, handle: string, password: string, n: number, attempt = 1): Promise<string> {
  const response = await fetch(`${app.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: app.url,
      "x-forwarded-for": `192.168.${(n >> 8) & 255}.${n & 255}`,
    },
    body: new URLSearchParams({ handle, password, redirectTo: "/" }).toString(),
  });
  // A cold app on a busy machine may answer 503 while its first connections open: try again.
  if (response.status === 503 && attempt < 3) return signIn(app, handle, password, n, attempt + 1);
  const token = /(?:^|,\s*)session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (response.status !== 302 || !token)
    throw new Error(`could not sign in bench member ${handle}: HTTP ${response.status}`);
  return token;
}

async function signInMembers(app: Server, fixture: BenchFixture, count: number): Promise<string[]> {
  // The last members on the list, so the sign-in scenario (which starts at the first) is separate.
  const handles = fixture.members.slice(-count);
  const tokens: string[] = [];
  for (let i = 0; i < handles.length; i += 4) {
    tokens.push(
      ...(await Promise.all(handles.slice(i, i + 4).map((handle, j) => signIn(app, handle, fixture.password, i + j)))),
    );
  }
  return tokens;
}

// ---- One run over a data set ----

type Measured = LoadResult & { cpuMsPerRequest: Record<string, number> };

interface Row {
  scenario: Scenario;
  app: Measured;
  floor: Measured;
  load: string;
}

/** The bench fixture and a few counts for the report; clears rate limits left by an earlier run. */
async function prepareData(database: BenchDatabase) {
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    const fixture = await readBenchFixture(db);
    if (!fixture)
      throw new Error(`No benchmark data in ${database.name}: run \`npm run bench:data -- --scale N\` first.`);
    // A fresh start for the write limits, so a second run within ten minutes is not refused.
    await db.query(`DELETE FROM rate_limit`);
    const facts = (
      await db.query<{ posts: number; comments: number; reports: number; postgres: string }>(
        `SELECT (SELECT count(*)::int FROM post) AS posts, (SELECT count(*)::int FROM comment) AS comments,
                (SELECT count(*)::int FROM experience_report) AS reports, current_setting('server_version') AS postgres`,
      )
    ).rows[0];
    if (!facts) throw new Error("could not count the bench data");
    return { fixture, facts };
  } finally {
    await db.end();
  }
}

async function runScenarios(database: BenchDatabase, scenarios: Scenario[]) {
  const { fixture, facts } = await prepareData(database);
  const postmaster = postmasterPid(database.dataDir);
  const app = await startApp(database.url);
  const floor = await startFloor(database.url);
  const memory = watchMemory(app.pid);
  const rows: Row[] = [];
  try {
    const sessions = scenarios.some((s) => s.needsSessions)
      ? await signInMembers(app, fixture, Math.min(MEMBERS_SIGNED_IN, fixture.members.length))
      : [];
    const context: BenchContext = { fixture, origin: app.url, sessions };
    for (const scenario of scenarios) {
      const options = {
        expectStatus: scenario.expectStatus,
        warmupSeconds: WARMUP_SECONDS,
        seconds: MEASURE_SECONDS,
        minRequests: MIN_REQUESTS,
        maxRequests: scenario.maxRequests?.(context),
      };
      const make = (n: number) => scenario.request(context, n);
      const cpuOf = (server: Server) => () => ({
        server: processTreeCpuMs(server.pid),
        postgres: postgresCpuMs(postmaster),
      });
      const appResult = await Promise.race([measure(app.url, make, { ...options, cpu: cpuOf(app) }), app.crashed]);
      const loadNow = load();
      const floorResult = await Promise.race([
        measure(floor.url, make, {
          ...options,
          expectStatus: 200,
          extraHeaders: { "x-bench-scenario": scenario.name },
          cpu: cpuOf(floor),
        }),
        floor.crashed,
      ]);
      rows.push({ scenario, app: appResult, floor: floorResult, load: loadNow });
      console.log(
        `  ${scenario.name}: app ${appResult.rps.toFixed(0)} req/s, p95 ${appResult.p95.toFixed(1)} ms; floor ${floorResult.rps.toFixed(0)} req/s, p95 ${floorResult.p95.toFixed(1)} ms (load ${loadNow})`,
      );
    }
  } finally {
    memory.stop();
    await app.stop();
    await floor.stop();
  }
  return { rows, fixture, facts, peakRssMb: memory.peakMb() };
}

// ---- Real traffic ----

async function runRealTraffic(database: BenchDatabase) {
  const { fixture } = await prepareData(database);
  const postmaster = postmasterPid(database.dataDir);
  const app = await startApp(database.url);
  const floor = await startFloor(database.url);
  const memory = watchMemory(app.pid);
  try {
    const sessions = await signInMembers(app, fixture, Math.min(MEMBERS_SIGNED_IN, fixture.members.length));
    const data = await readMixData(database.url, fixture);
    data.laterPages = await collectLaterPages(app.url, data);
    const cpu = (pid: number) => () => ({ node: processTreeCpuMs(pid), postgres: postgresCpuMs(postmaster) });
    console.log(
      `  real traffic: ${data.stories.length.toLocaleString("en-GB")} stories to draw from; searches: ${data.queries.join(", ")}; warming up`,
    );
    await Promise.race([
      driveMix(app.url, data, sessions, { seconds: 5, toFloor: false, cpu: cpu(app.pid), origin: app.url }),
      app.crashed,
    ]);
    const onApp = await Promise.race([
      driveMix(app.url, data, sessions, { seconds: MIX_SECONDS, toFloor: false, cpu: cpu(app.pid), origin: app.url }),
      app.crashed,
    ]);
    console.log(`  real traffic on the app: ${onApp.samples.length} requests (load ${load()})`);
    // BENCH_MIX_FLOOR=0 skips the floor, for a second run of the app with another setting.
    const onFloor =
      process.env.BENCH_MIX_FLOOR === "0"
        ? { seconds: 1, samples: [], cpuMs: { node: NaN, postgres: NaN } }
        : await Promise.race([
            driveMix(floor.url, data, sessions, {
              seconds: MIX_SECONDS,
              toFloor: true,
              cpu: cpu(floor.pid),
              origin: app.url,
            }),
            floor.crashed,
          ]);
    const settings = `WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "1"}, MALLOC_ARENA_MAX=${APP_MALLOC_ARENA_MAX}, REQUESTS_AT_ONCE=${process.env.REQUESTS_AT_ONCE ?? "default"}, PAGE_CACHE_SECONDS=${process.env.PAGE_CACHE_SECONDS ?? "30"}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${machine()}, load ${load()}`;
    printMixReport(onApp, onFloor, memory.perProcess(), settings);
  } finally {
    memory.stop();
    await app.stop();
    await floor.stop();
  }
}

// ---- Reports ----

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const cpu = (m: Measured) => `${ms(m.cpuMsPerRequest.server ?? NaN)} + ${ms(m.cpuMsPerRequest.postgres ?? NaN)}`;
const verdict = (met: boolean) => (met ? "met" : "NOT MET");

function targetChecks(row: Row): string[] {
  const { targets } = row.scenario;
  const checks = [`p95 ${ms(row.app.p95)} < ${targets.p95Ms} ms: ${verdict(row.app.p95 < targets.p95Ms)}`];
  if (targets.minRps)
    checks.push(`${row.app.rps.toFixed(0)} ≥ ${targets.minRps} req/s: ${verdict(row.app.rps >= targets.minRps)}`);
  if (targets.maxFloorRatio) {
    const ratio = row.app.p95 / row.floor.p95;
    checks.push(
      `p95 ${ratio.toFixed(1)}× floor ≤ ${targets.maxFloorRatio}×: ${verdict(ratio <= targets.maxFloorRatio)}`,
    );
  }
  if (row.app.errors + row.app.unexpected > 0)
    checks.push(`${row.app.errors + row.app.unexpected} failed requests: NOT MET`);
  return checks;
}

function printReport(
  result: Awaited<ReturnType<typeof runScenarios>>,
  scale: number,
  loadBefore: string,
  started: Date,
) {
  const { rows, facts, peakRssMb } = result;
  console.log(`\n## Benchmark, ${started.toISOString().slice(0, 16).replace("T", " ")} UTC`);
  console.log(`Machine: ${machine()}; PostgreSQL ${facts.postgres}`);
  console.log(`Load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
  console.log(
    `Data: scale ${scale}: ${facts.posts.toLocaleString("en-GB")} posts, ${facts.comments.toLocaleString("en-GB")} replies, ${facts.reports.toLocaleString("en-GB")} experience reports. ` +
      `${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up, then about ${MEASURE_SECONDS} s (at least ${MIN_REQUESTS} requests) each.\n`,
  );
  console.log(
    "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors / unexpected status | CPU ms/req: node + PostgreSQL | floor req/s | floor p50 | floor p95 | floor p99 | floor CPU ms/req | p95 ÷ floor p95 | load (1 min) |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) {
    const { app, floor } = row;
    const unexpected = Object.entries(app.statuses)
      .filter(([status]) => Number(status) !== row.scenario.expectStatus)
      .map(([status, count]) => `${count}×${status}`)
      .join(" ");
    console.log(
      `| ${row.scenario.name} (${app.requests} req) | ${app.rps.toFixed(0)} | ${ms(app.p50)} | ${ms(app.p95)} | ${ms(app.p99)} | ${app.errors} / ${app.unexpected}${unexpected ? ` (${unexpected})` : ""} | ${cpu(app)} | ` +
        `${floor.rps.toFixed(0)} | ${ms(floor.p50)} | ${ms(floor.p95)} | ${ms(floor.p99)} | ${cpu(floor)} | ${(app.p95 / floor.p95).toFixed(1)}× | ${row.load.split(",")[0]} |`,
    );
  }
  const cores = os.cpus().length;
  console.log(
    `\nCPU-bound ceiling on ${cores} idle cores (${cores} × 1000 ms ÷ CPU ms per request, node + PostgreSQL; the load generator not counted):`,
  );
  for (const row of rows) {
    const ceiling = (m: Measured) =>
      (cores * 1000) / ((m.cpuMsPerRequest.server ?? NaN) + (m.cpuMsPerRequest.postgres ?? 0));
    console.log(
      `- ${row.scenario.name}: app ${ceiling(row.app).toFixed(0)} req/s, floor ${ceiling(row.floor).toFixed(0)} req/s`,
    );
  }
  console.log(
    `\nApp peak memory (RSS): ${peakRssMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB: ${verdict(peakRssMb < RSS_TARGET_MB)})`,
  );
  console.log("\nTargets:");
  for (const row of rows) console.log(`- ${row.scenario.name}: ${targetChecks(row).join("; ")}`);
}

// ---- Scale comparison ----

async function ensureData(scale: number): Promise<BenchDatabase> {
  const database = await openBenchDatabase(scale, () => undefined);
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const fixture = await readBenchFixture(db).finally(() => db.end());
  if (fixture?.scale === scale) return database;
  console.log(`No data at scale ${scale} yet: generating it (npm run bench:data -- --scale ${scale}).`);
  const generated = spawnSync(
    process.execPath,
    ["--import", "tsx", "tests/bench/generate-data.ts", "--scale", String(scale)],
    { cwd: root, stdio: "inherit" },
  );
  if (generated.status !== 0) throw new Error(`generating the data at scale ${scale} failed`);
  return database;
}

async function compareScales(scenarios: Scenario[], build: () => void) {
  if (process.env.DATABASE_URL)
    throw new Error("--scale-compare uses the bench's own PostgreSQL (one database per scale): unset DATABASE_URL.");
  const at = args.indexOf("--scales");
  const scales = at === -1 ? [0.1, 1] : (args[at + 1] ?? "").split(",").map(Number);
  if (scales.length < 2 || scales.some((scale) => !(scale > 0)))
    throw new Error("--scales takes two or more scales above 0, such as 0.1,1,10");
  const databases = [];
  for (const scale of scales) databases.push(await ensureData(scale));
  build();
  const paged = scenarios.filter((s) => s.paged);
  const results = [];
  try {
    for (const [i, database] of databases.entries()) {
      console.log(`Scale ${scales[i]}:`);
      results.push(await runScenarios(database, paged));
    }
  } finally {
    for (const database of databases.reverse()) await database.stop();
  }
  const [first, ...others] = results;
  if (!first) return;
  // CPU per request is the cost that should stay flat; latency on a shared machine also carries
  // whatever else the machine was doing at the time.
  const cpuTotal = (m: Measured) => (m.cpuMsPerRequest.server ?? NaN) + (m.cpuMsPerRequest.postgres ?? 0);
  others.forEach((large, index) => {
    const [from, to] = [scales[0], scales[index + 1]];
    console.log(
      `\n## Cost growth from scale ${from} to ${to} (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${machine()}, load ${load()})`,
    );
    console.log(
      `Posts: ${first.facts.posts.toLocaleString("en-GB")} → ${large.facts.posts.toLocaleString("en-GB")}; replies: ${first.facts.comments.toLocaleString("en-GB")} → ${large.facts.comments.toLocaleString("en-GB")}\n`,
    );
    console.log(
      `| scenario | CPU ms/req at ${from}: node + PostgreSQL | at ${to} | CPU growth | p50 / p95 ms at ${from} | at ${to} | req/s at ${from} → ${to} | floor CPU ms/req ${from} → ${to} | floor p95 ${from} → ${to} |`,
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    first.rows.forEach((row, i) => {
      const other = large.rows[i];
      if (!other) return;
      console.log(
        `| ${row.scenario.name} | ${cpu(row.app)} | ${cpu(other.app)} | ${(cpuTotal(other.app) / cpuTotal(row.app)).toFixed(2)}× | ${ms(row.app.p50)} / ${ms(row.app.p95)} | ${ms(other.app.p50)} / ${ms(other.app.p95)} | ` +
          `${row.app.rps.toFixed(0)} → ${other.app.rps.toFixed(0)} | ${cpuTotal(row.floor).toFixed(1)} → ${cpuTotal(other.floor).toFixed(1)} | ${ms(row.floor.p95)} → ${ms(other.floor.p95)} |`,
      );
    });
  });
}

// ---- Main ----

const REAL_TRAFFIC = "real traffic";

function selectedScenarios(): Scenario[] {
  const at = args.indexOf("--only");
  if (at === -1) return SCENARIOS;
  const names = (args[at + 1] ?? "").split(",").map((s) => s.trim());
  const unknown = names.filter((name) => name !== REAL_TRAFFIC && !SCENARIOS.some((s) => s.name === name));
  if (unknown.length)
    throw new Error(
      `Unknown scenario ${unknown.join(", ")}; known: ${[...SCENARIOS.map((s) => s.name), REAL_TRAFFIC].join(", ")}`,
    );
  return SCENARIOS.filter((s) => names.includes(s.name));
}

function build() {
  if (args.includes("--no-build")) return;
  console.log("Building the production bundle (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

if (args.includes("--only") && args[args.indexOf("--only") + 1] === "booklet") {
  await (await import("./booklet")).benchBooklet();
  process.exit(0);
}
if (args.includes("--only") && args[args.indexOf("--only") + 1] === "capacity") {
  (await import("./capacity")).benchCapacity();
  process.exit(0);
}

try {
  const scenarios = selectedScenarios();
  if (args.includes("--scale-compare")) {
    await compareScales(scenarios, build);
  } else {
    const scale = parseScale(args);
    const started = new Date();
    const loadBefore = load();
    build();
    const database = await openBenchDatabase(scale, (message) => console.log(message));
    try {
      if (scenarios.length > 0) {
        console.log(`Running ${scenarios.length} scenarios on ${database.name}:`);
        printReport(await runScenarios(database, scenarios), scale, loadBefore, started);
      }
      const at = args.indexOf("--only");
      if (at === -1 || (args[at + 1] ?? "").split(",").some((name) => name.trim() === REAL_TRAFFIC)) {
        console.log(`Running the real-traffic mix on ${database.name}:`);
        await runRealTraffic(database);
      }
    } finally {
      await database.stop();
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
