-- AlterTable
ALTER TABLE "experience_report" ADD COLUMN     "record_key" SMALLINT NOT NULL DEFAULT floor((random() * (256)::double precision));

-- AlterTable
ALTER TABLE "outcome_summary" ADD COLUMN     "keys" JSONB NOT NULL DEFAULT '{}';

-- Every outcome figure is protected by the cell key method (docs/outcome-figures.md): each report
-- carries a random record key, and a cell's perturbation is a fixed function of its count and the
-- sum of its reports' keys modulo 256. The facts carry the key, and the summary keeps, beside each
-- count, the key sum of the reports it counts, so any period or place adds up its own cell key.
CREATE OR REPLACE VIEW "outcome_fact" AS
SELECT r.id AS report_id, r.area_code, a.region_code, a.nation AS nation_code, r.quarter_start,
       r.plan_lead, r.perspective, r.support_arrangement, r.client_group, k.key, r.record_key
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

-- Adds two flat key-sum objects key by key, modulo 256 (a removed report subtracts its key).
CREATE FUNCTION "jsonb_add_keys"(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(key, ((total % 256) + 256) % 256), '{}'::jsonb)
  FROM (
    SELECT key, sum(value::int) AS total
    FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) pairs
    GROUP BY key
  ) sums
$$;

CREATE OR REPLACE FUNCTION "outcome_summary_apply"(report_ids int[], sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "outcome_summary" (level, geo_code, quarter_start, plan_lead, reports, counts, keys)
  SELECT level, geo_code, quarter_start, plan_lead,
         coalesce(sum(n) FILTER (WHERE key = 'reports'), 0) * sign,
         coalesce(jsonb_object_agg(key, n * sign) FILTER (WHERE key <> 'reports'), '{}'::jsonb),
         jsonb_object_agg(key, (((key_sum * sign) % 256) + 256) % 256)
  FROM (
    SELECT g.level, g.geo_code, f.quarter_start, l.plan_lead, f.key, count(*)::int AS n, sum(f.record_key)::int AS key_sum
    FROM "outcome_fact" f
    CROSS JOIN LATERAL (VALUES ('area', f.area_code::text), ('region', f.region_code::text), ('nation', f.nation_code)) g(level, geo_code)
    CROSS JOIN LATERAL (VALUES ('all'), (f.plan_lead::text)) l(plan_lead)
    WHERE f.report_id = ANY(report_ids)
    GROUP BY 1, 2, 3, 4, 5
  ) facts
  GROUP BY level, geo_code, quarter_start, plan_lead
  ON CONFLICT (level, geo_code, quarter_start, plan_lead) DO UPDATE
  SET reports = "outcome_summary".reports + EXCLUDED.reports,
      counts = "jsonb_add_counts"("outcome_summary".counts, EXCLUDED.counts),
      keys = "jsonb_add_keys"("outcome_summary".keys, EXCLUDED.keys)
$$;

CREATE OR REPLACE FUNCTION "outcome_summary_rebuild"() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "outcome_summary"\073
  INSERT INTO "outcome_summary" (level, geo_code, quarter_start, plan_lead, reports, counts, keys)
  SELECT level, geo_code, quarter_start, plan_lead,
         coalesce(sum(n) FILTER (WHERE key = ''reports''), 0),
         coalesce(jsonb_object_agg(key, n) FILTER (WHERE key <> ''reports''), ''{}''::jsonb),
         jsonb_object_agg(key, key_sum % 256)
  FROM (
    SELECT g.level, g.geo_code, b.quarter_start, l.plan_lead, b.key, sum(b.n)::int AS n, sum(b.key_sum)::int AS key_sum
    FROM (
      SELECT f.area_code::text AS area_code, f.region_code::text AS region_code, f.nation_code::text AS nation_code,
             f.quarter_start, f.plan_lead::text AS lead, f.key, count(*)::int AS n, sum(f.record_key)::int AS key_sum
      FROM "outcome_fact" f
      GROUP BY 1, 2, 3, 4, 5, 6
    ) b
    CROSS JOIN LATERAL (VALUES (''area'', b.area_code), (''region'', b.region_code), (''nation'', b.nation_code)) g(level, geo_code)
    CROSS JOIN LATERAL (VALUES (''all''), (b.lead)) l(plan_lead)
    GROUP BY 1, 2, 3, 4, 5
  ) facts
  GROUP BY level, geo_code, quarter_start, plan_lead\073
END
';

-- Reports that existed before this migration get their keys counted.
SELECT "outcome_summary_rebuild"();
