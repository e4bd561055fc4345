// Every query about the outcomes dashboard. Unfiltered views and views by plan lead or by the
// reporter's perspective read the outcome_summary table (kept up to date by triggers); filters on
// the kind of support or the group of people read the outcome_fact view, which defines the same
// counts from every report. Either way the numbers go through app/domain/outcomes before anyone
// sees them.
import { needsEveryReport, widerFilters, type OutcomeFilters } from "~/domain/outcomes/outcome-filters";
import type { WithheldReason } from "~/domain/outcomes/figures";
import { buildOutcomeView, type OutcomeView, type QuarterCounts } from "~/domain/outcomes/outcome-view";
import { buildPlaceTable, type PlaceCounts, type PlaceRow, type PlaceTable } from "~/domain/outcomes/places";
import { quartersBetween } from "~/domain/outcomes/quarters";
import { NATIONS, PLAN_LEADS, type Nation } from "~/domain/taxonomy";

import { keptAnswers, query } from "../db/client.server";

export type PlaceLevel = "area" | "region" | "nation";

export interface Place {
  level: PlaceLevel;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  nation: string;
}

const GEO_COLUMN: Record<PlaceLevel, string> = { area: "area_code", region: "region_code", nation: "nation_code" };

type AreaRow = { code: string; name: string; region_code: string; region_name: string; nation: string };

/**
 * Every council, read once and kept until the areas change (a write to them notes "site", which
 * retires every kept answer): a dashboard, download or "Your options" page finds its place without
 * a query of its own, so its figures are asked for at once.
 */
function everyCouncil(): Promise<Place[]> {
  return keep("councils", async () => {
    const rows = await query<AreaRow>(`SELECT code, name, region_code, region_name, nation FROM area ORDER BY code`);
    return rows.map((row) => ({
      level: "area" as const,
      code: row.code,
      name: row.name,
      regionCode: row.region_code,
      regionName: row.region_name,
      nation: row.nation,
    }));
  });
}

export async function findCouncil(code: string): Promise<Place | null> {
  return (await everyCouncil()).find((council) => council.code === code) ?? null;
}

export async function findRegion(code: string): Promise<Place | null> {
  const council = (await everyCouncil()).find((area) => area.regionCode === code);
  return council ? regionOf(council) : null;
}

/** The region a council is in, as a place of its own. */
function regionOf(council: Place): Place {
  return { ...council, level: "region", code: council.regionCode, name: council.regionName };
}

export function nationPlace(nation: Nation): Place {
  return { level: "nation", code: nation, name: nation, regionCode: "", regionName: "", nation };
}

/** The conditions on who reported, for queries on outcome_fact (parameters from $first on). */
function reporterConditions(filters: OutcomeFilters, first: number) {
  return {
    sql: `($${first}::text IS NULL OR plan_lead::text = $${first})
      AND ($${first + 1}::text IS NULL OR perspective::text = $${first + 1})
      AND ($${first + 2}::text IS NULL OR support_arrangement::text = $${first + 2})
      AND ($${first + 3}::text IS NULL OR client_group::text = $${first + 3})`,
    params: [filters.lead, filters.perspective, filters.arrangement, filters.client],
  };
}

/**
 * Where counts come from: the summary, or every report (outcome_fact). The summary holds exactly
 * the counts the reports give for its slices (a test compares them), so a caller may ask for
 * either; by default the summary whenever it has the slice.
 */
export type CountSource = "summary" | "reports";

const sourceFor = (filters: OutcomeFilters): CountSource => (needsEveryReport(filters) ? "reports" : "summary");

