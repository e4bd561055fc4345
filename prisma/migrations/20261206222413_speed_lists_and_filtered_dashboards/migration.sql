-- DropIndex
DROP INDEX "outcome_summary_level_plan_lead_quarter_start_idx";

-- AlterTable
ALTER TABLE "outcome_summary" DROP CONSTRAINT "outcome_summary_pkey",
ADD COLUMN     "perspective" VARCHAR(20) NOT NULL DEFAULT 'all',
ADD CONSTRAINT "outcome_summary_pkey" PRIMARY KEY ("level", "geo_code", "quarter_start", "plan_lead", "perspective");

-- CreateIndex
CREATE INDEX "outcome_summary_level_plan_lead_perspective_quarter_start_idx" ON "outcome_summary"("level", "plan_lead", "perspective", "quarter_start");

-- Lists, the home page and search at scale (decision 044, docs/benchmarks/2026-12-07-real-traffic.md).
-- Totals and facet counts read only a published story's place, kind, byline, perspective and date:
-- these covering indexes let PostgreSQL count them from a few megabytes of index (index-only
-- scans) instead of reading the 150 MB post table. One keyed by place, for councils and regions,
-- and one by id, for stories reached through a tag or a report.
CREATE INDEX "post_published_place_idx" ON "post" ("area_code", "id")
  INCLUDE ("kind", "byline_scope", "display_mode", "author_perspective", "published_at") WHERE "status" = 'published';
CREATE INDEX "post_published_id_idx" ON "post" ("id")
  INCLUDE ("area_code", "kind", "byline_scope", "display_mode", "author_perspective", "published_at") WHERE "status" = 'published';
-- Newest first (month of publication in UK time, then id: search.server.ts NEWEST_FIRST), so a page
-- of a list reads its 20 stories from the index instead of sorting every match.
CREATE INDEX "post_published_newest_idx" ON "post" ((date_trunc('month', "published_at" AT TIME ZONE 'Europe/London')) DESC, "id" DESC)
  INCLUDE ("area_code", "kind", "byline_scope") WHERE "status" = 'published';
-- "No reply yet" asks, for each story, whether it has a published reply.
CREATE INDEX "comment_published_post_idx" ON "comment" ("post_id") WHERE "status" = 'published';
-- The arrangement facet: the reports attached to stories, with their arrangement.
CREATE INDEX "experience_report_post_arrangement_idx" ON "experience_report" ("post_id")
  INCLUDE ("support_arrangement") WHERE "post_id" IS NOT NULL;

-- The outcome summary also counts by the reporter's perspective ("all" or one of them), so a
-- dashboard filtered by perspective (or by perspective and plan lead) reads the summary as the
-- unfiltered one does, instead of working its figures out from every report (14 s of PostgreSQL
-- for one council and perspective at scale 1: docs/benchmarks/2026-12-06-real-traffic.md). The
-- counts are exactly those the reports give (tests/integration/outcome-summary-filters.test.ts).
--
-- One definition of the rows some reports add (sign 1) or take away (sign -1): their facts counted
-- per council, quarter, plan lead and perspective first, then added up for regions, nations and
-- "all". The triggers (outcome_summary_apply) and the rebuild after a bulk load both use it.
CREATE FUNCTION "outcome_summary_rows"(report_ids int[], sign int)
RETURNS TABLE (level text, geo_code text, quarter_start date, plan_lead text, perspective text, reports int, counts jsonb, keys jsonb)
LANGUAGE sql STABLE AS $$
  SELECT level, geo_code, quarter_start, plan_lead, perspective,
         coalesce(sum(n) FILTER (WHERE key = 'reports'), 0)::int * sign,
         coalesce(jsonb_object_agg(key, n * sign) FILTER (WHERE key <> 'reports'), '{}'::jsonb),
         jsonb_object_agg(key, (((key_sum * sign) % 256) + 256) % 256)
  FROM (
    SELECT g.level, g.geo_code, b.quarter_start, l.plan_lead, w.perspective, b.key, sum(b.n)::int AS n, sum(b.key_sum)::int AS key_sum
    FROM (
      SELECT f.area_code::text AS area_code, f.region_code::text AS region_code, f.nation_code::text AS nation_code,
             f.quarter_start, f.plan_lead::text AS lead, f.perspective::text AS who, f.key,
             count(*)::int AS n, sum(f.record_key)::int AS key_sum
      FROM "outcome_fact" f
      WHERE f.report_id = ANY(report_ids)
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    ) b
    CROSS JOIN LATERAL (VALUES ('area', b.area_code), ('region', b.region_code), ('nation', b.nation_code)) g(level, geo_code)
    CROSS JOIN LATERAL (VALUES ('all'), (b.lead)) l(plan_lead)
    CROSS JOIN LATERAL (VALUES ('all'), (b.who)) w(perspective)
    GROUP BY 1, 2, 3, 4, 5, 6
  ) facts
  GROUP BY level, geo_code, quarter_start, plan_lead, perspective
