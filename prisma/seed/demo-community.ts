// The demo community: the members, posts and replies written in prisma/seed/demo-content/ (read
// by demo-texts.ts; the format is in docs/demo-data.md), placed in time and among the councils,
// with "This helped me" marks, "I have experienced this too", a few flags, and experience reports
// generated from a small seeded random generator. The same texts and seed always give the same
// community. No I/O but reading the texts; `prisma/seed/demo.ts` writes the result to the database.

import {
  CARER_OUTCOME_DOMAINS,
  CLIENT_GROUPS,
  type ClientGroup,
  OUTCOME_DOMAINS,
  type Perspective,
  type SupportArrangement,
} from "../../app/domain/taxonomy";
import {
  type DemoFlagReason,
  type DemoMemberText,
  type DemoPostText,
  type DemoReplyText,
  type DemoTexts,
  readDemoTexts,
} from "./demo-texts";

export type { ClientGroup, Perspective, SupportArrangement };
export type PlanLead = "self_led" | "peer_led" | "planner_led" | "council_led" | "unknown";
export type BudgetChange = "increased" | "same" | "reduced" | "stopped" | "no_review";
export type Ease = "very_easy" | "easy" | "neither" | "hard" | "very_hard";
export type BudgetCoverage = "fully" | "partly" | "not_at_all";
export type OutcomeRating = "a_lot_better" | "a_bit_better" | "same" | "a_bit_worse" | "a_lot_worse" | "not_relevant";

export interface DemoUser {
  handle: string;
  perspective: Perspective;
  role: "member" | "moderator" | "researcher" | "admin";
  trustLevel: 0 | 1 | 2;
}
export interface DemoPost {
  key: number;
  authorIndex: number;
  kind: "story" | "practice_note" | "question";
  title: string;
  bodyMarkdown: string;
  areaCode: string | null;
  tagSlugs: string[];
  displayMode: "handle" | "anonymous";
  daysAgo: number;
  status: "published" | "pending" | "changes_requested" | "rejected";
  /** The reply the asker chose as the one that helped most (a comment key). */
  answerKey: number | null;
}
export interface DemoComment {
  key: number;
  postKey: number;
  parentKey: number | null;
  authorIndex: number;
  bodyMarkdown: string;
  daysAgo: number;
  displayMode: "handle" | "anonymous";
  status: "published" | "pending";
}
export interface DemoReport {
  authorIndex: number;
  postKey: number | null;
  areaCode: string;
  /** YYYY-MM-DD, the first day of a quarter. */
  quarterStart: string;
  perspective: Perspective;
  supportArrangement: SupportArrangement;
  clientGroup: ClientGroup;
  planLead: PlanLead;
  budgetChange: BudgetChange;
  ease: Ease | null;
  weeksToSupport: number | null;
  budgetCoverage: BudgetCoverage | null;
  hourlyRatePence: number | null;
  paidHoursPerWeek: number | null;
  unpaidHoursPerWeek: number | null;
  /** Outcome domain slug (app/domain/taxonomy.ts) → rating. */
  outcomes: Record<string, OutcomeRating>;
  comment: string | null;
}
export interface DemoFlag {
  postKey: number | null;
  commentKey: number | null;
  flaggerIndex: number;
  reason: DemoFlagReason;
  note: string | null;
  daysAgo: number;
}
export interface DemoCommunity {
  users: DemoUser[];
  posts: DemoPost[];
  comments: DemoComment[];
  reports: DemoReport[];
  /** "This helped me" on a reply: who (a member index) marked which comment. */
  helpful: { commentKey: number; userIndex: number }[];
  /** "I have experienced this too" on a post. */
  reactions: { postKey: number; userIndex: number }[];
  /** Reports to the moderators, not yet handled. */
  flags: DemoFlag[];
}

export const DEMO_SEED = 20261122;