/** Quarter by quarter counts for one place, every quarter of the period present (zero if empty). */
export async function quarterCountsFor(
  place: Pick<Place, "level" | "code">,
  filters: OutcomeFilters,
  source: CountSource = sourceFor(filters),
): Promise<QuarterCounts[]> {
  const found = new Map<string, WritableCounts & { quarterStart: string }>();
  if (source === "reports") {
    const conditions = reporterConditions(filters, 4);
    const rows = await query<{ quarter: string; key: string; n: number; k: number }>(
      `SELECT to_char(quarter_start, 'YYYY-MM-DD') AS quarter, key, count(*)::int AS n, (sum(record_key) % 256)::int AS k
       FROM outcome_fact
       WHERE ${GEO_COLUMN[place.level]} = $1 AND quarter_start BETWEEN $2 AND $3 AND ${conditions.sql}
       GROUP BY 1, 2`,
      [place.code, filters.from, filters.to, ...conditions.params],
    );
    for (const row of rows) {
      const entry = found.get(row.quarter) ?? { quarterStart: row.quarter, ...emptyCounts() };
      addFact(entry, row.key, row.n, row.k);
      found.set(row.quarter, entry);
    }
  } else {
    const rows = await query<{
      quarter: string;
      reports: number;
      counts: Record<string, number>;
      keys: Record<string, number>;
    }>(
      `SELECT to_char(quarter_start, 'YYYY-MM-DD') AS quarter, reports, counts, keys
       FROM outcome_summary
       WHERE level = $1 AND geo_code = $2 AND plan_lead = $3 AND perspective = $4 AND quarter_start BETWEEN $5 AND $6`,
      [place.level, place.code, filters.lead ?? "all", filters.perspective ?? "all", filters.from, filters.to],
    );
    for (const row of rows)
      found.set(row.quarter, { quarterStart: row.quarter, reports: row.reports, counts: row.counts, keys: row.keys });
  }
  return quartersBetween(filters.from, filters.to).map(
    (quarter) => found.get(quarter) ?? { quarterStart: quarter, ...emptyCounts() },
  );
}

type WritableCounts = { reports: number; counts: Record<string, number>; keys: Record<string, number> };

function emptyCounts(): WritableCounts {
  return { reports: 0, counts: {}, keys: {} };
}

/** Adds one fact from outcome_fact with its key sum: "reports" is the total, any other key a count. */
function addFact(entry: WritableCounts, key: string, n: number, keySum: number) {
  if (key === "reports") entry.reports += n;
  else entry.counts[key] = (entry.counts[key] ?? 0) + n;
  entry.keys[key] = ((entry.keys[key] ?? 0) + keySum) % 256;
}

/** The same place's counts split by who led the plan, for the comparison of plan leads. */
export async function quarterCountsByPlanLead(
  place: Pick<Place, "level" | "code">,
  filters: OutcomeFilters,
): Promise<Record<keyof typeof PLAN_LEADS, QuarterCounts[]>> {
  const leads = Object.keys(PLAN_LEADS) as (keyof typeof PLAN_LEADS)[];
  if (sourceFor(filters) === "reports" || filters.lead) {
    const results = await Promise.all(leads.map((lead) => quarterCountsFor(place, { ...filters, lead })));
    return Object.fromEntries(leads.map((lead, i) => [lead, results[i] ?? []])) as Record<
      keyof typeof PLAN_LEADS,
      QuarterCounts[]
    >;
  }
  // One read of the summary for every lead at once: the common case, on every council page.
  const rows = await query<{
    lead: string;
    quarter: string;
    reports: number;
    counts: Record<string, number>;
    keys: Record<string, number>;
  }>(
    `SELECT plan_lead AS lead, to_char(quarter_start, 'YYYY-MM-DD') AS quarter, reports, counts, keys
     FROM outcome_summary
     WHERE level = $1 AND geo_code = $2 AND plan_lead <> 'all' AND perspective = $3 AND quarter_start BETWEEN $4 AND $5`,
    [place.level, place.code, filters.perspective ?? "all", filters.from, filters.to],
  );
  const quarters = quartersBetween(filters.from, filters.to);
  return Object.fromEntries(
    leads.map((lead) => {
      const found = new Map(
        rows
          .filter((r) => r.lead === lead)
          .map((r) => [r.quarter, { quarterStart: r.quarter, reports: r.reports, counts: r.counts, keys: r.keys }]),
      );
      return [lead, quarters.map((quarter) => found.get(quarter) ?? { quarterStart: quarter, ...emptyCounts() })];
    }),
  ) as Record<keyof typeof PLAN_LEADS, QuarterCounts[]>;
}

/** The keys the table of councils needs: plan leads and the quality-of-life ratings. */
const TABLE_KEYS = [
  ...Object.keys(PLAN_LEADS).map((lead) => `lead:${lead}`),
  ...["a_lot_better", "a_bit_better", "same", "a_bit_worse", "a_lot_worse", "not_relevant"].map(
    (r) => `outcome:quality-of-life:${r}`,
  ),
];

