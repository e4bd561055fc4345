// The "real traffic" benchmark (npm run bench -- --only "real traffic"; also in the default run):
// for 60 s, 50 connections read a mix drawn at random over the whole data set, 30% of them as
// signed-in members, while writes go on throughout (a reply and a reaction every second, a sign-in
// every two seconds). Then the same mix, request for request, against the floor (floor-server.ts:
// each kind answered by its scenario's hand-written SQL). Prints p50/p95/p99 per kind, req/s, the
// page cache's hit ratio, CPU per request (every app process, and PostgreSQL) and peak memory per
// process, and each target as met or not.
import http from "node:http";
import { randomUUID } from "node:crypto";

import pg from "pg";

import type { BenchFixture } from "./bench-data";

/** 60 s; BENCH_MIX_SECONDS shortens it for a quick look (never for a dated result). */
export const MIX_SECONDS = Number(process.env.BENCH_MIX_SECONDS ?? 60);
export const MIX_CONNECTIONS = 50;
const SIGNED_IN_SHARE = 0.3;

/** Everything the mix draws from, read once from the bench database. */
export interface MixData {
  fixture: BenchFixture;
  stories: number[];
  councils: string[];
  regions: string[];
  tags: string[];
  /** Second pages of lists (sealed cursors, read from the app's own "next" links). */
  laterPages: string[];
  /** What readers search for (searchVocabulary). */
  queries: string[];
}

// Real questions people bring to a social care forum, in their words.
const QUERIES =
  "direct payments review, personal budget cut, carers assessment, respite, continuing healthcare, support plan, personal assistant, employing a PA, hourly rate, reassessment, complaint ombudsman, day centre closed, managed account, individual service fund, care home fees, financial assessment, moving councils, transition to adult services, autism support, learning disability, mental health, dementia, social worker, waiting list, advocacy, budget reduced, night support, short breaks, payroll, appeal".split(
    ", ",
  );
const PERSPECTIVES = ["carer", "supported_person", "support_planner", "social_worker"];
const LEADS = ["self_led", "peer_led", "planner_led", "council_led"];
const KINDS = ["story", "practice_note", "question"];

export interface MixRequest {
  kind: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The scenario (scenarios.ts) whose floor answers it; none: not sent to the floor. */
  floor: string | null;
  expect: number;
}

interface KindTarget {
  p95Ms: number;
  write: boolean;
}

/** Targets per kind of request (issue 16): reads 100 ms, dashboards 150 ms, writes 150 ms (sign-in hashes on purpose). */
export const KIND_TARGETS: Record<string, KindTarget> = {
  "story page": { p95Ms: 100, write: false },
  "story page (signed in)": { p95Ms: 100, write: false },
  "long thread": { p95Ms: 100, write: false },
  "long thread (signed in)": { p95Ms: 100, write: false },
  "home page": { p95Ms: 100, write: false },
  list: { p95Ms: 100, write: false },
  "list (signed in)": { p95Ms: 100, write: false },
  search: { p95Ms: 100, write: false },
  "national dashboard": { p95Ms: 150, write: false },
  "council dashboard": { p95Ms: 150, write: false },
  "council dashboard (signed in)": { p95Ms: 150, write: false },
  API: { p95Ms: 100, write: false },
  reply: { p95Ms: 150, write: true },
  reaction: { p95Ms: 150, write: true },
  "sign in": { p95Ms: Infinity, write: true },
};

