// The review queue, a page at a time (docs/moderation.md). One SQL statement puts every waiting
// item (pending posts and replies, published ones with open reports, experience-report comments)
// in risk order (app/domain/moderation/queue.ts: compareByRisk) and pages through it by keyset;
// the page's items are then read in full. The cursor is sealed (app/server/http/cursors.server.ts):
// it holds an item's exact sending time, which nobody outside the server may read.
import { createHash } from "node:crypto";

import { byline, bylinePlaceName, publicPlace, type BylineScope } from "~/domain/anonymity/byline";
import { renderWithHighlights } from "~/domain/anonymity/highlight";
import { findIdentifyingDetails } from "~/domain/anonymity/identifying-details";
import type { Role } from "~/domain/accounts/permissions";
import { type QueueFilter, type QueueItem, reasonsFor } from "~/domain/moderation/queue";
import type { Perspective } from "~/domain/taxonomy";

import { prisma, query } from "../db/client.server";
import { appCursorKeys, InvalidCursor, openCursor, sealCursor } from "../http/cursors.server";

interface KeptFinding {
  kind: string;
  text: string;
}

const keptOf = (value: unknown): KeptFinding[] =>
  Array.isArray(value) ? (value.filter((f) => f && typeof f === "object" && "text" in f) as KeptFinding[]) : [];

export interface QueueEntry extends QueueItem {
  reasons: string[];
  status: string;
  version: number;
  title: string | null;
  /** The body as Markdown rendered, with every detail that could identify someone marked. */
  html: string;
  kept: KeptFinding[];
  /** The post a reply answers (or a post itself), for its title and a link. */
  post: { id: number; title: string } | null;
  /** The reply a reply answers, rendered the same way. */
  parent: { id: number; html: string } | null;
  council: string | null;
  tags: string[];
  /** How readers would see the author: a name, or "a carer in the North West". */
  byline: string | null;
  named: boolean;
  author: {
    id: number;
    handle: string;
    trustLevel: number;
    role: Role;
    silencedUntil: Date | null;
    rejectedBefore: number;
    upheldFlags: number;
  } | null;
  ownContent: boolean;
}

// Risk order as sortable columns, every one ascending: safeguarding first (k1), then kept
// details (k2), then most reports (k3 is minus the count), then oldest, then kind and id.
const ITEMS = `
  WITH items AS (
    SELECT 'post'::text AS kind, p.id, p.created_at, p.area_code,
           (SELECT count(*) FROM flag f WHERE f.post_id = p.id AND f.resolved_at IS NULL AND f.reason = 'safeguarding')::int AS sg,
           (SELECT count(*) FROM flag f WHERE f.post_id = p.id AND f.resolved_at IS NULL)::int AS flags,
           (jsonb_typeof(p.kept_findings) = 'array' AND jsonb_array_length(p.kept_findings) > 0) AS kept
      FROM post p
     WHERE p.status = 'pending'
        OR (p.status = 'published' AND EXISTS (SELECT 1 FROM flag f WHERE f.post_id = p.id AND f.resolved_at IS NULL))
    UNION ALL
    SELECT 'comment', c.id, c.created_at, po.area_code,
           (SELECT count(*) FROM flag f WHERE f.comment_id = c.id AND f.resolved_at IS NULL AND f.reason = 'safeguarding')::int,
           (SELECT count(*) FROM flag f WHERE f.comment_id = c.id AND f.resolved_at IS NULL)::int,
           (jsonb_typeof(c.kept_findings) = 'array' AND jsonb_array_length(c.kept_findings) > 0)
      FROM comment c JOIN post po ON po.id = c.post_id
     WHERE c.status = 'pending'
        OR (c.status = 'published' AND EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.resolved_at IS NULL))
    UNION ALL
    SELECT 'report_comment', r.id, r.created_at, r.area_code, 0, 0, false
      FROM experience_report r WHERE r.comment_status = 'pending'
  ),
  keyed AS (
    SELECT kind, id, created_at, sg, flags, kept,
           CASE WHEN sg > 0 THEN 0 ELSE 1 END AS k1, CASE WHEN kept THEN 0 ELSE 1 END AS k2, -flags AS k3
      FROM items
     WHERE %FILTER%
  )`;

const ORDER = `k1, k2, k3, created_at, kind, id`;

interface KeyRow {
  kind: QueueItem["kind"];
  id: number;
  created_at: Date;
  sg: number;
  flags: number;
  kept: boolean;
  k1: number;
  k2: number;
  k3: number;
}

