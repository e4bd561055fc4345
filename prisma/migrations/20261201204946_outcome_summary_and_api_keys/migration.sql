-- CreateTable
CREATE TABLE "outcome_summary" (
    "level" VARCHAR(10) NOT NULL,
    "geo_code" VARCHAR(20) NOT NULL,
    "quarter_start" DATE NOT NULL,
    "plan_lead" VARCHAR(20) NOT NULL,
    "reports" INTEGER NOT NULL,
    "counts" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "outcome_summary_pkey" PRIMARY KEY ("level","geo_code","quarter_start","plan_lead")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "label" VARCHAR(80) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "secret_hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_on" DATE,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outcome_summary_level_plan_lead_quarter_start_idx" ON "outcome_summary"("level", "plan_lead", "quarter_start");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_secret_hash_key" ON "api_key"("secret_hash");

-- CreateIndex
CREATE INDEX "api_key_user_id_idx" ON "api_key"("user_id");

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row per report and thing it counts towards ("reports", "arrangement:dp_employer",
-- "outcome:dignity:a_bit_better", "rate:1250" for £12.50 an hour, "paid:205" for 20.5 hours a week).
-- The single definition of what a report contributes: the summary below is built from it, and
-- filtered dashboards read it directly (app/server/outcomes.server.ts).
CREATE VIEW "outcome_fact" AS
SELECT r.id AS report_id, r.area_code, a.region_code, a.nation AS nation_code, r.quarter_start,
       r.plan_lead, r.perspective, r.support_arrangement, r.client_group, k.key
FROM "experience_report" r
JOIN "area" a ON a.code = r.area_code
CROSS JOIN LATERAL (
  SELECT 'reports'::text
  UNION ALL SELECT 'arrangement:' || r.support_arrangement::text
  UNION ALL SELECT 'budget:' || r.budget_change::text
  UNION ALL SELECT 'lead:' || r.plan_lead::text
  UNION ALL SELECT 'perspective:' || r.perspective::text
  UNION ALL SELECT 'client:' || r.client_group::text
  UNION ALL SELECT 'rate:' || r.hourly_rate_pence::text WHERE r.hourly_rate_pence IS NOT NULL
  UNION ALL SELECT 'paid:' || round(r.paid_hours_per_week * 10)::int::text WHERE r.paid_hours_per_week IS NOT NULL
  UNION ALL SELECT 'unpaid:' || round(r.unpaid_hours_per_week * 10)::int::text WHERE r.unpaid_hours_per_week IS NOT NULL
  UNION ALL SELECT 'outcome:' || o.domain || ':' || o.rating::text FROM "report_outcome" o WHERE o.report_id = r.id
) k(key);

-- Adds two flat count objects key by key.
CREATE FUNCTION "jsonb_add_counts"(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
  FROM (
    SELECT key, sum(value::int) AS total
    FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) pairs
    GROUP BY key
  ) sums
$$;

-- Adds (sign 1) or takes away (sign -1) the given reports' facts, at area, region and nation level,
-- for their plan lead and for "all".
CREATE FUNCTION "outcome_summary_apply"(report_ids int[], sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "outcome_summary" (level, geo_code, quarter_start, plan_lead, reports, counts)
  SELECT level, geo_code, quarter_start, plan_lead,
         coalesce(sum(n) FILTER (WHERE key = 'reports'), 0) * sign,
         coalesce(jsonb_object_agg(key, n * sign) FILTER (WHERE key <> 'reports'), '{}'::jsonb)
  FROM (
    SELECT g.level, g.geo_code, f.quarter_start, l.plan_lead, f.key, count(*)::int AS n
    FROM "outcome_fact" f
    CROSS JOIN LATERAL (VALUES ('area', f.area_code::text), ('region', f.region_code::text), ('nation', f.nation_code)) g(level, geo_code)
    CROSS JOIN LATERAL (VALUES ('all'), (f.plan_lead::text)) l(plan_lead)
    WHERE f.report_id = ANY(report_ids)
    GROUP BY 1, 2, 3, 4, 5
  ) facts
  GROUP BY level, geo_code, quarter_start, plan_lead
  ON CONFLICT (level, geo_code, quarter_start, plan_lead) DO UPDATE
  SET reports = "outcome_summary".reports + EXCLUDED.reports,
      counts = "jsonb_add_counts"("outcome_summary".counts, EXCLUDED.counts)
$$;

-- Rebuilds the whole summary, after a bulk load with triggers off (the benchmark data generator).
CREATE FUNCTION "outcome_summary_rebuild"() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "outcome_summary"\073
  PERFORM "outcome_summary_apply"(ARRAY(SELECT id FROM "experience_report"), 1)\073
END
';

-- A report's outcome ratings are written after the report row, in the same transaction, so the
-- summary is updated at commit (a deferred constraint trigger), when the ratings are there.
CREATE FUNCTION "outcome_summary_on_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "outcome_summary_apply"(ARRAY[NEW.id], 1)\073
  RETURN NULL\073
END
';

CREATE CONSTRAINT TRIGGER "outcome_summary_on_insert"
  AFTER INSERT ON "experience_report" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "outcome_summary_on_insert"();

-- Before the delete, while the report's ratings still exist (they go by cascade afterwards).
CREATE FUNCTION "outcome_summary_on_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "outcome_summary_apply"(ARRAY[OLD.id], -1)\073
  RETURN OLD\073
END
';

CREATE TRIGGER "outcome_summary_on_delete"
  BEFORE DELETE ON "experience_report"
  FOR EACH ROW EXECUTE FUNCTION "outcome_summary_on_delete"();

CREATE FUNCTION "outcome_summary_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "outcome_summary"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "outcome_summary_on_truncate"
  AFTER TRUNCATE ON "experience_report"
  FOR EACH STATEMENT EXECUTE FUNCTION "outcome_summary_on_truncate"();

-- Reports that existed before this migration.
SELECT "outcome_summary_rebuild"();