/** Every council of a nation with its counts over the period (zero for councils with no reports). */
export async function placeCountsFor(
  nation: Nation,
  filters: OutcomeFilters,
  source: CountSource = sourceFor(filters),
): Promise<PlaceCounts[]> {
  const [councils, byCode] = await Promise.all([
    query<{ code: string; name: string; region_code: string; region_name: string }>(
      `SELECT code, name, region_code, region_name FROM area WHERE nation = $1 ORDER BY name`,
      [nation],
    ),
    countsByCouncil(nation, filters, source),
  ]);
  return councils.map((council) => ({
    code: council.code,
    name: council.name,
    regionCode: council.region_code,
    regionName: council.region_name,
    ...(byCode.get(council.code) ?? emptyCounts()),
  }));
}

async function countsByCouncil(nation: Nation, filters: OutcomeFilters, source: CountSource) {
  const byCode = new Map<string, WritableCounts>();
  if (source === "reports") {
    const conditions = reporterConditions(filters, 5);
    const rows = await query<{ code: string; key: string; n: number; k: number }>(
      `SELECT area_code AS code, key, count(*)::int AS n, (sum(record_key) % 256)::int AS k
       FROM outcome_fact
       WHERE nation_code = $1 AND quarter_start BETWEEN $2 AND $3 AND key = ANY($4::text[]) AND ${conditions.sql}
       GROUP BY 1, 2`,
      [nation, filters.from, filters.to, ["reports", ...TABLE_KEYS], ...conditions.params],
    );
    for (const row of rows) {
      const entry = byCode.get(row.code) ?? emptyCounts();
      addFact(entry, row.key, row.n, row.k);
      byCode.set(row.code, entry);
    }
  } else {
    // jsonb_to_record reads each (large, compressed) counts and keys object once, not once per key.
    const keyed = ["reports", ...TABLE_KEYS];
    const sums = [
      ...TABLE_KEYS.map((_, i) => `coalesce(sum(x.c${i}), 0)::int AS c${i}`),
      ...keyed.map((_, i) => `(coalesce(sum(y.k${i}), 0) % 256)::int AS k${i}`),
    ].join(", ");
    const countRecord = TABLE_KEYS.map((key) => `"${key}" int`).join(", ");
    const keyRecord = keyed.map((key) => `"${key}" int`).join(", ");
    const renameCounts = TABLE_KEYS.map((key, i) => `r."${key}" AS c${i}`).join(", ");
    const renameKeys = keyed.map((key, i) => `r."${key}" AS k${i}`).join(", ");
    const rows = await query<Record<string, number> & { code: string; reports: number }>(
      `SELECT s.geo_code AS code, sum(s.reports)::int AS reports, ${sums}
       FROM outcome_summary s JOIN area a ON a.code = s.geo_code
       CROSS JOIN LATERAL (SELECT ${renameCounts} FROM jsonb_to_record(s.counts) AS r(${countRecord})) x
       CROSS JOIN LATERAL (SELECT ${renameKeys} FROM jsonb_to_record(s.keys) AS r(${keyRecord})) y
       WHERE s.level = 'area' AND a.nation = $1 AND s.plan_lead = $2 AND s.perspective = $3 AND s.quarter_start BETWEEN $4 AND $5
       GROUP BY s.geo_code`,
      [nation, filters.lead ?? "all", filters.perspective ?? "all", filters.from, filters.to],
    );
    for (const row of rows) {
      byCode.set(row.code, {
        reports: row.reports,
        counts: Object.fromEntries(TABLE_KEYS.map((key, i) => [key, row[`c${i}`] ?? 0])),
        keys: Object.fromEntries(keyed.map((key, i) => [key, row[`k${i}`] ?? 0])),
      });
    }
  }
  return byCode;
}

// ---- Whole dashboard views ----
// Kept while the database is unchanged (db/unchanged.server.ts): one nation's table of councils
// is what every council page in it needs, and what costs PostgreSQL most. Callers only read them.

const keep = <T>(key: string, work: () => Promise<T>) => keptAnswers.get(`outcomes ${key}`, work);

/** A nation's table of councils, protected once for every page, download and API answer. */
function nationTable(nation: Nation, filters: OutcomeFilters): Promise<PlaceTable> {
  return keep(`table ${nation} ${JSON.stringify(filters)}`, async () => {
    const [places, ...wider] = await Promise.all([
      placeCountsFor(nation, filters),
      ...widerFilters(filters).map((w) => placeCountsFor(nation, w)),
    ]);
    return buildPlaceTable(nation, places, wider);
  });
}

export interface ComparedView {
  label: string;
  view: OutcomeView;
}

export interface PlaceDashboard {
  place: Place;
  view: OutcomeView;
  /** The same figures for the wider places it belongs to (region, nation). */
  comparisons: ComparedView[];
  /** The same place, split by who led the support plan. */
  byPlanLead: (ComparedView & { lead: keyof typeof PLAN_LEADS })[];
  /** For a region: its councils, as the national table shows them. */
  councils: PlaceRow[];
}

