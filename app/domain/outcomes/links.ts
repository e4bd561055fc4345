// Links between the figures and the stories behind them. A figure's page links to the stories
// about the same place, with the filters both pages know (perspective, kind of support, year); a
// story list filtered by one council or region links to that place's figures with the same
// filters. Each facet is written once, with one value, so the links read the same whether the
// story search takes one value per facet or several.
import { regionWithArticle } from "../geography";
import { PERSPECTIVES, SUPPORT_ARRANGEMENTS } from "../taxonomy";
import { defaultPeriod, EARLIEST_QUARTER, type OutcomeFilters } from "./outcome-filters";
import { quarterCode, quarterStartFromCode } from "./quarters";

export interface OutcomePlace {
  level: "area" | "region" | "nation";
  code: string;
  name: string;
}

export interface PlaceLink {
  href: string;
  text: string;
}

const GSS_CODE = /^[ENSW]\d{8}$/;

/**
 * The stories behind a view's figures: "/stories?council=E06000001&perspective=carer&year=2025".
 * Stories are dated by the year they were published, so the year is given only for a period
 * within one year; client group and plan lead are not facets of the story search.
 */
export function storiesForFigures(place: OutcomePlace | null, filters: OutcomeFilters): PlaceLink {
  const params = new URLSearchParams();
  if (place?.level === "area") params.set("council", place.code);
  if (place?.level === "region") params.set("region", place.code);
  if (filters.perspective) params.set("perspective", filters.perspective);
  if (filters.arrangement) params.set("arrangement", filters.arrangement);
  const year = filters.from.slice(0, 4);
  if (year === filters.to.slice(0, 4)) params.set("year", year);
  const query = params.toString();
  const about = !place ? "" : place.level === "area" ? place.name : regionWithArticle(place.name);
  return { href: query ? `/stories?${query}` : "/stories", text: `Read the stories${about ? ` about ${about}` : ""}` };
}

/** A filter's name as the story page has it: one name, or a list holding one (a search by several has none here). */
function nameOf(names: unknown): string | null {
  const list = Array.isArray(names) ? names : [names];
  return list.length === 1 && typeof list[0] === "string" ? list[0] : null;
}

/** The one value of a facet, or null when it has none or several. */
function single(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name).filter((value) => value.trim() !== "");
  return values.length === 1 ? (values[0]?.trim() ?? null) : null;
}

/**
 * The figures for a story list filtered by one council or one region, with the same perspective,
 * kind of support and year where the dashboard has them; null for any other list. `names` are the
 * council's and region's names as the story page shows them.
 */
export function figuresForStories(
  params: URLSearchParams,
  names: { council?: unknown; region?: unknown },
  today: Date,
): PlaceLink | null {
  const council = single(params, "council");
  const region = single(params, "region");
  let path: string;
  let where: string;
  if (council && GSS_CODE.test(council) && !params.getAll("region").some(Boolean)) {
    path = `/outcomes/${council}`;
    where = nameOf(names.council) ?? council;
  } else if (region && GSS_CODE.test(region) && !params.getAll("council").some(Boolean)) {
    path = `/outcomes/region/${region}`;
    const name = nameOf(names.region);
    where = name ? regionWithArticle(name) : region;
  } else return null;
  const query = new URLSearchParams();
  const latest = defaultPeriod(today).to;
  const year = single(params, "year");
  const first = year && /^\d{4}$/.test(year) ? quarterStartFromCode(`${year}-Q1`) : null;
  if (first && first >= EARLIEST_QUARTER && first <= latest) {
    const last = quarterStartFromCode(`${year}-Q4`) ?? latest;
    query.set("from", quarterCode(first));
    query.set("to", quarterCode(last < latest ? last : latest));
  }
  const perspective = single(params, "perspective");
  if (perspective && Object.hasOwn(PERSPECTIVES, perspective)) query.set("perspective", perspective);
  const arrangement = single(params, "arrangement");
  if (arrangement && Object.hasOwn(SUPPORT_ARRANGEMENTS, arrangement)) query.set("arrangement", arrangement);
  const text = query.toString();
  return {
    href: text ? `${path}?${text}` : path,
    text: `See what experience reports about ${where} add up to`,
  };
}

export interface Breadcrumb {
  href: string;
  label: string;
}

/**
 * The trail above a council's or region's page: Outcomes, its nation, then (for a council in
 * England) its region. Wales and Scotland are each one region, so a Welsh council's trail reads
 * Outcomes, Wales. `query` is the view's filters, kept on every link.
 */
export function outcomeBreadcrumbs(
  heading: { level: "area" | "region" | "nation"; regionCode: string; regionName: string; nation: string },
  query: string,
): Breadcrumb[] {
  const withQuery = (path: string, extra?: [string, string]) => {
    const params = new URLSearchParams(query);
    if (extra) params.set(...extra);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  const crumbs: Breadcrumb[] = [{ href: withQuery("/outcomes"), label: "Outcomes" }];
  const nationIsRegion = heading.regionName === heading.nation;
  if (heading.level === "area" && nationIsRegion)
    crumbs.push({ href: withQuery(`/outcomes/region/${heading.regionCode}`), label: heading.nation });
  if (!nationIsRegion) crumbs.push({ href: withQuery("/outcomes", ["nation", heading.nation]), label: heading.nation });
  if (heading.level === "area" && !nationIsRegion)
    crumbs.push({ href: withQuery(`/outcomes/region/${heading.regionCode}`), label: heading.regionName });
  return crumbs;
}
