// The benchmark data set: a realistic community written straight into PostgreSQL with COPY.
// At scale 1: 50,000 members, 100,000 posts, 1,000,000 replies, 200,000 experience reports with
// their outcome ratings, tags, flags and reactions; every count is multiplied by the scale.
//
// Deterministic for a given seed and day. Loaded in one transaction after TRUNCATE, so COPY can
// write frozen, all-visible rows (no VACUUM needed for index-only scans), with foreign-key checks
// and triggers off (session_replication_role = replica: the generator keeps the rows consistent
// itself) and secondary indexes dropped during the load and rebuilt from their own definitions
// at the end. outcome_summary, which triggers normally keep current, is rebuilt afterwards.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { NO_PAID_SUPPORT, recentQuarters } from "../../app/domain/reports/report-input";
import { CARER_OUTCOME_DOMAINS, OUTCOME_DOMAINS } from "../../app/domain/taxonomy";
import { Rng } from "../../prisma/seed/demo-community";
import { buildCorpus, composeBody, type PostKind } from "./corpus";
import { isLocalPostgres, processCpuMs } from "./cpu";

export const BENCH_SEED = 20261201;
/** Every bench member signs in with this; its argon2 hash is computed once and shared (see generate-data.ts). */
export const BENCH_PASSWORD = "bench password, not a secret";
/** Stories with exactly this many published replies, for the story page scenario. */
export const WELL_KNOWN_REPLIES = 50;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface BenchFixture {
  scale: number;
  seed: number;
  generatedOn: string;
  password: string;
  /** Members who may sign in and reply at once (trust level 1+, not silenced), by handle. */
  members: string[];
  /** Published stories with exactly 50 published replies: read by the story page scenario. */
  storyPages: number[];
  /** Published stories the write scenarios reply to, so the read scenario's stories keep 50. */
  replyTargets: number[];
  /** The council with most published posts, the tag on most published posts. */
  busyCouncil: { code: string; name: string; publishedPosts: number };
  quietCouncil: { code: string; name: string; reports: number };
  tag: { slug: string; label: string; publishedPosts: number };
  /** A word found in about 1–2% of published stories. */
  searchWord: { word: string; publishedStories: number };
}

export interface BenchDataResult {
  counts: Record<string, number>;
  steps: { step: string; seconds: number; cpu: { node: number; postgres: number } }[];
  fixture: BenchFixture;
}

// ---- Small helpers ----

