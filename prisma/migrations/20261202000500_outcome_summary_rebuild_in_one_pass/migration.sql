-- Rebuilding the summary (after a bulk load with triggers off) counted every report's facts through
-- outcome_summary_apply with an array of every report id, which took minutes at 200,000 reports.
-- Now one pass: count facts per council, quarter and plan lead, then add those up for regions,
-- nations and "all" plan leads. It writes exactly what the triggers keep (a test compares them).
CREATE OR REPLACE FUNCTION "outcome_summary_rebuild"() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "outcome_summary"\073
  INSERT INTO "outcome_summary" (level, geo_code, quarter_start, plan_lead, reports, counts)
  SELECT level, geo_code, quarter_start, plan_lead,
         coalesce(sum(n) FILTER (WHERE key = ''reports''), 0),
         coalesce(jsonb_object_agg(key, n) FILTER (WHERE key <> ''reports''), ''{}''::jsonb)
  FROM (
    SELECT g.level, g.geo_code, b.quarter_start, l.plan_lead, b.key, sum(b.n)::int AS n
    FROM (
      SELECT f.area_code::text AS area_code, f.region_code::text AS region_code, f.nation_code::text AS nation_code,
             f.quarter_start, f.plan_lead::text AS lead, f.key, count(*)::int AS n
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
