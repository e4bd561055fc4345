// Dashboard figures as flat rows for the CSV download: one figure per row, a withheld figure
// written as the words that stand for it ("fewer than 5"), never as a number.
import { WITHHELD_TEXT, type Figure, type NetScore, type Share } from "./figures";
import type { Breakdown, OutcomeView, Spread } from "./outcome-view";
import type { PlaceRow, PlaceTable } from "./places";

export const TIDY_COLUMNS = [
  "place_code",
  "place",
  "section",
  "measure",
  "category",
  "value",
  "interval_low",
  "interval_high",
  "unit",
] as const;
export type TidyRow = Record<(typeof TIDY_COLUMNS)[number], string>;

function cell<T>(figure: Figure<T>, pick: (value: T) => [string, string, string]): [string, string, string] {
  return figure.shown ? pick(figure.value) : [WITHHELD_TEXT[figure.reason], "", ""];
}

const count = (figure: Figure<number>) => cell(figure, (value) => [String(value), "", ""]);
const share = (figure: Figure<Share>) =>
  cell(figure, (value) => [String(value.percent), String(value.low), String(value.high)]);
const net = (figure: Figure<NetScore>) =>
  cell(figure, (value) => [String(value.score), String(value.low), String(value.high)]);

export interface PlaceName {
  code: string;
  name: string;
}

function row(
  place: PlaceName,
  section: string,
  measure: string,
  category: string,
  [value, low, high]: [string, string, string],
  unit: string,
): TidyRow {
  return {
    place_code: place.code,
    place: place.name,
    section,
    measure,
    category,
    value,
    interval_low: low,
    interval_high: high,
    unit,
  };
}

function breakdownRows(place: PlaceName, section: string, breakdown: Breakdown): TidyRow[] {
  return breakdown.categories.flatMap((c) => [
    row(place, section, "reports", c.label, count(c.count), "reports (rounded to 5)"),
    row(place, section, "share", c.label, share(c.share), "percent of reports"),
  ]);
}

function spreadRows(place: PlaceName, measure: string, figure: Figure<Spread>, unit: string): TidyRow[] {
  const part = (pick: (s: Spread) => number) => cell(figure, (value) => [String(pick(value)), "", ""]);
  return [
    row(
      place,
      "money and hours",
      measure,
      "median",
      part((s) => s.median),
      unit,
    ),
    row(
      place,
      "money and hours",
      measure,
      "lower quartile",
      part((s) => s.lowerQuartile),
      unit,
    ),
    row(
      place,
      "money and hours",
      measure,
      "upper quartile",
      part((s) => s.upperQuartile),
      unit,
    ),
    row(
      place,
      "money and hours",
      measure,
      "values",
      part((s) => s.values),
      "values (rounded to 5)",
    ),
  ];
}

export function outcomeViewRows(place: PlaceName, view: OutcomeView): TidyRow[] {
  return [
    row(place, "reports", "reports", "all", count(view.reports), "reports (rounded to 5)"),
    ...view.trend.flatMap((q) => [
      row(place, "trend", "reports", q.label, count(q.reports), "reports (rounded to 5)"),
      row(place, "trend", "net score: quality of life", q.label, net(q.qualityOfLife), "percentage points"),
    ]),
    ...view.domains.flatMap((d) => [
      row(place, "outcomes", "net score", d.label, net(d.net), "percentage points"),
      ...d.ratings.map((r) =>
        row(place, "outcomes", `share: ${d.label}`, r.label, share(r.share), "percent of those it applied to"),
      ),
      row(
        place,
        "outcomes",
        `share: ${d.label}`,
        d.notRelevant.label,
        share(d.notRelevant.share),
        "percent of respondents",
      ),
    ]),
    ...breakdownRows(place, "support arrangement", view.supportArrangements),
    ...breakdownRows(place, "who led the plan", view.planLeads),
    ...breakdownRows(place, "budget change at last review", view.budgetChanges),
    ...spreadRows(place, "hourly rate", view.hourlyRate, "pence an hour"),
    ...spreadRows(place, "paid hours", view.paidHours, "hours a week"),
    ...spreadRows(place, "unpaid hours", view.unpaidHours, "hours a week"),
  ];
}

export function placeTableRows(table: PlaceTable): TidyRow[] {
  return [
    row(
      { code: table.nation, name: table.nation },
      "councils",
      "reports",
      "all",
      count(table.reports),
      "reports (rounded to 5)",
    ),
    ...table.regions.map((r) => row(r, "councils", "reports", "all", count(r.reports), "reports (rounded to 5)")),
    ...table.places.flatMap(councilRows),
  ];
}

export function councilRows(council: PlaceRow): TidyRow[] {
  return [
    row(council, "councils", "reports", "all", count(council.reports), "reports (rounded to 5)"),
    row(council, "councils", "net score", "Quality of life overall", net(council.qualityOfLife), "percentage points"),
    row(council, "councils", "share", "Self-led plans", share(council.selfLed), "percent of reports"),
  ];
}