/**
 * Everything a council, region or nation page shows. The place's own total comes from the
 * nation's table of councils, so a council withheld there to protect a neighbour is withheld here.
 */
export function loadPlaceDashboard(place: Place, filters: OutcomeFilters): Promise<PlaceDashboard> {
  return keep(`place ${place.level} ${place.code} ${JSON.stringify(filters)}`, () =>
    workOutPlaceDashboard(place, filters),
  );
}

async function workOutPlaceDashboard(place: Place, filters: OutcomeFilters): Promise<PlaceDashboard> {
  const [views, byLead, table] = await Promise.all([
    loadPlaceViews(place, filters),
    quarterCountsByPlanLead(place, filters),
    nationTable(place.nation as Nation, filters),
  ]);
  const leadReasons = new Map(
    views.view.planLeads.categories.map((c) => [c.key, c.count.shown ? undefined : c.count.reason]),
  );
  return {
    ...views,
    byPlanLead: (Object.keys(PLAN_LEADS) as (keyof typeof PLAN_LEADS)[]).map((lead) => ({
      lead,
      label: PLAN_LEADS[lead],
      view: buildOutcomeView(byLead[lead], leadReasons.get(lead)),
    })),
    councils:
      place.level === "area" ? [] : table.places.filter((p) => place.level === "nation" || p.regionCode === place.code),
  };
}

/**
 * A place's figures and those of the wider places it belongs to (region, nation), without the
 * split by plan lead: what "Your options" asks for once per way of arranging support. The place's
 * own total comes from the nation's table, as on the dashboard.
 */
export async function loadPlaceViews(
  place: Place,
  filters: OutcomeFilters,
): Promise<Pick<PlaceDashboard, "place" | "view" | "comparisons">> {
  const [view, comparisons] = await Promise.all([
    placeView(place, filters),
    Promise.all(widerPlaces(place).map(async (w) => ({ label: w.name, view: await placeView(w, filters) }))),
  ]);
  return { place, view, comparisons };
}

/**
 * One place's figures, kept on their own: a region's or a nation's are the comparison on the
 * dashboard of every council in it, so they are worked out once for all of them, not once per
 * council (decision 052).
 */
function placeView(place: Place, filters: OutcomeFilters): Promise<OutcomeView> {
  return keep(`view ${place.level} ${place.code} ${JSON.stringify(filters)}`, async () => {
    const [table, quarters] = await Promise.all([
      nationTable(place.nation as Nation, filters),
      quarterCountsFor(place, filters),
    ]);
    return buildOutcomeView(quarters, withheldReasonOf(table, place));
  });
}

/** The wider places a place is compared with: its region, then its nation. */
function widerPlaces(place: Place): Place[] {
  const nation = place.nation as Nation;
  const wider: Place[] = [];
  // Scotland and Wales are each one region: their region and nation are the same figures.
  if (place.level === "area" && place.regionName !== nation) wider.push(regionOf(place));
  if (place.level !== "nation" && place.name !== nation) wider.push(nationPlace(nation));
  return wider;
}

/**
 * loadPlaceViews(place, { ...filters, arrangement }) for several arrangements at once, with the
 * very same figures, in four queries rather than about seven per arrangement: the nation's
 * councils and their unfiltered counts (as nationTable reads them), then every arrangement's
 * counts per council, and per quarter in the place and its wider places, each grouped by
 * arrangement in one pass over outcome_fact. The same functions then build the same tables and
 * views (and so apply the same disclosure control) as the dashboard. For "Your options".
 */
