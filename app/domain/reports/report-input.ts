// The experience report: the structured, countable part of a story (docs/architecture.md, "The domain").
// Each step of the form checks its own answers; the whole report is checked again on submit.
import { z } from "zod";

import {
  BUDGET_CHANGES,
  CARER_OUTCOME_DOMAINS,
  CLIENT_GROUPS,
  OUTCOME_DOMAINS,
  OUTCOME_RATINGS,
  PERSPECTIVES,
  PLAN_LEADS,
  SUPPORT_ARRANGEMENTS,
} from "../taxonomy";

const keys = <T extends object>(record: T) => Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

export const EASE = {
  very_easy: "Very easy",
  easy: "Easy",
  neither: "Neither easy nor hard",
  hard: "Hard",
  very_hard: "Very hard",
} as const;

export const BUDGET_COVERAGE = {
  fully: "Fully",
  partly: "Partly",
  not_at_all: "Not at all",
} as const;

/** Arrangements with no paid hourly support to ask about. */
export const NO_PAID_SUPPORT = new Set(["family_only", "waiting", "care_home"]);

/** Arrangements with no budget yet: nothing to ask about a review, getting it or what it covers. */
export const NO_BUDGET_YET = new Set(["waiting"]);

// ---- Quarters ----

export interface Quarter {
  value: string; // "2026-Q3"
  label: string; // "July to September 2026"
  start: string; // "2026-07-01"
}

const QUARTER_LABELS = ["January to March", "April to June", "July to September", "October to December"];

export function quarterOf(date: Date): Quarter {
  const year = date.getUTCFullYear();
  const q = Math.floor(date.getUTCMonth() / 3);
  return {
    value: `${year}-Q${q + 1}`,
    label: `${QUARTER_LABELS[q]} ${year}`,
    start: `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`,
  };
}

/** The current quarter and the eleven before it, newest first. */
export function recentQuarters(today: Date, count = 12): Quarter[] {
  const quarters: Quarter[] = [];
  let year = today.getUTCFullYear();
  let month = Math.floor(today.getUTCMonth() / 3) * 3;
  for (let i = 0; i < count; i++) {
    quarters.push(quarterOf(new Date(Date.UTC(year, month, 1))));
    month -= 3;
    if (month < 0) {
      month += 12;
      year -= 1;
    }
  }
  return quarters;
}

export function parseQuarter(value: string): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!match) return null;
  return quarterOf(new Date(Date.UTC(Number(match[1]), (Number(match[2]) - 1) * 3, 1)));
}

// ---- The month asked (a GOV.UK date input without the day) ----

/** The earliest year a report may describe. */
export const EARLIEST_YEAR = 2015;

const MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "August 2026" */
export function monthLabel(month: number, year: number): string {
  return MONTH_YEAR.format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * The month and year typed, checked: a whole month 1–12, a four-digit year, not after this month
 * and not before January 2015. Messages are keyed by the box they are about (the first box for
 * the pair), so the error summary links to it; what was typed is kept by the caller.
 */
export function checkPeriod(
  monthText: string | undefined,
  yearText: string | undefined,
  today: Date,
): { month: number; year: number } | { errors: Record<string, string> } {
  const monthTyped = (monthText ?? "").trim();
  const yearTyped = (yearText ?? "").trim();
  if (monthTyped === "" && yearTyped === "") return { errors: { periodMonth: "Enter the month and year" } };
  if (monthTyped === "") return { errors: { periodMonth: "The date must include a month" } };
  if (yearTyped === "") return { errors: { periodYear: "The date must include a year" } };
  const errors: Record<string, string> = {};
  const month = /^\d{1,2}$/.test(monthTyped) ? Number(monthTyped) : NaN;
  const year = /^\d{4}$/.test(yearTyped) ? Number(yearTyped) : NaN;
  if (!(month >= 1 && month <= 12)) errors.periodMonth = "The month must be a number from 1 to 12";
  if (Number.isNaN(year)) errors.periodYear = "The year must be 4 numbers, like 2026";
  if (Object.keys(errors).length > 0) return { errors };
  const thisMonth = today.getUTCFullYear() * 12 + today.getUTCMonth();
  if (year * 12 + month - 1 > thisMonth) return { errors: { periodMonth: "The month cannot be in the future" } };
  if (year < EARLIEST_YEAR) return { errors: { periodYear: `The year must be ${EARLIEST_YEAR} or later` } };
  return { month, year };
}

/** The quarter a month falls in: reports are kept and counted by quarter, never by month. */
export function quarterOfMonth(month: number, year: number): Quarter {
  return quarterOf(new Date(Date.UTC(year, month - 1, 1)));
}

// ---- Answers ----

const optionalNumber = (label: string, min: number, max: number, unit: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = (value ?? "").replace(/[£,\s]/g, "");
      if (text === "") return null;
      const number = Number(text);
      if (!Number.isFinite(number)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a number, like ${min === 5 ? "12.50" : "10"}` });
        return z.NEVER;
      }
      if (number < min || number > max) {
        ctx.addIssue({
          code: "custom",
          message: `${label} must be between ${unit === "£" ? `£${min}` : min} and ${unit === "£" ? `£${max}` : `${max} ${unit}`}`,
        });
        return z.NEVER;
      }
      return number;
    });

const choice = <T extends object>(record: T, message: string) =>
  z.enum(keys(record), { errorMap: () => ({ message }) });

/** An optional question left unanswered arrives as "" from the form. */
const optionalChoice = <T extends object>(record: T, message: string) =>
  z.preprocess((value) => (value === "" ? undefined : value), choice(record, message).optional());

/** Each question's check, by field name (the outcomes and the month are checked on their own). */
export const FIELD_SCHEMAS = {
  council: z.string().trim().min(1, "Enter the council that funds or arranges the support"),
  perspective: choice(PERSPECTIVES, "Choose who is answering"),
  clientGroup: choice(CLIENT_GROUPS, "Choose the main reason for support"),
  supportArrangement: choice(SUPPORT_ARRANGEMENTS, "Choose how the support is arranged today"),
  planLead: choice(PLAN_LEADS, "Choose who led the support plan"),
  budgetChange: choice(BUDGET_CHANGES, "Choose what happened to the budget at the last review"),
  ease: optionalChoice(EASE, "Choose how easy it was to get the budget"),
  weeksToSupport: optionalNumber("Weeks to support starting", 0, 520, "weeks"),
  budgetCoverage: optionalChoice(BUDGET_COVERAGE, "Choose whether the budget covers the plan"),
  hourlyRate: optionalNumber("The hourly rate", 5, 100, "£"),
  paidHours: optionalNumber("Hours of paid support", 0, 168, "hours a week"),
  unpaidHours: optionalNumber("Hours of unpaid care", 0, 168, "hours a week"),
  comment: z.string().trim().max(2_000, "Keep your comment to 2,000 characters or fewer").optional(),
};

/** A number answer as saved: null when left empty (call only on answers already checked). */
export function numberAnswer(field: "weeksToSupport" | "hourlyRate" | "paidHours" | "unpaidHours", value?: string) {
  const parsed = FIELD_SCHEMAS[field].safeParse(value ?? "");
  return parsed.success ? parsed.data : null;
}

export function outcomeDomainsFor(perspective: string | undefined) {
  return perspective === "carer" ? [...OUTCOME_DOMAINS, ...CARER_OUTCOME_DOMAINS] : [...OUTCOME_DOMAINS];
}

/** An area of life as the member is asked it: their own wording, or about the person they report for. */
export function outcomeLabel(domain: { label: string; theirs?: string }, aboutThem: boolean): string {
  return aboutThem ? (domain.theirs ?? domain.label) : domain.label;
}

/** Every outcome asked needs an answer ("not relevant" is one): the message when it has none. */
export function outcomeError(value: string | undefined, label: string): string | null {
  return value && value in OUTCOME_RATINGS ? null : `Choose how “${label}” has changed, or “Not relevant”`;
}

export { BUDGET_CHANGES, CLIENT_GROUPS, OUTCOME_RATINGS, PERSPECTIVES, PLAN_LEADS, SUPPORT_ARRANGEMENTS };