// ---------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** 0 ≤ x < 1 */
  float(): number {
    return this.next();
  }
  /** min ≤ n ≤ max, integers. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** Roughly normal, mean 0, standard deviation 1. */
  gauss(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick out of range");
    return item;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    if (items.length === 0) throw new Error("weighted pick from an empty list");
    let total = 0;
    for (const item of items) total += Math.max(0, weight(item));
    if (total <= 0) return this.pick(items);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= Math.max(0, weight(item));
      if (roll < 0) return item;
    }
    return this.pick(items);
  }
  /** Up to `count` distinct items, in random order. */
  some<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) {
      const [item] = copy.splice(Math.floor(this.next() * copy.length), 1);
      if (item !== undefined) out.push(item);
    }
    return out;
  }
  shuffle<T>(items: readonly T[]): T[] {
    return this.some(items, items.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Taxonomy (slugs from app/domain/taxonomy.ts)

const OUTCOME_DOMAIN_SLUGS = OUTCOME_DOMAINS.map((domain) => domain.slug);
const CARER_DOMAIN_SLUGS = CARER_OUTCOME_DOMAINS.map((domain) => domain.slug);
type Domain = (typeof OUTCOME_DOMAINS)[number]["slug"] | (typeof CARER_OUTCOME_DOMAINS)[number]["slug"];
/** Arrangements with no paid hourly support to ask about (as in the report form). */
const NO_PAID_SUPPORT: ReadonlySet<SupportArrangement> = new Set<SupportArrangement>([
  "family_only",
  "waiting",
  "care_home",
]);
const GROUP_BY_SLUG = new Map<string, ClientGroup>(
  Object.entries(CLIENT_GROUPS).map(([group, { slug }]) => [slug, group as ClientGroup]),
);

const DAY_MS = 86_400_000;

/**
 * demo.ts dates member i's account (1100 - 7i) days before today; nothing a member writes
 * should be older than their account.
 */
const maxDaysAgoFor = (memberIndex: number) => Math.min(1000, 1100 - 7 * memberIndex - 2);

/** People who draw on care and the families who act for them: the ones who give experience reports. */
const isFamily = (member: { perspective: Perspective }) =>
  member.perspective === "carer" ||
  member.perspective === "acting_for_person" ||
  member.perspective === "supported_person";

/** FNV-1a: a text's own stable number, so adding one text does not move the dates of the others. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Up to `count` member indexes, none of them excluded, in an order fixed by `salt`. */
function someMembers(
  members: readonly DemoMemberText[],
  count: number,
  salt: string,
  excluded: (index: number) => boolean,
) {
  return members
    .map((_, index) => ({ index, order: stableHash(`${salt}:${index}`) }))
    .filter(({ index }) => !excluded(index))
    .sort((a, b) => a.order - b.order)
    .slice(0, count)
    .map(({ index }) => index);
}

// ---------------------------------------------------------------------------------------------
// Dates

/** The twelve complete quarters before today, newest first, as YYYY-MM-DD. */
function completeQuarters(today: Date, count = 12): string[] {
  const starts: string[] = [];
  let year = today.getUTCFullYear();
  let month = Math.floor(today.getUTCMonth() / 3) * 3;
  for (let i = 0; i < count; i++) {
    month -= 3;
    if (month < 0) {
      month += 12;
      year -= 1;
    }
    starts.push(`${year}-${String(month + 1).padStart(2, "0")}-01`);
  }
  return starts;
}
function quarterStartOf(date: Date): string {
  const month = Math.floor(date.getUTCMonth() / 3) * 3;
  return `${date.getUTCFullYear()}-${String(month + 1).padStart(2, "0")}-01`;
}

interface PostMeta {
  post: DemoPost;
  group: ClientGroup;
  arrangement: SupportArrangement;
}

// ---------------------------------------------------------------------------------------------
// The community

export function buildDemoCommunity(
  options: { seed: number; areaCodes: string[]; today: Date },
  texts: DemoTexts = readDemoTexts(),
): DemoCommunity {
  const rng = new Rng(options.seed);
  const today = options.today;
  const areaCodes = [...new Set(options.areaCodes)];
  if (areaCodes.length === 0) throw new Error("no councils to spread the demo over");
  const knownAreas = new Set(areaCodes);
  // A council the texts name that this database does not have (a test loads a few) becomes one it has.
  const placeOf = (code: string | null) =>
    code === null || knownAreas.has(code) ? code : (areaCodes[stableHash(code) % areaCodes.length] ?? null);

  // ---- Members ----
  const members = texts.members;
  const users: DemoUser[] = members.map(({ handle, perspective, role, trustLevel }) => ({
    handle,
    perspective,
    role,
    trustLevel,
  }));
  const indexByHandle = new Map(members.map((member, index) => [member.handle, index]));
  const memberIndex = (handle: string, at: string) => {
    const index = indexByHandle.get(handle);
    if (index === undefined) throw new Error(`${at}: no demo member "${handle}" in members.md`);
    return index;
  };
  const indexed = members.map((member, index) => ({ member, index }));
  type Indexed = (typeof indexed)[number];

  // ---- Posts and replies, as written ----
  const posts: DemoPost[] = [];
  const comments: DemoComment[] = [];
  const helpful: DemoCommunity["helpful"] = [];
  const reactions: DemoCommunity["reactions"] = [];
  const flags: DemoFlag[] = [];
  const metas: PostMeta[] = [];

  const flag = (
    text: DemoPostText | DemoReplyText,
    target: Pick<DemoFlag, "postKey" | "commentKey">,
    authorIndex: number,
    daysAgo: number,
  ) => {
    if (!text.flag) return;
    // Flagged by a settled member who did not write it.
    const [flaggerIndex] = someMembers(members, 1, text.body, (i) => {
      const member = members[i];
      return i === authorIndex || member?.role !== "member" || member.trustLevel < 1;
    });
    if (flaggerIndex === undefined) throw new Error(`${text.at}: nobody to flag it`);
    flags.push({
      ...target,
      flaggerIndex,
      ...text.flag,
      daysAgo: Math.max(0, Math.min(daysAgo - 1, stableHash(text.body) % 10)),
    });
  };

  const addReply = (text: DemoReplyText, post: DemoPost, parent: DemoComment | null, order: number): DemoComment => {
    const authorIndex = memberIndex(text.author, text.at);
    const hash = stableHash(text.body);
    const after = parent ?? post;
    if (after.daysAgo < 1 || after.status !== "published")
      throw new Error(`${text.at}: a reply to something not yet out`);
    if (text.status !== "published" && (text.helped > 0 || text.chosen)) {
      throw new Error(`${text.at}: a reply still waiting for a moderator cannot have helped anyone yet`);
    }
    // At least a day after what it answers (demo.ts adds hours within a day), not before its author
    // joined, and a top-level reply leaves a day for replies to it.
    const later = text.daysLater ?? (parent ? 1 + (hash % 3) : 1 + order + (hash % 5));
    const earliest = parent === null && after.daysAgo >= 2 ? 1 : 0;
    let daysAgo = Math.max(earliest, Math.min(after.daysAgo - later, maxDaysAgoFor(authorIndex)));
    if (text.status === "pending") daysAgo = Math.min(daysAgo, hash % 4);
    const comment: DemoComment = {
      key: comments.length,
      postKey: post.key,
      parentKey: parent?.key ?? null,
      authorIndex,
      bodyMarkdown: text.body,
      daysAgo,
      displayMode: text.displayMode,
      status: text.status,
    };
    comments.push(comment);
    for (const userIndex of someMembers(members, text.helped, text.body, (i) => i === authorIndex)) {
      helpful.push({ commentKey: comment.key, userIndex });
    }
    flag(text, { postKey: null, commentKey: comment.key }, authorIndex, daysAgo);
    return comment;
  };

  for (const text of texts.posts) {
    const authorIndex = memberIndex(text.author, text.at);
    const hash = stableHash(text.title);
    const daysAgo =
      text.status === "pending"
        ? hash % 5
        : Math.max(3, Math.min(text.monthsAgo * 30 + 3 + (hash % 25), maxDaysAgoFor(authorIndex)));
    const post: DemoPost = {
      key: posts.length,
      authorIndex,
      kind: text.kind,
      title: text.title,
      bodyMarkdown: text.body,
      areaCode: placeOf(text.areaCode),
      tagSlugs: text.tags,
      displayMode: text.displayMode,
      daysAgo,
      status: text.status,
      answerKey: null,
    };
    posts.push(post);
    const taggedGroup = text.tags.map((slug) => GROUP_BY_SLUG.get(slug)).find((group) => group !== undefined);
    metas.push({ post, group: taggedGroup ?? members[authorIndex]?.group ?? "other", arrangement: text.arrangement });

    text.replies.forEach((replyText, order) => {
      const reply = addReply(replyText, post, null, order);
      if (replyText.chosen) {
        if (post.kind !== "question" || post.answerKey !== null || reply.authorIndex === authorIndex) {
          throw new Error(`${replyText.at}: only one reply by someone else can be chosen, and only on a question`);
        }
        post.answerKey = reply.key;
      }
      for (const nested of replyText.replies) addReply(nested, post, reply, 0);
    });
    if (post.kind === "story" && post.status === "published") {
      for (const userIndex of someMembers(members, hash % 6, text.title, (i) => i === authorIndex)) {
        reactions.push({ postKey: post.key, userIndex });
      }
    }
    flag(text, { postKey: post.key, commentKey: null }, authorIndex, daysAgo);
  }
  const published = metas.filter((m) => m.post.status === "published");

  // ---- Councils ----
  // The busiest are the ones the posts talk about most, so their figures sit beside their stories.
  const postsPerArea = new Map<string, number>();
  for (const { areaCode } of posts) if (areaCode) postsPerArea.set(areaCode, (postsPerArea.get(areaCode) ?? 0) + 1);
  const busyAreas = [...postsPerArea.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([code]) => code);
  for (const code of rng.shuffle(areaCodes))
    if (busyAreas.length < 10 && !busyAreas.includes(code)) busyAreas.push(code);
  const quietAreas = rng.shuffle(areaCodes.filter((code) => !busyAreas.includes(code)));
  // Councils differ: some review harder, some pay PAs better.
  const areaMood = new Map<string, { effect: number; paRate: number; agencyRate: number }>();
  for (const code of areaCodes) {
    areaMood.set(code, {
      effect: (rng.float() - 0.5) * 0.8,
      paRate: rng.int(1150, 1450),
      agencyRate: rng.int(2150, 2850),
    });
  }
  const moodOf = (code: string) => areaMood.get(code) ?? { effect: 0, paRate: 1300, agencyRate: 2500 };
  // A member's home council: where most of what they wrote is set.
  const homeArea = new Map<number, string>();
  for (const { index } of indexed) {
    const theirs = posts.filter((p) => p.authorIndex === index && p.areaCode !== null).map((p) => p.areaCode ?? "");
    const counts = new Map<string, number>();
    for (const code of theirs) counts.set(code, (counts.get(code) ?? 0) + 1);
    const [most] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    homeArea.set(index, most?.[0] ?? (rng.chance(0.6) ? rng.pick(busyAreas) : rng.pick(areaCodes)));
  }
  const reportComments = texts.reportComments;

  // ---- Experience reports ----
  // Enough that the busy councils' dashboards show most figures once small groups are withheld.
  const REPORT_COUNT = 2000;
  const quarters = completeQuarters(today);
  const reportAreas: string[] = [];
  for (const code of busyAreas) {
    const n = rng.int(80, 180);
    for (let i = 0; i < n && reportAreas.length < REPORT_COUNT; i++) reportAreas.push(code);
  }
  for (const code of quietAreas) {
    if (reportAreas.length >= REPORT_COUNT) break;
    const n = Math.min(rng.int(1, 6), REPORT_COUNT - reportAreas.length);
    for (let i = 0; i < n; i++) reportAreas.push(code);
  }
  // Few councils (a test or a small install): the rest go to the busy ones.
  while (reportAreas.length < REPORT_COUNT) reportAreas.push(rng.pick(busyAreas));
  const areasInOrder = rng.shuffle(reportAreas);

  const reporters = indexed.filter((m) => m.member.perspective !== "researcher" && m.member.role !== "admin");
  const reporterWeight = (m: Indexed) => (isFamily(m.member) ? m.member.activity * 3 : m.member.activity * 0.3);

  // Stories that can carry a report: published, with a council, not already carrying one.
  const storiesByArea = new Map<string, PostMeta[]>();
  for (const meta of published) {
    const author = indexed[meta.post.authorIndex];
    if (meta.post.kind !== "story" || meta.post.areaCode === null || !author || !isFamily(author.member)) continue;
    const list = storiesByArea.get(meta.post.areaCode) ?? [];
    list.push(meta);
    storiesByArea.set(meta.post.areaCode, list);
  }
  const attachTarget = Math.round(REPORT_COUNT * 0.3);
  let attached = 0;

  const GROUP_WEIGHTS: Record<ClientGroup, number> = {
    learning_disability: 20,
    autism: 10,
    physical_disability: 16,
    older_people: 18,
    dementia: 11,
    mental_health: 8,
    sensory: 3,
    brain_injury: 5,
    long_term_condition: 7,
    other: 2,
  };
  const arrangementWeights = (group: ClientGroup): Record<SupportArrangement, number> => {
    const older = group === "older_people" || group === "dementia";
    const ld = group === "learning_disability" || group === "autism";
    return {
      dp_employer: older ? 6 : ld ? 22 : 24,
      dp_agency: older ? 14 : 10,
      managed_budget: 15,
      isf: ld ? 10 : 4,
      commissioned: older ? 20 : 14,
      care_home: older ? 10 : 2,
      family_only: 8,
      self_funded: older ? 12 : 3,
      waiting: 11,
    };
  };
  const planLeadFor = (arrangement: SupportArrangement): PlanLead => {
    const table: Record<SupportArrangement, Record<PlanLead, number>> = {
      dp_employer: { self_led: 45, peer_led: 12, planner_led: 18, council_led: 18, unknown: 7 },
      dp_agency: { self_led: 25, peer_led: 8, planner_led: 12, council_led: 45, unknown: 10 },
      managed_budget: { self_led: 12, peer_led: 6, planner_led: 10, council_led: 60, unknown: 12 },
      isf: { self_led: 20, peer_led: 20, planner_led: 35, council_led: 20, unknown: 5 },
      commissioned: { self_led: 5, peer_led: 3, planner_led: 5, council_led: 70, unknown: 17 },
      care_home: { self_led: 15, peer_led: 2, planner_led: 5, council_led: 55, unknown: 23 },
      family_only: { self_led: 40, peer_led: 10, planner_led: 5, council_led: 15, unknown: 30 },
      self_funded: { self_led: 55, peer_led: 5, planner_led: 15, council_led: 5, unknown: 20 },
      waiting: { self_led: 10, peer_led: 10, planner_led: 5, council_led: 25, unknown: 50 },
    };
    const weights = table[arrangement];
    return rng.weighted(Object.keys(weights) as PlanLead[], (lead) => weights[lead]);
  };
  const LEAD_EFFECT: Record<PlanLead, number> = {
    self_led: 0.35,
    peer_led: 0.3,
    planner_led: 0.4,
    council_led: -0.15,
    unknown: -0.05,
  };
  const ARRANGEMENT_EFFECT: Record<SupportArrangement, number> = {
    dp_employer: 0.2,
    dp_agency: 0,
    managed_budget: -0.05,
    isf: 0.2,
    commissioned: -0.15,
    care_home: -0.1,
    family_only: -0.2,
    self_funded: 0,
    waiting: -0.6,
  };
  const CHANGE_EFFECT: Record<BudgetChange, number> = {
    increased: 0.4,
    same: 0,
    reduced: -0.5,
    stopped: -0.8,
    no_review: -0.1,
  };
  const EASE_SCALE: readonly Ease[] = ["very_easy", "easy", "neither", "hard", "very_hard"];
  const rate = (score: number): OutcomeRating =>
    score >= 1
      ? "a_lot_better"
      : score >= 0.3
        ? "a_bit_better"
        : score > -0.3
          ? "same"
          : score > -1
            ? "a_bit_worse"
            : "a_lot_worse";
  const halfHours = (value: number) => Math.round(value * 2) / 2;
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

  const reports: DemoReport[] = [];
  for (const areaCode of areasInOrder) {
    const mood = moodOf(areaCode);
    // About three in ten reports sit under a story from the same council.
    let story: PostMeta | null = null;
    if (attached < attachTarget && rng.chance(0.45)) {
      const candidates = storiesByArea.get(areaCode) ?? [];
      if (candidates.length > 0) {
        const [chosen] = candidates.splice(rng.int(0, candidates.length - 1), 1);
        story = chosen ?? null;
        if (story) attached++;
      }
    }

    let author: Indexed;
    if (story) {
      const storyAuthor = indexed[story.post.authorIndex];
      if (!storyAuthor) throw new Error("a story by a member who does not exist");
      author = storyAuthor;
    } else {
      const locals = reporters.filter((m) => homeArea.get(m.index) === areaCode);
      author =
        locals.length > 0 && rng.chance(0.5)
          ? rng.weighted(locals, reporterWeight)
          : rng.weighted(reporters, reporterWeight);
    }
    const perspective = author.member.perspective;
    const clientGroup: ClientGroup = story
      ? story.group
      : author.member.group && rng.chance(0.7)
        ? author.member.group
        : rng.weighted(Object.keys(GROUP_WEIGHTS) as ClientGroup[], (g) => GROUP_WEIGHTS[g]);
    const arrangementTable = arrangementWeights(clientGroup);
    const supportArrangement: SupportArrangement = story
      ? story.arrangement
      : rng.weighted(Object.keys(arrangementTable) as SupportArrangement[], (a) => arrangementTable[a]);
    const planLead = planLeadFor(supportArrangement);

    // When: near the story's date if it has one, otherwise more reports in recent quarters.
    let quarterStart =
      quarters[Math.min(quarters.length - 1, Math.floor(quarters.length * rng.float() ** 1.2))] ?? quarters[0] ?? "";
    if (story) {
      const written = quarterStartOf(new Date(today.getTime() - story.post.daysAgo * DAY_MS));
      if (quarters.includes(written)) quarterStart = written;
      else if (quarters[0] !== undefined && written > quarters[0]) quarterStart = quarters[0];
    }

    // The budget.
    const budgetChange: BudgetChange =
      supportArrangement === "waiting"
        ? "no_review"
        : supportArrangement === "self_funded"
          ? rng.chance(0.8)
            ? "no_review"
            : "same"
          : rng.weighted(["increased", "same", "reduced", "stopped", "no_review"] as const, (c) =>
              c === "increased"
                ? 12
                : c === "same"
                  ? 40
                  : c === "reduced"
                    ? 25 - mood.effect * 20
                    : c === "stopped"
                      ? 3
                      : 18,
            );
    const difficulty = clamp(
      0.6 * rng.gauss() - mood.effect - LEAD_EFFECT[planLead] * 0.6 + (supportArrangement === "waiting" ? 1 : 0),
      -2,
      2.5,
    );
    const councilFunded = supportArrangement !== "self_funded";
    const ease: Ease | null =
      !councilFunded && rng.chance(0.6)
        ? null
        : rng.chance(0.08)
          ? null
          : (EASE_SCALE[clamp(Math.round(2 + difficulty), 0, 4)] ?? "neither");
    const weeksToSupport =
      supportArrangement === "waiting" || rng.chance(0.15)
        ? null
        : clamp(Math.round(3 + rng.float() * 10 + Math.max(0, difficulty + 0.5) * rng.int(4, 20)), 1, 104);
    const budgetCoverage: BudgetCoverage | null =
      supportArrangement === "waiting" ||
      supportArrangement === "family_only" ||
      supportArrangement === "self_funded" ||
      rng.chance(0.1)
        ? null
        : rng.weighted(["fully", "partly", "not_at_all"] as const, (c) => {
            const squeezed = budgetChange === "reduced" || budgetChange === "stopped";
            if (c === "fully") return squeezed ? 10 : 45;
            if (c === "partly") return squeezed ? 60 : 42;
            return squeezed ? 30 : 8;
          });

    // Money and hours.
    const paid = !NO_PAID_SUPPORT.has(supportArrangement);
    let hourlyRatePence: number | null = null;
    let paidHoursPerWeek: number | null = null;
    if (paid) {
      if (rng.chance(0.92)) {
        hourlyRatePence =
          supportArrangement === "dp_employer"
            ? clamp(Math.round((mood.paRate + rng.gauss() * 90) / 5) * 5, 1100, 1600)
            : clamp(
                Math.round(
                  (mood.agencyRate + (supportArrangement === "self_funded" ? 250 : 0) + rng.gauss() * 180) / 10,
                ) * 10,
                2000,
                3200,
              );
      }
      const heavy =
        clientGroup === "learning_disability" || clientGroup === "brain_injury" || clientGroup === "autism" ? 1.4 : 1;
      const base =
        supportArrangement === "dp_employer" || supportArrangement === "isf" ? rng.int(8, 40) : rng.int(3, 28);
      paidHoursPerWeek = clamp(
        halfHours(base * heavy * (budgetChange === "reduced" ? 0.85 : 1) + rng.float() * 6),
        0,
        60,
      );
    }
    const carerView = perspective === "carer" || perspective === "acting_for_person";
    const unpaidHoursPerWeek = rng.chance(0.08)
      ? null
      : clamp(
          halfHours(
            supportArrangement === "family_only"
              ? rng.int(35, 100)
              : supportArrangement === "care_home"
                ? rng.int(0, 12)
                : carerView
                  ? rng.int(10, 70) + (paidHoursPerWeek !== null && paidHoursPerWeek < 10 ? rng.int(0, 30) : 0)
                  : rng.int(0, 35),
          ),
          0,
          100,
        );

    // Outcomes: better where the person or their planner led the plan, worse after cuts or while waiting.
    const base =
      LEAD_EFFECT[planLead] +
      ARRANGEMENT_EFFECT[supportArrangement] +
      CHANGE_EFFECT[budgetChange] +
      mood.effect +
      0.4 * rng.gauss();
    const outcomes: Record<string, OutcomeRating> = {};
    const older = clientGroup === "older_people" || clientGroup === "dementia";
    const domainShift = (domain: Domain): number => {
      switch (domain) {
        case "control-daily-life":
        case "control-support":
          return (
            LEAD_EFFECT[planLead] * 0.6 +
            (supportArrangement === "dp_employer" ? 0.5 : supportArrangement === "isf" ? 0.4 : 0) +
            (supportArrangement === "commissioned" || supportArrangement === "care_home" ? -0.4 : 0)
          );
        case "support-when-needed":
          return supportArrangement === "waiting"
            ? -0.6
            : budgetCoverage === "not_at_all"
              ? -0.5
              : budgetCoverage === "fully"
                ? 0.3
                : 0;
        case "safety":
          return supportArrangement === "care_home" ? 0.5 : 0;
        case "home":
          return supportArrangement === "care_home" ? -0.4 : 0;
        case "community":
          return supportArrangement === "dp_employer" || supportArrangement === "isf" ? 0.3 : -0.1;
        case "carer-wellbeing":
        case "carer-own-life":
          return (unpaidHoursPerWeek ?? 30) > 50 ? -0.7 : (unpaidHoursPerWeek ?? 30) < 20 ? 0.3 : -0.2;
        case "carer-sustain":
          return (unpaidHoursPerWeek ?? 30) > 60 ? -0.6 : 0;
        default:
          return 0;
      }
    };
    const notRelevant = (domain: Domain): boolean => {
      if (domain === "occupation") return rng.chance(older ? 0.6 : 0.1);
      if (domain.startsWith("carer-")) return rng.chance(0.02);
      return rng.chance(0.03);
    };
    const domains: Domain[] = [...OUTCOME_DOMAIN_SLUGS, ...(perspective === "carer" ? CARER_DOMAIN_SLUGS : [])];
    for (const domain of domains) {
      outcomes[domain] = notRelevant(domain) ? "not_relevant" : rate(base + domainShift(domain) + 0.7 * rng.gauss());
    }

    const reviewed = !["waiting", "family_only", "self_funded", "care_home"].includes(supportArrangement);
    const commentPool = [
      ...(reportComments[supportArrangement] ?? []),
      ...(reviewed ? (reportComments.general ?? []) : []),
    ];
    reports.push({
      authorIndex: author.index,
      postKey: story ? story.post.key : null,
      areaCode,
      quarterStart,
      perspective,
      supportArrangement,
      clientGroup,
      planLead,
      budgetChange,
      ease,
      weeksToSupport,
      budgetCoverage,
      hourlyRatePence,
      paidHoursPerWeek,
      unpaidHoursPerWeek,
      outcomes,
      comment: commentPool.length > 0 && rng.chance(0.15) ? rng.pick(commentPool) : null,
    });
  }

  return { users, posts, comments, reports, helpful, reactions, flags };
}
