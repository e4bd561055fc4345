// `npm run db:seed -- --demo`: a realistic demo community so every page has something to show.
// Idempotent: if the demo members already exist, nothing is added. Demo accounts get random
// passwords that are never shown, so the demo adds no credentials anyone could use.
import { randomBytes } from "node:crypto";

import { hash } from "@node-rs/argon2";
import type pg from "pg";

import { renderMarkdown } from "../../app/domain/markdown/render";
import { buildDemoCommunity, DEMO_SEED } from "./demo-community";

const DAY_MS = 86_400_000;

export async function seedDemoCommunity(
  db: pg.ClientBase,
  today = new Date(),
): Promise<{ created: boolean; users: number; posts: number; comments: number; reports: number }> {
  const areaCodes = (await db.query<{ code: string }>("SELECT code FROM area ORDER BY code")).rows.map((r) => r.code);
  if (areaCodes.length === 0) throw new Error("Load the reference data first (npm run db:seed).");
  const community = buildDemoCommunity({ seed: DEMO_SEED, areaCodes, today });
  const counts = {
    users: community.users.length,
    posts: community.posts.length,
    comments: community.comments.length,
    reports: community.reports.length,
  };
  const first = community.users[0];
  if (!first) return { created: false, ...counts };
  const existing = await db.query('SELECT 1 FROM "user" WHERE handle_key = $1', [first.handle.toLowerCase()]);
  if (existing.rowCount) return { created: false, ...counts };

  const passwordHashes = await Promise.all(community.users.map(() => hash(randomBytes(24).toString("base64url"))));
  const at = (daysAgo: number, hourOffset = 0) => new Date(today.getTime() - daysAgo * DAY_MS - hourOffset * 3_600_000);

  await db.query("BEGIN");
  try {
    const userIds = (
      await db.query<{ id: number }>(
        `INSERT INTO "user" (handle, handle_key, password_hash, role, perspective, trust_level, created_at, days_active)
         SELECT u.handle, lower(u.handle), u.hash, u.role::role, u.perspective::perspective, u.trust, u.created, u.days
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::int[])
           WITH ORDINALITY AS u(handle, hash, role, perspective, trust, created, days, n)
         ORDER BY u.n
         RETURNING id`,
        [
          community.users.map((u) => u.handle),
          passwordHashes,
          community.users.map((u) => u.role),
          community.users.map((u) => u.perspective),
          community.users.map((u) => u.trustLevel),
          community.users.map((_, i) => at(1100 - i * 7)),
          community.users.map((u) => (u.trustLevel === 0 ? 2 : 20 + u.trustLevel * 15)),
        ],
      )
    ).rows.map((r) => r.id);
    const userId = (index: number) => {
      const id = userIds[index];
      if (id === undefined) throw new Error(`demo data refers to a missing user ${index}`);
      return id;
    };
    const perspectiveOf = (index: number) => community.users[index]?.perspective ?? "other";

    const rendered = community.posts.map((p) => renderMarkdown(p.bodyMarkdown));
    const postIds = (
      await db.query<{ id: number }>(
        `INSERT INTO post (kind, title, body_markdown, body_html, body_text, area_code, author_id, display_mode,
                           author_perspective, status, created_at, updated_at, published_at)
         SELECT p.kind::post_kind, p.title, p.md, p.html, p.txt, p.area, p.author, p.mode::display_mode,
                p.persp::perspective, p.status::moderation_status, p.created, p.created,
                CASE WHEN p.status = 'published' THEN p.created END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[],
                     $9::text[], $10::text[], $11::timestamptz[])
           WITH ORDINALITY AS p(kind, title, md, html, txt, area, author, mode, persp, status, created, n)
         ORDER BY p.n
         RETURNING id`,
        [
          community.posts.map((p) => p.kind),
          community.posts.map((p) => p.title),
          community.posts.map((p) => p.bodyMarkdown),
          rendered.map((r) => r.html),
          rendered.map((r) => r.text),
          community.posts.map((p) => p.areaCode),
          community.posts.map((p) => userId(p.authorIndex)),
          community.posts.map((p) => p.displayMode),
          community.posts.map((p) => perspectiveOf(p.authorIndex)),
          community.posts.map((p) => p.status),
          community.posts.map((p) => at(p.daysAgo, (p.key % 9) + 1)),
        ],
      )
    ).rows.map((r) => r.id);
    const postIdByKey = new Map(community.posts.map((p, i) => [p.key, postIds[i]]));

    const postTags = community.posts.flatMap((p) =>
      p.tagSlugs.map((slug) => ({ postId: postIdByKey.get(p.key), slug })),
    );
    await db.query(
      `INSERT INTO post_tag (post_id, tag_id)
       SELECT DISTINCT pt.post_id, tag.id FROM unnest($1::int[], $2::text[]) AS pt(post_id, slug)
       JOIN tag ON tag.slug = pt.slug
       ON CONFLICT DO NOTHING`,
      [postTags.map((t) => t.postId), postTags.map((t) => t.slug)],
    );

    // Top-level comments first, then replies, so every reply's parent already has an id.
    const commentIdByKey = new Map<number, number>();
    const topLevel = community.comments.filter((c) => c.parentKey === null);
    const replies = community.comments.filter((c) => c.parentKey !== null);
    for (const batch of [topLevel, replies]) {
      if (batch.length === 0) continue;
      const commentHtml = batch.map((c) => renderMarkdown(c.bodyMarkdown).html);
      const ids = (
        await db.query<{ id: number }>(
          `INSERT INTO comment (post_id, parent_id, author_id, display_mode, author_perspective, body_markdown, body_html,
                                status, created_at, updated_at, published_at)
           SELECT c.post, c.parent, c.author, c.mode::display_mode, c.persp::perspective, c.md, c.html,
                  c.status::moderation_status, c.created, c.created, CASE WHEN c.status = 'published' THEN c.created END
           FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::timestamptz[])
             WITH ORDINALITY AS c(post, parent, author, mode, persp, md, html, status, created, n)
           ORDER BY c.n
           RETURNING id`,
          [
            batch.map((c) => postIdByKey.get(c.postKey)),
            batch.map((c) => (c.parentKey === null ? null : commentIdByKey.get(c.parentKey))),
            batch.map((c) => userId(c.authorIndex)),
            batch.map((c) => c.displayMode),
            batch.map((c) => perspectiveOf(c.authorIndex)),
            batch.map((c) => c.bodyMarkdown),
            commentHtml,
            batch.map((c) => c.status),
            batch.map((c) => at(c.daysAgo, (c.key % 7) + 0.5)),
          ],
        )
      ).rows.map((r) => r.id);
      batch.forEach((c, i) => {
        const id = ids[i];
        if (id !== undefined) commentIdByKey.set(c.key, id);
      });
    }

    const commentId = (key: number) => commentIdByKey.get(key) ?? null;
    const answers = community.posts.filter((p) => p.answerKey !== null);
    await db.query(
      `UPDATE post SET answer_comment_id = a.comment FROM unnest($1::int[], $2::int[]) AS a(post, comment) WHERE post.id = a.post`,
      [answers.map((p) => postIdByKey.get(p.key)), answers.map((p) => commentId(p.answerKey ?? -1))],
    );
    await db.query(`INSERT INTO comment_helpful (comment_id, user_id) SELECT * FROM unnest($1::int[], $2::int[])`, [
      community.helpful.map((h) => commentId(h.commentKey)),
      community.helpful.map((h) => userId(h.userIndex)),
    ]);
    await db.query(
      `INSERT INTO post_reaction (post_id, user_id, created_at) SELECT r.post, r.usr, p.published_at
       FROM unnest($1::int[], $2::int[]) AS r(post, usr) JOIN post p ON p.id = r.post`,
      [community.reactions.map((r) => postIdByKey.get(r.postKey)), community.reactions.map((r) => userId(r.userIndex))],
    );
    const flags = community.flags;
    await db.query(
      `INSERT INTO flag (post_id, comment_id, flagger_id, reason, note, created_at)
       SELECT f.post, f.comment, f.flagger, f.reason::flag_reason, f.note, f.created
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::timestamptz[])
         AS f(post, comment, flagger, reason, note, created)`,
      [
        flags.map((f) => (f.postKey === null ? null : postIdByKey.get(f.postKey))),
        flags.map((f) => (f.commentKey === null ? null : commentId(f.commentKey))),
        flags.map((f) => userId(f.flaggerIndex)),
        flags.map((f) => f.reason),
        flags.map((f) => f.note),
        flags.map((f, i) => at(f.daysAgo, (i % 5) + 0.25)),
      ],
    );

    const reports = community.reports;
    // The outcome summary is brought up to date once for all reports below, instead of once per
    // report by its trigger at commit (thousands of small updates).
    await db.query(`ALTER TABLE experience_report DISABLE TRIGGER outcome_summary_on_insert`);
    const reportIds = (
      await db.query<{ id: number }>(
        `INSERT INTO experience_report (author_id, post_id, area_code, quarter_start, perspective, support_arrangement,
            client_group, plan_lead, budget_change, ease, weeks_to_support, budget_coverage, hourly_rate_pence,
            paid_hours_per_week, unpaid_hours_per_week, comment, comment_status, created_at)
         SELECT r.author, r.post, r.area, r.quarter, r.persp::perspective, r.arr::support_arrangement,
                r.grp::client_group, r.lead::plan_lead, r.change::budget_change, r.ease::ease, r.weeks,
                r.cover::budget_coverage, r.rate, r.paid, r.unpaid, r.comment,
                CASE WHEN r.comment IS NOT NULL THEN 'published'::moderation_status END,
                r.quarter + interval '100 days'
         FROM unnest($1::int[], $2::int[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::int[], $12::text[], $13::int[], $14::numeric[], $15::numeric[],
                     $16::text[])
           WITH ORDINALITY AS r(author, post, area, quarter, persp, arr, grp, lead, change, ease, weeks, cover, rate,
                                paid, unpaid, comment, n)
         ORDER BY r.n
         RETURNING id`,
        [
          reports.map((r) => userId(r.authorIndex)),
          reports.map((r) => (r.postKey === null ? null : (postIdByKey.get(r.postKey) ?? null))),
          reports.map((r) => r.areaCode),
          reports.map((r) => r.quarterStart),
          reports.map((r) => r.perspective),
          reports.map((r) => r.supportArrangement),
          reports.map((r) => r.clientGroup),
          reports.map((r) => r.planLead),
          reports.map((r) => r.budgetChange),
          reports.map((r) => r.ease),
          reports.map((r) => r.weeksToSupport),
          reports.map((r) => r.budgetCoverage),
          reports.map((r) => r.hourlyRatePence),
          reports.map((r) => r.paidHoursPerWeek),
          reports.map((r) => r.unpaidHoursPerWeek),
          reports.map((r) => r.comment),
        ],
      )
    ).rows.map((r) => r.id);
    const outcomes = reports.flatMap((r, i) =>
      Object.entries(r.outcomes).map(([domain, rating]) => ({ reportId: reportIds[i], domain, rating })),
    );
    await db.query(
      `INSERT INTO report_outcome (report_id, domain, rating)
       SELECT o.report, o.domain, o.rating::outcome_rating FROM unnest($1::int[], $2::text[], $3::text[]) AS o(report, domain, rating)`,
      [outcomes.map((o) => o.reportId), outcomes.map((o) => o.domain), outcomes.map((o) => o.rating)],
    );
    await db.query(`ALTER TABLE experience_report ENABLE TRIGGER outcome_summary_on_insert`);
    await db.query(`SELECT outcome_summary_apply($1::int[], 1)`, [reportIds]);
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
  return { created: true, ...counts };
}

/** One demo account per role, so a newcomer can try every part of the site. */
export const DEMO_SIGN_IN_HANDLES = {
  member: "tired_but_hopeful",
  moderator: "mod_morning",
  researcher: "data_digger",
  admin: "site_keeper",
} as const;

export interface DemoSignIn {
  role: keyof typeof DEMO_SIGN_IN_HANDLES;
  handle: string;
  password: string;
}

/**
 * Gives the four demo accounts fresh random passwords, for `npm run demo` to print. Called only
 * with --demo and never in production (main.ts), so the demo never leaves a known password behind:
 * each start replaces the last ones.
 */
export async function resetDemoSignIns(db: pg.ClientBase): Promise<DemoSignIn[]> {
  const signIns: DemoSignIn[] = [];
  for (const [role, handle] of Object.entries(DEMO_SIGN_IN_HANDLES) as [DemoSignIn["role"], string][]) {
    const password = `demo-${randomBytes(9).toString("base64url")}`;
    const updated = await db.query(`UPDATE "user" SET password_hash = $2 WHERE handle_key = $1`, [
      handle.toLowerCase(),
      await hash(password),
    ]);
    if (updated.rowCount) signIns.push({ role, handle, password });
  }
  return signIns;
}
