// The demo community: the members, posts and replies written in prisma/seed/demo-content/ (read
// by demo-texts.ts; the format is in docs/demo-data.md), placed in time and among the councils,
// with "This helped me" marks, "I have experienced this too", a few flags, and experience reports
// generated from a small seeded random generator (demo-reports.ts). The same texts and seed always give the same
// community. No I/O but reading the texts; `prisma/seed/demo.ts` writes the result to the database.

import { CLIENT_GROUPS, type ClientGroup, type Perspective, type SupportArrangement } from "../../app/domain/taxonomy";
import { buildDemoReports } from "./demo-reports";
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

const GROUP_BY_SLUG = new Map<string, ClientGroup>(
  Object.entries(CLIENT_GROUPS).map(([group, { slug }]) => [slug, group as ClientGroup]),
);

/**
 * demo.ts dates member i's account (1100 - 7i) days before today; nothing a member writes
 * should be older than their account.
 */
const maxDaysAgoFor = (memberIndex: number) => Math.min(1000, 1100 - 7 * memberIndex - 2);

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

export interface PostMeta {
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

  // ---- Experience reports ----
  const reports = buildDemoReports({
    rng,
    today,
    busyAreas,
    quietAreas,
    members: indexed,
    homeArea,
    stories: published,
    moodOf,
    reportComments: texts.reportComments,
  });

  return { users, posts, comments, reports, helpful, reactions, flags };
}