/** Picks an index with probability proportional to its weight (cumulative table, binary search). */
class WeightedIndex {
  private readonly cumulative: Float64Array;
  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((w, i) => {
      total += Math.max(0, w);
      this.cumulative[i] = total;
    });
  }
  pick(rng: Rng): number {
    const roll = rng.float() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

function choice<T extends string>(entries: Record<T, number>): { values: T[]; index: WeightedIndex } {
  const values = Object.keys(entries) as T[];
  return { values, index: new WeightedIndex(values.map((v) => entries[v])) };
}
function draw<T>(rng: Rng, table: { values: T[]; index: WeightedIndex }): T {
  return table.values[table.index.pick(rng)] as T;
}

/** Number of sorted values ≤ limit. */
function countUpTo(sorted: Float64Array, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// COPY text format: tab-separated, \N for NULL, backslash escapes.
const N = "\\N";
function field(value: string | null): string {
  if (value === null) return N;
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : value;
}
const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function uuid(rng: Rng): string {
  const hex = (n: number) =>
    Math.floor(rng.float() * 16 ** n)
      .toString(16)
      .padStart(n, "0");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rng.float() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}

/** Streams rows (already COPY-formatted lines) into a table, in chunks, with back-pressure. */
async function copyRows(db: pg.Client, table: string, columns: string[], rows: Iterable<string>): Promise<number> {
  let count = 0;
  function* chunks() {
    let chunk: string[] = [];
    let size = 0;
    for (const row of rows) {
      chunk.push(row);
      size += row.length;
      count += 1;
      if (size > 512_000) {
        yield `${chunk.join("\n")}\n`;
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length) yield `${chunk.join("\n")}\n`;
  }
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN WITH (FREEZE)`;
  await pipeline(Readable.from(chunks()), db.query(copyFrom(sql)));
  return count;
}

// ---- Vocabulary of the community ----

const PERSPECTIVES = choice({
  carer: 42,
  supported_person: 24,
  acting_for_person: 5,
  support_planner: 7,
  social_worker: 8,
  provider_staff: 7,
  researcher: 5,
  other: 2,
});
const PRACTITIONERS = new Set(["support_planner", "social_worker", "provider_staff"]);
const ARRANGEMENTS = choice({
  dp_employer: 22,
  dp_agency: 15,
  managed_budget: 20,
  isf: 5,
  commissioned: 18,
  care_home: 6,
  family_only: 6,
  self_funded: 3,
  waiting: 5,
});
const CLIENT_GROUPS = choice({
  learning_disability: 22,
  autism: 14,
  physical_disability: 16,
  older_people: 18,
  dementia: 9,
  mental_health: 9,
  sensory: 3,
  brain_injury: 3,
  long_term_condition: 4,
  other: 2,
});
const PLAN_LEADS = choice({ self_led: 25, peer_led: 7, planner_led: 13, council_led: 45, unknown: 10 });
const BUDGET_CHANGES = choice({ increased: 14, same: 40, reduced: 26, stopped: 5, no_review: 15 });
const EASE = choice({ very_easy: 6, easy: 16, neither: 26, hard: 32, very_hard: 20 });
const COVERAGE = choice({ fully: 30, partly: 50, not_at_all: 20 });
const FLAG_REASONS = choice({ personal_information: 30, safeguarding: 8, abuse: 15, spam: 12, other: 35 });
const COMMENT_STATUS = choice({ published: 80, pending: 12, rejected: 8 });

// Better outcomes when people lead their own plans and budgets hold; worse after cuts.
const LEAD_EFFECT: Record<string, number> = {
  self_led: 0.6,
  peer_led: 0.45,
  planner_led: 0.3,
  council_led: -0.25,
  unknown: 0,
};
const CHANGE_EFFECT: Record<string, number> = {
  increased: 0.5,
  same: 0.05,
  reduced: -0.55,
  stopped: -1,
  no_review: -0.15,
};
const ARRANGEMENT_EFFECT: Record<string, number> = {
  dp_employer: 0.3,
  dp_agency: 0.1,
  managed_budget: 0,
  isf: 0.25,
  commissioned: -0.15,
  care_home: -0.1,
  family_only: -0.35,
  self_funded: 0.05,
  waiting: -0.7,
};
// Typical hourly rates in pence: personal assistants earn less than agencies charge.
const RATE_BASE: Record<string, number> = {
  dp_employer: 1450,
  dp_agency: 2450,
  managed_budget: 2200,
  isf: 2050,
  commissioned: 2300,
  self_funded: 2650,
};
const NOT_RELEVANT: Record<string, number> = { occupation: 0.3, home: 0.1, relationships: 0.06 };
const MODERATION_REASONS = [
  "Contains details that could identify a person.",
  "Names a member of staff.",
  "Not about social care.",
  "Duplicate of an earlier post.",
  "Advertising.",
];
const FLAG_NOTES = [
  "This names a social worker.",
  "I think I know who this is.",
  "Looks like spam.",
  "This worried me.",
  "Please check this.",
];

const ADJECTIVES = [
  "quiet",
  "steady",
  "patient",
  "brave",
  "gentle",
  "hopeful",
  "tired",
  "careful",
  "bright",
  "calm",
  "kind",
  "stubborn",
  "cheerful",
  "honest",
  "plain",
];
const NOUNS = [
  "heron",
  "oak",
  "harbour",
  "lantern",
  "kestrel",
  "meadow",
  "cedar",
  "otter",
  "beacon",
  "thistle",
  "sparrow",
  "pebble",
  "bramble",
  "finch",
  "badger",
];

/**
 * Handles follow the sign-up rules: letters only (nothing like a year or a phone number) and one
 * word, so no part can read as a first name and surname ("steadyheronbq", not "steady-heron-bq").
 */
function letters(n: number): string {
  let out = "";
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

// ---- The generator ----

export async function generateBenchData(
  db: pg.Client,
  options: { scale: number; passwordHash: string; today?: Date; seed?: number; log?: (message: string) => void },
): Promise<BenchDataResult> {
  const { scale, passwordHash } = options;
  const seed = options.seed ?? BENCH_SEED;
  const log = options.log ?? (() => undefined);
  const now = (options.today ?? new Date()).getTime();
  const start = now - 3 * 365 * DAY;
  const rng = new Rng(seed);
  const steps: BenchDataResult["steps"] = [];
  const counts: Record<string, number> = {};
  // On a shared machine wall time depends on everyone else; CPU seconds (this process and, when
  // PostgreSQL runs here, its backend) say what each step itself costs.
  const backend = (await db.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0]?.pid ?? 0;
  const backendCpu = () => (isLocalPostgres(backend) ? processCpuMs(backend) : NaN);
  const ownCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const began = performance.now();
    const [node, postgres] = [ownCpu(), backendCpu()];
    const result = await work();
    const seconds = (performance.now() - began) / 1000;
    const cpu = { node: (ownCpu() - node) / 1000, postgres: (backendCpu() - postgres) / 1000 };
    steps.push({ step: name, seconds, cpu });
    const rows = typeof result === "number" ? `${result.toLocaleString("en-GB")} rows; ` : "";
    const pgCpu = Number.isFinite(cpu.postgres) ? `PostgreSQL ${cpu.postgres.toFixed(1)} s, ` : "";
    log(`  ${name}: ${seconds.toFixed(1)} s (${rows}CPU: ${pgCpu}generator ${cpu.node.toFixed(1)} s)`);
    return result;
  }
  /** A step that copies the rows a generator makes into a table; how many. */
  const copyStep = (name: string, table: string, columns: string[], rows: () => Iterable<string>) =>
    step(name, () => copyRows(db, table, columns, rows()));

  const corpus = buildCorpus();
  const areas = (
    await db.query<{ code: string; name: string; region_code: string }>(
      `SELECT code, name, region_code FROM area ORDER BY code`,
    )
  ).rows;
  const tags = (
    await db.query<{ id: number; slug: string; group: string; sort_order: number }>(
      `SELECT id, slug, "group", sort_order FROM tag ORDER BY id`,
    )
  ).rows;
  if (areas.length === 0 || tags.length === 0) throw new Error("Load the reference data (councils and tags) first.");

  const users = Math.max(20, Math.round(50_000 * scale));
  const posts = Math.max(40, Math.round(100_000 * scale));
  const commentsWanted = Math.max(1_000, Math.round(1_000_000 * scale));
  const reports = Math.max(40, Math.round(200_000 * scale));

  // Councils of very different sizes: a long tail by rank, London boroughs busier, and a few
  // councils with only a handful of reports so small-number suppression has work to do.
  const LONDON = "E12000007";
  const ranked = rng.shuffle(areas.map((_, i) => i));
  const areaWeights = new Array<number>(areas.length).fill(0);
  ranked.forEach((areaIndex, rank) => {
    areaWeights[areaIndex] = (1 / (rank + 1) ** 0.8) * (areas[areaIndex]?.region_code === LONDON ? 4 : 1);
  });
  const weightTotal = areaWeights.reduce((a, b) => a + b, 0);
  for (const areaIndex of ranked.filter((i) => areas[i]?.region_code !== LONDON).slice(-8)) {
    areaWeights[areaIndex] = ((3 + rng.int(0, 9)) / 200_000) * weightTotal;
  }
  const areaPicker = new WeightedIndex(areaWeights);
  const areaEffect = areas.map(() => rng.gauss() * 0.3);
  const tagPicker = new WeightedIndex(
    tags.map((t) => (t.group === "topic" ? 6 - 0.3 * t.sort_order : t.group === "feeling" ? 1 : 1.5)),
  );

  await db.query(`SET session_replication_role = replica`);
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET maintenance_work_mem = '512MB'`);
  await db.query("BEGIN");
  const loaded = [
    "user",
    "post",
    "post_tag",
    "comment",
    "experience_report",
    "report_outcome",
    "flag",
    "post_reaction",
  ];
  await db.query(`TRUNCATE ${loaded.map((t) => `"${t}"`).join(", ")}, outcome_summary CASCADE`);
  const indexes = (
    await db.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND NOT x.indisprimary
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`,
      [loaded],
    )
  ).rows;
  for (const index of indexes) await db.query(`DROP INDEX "${index.name}"`);

  // ---- Members: joined steadily over three years (ids in joining order) ----
  const userJoined = new Float64Array(users);
  const userPerspective: string[] = new Array<string>(users);
  const userTrust = new Uint8Array(users);
  const userRole: string[] = new Array<string>(users);
  const userSilenced = new Uint8Array(users);
  const joinSpan = now - DAY - (start - 60 * DAY);
  for (let i = 0; i < users; i++) {
    userJoined[i] = start - 60 * DAY + joinSpan * ((i + rng.float()) / users);
    userPerspective[i] = draw(rng, PERSPECTIVES);
    const trustRoll = rng.float();
    userTrust[i] = trustRoll < 0.25 ? 0 : trustRoll < 0.8 ? 1 : 2;
    userRole[i] =
      i === 1 || i % 997 === 3
        ? "moderator"
        : i === 2 || i % 4_999 === 7
          ? "admin"
          : userPerspective[i] === "researcher" && rng.chance(0.5)
            ? "researcher"
            : "member";
    if (userRole[i] !== "member") userTrust[i] = 2;
    userSilenced[i] = userRole[i] === "member" && rng.chance(0.002) ? 1 : 0;
  }
  const moderatorIds = [...userRole.keys()]
    .filter((i) => userRole[i] !== "member" && userRole[i] !== "researcher")
    .map((i) => i + 1);
  /** A member who had joined by the given time; early members write more. */
  const memberBy = (time: number) => Math.floor(Math.max(1, countUpTo(userJoined, time)) * rng.float() ** 1.6);

  counts.users = await copyStep(
    "members",
    `"user"`,
    [
      "id",
      "handle",
      "handle_key",
      "password_hash",
      "role",
      "perspective",
      "trust_level",
      "silenced_until",
      "created_at",
      "last_active_on",
      "days_active",
    ],
    function* () {
      const taken = new Set<string>();
      for (let i = 0; i < users; i++) {
        let handle = `${rng.pick(ADJECTIVES)}${rng.pick(NOUNS)}${letters(i)}`;
        while (taken.has(handle)) handle += "x";
        taken.add(handle);
        const joined = userJoined[i] ?? now;
        const lastActive = joined + rng.float() * (now - joined);
        const days = userTrust[i] === 0 ? rng.int(1, 3) : userTrust[i] === 1 ? rng.int(3, 40) : rng.int(15, 400);
        yield [
          i + 1,
          handle,
          handle.toLowerCase(),
          passwordHash,
          userRole[i],
          userPerspective[i],
          userTrust[i],
          userSilenced[i] ? iso(now + 14 * DAY) : N,
          iso(joined),
          isoDay(lastActive),
          days,
        ].join("\t");
      }
    },
  );

  // ---- Posts: more of them lately, as the site grows (ids in time order) ----
  const postCreated = Float64Array.from(
    { length: posts },
    () => start + (now - HOUR - start) * Math.sqrt(rng.float()),
  ).sort();
  const postKind: PostKind[] = new Array<PostKind>(posts);
  const postStatus: string[] = new Array<string>(posts);
  const postPublished = new Float64Array(posts);
  const postAuthor = new Int32Array(posts);
  const postArea = new Int32Array(posts);
  for (let p = 0; p < posts; p++) {
    const created = postCreated[p] ?? now;
    const kindRoll = rng.float();
    const kind: PostKind = kindRoll < 0.8 ? "story" : kindRoll < 0.9 ? "practice_note" : "question";
    const statusRoll = rng.float();
    const status =
      now - created < 14 * DAY
        ? statusRoll < 0.35
          ? "pending"
          : statusRoll < 0.97
            ? "published"
            : "rejected"
        : statusRoll < 0.91
          ? "published"
          : statusRoll < 0.955
            ? "rejected"
            : statusRoll < 0.985
              ? "removed"
              : "changes_requested";
    // Practice notes come from practitioners; what still waits for review, from newer members.
    let author = memberBy(created);
    for (let attempt = 0; attempt < 20; attempt++) {
      const fits =
        (kind !== "practice_note" || PRACTITIONERS.has(userPerspective[author] ?? "")) &&
        (status === "pending" ? userTrust[author] === 0 : true) &&
        userPerspective[author] !== "researcher";
      if (fits) break;
      author = memberBy(created);
    }
    postKind[p] = kind;
    postStatus[p] = status;
    postAuthor[p] = author;
    postArea[p] = rng.chance(0.85) ? areaPicker.pick(rng) : -1;
    postPublished[p] =
      status === "published" || status === "removed"
        ? Math.min(created + (0.5 + rng.float() * 47.5) * HOUR, now - 60_000)
        : 0;
  }
  const wellKnown = Math.min(20, Math.floor(commentsWanted / (WELL_KNOWN_REPLIES * 5)));
  const wellKnownPosts: number[] = [];
  for (let p = 0; p < posts && wellKnownPosts.length < wellKnown; p++) {
    if (postKind[p] === "story" && postStatus[p] === "published") wellKnownPosts.push(p);
  }

  counts.posts = await copyStep(
    "posts",
    "post",
    [
      "id",
      "kind",
      "title",
      "body_markdown",
      "body_html",
      "body_text",
      "area_code",
      "author_id",
      "display_mode",
      "author_perspective",
      "status",
      "moderation_note",
      "version",
      "created_at",
      "updated_at",
      "published_at",
      "submission_key",
    ],
    function* () {
      for (let p = 0; p < posts; p++) {
        const kind = postKind[p] ?? "story";
        const body = composeBody(rng, corpus.sentences[kind], 800, 3_000);
        const status = postStatus[p] ?? "published";
        const created = postCreated[p] ?? now;
        const published = postPublished[p] ?? 0;
        const edited = rng.chance(0.08);
        yield [
          p + 1,
          kind,
          field(rng.pick(corpus.titles[kind])),
          field(body.markdown),
          field(body.html),
          field(body.text),
          postArea[p] === -1 ? N : (areas[postArea[p] ?? 0]?.code ?? N),
          (postAuthor[p] ?? 0) + 1,
          rng.chance(0.7) ? "anonymous" : "handle",
          userPerspective[postAuthor[p] ?? 0],
          status,
          status === "published" || status === "pending" ? N : rng.pick(MODERATION_REASONS),
          edited ? 2 : 1,
          iso(created),
          iso(edited ? Math.min(now, created + rng.float() * 5 * DAY) : Math.max(created, published)),
          published ? iso(published) : N,
          uuid(rng),
        ].join("\t");
      }
    },
  );

  counts.postTags = await copyStep("post tags", "post_tag", ["post_id", "tag_id"], function* () {
    for (let p = 0; p < posts; p++) {
      const roll = rng.float();
      const wanted = roll < 0.25 ? 1 : roll < 0.6 ? 2 : roll < 0.85 ? 3 : 4;
      const chosen = new Set<number>();
      while (chosen.size < wanted) chosen.add(tagPicker.pick(rng));
      for (const t of [...chosen].sort((a, b) => a - b)) yield `${p + 1}\t${tags[t]?.id}`;
    }
  });

  // ---- Replies: on published posts, mostly in the days after publication, a few one level deep ----
  const published = [...postStatus.keys()].filter((p) => postStatus[p] === "published");
  const perPost = new Int32Array(posts);
  const wellKnownSet = new Set(wellKnownPosts);
  const others = published.filter((p) => !wellKnownSet.has(p));
  const pull = others.map(() => Math.exp(1.1 * rng.gauss()));
  const pullTotal = pull.reduce((a, b) => a + b, 0);
  const remaining = commentsWanted - wellKnownPosts.length * WELL_KNOWN_REPLIES;
  others.forEach((p, i) => {
    const expected = (remaining * (pull[i] ?? 0)) / pullTotal;
    perPost[p] = Math.floor(expected) + (rng.float() < expected % 1 ? 1 : 0);
  });
  for (const p of wellKnownPosts) perPost[p] = WELL_KNOWN_REPLIES;
  const comments = perPost.reduce((a, b) => a + b, 0);
  const cPost = new Int32Array(comments);
  const cTime = new Float64Array(comments);
  const cParent = new Int32Array(comments).fill(-1);
  const cStatus = new Uint8Array(comments); // index into COMMENT_STATES
  const COMMENT_STATES = ["published", "pending", "rejected", "removed"] as const;
  let g = 0;
  const times: number[] = [];
  for (const p of published) {
    const n = perPost[p] ?? 0;
    const from = postPublished[p] ?? now;
    times.length = 0;
    for (let j = 0; j < n; j++) {
      const delay = -Math.log(1 - rng.float()) * 5 * DAY * (rng.chance(0.1) ? 10 : 1);
      times.push(Math.max(from, Math.min(from + delay, now - 60_000)));
    }
    times.sort((a, b) => a - b);
    const topLevel: number[] = [];
    for (let j = 0; j < n; j++) {
      const time = times[j] ?? from;
      cPost[g] = p;
      cTime[g] = time;
      const roll = rng.float();
      const status = wellKnownSet.has(p)
        ? 0
        : now - time < 14 * DAY && roll < 0.1
          ? 1
          : roll < 0.97
            ? 0
            : roll < 0.985
              ? 2
              : 3;
      cStatus[g] = status;
      if (topLevel.length > 0 && rng.chance(0.18)) cParent[g] = rng.pick(topLevel);
      else if (status === 0) topLevel.push(g);
      g += 1;
    }
  }
  // Ids in time order, as a live site would have them; a reply always comes after its parent.
  const order = Uint32Array.from({ length: comments }, (_, i) => i).sort(
    (a, b) => (cTime[a] ?? 0) - (cTime[b] ?? 0) || a - b,
  );
  const commentId = new Int32Array(comments);
  order.forEach((gen, rank) => (commentId[gen] = rank + 1));

  counts.comments = await copyStep(
    "replies",
    "comment",
    [
      "id",
      "post_id",
      "parent_id",
      "author_id",
      "display_mode",
      "author_perspective",
      "body_markdown",
      "body_html",
      "status",
      "moderation_note",
      "created_at",
      "updated_at",
      "published_at",
      "submission_key",
    ],
    function* () {
      for (const gen of order) {
        const time = cTime[gen] ?? now;
        const author = memberBy(time);
        const body = composeBody(rng, corpus.sentences.comment, 40, 500);
        const status = COMMENT_STATES[cStatus[gen] ?? 0];
        const parent = cParent[gen] ?? -1;
        yield [
          commentId[gen],
          (cPost[gen] ?? 0) + 1,
          parent === -1 ? N : commentId[parent],
          author + 1,
          rng.chance(0.7) ? "anonymous" : "handle",
          userPerspective[author],
          field(body.markdown),
          field(body.html),
          status,
          status === "rejected" || status === "removed" ? rng.pick(MODERATION_REASONS) : N,
          iso(time),
          iso(time),
          status === "published" || status === "removed" ? iso(time) : N,
          uuid(rng),
        ].join("\t");
      }
    },
  );

  // ---- Experience reports over every council and the last 12 quarters ----
  const quarters = recentQuarters(new Date(now), 12).map((q) => Date.parse(`${q.start}T00:00:00Z`));
  const quarterPicker = new WeightedIndex(quarters.map((_, q) => 1 + 0.05 * (11 - q)));
  const stories = published.filter((p) => postKind[p] === "story");
  // One byte per report and domain (255: not asked), written to report_outcome afterwards.
  const DOMAINS = [...OUTCOME_DOMAINS, ...CARER_OUTCOME_DOMAINS].map((d) => d.slug);
  const RATINGS = ["a_lot_better", "a_bit_better", "same", "a_bit_worse", "a_lot_worse", "not_relevant"] as const;
  const ratings = new Uint8Array(reports * DOMAINS.length).fill(255);
  counts.reports = await copyStep(
    "experience reports",
    "experience_report",
    [
      "id",
      "author_id",
      "post_id",
      "area_code",
      "quarter_start",
      "perspective",
      "support_arrangement",
      "client_group",
      "plan_lead",
      "budget_change",
      "ease",
      "weeks_to_support",
      "budget_coverage",
      "hourly_rate_pence",
      "paid_hours_per_week",
      "unpaid_hours_per_week",
      "comment",
      "comment_status",
      "created_at",
      "submission_key",
    ],
    function* () {
      for (let r = 0; r < reports; r++) {
        let area = areaPicker.pick(rng);
        const quarter = quarters[quarterPicker.pick(rng)] ?? now;
        let created =
          quarter + 91 * DAY < now
            ? Math.min(quarter + (91 + rng.float() * 120) * DAY, now - HOUR)
            : quarter + rng.float() * (now - quarter);
        let author = memberBy(created);
        let postId: number | null = null;
        if (stories.length > 0 && rng.chance(0.08)) {
          const story = rng.pick(stories);
          postId = story + 1;
          author = postAuthor[story] ?? author;
          if ((postArea[story] ?? -1) >= 0) area = postArea[story] ?? area;
          created = Math.min(now - 60_000, Math.max(created, (postCreated[story] ?? 0) + HOUR));
        }
        const own = userPerspective[author] ?? "carer";
        const perspective =
          own === "researcher" || own === "other" ? (rng.chance(0.6) ? "carer" : "supported_person") : own;
        const arrangement = draw(rng, ARRANGEMENTS);
        const lead = draw(rng, PLAN_LEADS);
        const change = draw(rng, BUDGET_CHANGES);
        const paid = !NO_PAID_SUPPORT.has(arrangement);
        let rate: number | null = null;
        if (paid && rng.chance(0.85)) {
          const pence =
            (RATE_BASE[arrangement] ?? 2000) + (areas[area]?.region_code === LONDON ? 200 : 0) + rng.gauss() * 280;
          const clamped = Math.min(3_000, Math.max(1_000, pence));
          const roundTo = rng.float() < 0.5 ? 50 : rng.float() < 0.9 ? 5 : 1;
          rate = Math.min(3_000, Math.max(1_000, Math.round(clamped / roundTo) * roundTo));
        }
        const paidHours =
          paid && rng.chance(0.9)
            ? Math.min(80, Math.max(0, Math.round(Math.exp(2.6 + 0.7 * rng.gauss()) * 2) / 2))
            : null;
        const unpaidHours = rng.chance(0.55)
          ? Math.min(168, Math.max(0, Math.round(Math.exp((perspective === "carer" ? 3.4 : 2.2) + 0.8 * rng.gauss()))))
          : null;
        const withComment = rng.chance(0.08);
        const id = r + 1;
        const shift =
          (LEAD_EFFECT[lead] ?? 0) +
          (CHANGE_EFFECT[change] ?? 0) +
          (ARRANGEMENT_EFFECT[arrangement] ?? 0) +
          (areaEffect[area] ?? 0) +
          0.5 * rng.gauss();
        const asked = perspective === "carer" ? DOMAINS.length : OUTCOME_DOMAINS.length;
        for (let d = 0; d < asked; d++) {
          const latent = shift + rng.gauss();
          ratings[r * DOMAINS.length + d] = rng.chance(NOT_RELEVANT[DOMAINS[d] ?? ""] ?? 0.04)
            ? 5
            : latent < -1.3
              ? 4
              : latent < -0.5
                ? 3
                : latent < 0.4
                  ? 2
                  : latent < 1.2
                    ? 1
                    : 0;
        }
        yield [
          id,
          author + 1,
          postId ?? N,
          areas[area]?.code,
          isoDay(quarter),
          perspective,
          arrangement,
          draw(rng, CLIENT_GROUPS),
          lead,
          change,
          rng.chance(0.8) ? draw(rng, EASE) : N,
          rng.chance(0.65) ? Math.min(104, Math.round(-Math.log(1 - rng.float()) * 12)) : N,
          rng.chance(0.7) ? draw(rng, COVERAGE) : N,
          rate ?? N,
          paidHours === null ? N : paidHours.toFixed(1),
          unpaidHours === null ? N : unpaidHours.toFixed(1),
          withComment ? field(composeBody(rng, corpus.sentences.comment, 60, 400).text) : N,
          withComment ? draw(rng, COMMENT_STATUS) : N,
          iso(created),
          uuid(rng),
        ].join("\t");
      }
    },
  );
  counts.outcomeRatings = await copyStep(
    "outcome ratings",
    "report_outcome",
    ["report_id", "domain", "rating"],
    function* () {
      for (let r = 0; r < reports; r++) {
        for (let d = 0; d < DOMAINS.length; d++) {
          const rating = ratings[r * DOMAINS.length + d] ?? 255;
          if (rating !== 255) yield `${r + 1}\t${DOMAINS[d]}\t${RATINGS[rating]}`;
        }
      }
    },
  );

  // ---- Flags on about 1% of posts and 0.2% of replies; most handled by a moderator ----
  counts.flags = await copyStep(
    "flags",
    "flag",
    [
      "id",
      "post_id",
      "comment_id",
      "flagger_id",
      "reason",
      "note",
      "created_at",
      "resolved_at",
      "resolved_by_id",
      "resolution",
    ],
    function* () {
      let id = 0;
      const flag = function* (
        postId: number | null,
        commentIdValue: number | null,
        targetTime: number,
        authorIndex: number,
        removed: boolean,
      ) {
        let flagger = rng.int(0, users - 1);
        if (flagger === authorIndex) flagger = (flagger + 1) % users;
        const created = Math.min(now - 60_000, targetTime + rng.float() * 3 * DAY);
        const resolved =
          now - created > DAY && rng.chance(0.7) ? Math.min(now, created + (1 + rng.float() * 70) * HOUR) : 0;
        id += 1;
        yield [
          id,
          postId ?? N,
          commentIdValue ?? N,
          flagger + 1,
          draw(rng, FLAG_REASONS),
          rng.chance(0.5) ? rng.pick(FLAG_NOTES) : N,
          iso(created),
          resolved ? iso(resolved) : N,
          resolved ? (rng.pick(moderatorIds) ?? N) : N,
          resolved ? (removed || rng.chance(0.3) ? "upheld" : "dismissed") : N,
        ].join("\t");
      };
      for (let p = 0; p < posts; p++) {
        if (postStatus[p] !== "pending" && !wellKnownSet.has(p) && rng.chance(0.01)) {
          yield* flag(p + 1, null, postCreated[p] ?? now, postAuthor[p] ?? 0, postStatus[p] === "removed");
        }
      }
      for (let c = 0; c < comments; c++) {
        if (!wellKnownSet.has(cPost[c] ?? 0) && rng.chance(0.002)) {
          yield* flag(null, commentId[c] ?? 0, cTime[c] ?? now, -1, cStatus[c] === 3);
        }
      }
    },
  );

  counts.reactions = await copyStep("reactions", "post_reaction", ["post_id", "user_id", "created_at"], function* () {
    for (const p of published) {
      const wanted = Math.floor(-Math.log(1 - rng.float()) * 2.5) + (wellKnownSet.has(p) ? 10 : 0);
      const who = new Set<number>();
      for (let i = 0; i < wanted; i++) who.add(rng.int(0, users - 1));
      const from = postPublished[p] ?? now;
      for (const u of [...who].sort((a, b) => a - b))
        yield `${p + 1}\t${u + 1}\t${iso(Math.min(now - 60_000, from + rng.float() * 20 * DAY))}`;
    }
  });

  await step("indexes", async () => {
    for (const index of indexes) await db.query(index.definition);
  });
  await db.query("COMMIT");
  await db.query(`SET session_replication_role = DEFAULT`);

  for (const table of ["user", "post", "comment", "experience_report", "flag"]) {
    await db.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM "${table}"), 1), (SELECT count(*) > 0 FROM "${table}"))`,
      [`"${table}"`],
    );
  }
  await step("outcome summary rebuild", () => db.query(`SELECT outcome_summary_rebuild()`));
  await step("analyse", () => db.query("ANALYZE"));

  const fixture = await step("bench fixture", () =>
    describeFixture(db, {
      scale,
      seed,
      generatedOn: isoDay(now),
      storyPosts: wellKnownPosts.map((p) => p + 1),
      words: corpus.words,
    }),
  );
  return { counts, steps, fixture };
}

/** What the bench needs to know about this data set, chosen by querying it. */
async function describeFixture(
  db: pg.Client,
  known: { scale: number; seed: number; generatedOn: string; storyPosts: number[]; words: Set<string> },
): Promise<BenchFixture> {
  const members = (
    await db.query<{ handle: string }>(
      `SELECT handle FROM "user" WHERE role = 'member' AND trust_level >= 1 AND silenced_until IS NULL ORDER BY id LIMIT 2000`,
    )
  ).rows.map((r) => r.handle);
  const busy = (
    await db.query<{ code: string; name: string; n: number }>(
      `SELECT a.code, a.name, count(*)::int AS n FROM post p JOIN area a ON a.code = p.area_code
       WHERE p.status = 'published' GROUP BY a.code, a.name ORDER BY n DESC, a.code LIMIT 1`,
    )
  ).rows[0];
  const quiet = (
    await db.query<{ code: string; name: string; n: number }>(
      `SELECT a.code, a.name, count(r.id)::int AS n FROM area a LEFT JOIN experience_report r ON r.area_code = a.code
       GROUP BY a.code, a.name ORDER BY n, a.code LIMIT 1`,
    )
  ).rows[0];
  const tag = (
    await db.query<{ slug: string; label: string; n: number }>(
      `SELECT t.slug, t.label, count(*)::int AS n FROM post_tag pt JOIN tag t ON t.id = pt.tag_id JOIN post p ON p.id = pt.post_id
       WHERE p.status = 'published' GROUP BY t.slug, t.label ORDER BY n DESC, t.slug LIMIT 1`,
    )
  ).rows[0];
  // A realistic search: a word in roughly 1.5% of published stories, from a few candidates.
  const stories =
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM post WHERE status = 'published' AND kind = 'story'`))
      .rows[0]?.n ?? 0;
  const candidates = [
    "ombudsman",
    "respite",
    "tribunal",
    "panel",
    "payroll",
    "advocate",
    "reablement",
    "timesheets",
    "wheelchair",
    "insurance",
  ].filter((w) => known.words.has(w));
  let searchWord = { word: candidates[0] ?? "respite", publishedStories: 0 };
  let bestDistance = Infinity;
  for (const word of candidates) {
    const n =
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM post WHERE status = 'published' AND kind = 'story' AND search_vector @@ websearch_to_tsquery('english', $1)`,
          [word],
        )
      ).rows[0]?.n ?? 0;
    const distance = Math.abs(n - stories * 0.015);
    if (n > 0 && distance < bestDistance) {
      bestDistance = distance;
      searchWord = { word, publishedStories: n };
    }
  }
  if (!busy || !quiet || !tag) throw new Error("the generated data set has no published posts in any council");
  const half = Math.ceil(known.storyPosts.length / 2);
  const fixture: BenchFixture = {
    scale: known.scale,
    seed: known.seed,
    generatedOn: known.generatedOn,
    password: BENCH_PASSWORD,
    members,
    storyPages: known.storyPosts.slice(0, half),
    replyTargets: known.storyPosts.slice(half),
    busyCouncil: { code: busy.code, name: busy.name, publishedPosts: busy.n },
    quietCouncil: { code: quiet.code, name: quiet.name, reports: quiet.n },
    tag: { slug: tag.slug, label: tag.label, publishedPosts: tag.n },
    searchWord,
  };
  await db.query(`CREATE TABLE IF NOT EXISTS bench_fixture (id int PRIMARY KEY CHECK (id = 1), data jsonb NOT NULL)`);
  await db.query(
    `COMMENT ON TABLE bench_fixture IS 'Written by npm run bench:data; read by npm run bench. Not part of the app.'`,
  );
  await db.query(
    `INSERT INTO bench_fixture (id, data) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`,
    [JSON.stringify(fixture)],
  );
  return fixture;
}

export async function readBenchFixture(db: pg.ClientBase | pg.Pool): Promise<BenchFixture | null> {
  const exists = (await db.query(`SELECT to_regclass('bench_fixture') IS NOT NULL AS found`)).rows[0] as
    { found: boolean } | undefined;
  if (!exists?.found) return null;
  const row = (await db.query<{ data: BenchFixture }>(`SELECT data FROM bench_fixture WHERE id = 1`)).rows[0];
  return row?.data ?? null;
}