export function loadArrangementViews(
  place: Place,
  filters: OutcomeFilters,
  arrangements: readonly string[],
): Promise<Map<string, Pick<PlaceDashboard, "place" | "view" | "comparisons">>> {
  const base: OutcomeFilters = { ...filters, arrangement: null };
  const key = `arrangement views ${place.level} ${place.code} ${JSON.stringify(base)} ${arrangements.join(",")}`;
  return keep(key, async () => {
    // The views a filter on who reported needs; only the arrangement filter is batched here.
    if (base.perspective !== null || base.client !== null || base.lead !== null)
      throw new Error("loadArrangementViews takes filters on the period only");
    const nation = place.nation as Nation;
    const places = [place, ...widerPlaces(place)];
    const [everyone, byCouncil, byQuarter] = await Promise.all([
      placeCountsFor(nation, base),
      query<{ arrangement: string; code: string; key: string; n: number; k: number }>(
        `SELECT support_arrangement::text AS arrangement, area_code AS code, key, count(*)::int AS n, (sum(record_key) % 256)::int AS k
         FROM outcome_fact
         WHERE nation_code = $1 AND quarter_start BETWEEN $2 AND $3 AND key = ANY($4::text[])
           AND support_arrangement::text = ANY($5::text[])
         GROUP BY 1, 2, 3`,
        [nation, base.from, base.to, ["reports", ...TABLE_KEYS], arrangements],
      ),
      query<{ arrangement: string; place: number; quarter: string; key: string; n: number; k: number }>(
        places
          .map(
            (p, i) =>
              `SELECT support_arrangement::text AS arrangement, ${i} AS place, to_char(quarter_start, 'YYYY-MM-DD') AS quarter,
                      key, count(*)::int AS n, (sum(record_key) % 256)::int AS k
               FROM outcome_fact
               WHERE ${GEO_COLUMN[p.level]} = $${i + 4} AND quarter_start BETWEEN $2 AND $3
                 AND support_arrangement::text = ANY($1::text[])
               GROUP BY 1, 2, 3, 4`,
          )
          .join(" UNION ALL "),
        [arrangements, base.from, base.to, ...places.map((p) => p.code)],
      ),
    ]);
    const quarters = quartersBetween(base.from, base.to);
    const views = new Map<string, Pick<PlaceDashboard, "place" | "view" | "comparisons">>();
    for (const arrangement of arrangements) {
      const councils = new Map<string, WritableCounts>();
      for (const row of byCouncil) {
        if (row.arrangement !== arrangement) continue;
        const entry = councils.get(row.code) ?? emptyCounts();
        addFact(entry, row.key, row.n, row.k);
        councils.set(row.code, entry);
      }
      const table = buildPlaceTable(
        nation,
        everyone.map((council) => ({ ...council, ...(councils.get(council.code) ?? emptyCounts()) })),
        [everyone],
      );
      const placeViews = places.map((p, i) => {
        const found = new Map<string, WritableCounts & { quarterStart: string }>();
        for (const row of byQuarter) {
          if (row.arrangement !== arrangement || row.place !== i) continue;
          const entry = found.get(row.quarter) ?? { quarterStart: row.quarter, ...emptyCounts() };
          addFact(entry, row.key, row.n, row.k);
          found.set(row.quarter, entry);
        }
        const counts = quarters.map((quarter) => found.get(quarter) ?? { quarterStart: quarter, ...emptyCounts() });
        return buildOutcomeView(counts, withheldReasonOf(table, p));
      });
      views.set(arrangement, {
        place,
        view: placeViews[0] as OutcomeView,
        comparisons: places.slice(1).map((p, i) => ({ label: p.name, view: placeViews[i + 1] as OutcomeView })),
      });
    }
    return views;
  });
}

function withheldReasonOf(table: PlaceTable, place: Pick<Place, "level" | "code">): WithheldReason | undefined {
  const figure =
    place.level === "area"
      ? table.places.find((p) => p.code === place.code)?.reports
      : place.level === "region"
        ? table.regions.find((r) => r.code === place.code)?.reports
        : table.reports;
  return figure && !figure.shown ? figure.reason : undefined;
}

export interface NationOverview {
  nation: Nation;
  view: OutcomeView;
  table: PlaceTable;
}

/** The national overview: each nation's headline figures and its table of councils. */
export function loadOverview(filters: OutcomeFilters): Promise<NationOverview[]> {
  return keep(`overview ${JSON.stringify(filters)}`, () =>
    Promise.all(
      NATIONS.map(async (nation) => {
        const [table, quarters] = await Promise.all([
          nationTable(nation, filters),
          quarterCountsFor(nationPlace(nation), filters),
        ]);
        return {
          nation,
          table,
          view: buildOutcomeView(quarters, table.reports.shown ? undefined : table.reports.reason),
        };
      }),
    ),
  );
}

/** The first quarter any report describes (first day), or null before the first report. */
export function firstReportedQuarter(): Promise<string | null> {
  return keep("first quarter", async () => {
    const [row] = await query<{ first: string | null }>(
      `SELECT to_char(min(quarter_start), 'YYYY-MM-DD') AS first FROM outcome_summary WHERE level = 'nation' AND reports > 0`,
    );
    return row?.first ?? null;
  });
}