$$;

CREATE OR REPLACE FUNCTION "outcome_summary_rebuild"() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "outcome_summary"\073
  INSERT INTO "outcome_summary" (level, geo_code, quarter_start, plan_lead, perspective, reports, counts, keys)
  SELECT * FROM "outcome_summary_rows"(ARRAY(SELECT id FROM "experience_report"), 1)\073
END
';

CREATE OR REPLACE FUNCTION "outcome_summary_apply"(report_ids int[], sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "outcome_summary" (level, geo_code, quarter_start, plan_lead, perspective, reports, counts, keys)
  SELECT * FROM "outcome_summary_rows"(report_ids, sign)
  ON CONFLICT ON CONSTRAINT "outcome_summary_pkey" DO UPDATE
  SET reports = "outcome_summary".reports + EXCLUDED.reports,
      counts = "jsonb_add_counts"("outcome_summary".counts, EXCLUDED.counts),
      keys = "jsonb_add_keys"("outcome_summary".keys, EXCLUDED.keys)
$$;

SELECT "outcome_summary_rebuild"();

-- Replies and kept list answers (decision 044, docs/page-cache.md). A reply changes its story's
-- page and the reply counts that list pages show ("replies"), but what a list answer holds (which
-- stories, how many, the facet counts) changes only when a story gains its first published reply
-- or loses its last one, which moves it into or out of "no reply yet". Only then does a write to
-- comment note "posts", which retires the kept search and list answers.
--
-- The stories are locked (FOR NO KEY UPDATE, which a reply's foreign key check does not wait for)
-- before their replies are counted, so two transactions changing one story's replies count one
-- after the other: the second sees the first's rows once it has committed, and neither misses a
-- change, whatever the timing.
CREATE FUNCTION "page_change_note_answered"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  ids int[]\073
  deltas int[]\073
  moved boolean\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(post_id), array_agg(n) INTO ids, deltas
    FROM (SELECT post_id, count(*)::int AS n FROM new_rows WHERE status = ''published'' GROUP BY post_id) d\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(post_id), array_agg(n) INTO ids, deltas
    FROM (SELECT post_id, -count(*)::int AS n FROM old_rows WHERE status = ''published'' GROUP BY post_id) d\073
  ELSE
    SELECT array_agg(post_id), array_agg(n) INTO ids, deltas
    FROM (
      SELECT post_id, sum(one)::int AS n FROM (
        SELECT post_id, 1 AS one FROM new_rows WHERE status = ''published''
        UNION ALL SELECT post_id, -1 FROM old_rows WHERE status = ''published''
      ) x GROUP BY post_id HAVING sum(one) <> 0
    ) d\073
  END IF\073
  IF ids IS NULL THEN
    RETURN NULL\073
  END IF\073
  PERFORM 1 FROM post WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE\073
  SELECT EXISTS (
    SELECT 1 FROM unnest(ids, deltas) d(post_id, n)
    WHERE (SELECT count(*) FROM comment c WHERE c.post_id = d.post_id AND c.status = ''published'') = greatest(d.n, 0)
  ) INTO moved\073
  IF moved THEN
    INSERT INTO page_change (topic) VALUES (''posts'')\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "page_change_answered_insert" AFTER INSERT ON "comment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "page_change_note_answered"();
CREATE TRIGGER "page_change_answered_update" AFTER UPDATE ON "comment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "page_change_note_answered"();
CREATE TRIGGER "page_change_answered_delete" AFTER DELETE ON "comment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "page_change_note_answered"();

-- A write to comment notes its story and "replies" (reply counts, which list pages show), and the
-- trigger above adds "posts" when a story gains its first reply or loses its last one. This
-- changes that one rule of page_change_install() where it stands, whatever else the function holds
-- by now (other migrations add tables to it), and fails if the rule is not found.
DO E'
DECLARE
  rule_before text := $r$WHEN ''comment'' THEN ARRAY[''post_id'', ''posts'']$r$\073
  rule_after text := $r$WHEN ''comment'' THEN ARRAY[''post_id'', ''replies'']$r$\073
  definition text := pg_get_functiondef(''page_change_install''::regproc)\073
BEGIN
  IF position(rule_before IN definition) = 0 THEN
    RAISE EXCEPTION ''page_change_install() has no rule for comment to change''\073
  END IF\073
  EXECUTE replace(definition, rule_before, rule_after)\073
END
';

SELECT "page_change_install"();
