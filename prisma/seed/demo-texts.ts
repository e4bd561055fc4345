// Reads the demo community's prose from the Markdown files in prisma/seed/demo-content/ (the
// format is in docs/demo-data.md). The parsers are pure; readDemoTexts() is the only I/O.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import {
  type ClientGroup,
  type Perspective,
  starterTags,
  SUPPORT_ARRANGEMENTS,
  type SupportArrangement,
} from "../../app/domain/taxonomy";

export type DemoKind = "story" | "practice_note" | "question";
export type DemoFlagReason = "personal_information" | "safeguarding" | "abuse" | "spam" | "other";
export type DisplayMode = "handle" | "anonymous";

export interface DemoFlagText {
  reason: DemoFlagReason;
  note: string | null;
}
export interface DemoReplyText {
  /** Where it starts, for error messages: "questions.md:12". */
  at: string;
  author: string;
  displayMode: DisplayMode;
  /** Days after what it answers; null lets the builder choose. */
  daysLater: number | null;
  helped: number;
  chosen: boolean;
  status: "published" | "pending";
  flag: DemoFlagText | null;
  body: string;
  /** Replies to this reply (one level deep, as on the site). */
  replies: DemoReplyText[];
}
export interface DemoPostText {
  at: string;
  kind: DemoKind;
  title: string;
  author: string;
  displayMode: DisplayMode;
  areaCode: string | null;
  monthsAgo: number;
  tags: string[];
  arrangement: SupportArrangement;
  status: "published" | "pending";
  flag: DemoFlagText | null;
  body: string;
  replies: DemoReplyText[];
}
export interface DemoMemberText {
  handle: string;
  perspective: Perspective;
  role: "member" | "moderator" | "researcher" | "admin";
  trustLevel: 0 | 1 | 2;
  group: ClientGroup | null;
  activity: number;
}
export interface DemoTexts {
  members: DemoMemberText[];
  posts: DemoPostText[];
  /** Comments members left on experience reports, by support arrangement or "general". */
  reportComments: Record<string, string[]>;
}

const KINDS: Record<string, DemoKind> = { story: "story", question: "question", "practice note": "practice_note" };
const FLAG_REASONS: readonly DemoFlagReason[] = ["personal_information", "safeguarding", "abuse", "spam", "other"];
const TAG_SLUGS = new Set(starterTags().map((tag) => tag.slug));
const POST_START = /^## (.+)$/;
const REPLY_START = /^### (Reply|Reply to above) \|(.*)$/;

class DemoFormatError extends Error {}
const fail = (at: string, message: string): never => {
  throw new DemoFormatError(`${at}: ${message}`);
};

interface Fields {
  by: string | null;
  displayMode: DisplayMode;
  status: "published" | "pending";
  flag: DemoFlagText | null;
}

/** The fields posts and replies share; returns false for a field it does not know. */
function commonField(field: string, fields: Fields, at: string): boolean {
  const by = /^by (\S+)$/.exec(field);
  if (by?.[1]) fields.by = by[1];
  else if (field === "anonymous") fields.displayMode = "anonymous";
  else if (field === "named") fields.displayMode = "handle";
  else if (field === "waiting") fields.status = "pending";
  else if (field.startsWith("flag: ")) {
    const [reason = "", ...note] = field.slice("flag: ".length).split(",");
    if (!FLAG_REASONS.includes(reason.trim() as DemoFlagReason)) fail(at, `unknown flag reason "${reason}"`);
    fields.flag = { reason: reason.trim() as DemoFlagReason, note: note.join(",").trim() || null };
  } else return false;
  return true;
}

function splitFields(line: string): string[] {
  return line
    .split("|")
    .map((field) => field.trim())
    .filter((field) => field.length > 0);
}

function parsePostMeta(line: string, at: string) {
  const [kindWord = "", ...rest] = splitFields(line);
  const kind = KINDS[kindWord] ?? fail(at, `the line after the title starts with the kind, not "${kindWord}"`);
  const fields: Fields = { by: null, displayMode: "anonymous", status: "published", flag: null };
  let areaCode: string | null = null;
  let monthsAgo: number | null = null;
  let tags: string[] = [];
  let arrangement: SupportArrangement | null = null;
  for (const field of rest) {
    if (commonField(field, fields, at)) continue;
    const months = /^(\d+) months? ago$/.exec(field);
    if (/^[ESW]\d{8}$/.test(field)) areaCode = field;
    else if (months?.[1]) monthsAgo = Number(months[1]);
    else if (field.startsWith("tags: "))
      tags = field
        .slice("tags: ".length)
        .split(",")
        .map((tag) => tag.trim());
    else if (field.startsWith("arrangement: ")) {
      const value = field.slice("arrangement: ".length);
      if (!(value in SUPPORT_ARRANGEMENTS)) fail(at, `unknown arrangement "${value}"`);
      arrangement = value as SupportArrangement;
    } else fail(at, `unknown field "${field}"`);
  }
  for (const tag of tags) if (!TAG_SLUGS.has(tag)) fail(at, `unknown tag "${tag}"`);
  if (tags.length > 5) fail(at, "at most 5 tags");
  return {
    kind,
    author: fields.by ?? fail(at, "no author (by handle)"),
    displayMode: fields.displayMode,
    areaCode,
    monthsAgo: monthsAgo ?? fail(at, "no date (N months ago)"),
    tags,
    arrangement: arrangement ?? fail(at, "no arrangement"),
    status: fields.status,
    flag: fields.flag,
  };
}