function filterSql(filter: QueueFilter, now: Date, params: unknown[]): string {
  const add = (value: unknown) => `$${params.push(value)}`;
  const clauses = ["true"];
  if (filter.kind === "flagged") clauses.push("flags > 0");
  else if (filter.kind) clauses.push(`kind = ${add(filter.kind)}`);
  if (filter.reason === "safeguarding_flag") clauses.push("sg > 0");
  if (filter.reason === "kept_identifying_details") clauses.push("kept");
  if (filter.reason === "flagged") clauses.push("flags > sg");
  if (filter.reason === "new_member") clauses.push("sg = 0 AND NOT kept AND flags = 0");
  if (filter.council) clauses.push(`area_code = ${add(filter.council)}`);
  if (filter.age) clauses.push(`created_at <= ${add(new Date(now.getTime() - filter.age * 86_400_000))}`);
  return clauses.join(" AND ");
}

/** Which list a cursor belongs to: a cursor made under other filters does not open. */
function fingerprint(filter: QueueFilter): string {
  const canonical = JSON.stringify([filter.kind ?? "", filter.reason ?? "", filter.council ?? "", filter.age ?? ""]);
  return createHash("sha256").update(`queue ${canonical}`).digest("base64url").slice(0, 11);
}

type Position = [number, number, number, string, string, number];

async function encodePosition(filter: QueueFilter, row: KeyRow): Promise<string> {
  const position: Position = [row.k1, row.k2, row.k3, row.created_at.toISOString(), row.kind, row.id];
  return sealCursor(await appCursorKeys(), { l: fingerprint(filter), q: position });
}

async function decodePosition(filter: QueueFilter, cursor: string): Promise<Position> {
  const opened = openCursor(await appCursorKeys(), cursor) as { l?: unknown; q?: unknown } | null;
  if (!opened || typeof opened !== "object" || opened.l !== fingerprint(filter) || !Array.isArray(opened.q))
    throw new InvalidCursor();
  const [k1, k2, k3, at, kind, id] = opened.q as unknown[];
  const small = (n: unknown) => typeof n === "number" && Number.isInteger(n) && Math.abs(n) < 2_147_483_647;
  if (!small(k1) || !small(k2) || !small(k3) || !small(id) || typeof kind !== "string" || typeof at !== "string")
    throw new InvalidCursor();
  if (Number.isNaN(Date.parse(at))) throw new InvalidCursor();
  return [k1, k2, k3, at, kind, id] as Position;
}

export interface QueuePage {
  entries: QueueEntry[];
  /** The cursor of the page after this one, or null on the last page. */
  next: string | null;
  /** How many items match the filters, on every page. */
  total: number;
}

export async function listQueue(
  moderatorId: number,
  filter: QueueFilter,
  page: { cursor?: string | null; perPage: number },
  now = new Date(),
): Promise<QueuePage> {
  const params: unknown[] = [];
  const items = ITEMS.replace("%FILTER%", filterSql(filter, now, params));
  const [counted] = await query<{ total: number }>(`${items} SELECT count(*)::int AS total FROM keyed`, params);
  const after = page.cursor ? await decodePosition(filter, page.cursor) : null;
  const pageParams = [...params];
  const add = (value: unknown) => `$${pageParams.push(value)}`;
  const where = after
    ? `WHERE (${ORDER}) > (${add(after[0])}::int, ${add(after[1])}::int, ${add(after[2])}::int, ${add(after[3])}::timestamptz, ${add(after[4])}::text, ${add(after[5])}::int)`
    : "";
  const rows = await query<KeyRow>(
    `${items} SELECT * FROM keyed ${where} ORDER BY ${ORDER} LIMIT ${add(page.perPage + 1)}`,
    pageParams,
  );
  const shown = rows.slice(0, page.perPage);
  const last = shown.at(-1);
  const next = rows.length > page.perPage && last ? await encodePosition(filter, last) : null;
  return { entries: await readEntries(moderatorId, shown), next, total: counted?.total ?? 0 };
}

const author = { select: { id: true, handle: true, trustLevel: true, role: true, silencedUntil: true } } as const;
const area = { select: { code: true, name: true, regionCode: true, regionName: true, nation: true } } as const;
/** What posts and replies share in the queue: their text, the details kept, status and byline. */
const written = {
  id: true,
  bodyMarkdown: true,
  keptFindings: true,
  version: true,
  status: true,
  displayMode: true,
  authorPerspective: true,
  author,
} as const;

/** A body rendered as readers would see it, with everything the check finds marked for the moderator. */
function marked(markdown: string): string {
  return renderWithHighlights(markdown, findIdentifyingDetails(markdown));
}

