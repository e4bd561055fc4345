// The slice a dashboard view shows, read from its address (GET parameters), so every view can be
// shared as a link: /outcomes/E06000001?from=2025-Q1&to=2025-Q4&lead=self_led
import { CLIENT_GROUPS, PERSPECTIVES, PLAN_LEADS, SUPPORT_ARRANGEMENTS } from "../taxonomy";
import { addQuarters, quarterCode, quarterContaining, quarterStartFromCode } from "./quarters";

export interface OutcomeFilters {
  /** First day of the first and last quarters, both included. */
  from: string;
  to: string;
  perspective: keyof typeof PERSPECTIVES | null;
  arrangement: keyof typeof SUPPORT_ARRANGEMENTS | null;
  client: keyof typeof CLIENT_GROUPS | null;
  lead: keyof typeof PLAN_LEADS | null;
}

export type OutcomeFilterField = keyof OutcomeFilters;
export const OUTCOME_FILTER_FIELDS: readonly OutcomeFilterField[] = [
  "from",
  "to",
  "perspective",
  "arrangement",
  "client",
  "lead",
];

/** Reports describe quarters from 2015 on; a period longer than 5 years is not one view. */
export const EARLIEST_QUARTER = "2015-01-01";
export const LONGEST_PERIOD_IN_QUARTERS = 20;
export const DEFAULT_PERIOD_IN_QUARTERS = 12;

export type ParsedOutcomeFilters =
  | { ok: true; filters: OutcomeFilters }
  | {
      ok: false;
      errors: Partial<Record<OutcomeFilterField, string>>;
      values: Partial<Record<OutcomeFilterField, string>>;
    };

/** The filters chosen from a list: each one's answers and what to say when the address holds another. */
export const OUTCOME_FILTER_CHOICES = {
  perspective: { options: PERSPECTIVES, message: "Choose a perspective from the list" },
  arrangement: { options: SUPPORT_ARRANGEMENTS, message: "Choose a kind of support from the list" },
  client: { options: CLIENT_GROUPS, message: "Choose a group of people from the list" },
  lead: { options: PLAN_LEADS, message: "Choose who led the plan from the list" },
} as const;

/** The last 12 quarters, up to the one we are in. */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const to = quarterContaining(today);
  return { from: addQuarters(to, 1 - DEFAULT_PERIOD_IN_QUARTERS), to };
}

export function parseOutcomeFilters(params: URLSearchParams, today: Date): ParsedOutcomeFilters {
  const values: Partial<Record<OutcomeFilterField, string>> = {};
  for (const field of OUTCOME_FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) values[field] = value.slice(0, 40);
  }
  const errors: Partial<Record<OutcomeFilterField, string>> = {};
  const period = defaultPeriod(today);
  const latest = period.to;

  const readQuarter = (field: "from" | "to", fallback: string) => {
    const raw = values[field];
    if (!raw) return fallback;
    const start = quarterStartFromCode(raw);
    if (!start) errors[field] = `Enter the ${field === "from" ? "first" : "last"} quarter like 2025-Q1`;
    else if (start < EARLIEST_QUARTER) errors[field] = `Enter a quarter from ${quarterCode(EARLIEST_QUARTER)} onwards`;
    else if (start > latest)
      errors[field] = `Enter a quarter no later than ${quarterCode(latest)}, the current quarter`;
    return start ?? fallback;
  };
  const to = readQuarter("to", latest);
  const from = readQuarter("from", values.to ? addQuarters(to, 1 - DEFAULT_PERIOD_IN_QUARTERS) : period.from);
  if (!errors.from && !errors.to) {
    if (from > to) errors.from = "The first quarter must not be after the last quarter";
    else if (addQuarters(from, LONGEST_PERIOD_IN_QUARTERS) <= to)
      errors.from = `Choose a period of at most ${LONGEST_PERIOD_IN_QUARTERS} quarters (5 years)`;
  }

  const choose = <F extends keyof typeof OUTCOME_FILTER_CHOICES>(
    field: F,
  ): keyof (typeof OUTCOME_FILTER_CHOICES)[F]["options"] | null => {
    const raw = values[field];
    if (!raw) return null;
    if (Object.hasOwn(OUTCOME_FILTER_CHOICES[field].options, raw))
      return raw as keyof (typeof OUTCOME_FILTER_CHOICES)[F]["options"];
    errors[field] = OUTCOME_FILTER_CHOICES[field].message;
    return null;
  };
  const filters: OutcomeFilters = {
    from,
    to,
    perspective: choose("perspective"),
    arrangement: choose("arrangement"),
    client: choose("client"),
    lead: choose("lead"),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, filters };
}

/** The address form of a slice, leaving out what is the default. */
export function outcomeFilterParams(filters: OutcomeFilters, today: Date): URLSearchParams {
  const params = new URLSearchParams();
  const period = defaultPeriod(today);
  if (filters.from !== period.from || filters.to !== period.to) {
    params.set("from", quarterCode(filters.from));
    params.set("to", quarterCode(filters.to));
  }
  for (const field of ["perspective", "arrangement", "client", "lead"] as const) {
    const value = filters[field];
    if (value) params.set(field, value);
  }
  return params;
}

/**
 * Filters on the kind of support or the group of people need every report; place, period, plan
 * lead and the reporter's perspective are pre-counted (the outcome summary).
 */
export function needsEveryReport(filters: OutcomeFilters): boolean {
  return filters.arrangement !== null || filters.client !== null;
}

/**
 * The views a filtered view is part of: the same filters with one filter on who reported taken
 * off. Disclosure control compares a view with each, so that no difference counts a small group.
 */
export function widerFilters(filters: OutcomeFilters): OutcomeFilters[] {
  return (["perspective", "arrangement", "client", "lead"] as const)
    .filter((field) => filters[field] !== null)
    .map((field) => ({ ...filters, [field]: null }));
}