function parseReplyMeta(line: string, at: string): Omit<DemoReplyText, "body" | "replies" | "at"> {
  const fields: Fields = { by: null, displayMode: "anonymous", status: "published", flag: null };
  let daysLater: number | null = null;
  let helped = 0;
  let chosen = false;
  for (const field of splitFields(line)) {
    if (commonField(field, fields, at)) continue;
    const later = /^(\d+) days? later$/.exec(field);
    const helpedBy = /^helped (\d+)$/.exec(field);
    if (later?.[1]) daysLater = Number(later[1]);
    else if (helpedBy?.[1]) helped = Number(helpedBy[1]);
    else if (field === "chosen") chosen = true;
    else fail(at, `unknown field "${field}"`);
  }
  return {
    author: fields.by ?? fail(at, "no author (by handle)"),
    displayMode: fields.displayMode,
    daysLater,
    helped,
    chosen,
    status: fields.status,
    flag: fields.flag,
  };
}

/** Posts and their replies from one file. Text before the first "## " heading is ignored. */
export function parseDemoPosts(markdown: string, file: string): DemoPostText[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const posts: DemoPostText[] = [];
  let body: string[] = [];
  let post: DemoPostText | null = null;
  let reply: DemoReplyText | null = null;
  const finish = () => {
    const text = body.join("\n").trim();
    body = [];
    const target = reply ?? post;
    if (!target) return;
    if (text.length === 0) fail(target.at, "no text");
    target.body = text;
  };
  lines.forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    const postStart = POST_START.exec(line);
    const replyStart = REPLY_START.exec(line);
    if (postStart?.[1]) {
      finish();
      reply = null;
      const meta = parsePostMeta(lines[index + 1] ?? "", `${file}:${index + 2}`);
      post = { at, title: postStart[1].trim(), ...meta, body: "", replies: [] };
      posts.push(post);
      lines[index + 1] = ""; // the metadata line is not part of the body
    } else if (replyStart) {
      if (!post) return fail(at, "a reply before any post");
      finish();
      const nested = replyStart[1] === "Reply to above";
      const parent: DemoReplyText | undefined = post.replies.at(-1);
      if (nested && !parent) fail(at, "a reply to above with no reply above it");
      reply = { at, ...parseReplyMeta(replyStart[2] ?? "", at), body: "", replies: [] };
      if (nested && reply.chosen) fail(at, "only a reply to the post itself can be chosen");
      (nested && parent ? parent.replies : post.replies).push(reply);
    } else if (post) body.push(line);
  });
  finish();
  return posts;
}

/** The members table: one row per account, in seeding order. */
export function parseDemoMembers(markdown: string): DemoMemberText[] {
  const rows = markdown
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const [header, , ...body] = rows;
  if (header?.join(",") !== "handle,perspective,role,trust,group,activity") {
    throw new DemoFormatError("members.md: the table's columns are handle, perspective, role, trust, group, activity");
  }
  return body.map(([handle = "", perspective = "", role = "", trust = "", group = "", activity = ""]) => ({
    handle,
    perspective: perspective as Perspective,
    role: role as DemoMemberText["role"],
    trustLevel: Number(trust) as 0 | 1 | 2,
    group: group === "" ? null : (group as ClientGroup),
    activity: Number(activity),
  }));
}

/** "## key" headings, each followed by "- text" items. */
export function parseDemoLists(markdown: string): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  let current: string[] | null = null;
  for (const line of markdown.split("\n")) {
    const heading = /^## (\S+)$/.exec(line);
    if (heading?.[1]) lists[heading[1]] = current = [];
    else if (line.startsWith("- ") && current) current.push(line.slice(2).trim());
  }
  return lists;
}

export const DEMO_POST_FILES = ["stories.md", "questions.md", "practice-notes.md"] as const;

/** Everything the demo community says, read from prisma/seed/demo-content/ (from the project folder:
 * the server runs bundled from build/server, where this module's own folder is not prisma/seed). */
export function readDemoTexts(
  directory = pathToFileURL(path.join(process.cwd(), "prisma", "seed", "demo-content") + path.sep),
): DemoTexts {
  const read = (name: string) => readFileSync(new URL(name, directory), "utf8");
  return {
    members: parseDemoMembers(read("members.md")),
    posts: DEMO_POST_FILES.flatMap((name) => parseDemoPosts(read(name), name)),
    reportComments: parseDemoLists(read("report-comments.md")),
  };
}