/** The page's items in full, in the order the keyset gave. */
async function readEntries(moderatorId: number, keys: KeyRow[]): Promise<QueueEntry[]> {
  const ids = (kind: QueueItem["kind"]) => keys.filter((k) => k.kind === kind).map((k) => k.id);
  const [posts, comments, reports] = await Promise.all([
    prisma().post.findMany({
      where: { id: { in: ids("post") } },
      select: {
        ...written,
        title: true,
        bylineScope: true,
        area,
        tags: { select: { tag: { select: { label: true } } } },
      },
    }),
    prisma().comment.findMany({
      where: { id: { in: ids("comment") } },
      select: {
        ...written,
        post: { select: { id: true, title: true, area: { select: { name: true } } } },
        parent: { select: { id: true, bodyMarkdown: true } },
      },
    }),
    prisma().experienceReport.findMany({
      where: { id: { in: ids("report_comment") } },
      select: { id: true, comment: true, area: { select: { name: true } }, author },
    }),
  ]);
  const authorIds = [
    ...new Set(
      [...posts, ...comments, ...reports].map((i) => i.author?.id).filter((id): id is number => id !== undefined),
    ),
  ];
  const [rejected, upheldFlags] = await Promise.all([
    prisma().post.groupBy({
      by: ["authorId"],
      where: { authorId: { in: authorIds }, status: "rejected" },
      _count: true,
    }),
    prisma().flag.findMany({
      where: {
        resolution: "upheld",
        OR: [{ post: { authorId: { in: authorIds } } }, { comment: { authorId: { in: authorIds } } }],
      },
      select: { post: { select: { authorId: true } }, comment: { select: { authorId: true } } },
    }),
  ]);
  const rejectedBy = new Map(rejected.map((r) => [r.authorId, r._count]));
  const upheldBy = new Map<number, number>();
  for (const flag of upheldFlags) {
    const id = flag.post?.authorId ?? flag.comment?.authorId;
    if (id != null) upheldBy.set(id, (upheldBy.get(id) ?? 0) + 1);
  }
  const authorOf = (
    a: { id: number; handle: string; trustLevel: number; role: Role; silencedUntil: Date | null } | null,
  ) => (a ? { ...a, rejectedBefore: rejectedBy.get(a.id) ?? 0, upheldFlags: upheldBy.get(a.id) ?? 0 } : null);
  const nameOf = (displayMode: "handle" | "anonymous", handle: string | undefined, perspective: Perspective) => ({
    named: displayMode === "handle",
    handle: handle ?? null,
    perspective,
  });

  const byKey = new Map<string, Omit<QueueEntry, keyof QueueItem | "reasons" | "ownContent">>();
  for (const p of posts) {
    const place = publicPlace(p.area, p.bylineScope as BylineScope);
    const who = nameOf(p.displayMode, p.author?.handle, p.authorPerspective);
    byKey.set(`post-${p.id}`, {
      status: p.status,
      version: p.version,
      title: p.title,
      html: marked(p.bodyMarkdown),
      kept: keptOf(p.keptFindings),
      post: { id: p.id, title: p.title },
      parent: null,
      council: p.area?.name ?? null,
      tags: p.tags.map((t) => t.tag.label),
      byline: byline({ ...who, displayMode: p.displayMode, regionName: bylinePlaceName(place) }),
      named: who.named,
      author: authorOf(p.author),
    });
  }
  for (const c of comments) {
    const who = nameOf(c.displayMode, c.author?.handle, c.authorPerspective);
    byKey.set(`comment-${c.id}`, {
      status: c.status,
      version: c.version,
      title: null,
      html: marked(c.bodyMarkdown),
      kept: keptOf(c.keptFindings),
      post: { id: c.post.id, title: c.post.title },
      parent: c.parent ? { id: c.parent.id, html: marked(c.parent.bodyMarkdown) } : null,
      council: c.post.area?.name ?? null,
      tags: [],
      byline: byline({ ...who, displayMode: c.displayMode, regionName: null }),
      named: who.named,
      author: authorOf(c.author),
    });
  }
  for (const r of reports) {
    byKey.set(`report_comment-${r.id}`, {
      status: "pending",
      version: 1,
      title: null,
      html: marked(r.comment ?? ""),
      kept: [],
      post: null,
      parent: null,
      council: r.area.name,
      tags: [],
      byline: null,
      named: false,
      author: authorOf(r.author),
    });
  }
  return keys.flatMap((key) => {
    const found = byKey.get(`${key.kind}-${key.id}`);
    if (!found) return [];
    const item: QueueItem = {
      kind: key.kind,
      id: key.id,
      createdAt: key.created_at,
      safeguardingFlags: key.sg,
      flags: key.flags,
      keptFindings: key.kept ? 1 : 0,
    };
    return [{ ...item, ...found, reasons: reasonsFor(item), ownContent: found.author?.id === moderatorId }];
  });
}
