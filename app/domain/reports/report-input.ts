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

export function stepSchemas(today: Date) {
  const allowed = new Set(recentQuarters(today, 40).map((q) => q.value));
  return {
    where: z.object({
      council: z.string().trim().min(1, "Enter the council that funds or arranges the support"),
      quarter: z
        .string()
        .refine((value) => parseQuarter(value) !== null, "Choose the quarter your answers describe")
        .refine(
          (value) => allowed.has(value) || parseQuarter(value) === null,
          "The quarter cannot be in the future or more than 10 years ago",
        ),
    }),
    who: z.object({
      perspective: choice(PERSPECTIVES, "Choose who is answering"),
      clientGroup: choice(CLIENT_GROUPS, "Choose whose support this is about"),
    }),
    support: z.object({
      supportArrangement: choice(SUPPORT_ARRANGEMENTS, "Choose how the support is arranged today"),
      planLead: choice(PLAN_LEADS, "Choose who led the support plan"),
    }),
    budget: z.object({
      budgetChange: choice(BUDGET_CHANGES, "Choose what happened to the budget at the last review"),
      ease: optionalChoice(EASE, "Choose how easy it was to get the budget"),
      weeksToSupport: optionalNumber("Weeks to support starting", 0, 520, "weeks"),
      budgetCoverage: optionalChoice(BUDGET_COVERAGE, "Choose whether the budget covers the plan"),
    }),
    money: z.object({
      hourlyRate: optionalNumber("The hourly rate", 5, 100, "£"),
      paidHours: optionalNumber("Hours of paid support", 0, 168, "hours a week"),
      unpaidHours: optionalNumber("Hours of unpaid care", 0, 168, "hours a week"),
    }),
    comment: z.object({
      comment: z.string().trim().max(2_000, "Keep your comment to 2,000 characters or fewer").optional(),
    }),
  };
}

export type StepName = "where" | "who" | "support" | "budget" | "money" | "outcomes" | "comment";
export const STEPS: StepName[] = ["where", "who", "support", "budget", "money", "outcomes", "comment"];

export function outcomeDomainsFor(perspective: string | undefined) {
  return perspective === "carer" ? [...OUTCOME_DOMAINS, ...CARER_OUTCOME_DOMAINS] : [...OUTCOME_DOMAINS];
}

/** Every outcome needs an answer ("not relevant" is one). Returns errors keyed by field name. */
export function outcomeErrors(
  answers: Record<string, string | undefined>,
  perspective: string | undefined,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const domain of outcomeDomainsFor(perspective)) {
    const value = answers[`outcome-${domain.slug}`];
    if (!value || !(value in OUTCOME_RATINGS)) {
      errors[`outcome-${domain.slug}`] = `Choose how “${domain.label}” has changed, or “Not relevant”`;
    }
  }
  return errors;
}

export { BUDGET_CHANGES, CLIENT_GROUPS, OUTCOME_RATINGS, PERSPECTIVES, PLAN_LEADS, SUPPORT_ARRANGEMENTS };
