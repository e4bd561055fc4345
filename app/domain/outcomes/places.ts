// The table of councils in a nation. Council, region and nation totals are linked (they add up),
// so they are protected together, once for the whole nation: every page that shows a council or
// region figure reads it from this one table, and no page withholds less than another.
import { compareNames } from "../en-gb";
import { PLAN_LEADS } from "../taxonomy";
import { addCells, EMPTY_CELL, type Cell } from "./cell-key";
import { protectCounts, smallComplement, type TotalRelation } from "./disclosure";
import { withheld, type Figure, type NetScore, type Share, type WithheldReason } from "./figures";
import { buildBreakdown, buildDomain, cellAt, QUALITY_OF_LIFE, type SliceCounts } from "./outcome-view";

/** A council's reports over the period, keyed as QuarterCounts keys them, with their cell keys. */
export interface PlaceCounts extends SliceCounts {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export interface PlaceRow {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  reports: Figure<number>;
  qualityOfLife: Figure<NetScore>;
  selfLed: Figure<Share>;
}

export interface RegionRow {
  code: string;
  name: string;
  reports: Figure<number>;
}

export interface PlaceTable {
  nation: string;
  reports: Figure<number>;
  regions: RegionRow[];
  places: PlaceRow[];
}

const QUALITY_OF_LIFE_DOMAIN = { slug: QUALITY_OF_LIFE, label: "Quality of life overall" };

/**
 * `parents` are the same nation's counts with one filter on who reported taken off (none for an
 * unfiltered table). A council, region or nation whose reports outside the filter number 1 to 4
 * is withheld here, so that the wider table minus this one cannot give a small group back.
 */
export function buildPlaceTable(
  nation: string,
  places: readonly PlaceCounts[],
  parents: readonly (readonly PlaceCounts[])[] = [],
): PlaceTable {
  const regions = new Map<string, { name: string; members: string[]; reports: Cell }>();
  const counts = new Map<string, Cell>();
  let nationTotal = EMPTY_CELL;
  for (const place of places) {
    const region = regions.get(place.regionCode) ?? { name: place.regionName, members: [], reports: EMPTY_CELL };
    const reports = cellAt(place, "reports");
    region.members.push(`place:${place.code}`);
    region.reports = addCells(region.reports, reports);
    regions.set(place.regionCode, region);
    counts.set(`place:${place.code}`, reports);
    nationTotal = addCells(nationTotal, reports);
  }
  for (const [code, region] of regions) counts.set(`region:${code}`, region.reports);
  counts.set("nation", nationTotal);
  const relations: TotalRelation[] = [
    { total: "nation", members: [...regions.keys()].map((code) => `region:${code}`) },
    ...[...regions].map(([code, region]) => ({ total: `region:${code}`, members: region.members })),
  ];
  const alreadyWithheld = new Map<string, WithheldReason>();
  for (const parent of parents) {
    const wider = totalsById(parent);
    for (const [id, cell] of counts) {
      if (smallComplement(cell.count, wider.get(id) ?? 0)) alreadyWithheld.set(id, "secondary");
    }
  }
  const figures = protectCounts(counts, relations, alreadyWithheld);
  const figure = (id: string) => figures.get(id) ?? withheld<number>("fewer-than-5");
  return {
    nation,
    reports: figure("nation"),
    regions: [...regions].map(([code, region]) => ({ code, name: region.name, reports: figure(`region:${code}`) })),
    places: places.map((place) => {
      const reports = figure(`place:${place.code}`);
      const reason = reports.shown ? undefined : reports.reason;
      // The same figures the council's own page shows, built the same way.
      const selfLed = buildBreakdown(place, "lead", PLAN_LEADS, reason).categories.find((c) => c.key === "self_led");
      return {
        code: place.code,
        name: place.name,
        regionCode: place.regionCode,
        regionName: place.regionName,
        reports,
        qualityOfLife: buildDomain(place, QUALITY_OF_LIFE_DOMAIN, false, reason).net,
        selfLed: selfLed?.share ?? withheld("fewer-than-5"),
      };
    }),
  };
}

/** Each council's, region's and the nation's report total, by the ids the table protects. */
function totalsById(places: readonly PlaceCounts[]): Map<string, number> {
  const totals = new Map<string, number>([["nation", 0]]);
  const add = (id: string, n: number) => totals.set(id, (totals.get(id) ?? 0) + n);
  for (const place of places) {
    add(`place:${place.code}`, place.reports);
    add(`region:${place.regionCode}`, place.reports);
    add("nation", place.reports);
  }
  return totals;
}

export type PlaceSort = "name" | "reports" | "quality" | "selfled";

/**
 * Orders the table by a column. Withheld figures have no value to order by, so they always come
 * last, whichever the direction; ties keep alphabetical order.
 */
export function sortPlaceRows(rows: readonly PlaceRow[], by: PlaceSort, descending: boolean): PlaceRow[] {
  const byName = [...rows].sort((a, b) => compareNames(a.name, b.name));
  if (by === "name") return descending ? byName.reverse() : byName;
  const valueOf = (row: PlaceRow): number | null => {
    const figure = by === "reports" ? row.reports : by === "quality" ? row.qualityOfLife : row.selfLed;
    if (!figure.shown) return null;
    const value = figure.value;
    return typeof value === "number" ? value : "score" in value ? value.score : value.percent;
  };
  return byName
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      return (descending ? b.value - a.value : a.value - b.value) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** What the table of councils shows: those matching the name typed, with figures unless all are asked for. */
export interface CouncilTableView {
  rows: PlaceRow[];
  /** Councils matching the name whose figures are withheld, left out unless all are asked for. */
  hidden: number;
  /** Councils matching the name, shown or not. */
  matching: number;
}

/** Lower case, without accents or punctuation, so "ynys mon" finds "Ynys Môn" and "st helens" "St. Helens". */
function nameKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Narrows the table to councils whose name contains the words typed, and leaves out councils with
 * too few reports to show figures (withheld for any reason) unless `all`: most of the 207 councils
 * have fewer than 5 reports in any period, and a table of "fewer than 5" rows hides the rest.
 */
export function councilTableView(rows: readonly PlaceRow[], name: string, all: boolean): CouncilTableView {
  const wanted = nameKey(name);
  const matching = wanted ? rows.filter((row) => nameKey(row.name).includes(wanted)) : [...rows];
  const shownRows = all ? matching : matching.filter((row) => row.reports.shown);
  return { rows: shownRows, hidden: matching.length - shownRows.length, matching: matching.length };
}