const rnd = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
};
const clientAddress = () =>
  `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

export async function readMixData(databaseUrl: string, fixture: BenchFixture): Promise<MixData> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const ids = (s: string) => db.query<{ v: string }>(s).then((r) => r.rows.map((row) => row.v));
    // One after another: a pg.Client runs one query at a time.
    const stories = (await db.query<{ id: number }>(`SELECT id FROM post WHERE status = 'published'`)).rows.map(
      (row) => row.id,
    );
    const councils = await ids(`SELECT code AS v FROM area`);
    const regions = await ids(`SELECT DISTINCT region_code AS v FROM area`);
    // A support arrangement's tag is its own facet now (?tag=dp-employer answers 308 to ?arrangement=).
    const tags = await ids(`SELECT slug AS v FROM tag WHERE "group" <> 'support_arrangement'`);
    const queries = await searchVocabulary(db, stories.length);
    return { fixture, stories, councils, regions, tags, laterPages: [], queries };
  } finally {
    await db.end();
  }
}

/**
 * The real queries whose words are in at most 3% of stories, and as many words found in 0.5–3% of
 * them (as the search scenario's word). The generated stories recombine a few hundred sentences, so
 * most everyday phrases ("support plan") are in half of them, which no real forum's text is: such a
 * search costs PostgreSQL over a second, and a vocabulary of them measures only that.
 */
async function searchVocabulary(db: pg.Client, stories: number): Promise<string[]> {
  const words = await db.query<{ word: string; ndoc: number }>(
    `SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM post WHERE status = ''published''')`,
  );
  const share = new Map(words.rows.map((row) => [row.word, row.ndoc / stories]));
  const stems: { query: string; rarest: number }[] = [];
  for (const query of QUERIES) {
    const lexemes = await db.query<{ lexeme: string }>(
      `SELECT unnest(tsvector_to_array(to_tsvector('english', $1))) AS lexeme`,
      [query],
    );
    stems.push({ query, rarest: Math.min(...lexemes.rows.map((row) => share.get(row.lexeme) ?? 0)) });
  }
  const real = stems.filter((s) => s.rarest <= 0.03).map((s) => s.query);
  const found = words.rows
    .filter((row) => /^[a-z]{4,}$/.test(row.word) && row.ndoc / stories >= 0.005 && row.ndoc / stories <= 0.03)
    .map((row) => row.word)
    .slice(0, Math.max(10, QUERIES.length - real.length));
  return [...real, ...found];
}

function listPath(data: MixData): { path: string; floor: string } {
  if (data.laterPages.length > 0 && Math.random() < 0.25) return { path: rnd(data.laterPages), floor: "home page" };
  const extra = Math.random() < 0.3 ? `&kind=${rnd(KINDS)}` : "";
  switch (Math.floor(Math.random() * 3)) {
    case 0:
      return { path: `/stories?council=${rnd(data.councils)}${extra}`, floor: "council list" };
    case 1:
      return { path: `/stories?tag=${rnd(data.tags)}${extra}`, floor: "tag list" };
    default:
      return { path: `/stories?region=${rnd(data.regions)}${extra}`, floor: "home page" };
  }
}

/** One read, drawn from the mix (weights in percent). */
export function nextRead(data: MixData, sessions: string[]): MixRequest {
  const signedIn = sessions.length > 0 && Math.random() < SIGNED_IN_SHARE;
  const cookie: Record<string, string> = signedIn ? { cookie: `session=${rnd(sessions)}` } : {};
  const as = (kind: string) => (signedIn && `${kind} (signed in)` in KIND_TARGETS ? `${kind} (signed in)` : kind);
  const roll = Math.random() * 100;
  const get = (kind: string, path: string, floor: string | null): MixRequest => ({
    kind: as(kind),
    method: "GET",
    path,
    headers: { ...cookie },
    floor: floor && signedIn && `${floor} (signed in)` in FLOOR_SIGNED_IN ? `${floor} (signed in)` : floor,
    expect: 200,
  });
  if (roll < 38) return get("story page", `/stories/${rnd(data.stories)}`, "story with 50 replies");
  if (roll < 43) return get("long thread", `/stories/${rnd(data.fixture.storyPages)}`, "story with 50 replies");
  if (roll < 50) return get("home page", "/", "home page");
  if (roll < 68) {
    const list = listPath(data);
    return get("list", list.path, list.floor);
  }
  if (roll < 80) return get("search", `/stories?q=${encodeURIComponent(rnd(data.queries))}`, "search");
  if (roll < 83) return get("national dashboard", "/outcomes", "national dashboard");
  if (roll < 92) {
    const filter =
      Math.random() < 0.5 ? "" : Math.random() < 0.5 ? `?perspective=${rnd(PERSPECTIVES)}` : `?lead=${rnd(LEADS)}`;
    return get("council dashboard", `/outcomes/${rnd(data.councils)}${filter}`, "council dashboard");
  }
  return {
    kind: "API",
    method: "GET",
    path: Math.random() < 0.5 ? "/api/v1/stories" : `/api/v1/stories?council=${rnd(data.councils)}`,
    headers: { "x-forwarded-for": clientAddress() },
    floor: "API stories page",
    expect: 200,
  };
}

/** Floors that have a signed-in twin in scenarios.ts. */
const FLOOR_SIGNED_IN: Record<string, true> = {
  "story with 50 replies (signed in)": true,
  "council dashboard (signed in)": true,
};

const REPLY_TEXT =
  "Thank you for writing this down. We had almost the same review last spring and it helps to know we were not alone.";

/** The writes that go on throughout: a reply and a reaction every second, a sign-in every two. */
export function writeSchedule(data: MixData, sessions: string[], origin: string) {
  const longThreads = new Set(data.fixture.storyPages);
  const target = () => {
    for (;;) {
      const id = rnd(data.stories);
      if (!longThreads.has(id)) return id;
    }
  };
  const form = (cookie?: string) => ({
    "content-type": "application/x-www-form-urlencoded",
    origin,
    "x-forwarded-for": clientAddress(),
    ...(cookie ? { cookie } : {}),
  });
  // Members who are not among the signed-in readers, so sign-ins never end their sessions.
  const signers = data.fixture.members.slice(0, Math.max(1, data.fixture.members.length - sessions.length));
  /** A signed-in member's form sent to a story page: a reply or a reaction. */
  const onStory = (kind: string, body: string, floor: string | null): MixRequest => ({
    kind,
    method: "POST",
    path: `/stories/${target()}`,
    headers: form(`session=${rnd(sessions)}`),
    body,
    floor,
    expect: 302,
  });
  const reply = () => new URLSearchParams({ submissionKey: randomUUID(), body: REPLY_TEXT, displayMode: "anonymous" });
  return [
    { everyMs: 1000, make: () => onStory("reply", reply().toString(), "reply to a story") },
    { everyMs: 1000, make: () => onStory("reaction", "intent=react", null) },
    {
      everyMs: 2000,
      make: (): MixRequest => ({
        kind: "sign in",
        method: "POST",
        path: "/sign-in",
        headers: form(),
        body: new URLSearchParams({
          handle: rnd(signers),
          password: data.fixture.password,
          redirectTo: "/",
        }).toString(),
        floor: "sign in",
        expect: 302,
      }),
    },
  ];
}

// ---- Driving ----

interface Sample {
  kind: string;
  ms: number;
  status: number;
  expected: boolean;
  hit: boolean;
  cacheable: boolean;
}

/** Chromium's Accept-Encoding. */
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";

function send(agent: http.Agent, base: URL, request: MixRequest, extraHeaders: Record<string, string>) {
  return new Promise<Sample>((resolve) => {
    const began = performance.now();
    const body = request.body ?? "";
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: {
          // What every browser asks for: the app compresses its answers (brotli or gzip) as it would
          // for a real reader. The floor answers uncompressed whatever it is asked.
          "accept-encoding": BROWSER_ENCODINGS,
          ...request.headers,
          ...extraHeaders,
          ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            kind: request.kind,
            ms: performance.now() - began,
            status: res.statusCode ?? 0,
            expected: res.statusCode === request.expect,
            hit: res.headers["x-page-cache"] === "hit",
            cacheable: request.method === "GET" && !request.headers.cookie && !request.path.startsWith("/api/"),
          }),
        );
      },
    );
    req.on("error", () =>
      resolve({
        kind: request.kind,
        ms: performance.now() - began,
        status: 0,
        expected: false,
        hit: false,
        cacheable: false,
      }),
    );
    req.end(body);
  });
}

export interface MixResult {
  seconds: number;
  samples: Sample[];
  cpuMs: { node: number; postgres: number };
}

/** Drives the mix at `baseUrl` for `seconds`; `toFloor` sends each request to its floor scenario instead. */
export async function driveMix(
  baseUrl: string,
  data: MixData,
  sessions: string[],
  options: { seconds: number; toFloor: boolean; cpu: () => { node: number; postgres: number }; origin: string },
): Promise<MixResult> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: MIX_CONNECTIONS + 4 });
  const samples: Sample[] = [];
  const until = performance.now() + options.seconds * 1000;
  const sendOne = async (request: MixRequest) => {
    if (options.toFloor && request.floor === null) return;
    const sample = await send(agent, base, request, options.toFloor ? { "x-bench-scenario": request.floor ?? "" } : {});
    samples.push(sample);
  };
  const before = options.cpu();
  const began = performance.now();
  const readers = Array.from({ length: MIX_CONNECTIONS }, async () => {
    while (performance.now() < until) await sendOne(nextRead(data, sessions));
  });
  const timers = writeSchedule(data, sessions, options.origin).map(({ everyMs, make }) => {
    const inFlight: Promise<void>[] = [];
    const timer = setInterval(() => inFlight.push(sendOne(make())), everyMs);
    return { timer, inFlight };
  });
  await Promise.all(readers);
  for (const { timer } of timers) clearInterval(timer);
  await Promise.all(timers.flatMap((t) => t.inFlight));
  const seconds = (performance.now() - began) / 1000;
  const after = options.cpu();
  agent.destroy();
  return { seconds, samples, cpuMs: { node: after.node - before.node, postgres: after.postgres - before.postgres } };
}

/** Second pages of a few lists, from the app's own "next" links (the cursors are sealed). */
export async function collectLaterPages(baseUrl: string, data: MixData, count = 40): Promise<string[]> {
  const pages: string[] = [];
  for (let i = 0; i < count; i++) {
    const { path } = listPath(data);
    const html = await fetch(`${baseUrl}${path}`).then((r) => r.text());
    const next = /href="(\/stories\?[^"]*cursor=[^"]+)"/.exec(html)?.[1];
    if (next) pages.push(next.replaceAll("&amp;", "&"));
  }
  return pages;
}

// ---- Report ----

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

export interface KindRow {
  kind: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
  /** The unexpected answers by status, "429 × 1, 0 × 2" (0: no answer), so a failure says what it was. */
  failedStatuses: string;
  hitRatio: number | null;
}

function statusCounts(samples: Sample[]): string {
  const counts = new Map<number, number>();
  for (const sample of samples) counts.set(sample.status, (counts.get(sample.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${status} × ${n}`).join(", ");
}

export function summarise(result: MixResult): { rows: KindRow[]; rps: number; hitRatio: number } {
  const byKind = new Map<string, Sample[]>();
  for (const sample of result.samples) byKind.set(sample.kind, [...(byKind.get(sample.kind) ?? []), sample]);
  const rows = Object.keys(KIND_TARGETS)
    .filter((kind) => byKind.has(kind))
    .map((kind) => {
      const samples = byKind.get(kind) ?? [];
      const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
      const cacheable = samples.filter((s) => s.cacheable);
      return {
        kind,
        count: samples.length,
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        p99: percentile(sorted, 0.99),
        failed: samples.filter((s) => !s.expected).length,
        failedStatuses: statusCounts(samples.filter((s) => !s.expected)),
        hitRatio: cacheable.length ? cacheable.filter((s) => s.hit).length / cacheable.length : null,
      };
    });
  const cacheable = result.samples.filter((s) => s.cacheable);
  return {
    rows,
    rps: result.samples.length / result.seconds,
    hitRatio: cacheable.length ? cacheable.filter((s) => s.hit).length / cacheable.length : 0,
  };
}

export function printMixReport(
  app: MixResult,
  floor: MixResult,
  memory: { pid: number; peakMb: number }[],
  settings: string,
) {
  const a = summarise(app);
  const f = summarise(floor);
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
  const verdict = (met: boolean) => (met ? "met" : "NOT MET");
  console.log(`\n## Real traffic (${settings})`);
  console.log(
    `${MIX_CONNECTIONS} connections for ${MIX_SECONDS} s, ${Math.round(SIGNED_IN_SHARE * 100)}% of reads signed in; a reply and a reaction every second, a sign-in every two.`,
  );
  console.log(
    `App: ${app.samples.length} requests, ${a.rps.toFixed(0)} req/s (target ≥ 300: ${verdict(a.rps >= 300)}); page-cache hit ratio of signed-out pages ${(a.hitRatio * 100).toFixed(1)}%; ` +
      `CPU per request: node ${(app.cpuMs.node / app.samples.length).toFixed(2)} ms + PostgreSQL ${(app.cpuMs.postgres / app.samples.length).toFixed(2)} ms`,
  );
  console.log(
    `Floor: ${floor.samples.length} requests, ${f.rps.toFixed(0)} req/s; CPU per request: node ${(floor.cpuMs.node / floor.samples.length).toFixed(2)} ms + PostgreSQL ${(floor.cpuMs.postgres / floor.samples.length).toFixed(2)} ms`,
  );
  console.log(
    `Peak memory per app process (RSS): ${memory.map((m) => `${m.peakMb.toFixed(0)} MB`).join(", ")} (target < 400 MB: ${verdict(memory.every((m) => m.peakMb < 400))})\n`,
  );
  console.log(
    "| kind | requests | p50 ms | p95 ms | p99 ms | failed | hit ratio | floor p95 ms | p95 ÷ floor | target |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of a.rows) {
    const target = KIND_TARGETS[row.kind];
    const floorRow = f.rows.find((r) => r.kind === row.kind);
    const ratio = floorRow ? row.p95 / floorRow.p95 : NaN;
    const checks = [
      target && Number.isFinite(target.p95Ms) ? `p95 < ${target.p95Ms}: ${verdict(row.p95 < target.p95Ms)}` : "",
      floorRow && !target?.write ? `≤ 3× floor: ${verdict(ratio <= 3)}` : "",
      row.failed ? "failures: NOT MET" : "",
    ].filter(Boolean);
    console.log(
      `| ${row.kind} | ${row.count} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${row.failed}${row.failedStatuses ? ` (${row.failedStatuses})` : ""} | ${row.hitRatio === null ? "–" : `${(row.hitRatio * 100).toFixed(0)}%`} | ${floorRow ? ms(floorRow.p95) : "–"} | ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : "–"} | ${checks.join("; ")} |`,
    );
  }
}
