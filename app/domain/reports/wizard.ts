// The experience report's wizard as a step machine on GOV.UK's patterns (docs/experience-reports.md):
// one question a page, questions that follow from earlier answers (and answers dropped when a
// changed answer makes them irrelevant), wording about "you" or "them", a check-your-answers page
// whose Change links come back to it, and carrying the answers between requests in a hidden field
// (decision 014). Pure: the route reads the form, calls advance(), and answers with what it returns
// (app/routes/reports.new.tsx).
import {
  applyRedactIntent,
  encodeSeen,
  type Located,
  locateFindings,
  parseRedactIntent,
  parseSeen,
  unseenFindings,
} from "../anonymity/redaction";
import type { FieldErrors } from "../forms";
import { CARER_OUTCOME_DOMAINS, OUTCOME_DOMAINS } from "../taxonomy";
import {
  BUDGET_CHANGES,
  BUDGET_COVERAGE,
  checkPeriod,
  CLIENT_GROUPS,
  EASE,
  FIELD_SCHEMAS,
  monthLabel,
  NO_BUDGET_YET,
  NO_PAID_SUPPORT,
  numberAnswer,
  OUTCOME_RATINGS,
  outcomeError,
  outcomeLabel,
  PERSPECTIVES,
  PLAN_LEADS,
  quarterOfMonth,
  SUPPORT_ARRANGEMENTS,
} from "./report-input";

/** Every answer so far, by field name, as typed (the form's own names). */
export type Answers = Record<string, string>;

/** A question step's name (its field's name when it asks one), or "check" (check your answers). */
export type WizardStep = string;

export interface WizardContext {
  /** Today, for the months that may be chosen. */
  today: Date;
  /** Whether a council name or code typed in the council box is one we know. */
  isCouncil: (typed: string) => boolean;
}

/** What the form sent: the carried answers (JSON), the step it was on, the button pressed, the step's fields. */
export type WizardForm = Partial<Record<string, string>>;

export type CommentFinding = Located<"comment">;

/** A step to show: its answers, its errors (if any) and the identifying details found in the comment. */
export interface ShownStep {
  kind: "show";
  step: WizardStep;
  answers: Answers;
  errors: FieldErrors;
  findings: CommentFinding[];
  /** Reached by a Change link: Continue goes back to check your answers (after any new question). */
  returning: boolean;
  status: 200 | 400;
}

/** Every step answered and checked: the report, ready to save once the council (as typed) is looked up. */
export interface CompleteReport {
  kind: "complete";
  answers: Answers;
  council: string;
  /** The member's own report these answers change, or null for a new one. */
  changing: number | null;
  report: ReportAnswers;
}

export type WizardOutcome = ShownStep | CompleteReport;

/** The report as it is saved, but for its council. */
export interface ReportAnswers {
  quarterStart: string;
  postId: number | null;
  perspective: string;
  supportArrangement: string;
  clientGroup: string;
  planLead: string;
  budgetChange: string;
  ease: string | null;
  weeksToSupport: number | null;
  budgetCoverage: string | null;
  hourlyRatePence: number | null;
  paidHoursPerWeek: number | null;
  unpaidHoursPerWeek: number | null;
  outcomes: Record<string, string>;
  comment: string | null;
}

export const COUNCIL_NOT_FOUND = "Choose a council from the list";

const COMMENT = ["comment"] as const;

// ---- The questions ----

/** Whose support the questions are about: the member's own, or someone else's (they report for them). */
export type Wording = "you" | "they";

/** The member's own support only when they are the person with support needs; otherwise someone else's. */
export function wordingFor(perspective: string | undefined): Wording {
  return perspective === "supported_person" ? "you" : "they";
}

export const SECTIONS = {
  about: "About this report",
  support: "The support",
  money: "Budget, pay and hours",
  outcomes: "What has changed",
  carer: "You as a carer",
  comment: "Anything else",
} as const;
export type Section = keyof typeof SECTIONS;

export interface Question {
  /** The step's name: the field's name when the page asks one thing. */
  name: string;
  section: Section;
  fields: string[];
  /** The page's heading, about the member's own support and about someone else's. */
  title: Record<Wording, string>;
  hint?: Record<Wording, string>;
  /** The answers a radio question offers (none: typed answers). */
  options?: Record<string, string | { label: string }>;
  optional?: boolean;
  /** Asked only when this holds for the answers so far. */
  applies?: (answers: Answers) => boolean;
}

const same = (text: string): Record<Wording, string> => ({ you: text, they: text });
const worded = (you: string, they: string): Record<Wording, string> => ({ you, they });

/** Whether there is a budget to ask about (not while still waiting for an assessment or a budget). */
export function hasBudget(answers: Answers): boolean {
  return !NO_BUDGET_YET.has(answers.supportArrangement ?? "");
}

/** Whether there is paid hourly support to ask about (not for family-only care, waiting or care homes). */
export function asksAboutPay(answers: Answers): boolean {
  return !NO_PAID_SUPPORT.has(answers.supportArrangement ?? "");
}

const isCarer = (answers: Answers) => answers.perspective === "carer";

const SINCE = same("Since the support started or last changed.");

/** Every question there is, in order; stepsFor() picks those the answers so far need. */
export const QUESTIONS: Question[] = [
  {
    name: "council",
    section: "about",
    fields: ["council"],
    title: same("Which council funds or arranges the support?"),
    hint: same("Start typing and choose from the list."),
  },
  {
    name: "period",
    section: "about",
    fields: ["periodMonth", "periodYear"],
    title: same("Which month do your answers describe?"),
    hint: same("For example, 8 2026. Reports are counted by the three months the month falls in; only those are kept."),
  },
  {
    name: "perspective",
    section: "about",
    fields: ["perspective"],
    title: same("Who is answering?"),
    options: PERSPECTIVES,
  },
  {
    name: "clientGroup",
    section: "support",
    fields: ["clientGroup"],
    title: worded("What is the main reason you need support?", "What is the main reason they need support?"),
    options: CLIENT_GROUPS,
  },
  {
    name: "supportArrangement",
    section: "support",
    fields: ["supportArrangement"],
    title: worded("How is your support arranged today?", "How is their support arranged today?"),
    options: SUPPORT_ARRANGEMENTS,
  },
  {
    name: "planLead",
    section: "support",
    fields: ["planLead"],
    title: worded("Who led your support plan?", "Who led their support plan?"),
    options: PLAN_LEADS,
  },
  {
    name: "budgetChange",
    section: "money",
    fields: ["budgetChange"],
    title: worded(
      "What happened to your budget at the last review?",
      "What happened to their budget at the last review?",
    ),
    options: BUDGET_CHANGES,
    applies: hasBudget,
  },
  {
    name: "ease",
    section: "money",
    fields: ["ease"],
    title: same("How easy was it to get the budget? (optional)"),
    options: EASE,
    optional: true,
    applies: hasBudget,
  },
  {
    name: "weeksToSupport",
    section: "money",
    fields: ["weeksToSupport"],
    title: same("How many weeks was it from first asking the council to support starting? (optional)"),
    hint: same("In whole weeks, for example 12."),
    optional: true,
    applies: hasBudget,
  },
  {
    name: "budgetCoverage",
    section: "money",
    fields: ["budgetCoverage"],
    title: same("Does the budget cover the support in the plan? (optional)"),
    options: BUDGET_COVERAGE,
    optional: true,
    applies: hasBudget,
  },
  {
    name: "paidSupport",
    section: "money",
    fields: ["hourlyRate", "paidHours"],
    title: worded("Your paid support (optional)", "Their paid support (optional)"),
    optional: true,
    applies: asksAboutPay,
  },
  {
    name: "unpaidHours",
    section: "money",
    fields: ["unpaidHours"],
    title: worded(
      "How many hours a week of unpaid care do you get from family or friends? (optional)",
      "How many hours a week of unpaid care do they get from family or friends? (optional)",
    ),
    hint: worded("For example, 10.", "For example, 10. If you care for them, count your own hours too."),
    optional: true,
  },
  ...OUTCOME_DOMAINS.map((domain): Question => ({
    name: `outcome-${domain.slug}`,
    section: "outcomes",
    fields: [`outcome-${domain.slug}`],
    title: worded(outcomeLabel(domain, false), outcomeLabel(domain, true)),
    hint: SINCE,
    options: OUTCOME_RATINGS,
  })),
  ...CARER_OUTCOME_DOMAINS.map((domain): Question => ({
    name: `outcome-${domain.slug}`,
    section: "carer",
    fields: [`outcome-${domain.slug}`],
    title: same(domain.label),
    hint: same("For you, the carer, since the support started or last changed."),
    options: OUTCOME_RATINGS,
    applies: isCarer,
  })),
  {
    name: "comment",
    section: "comment",
    fields: ["comment", "postId"],
    title: same("Anything else you want to say about your experience? (optional)"),
    hint: same(
      "A moderator reads comments before they are shown. Leave out names and anything that could identify someone.",
    ),
    optional: true,
  },
];

const BY_NAME = new Map(QUESTIONS.map((question) => [question.name, question]));

/** Answers kept whatever the questions: the comment's seen details and the report being changed. */
const KEPT = ["commentSeen", "reportId"];

/** The question a step asks (undefined for "check"). */
export function questionOf(step: WizardStep): Question | undefined {
  return BY_NAME.get(step);
}

/** The question steps these answers need, in order. */
export function stepsFor(answers: Answers): WizardStep[] {
  return QUESTIONS.filter((question) => question.applies?.(answers) ?? true).map((question) => question.name);
}

/** The answers these answers still need: anything a changed answer made irrelevant is dropped. */
export function relevant(answers: Answers): Answers {
  const asked = new Set([...stepsFor(answers).flatMap((step) => fieldsOf(step)), ...KEPT]);
  return Object.fromEntries(Object.entries(answers).filter(([field]) => asked.has(field)));
}

/** The step after this one: the next question, or "check" after the last. */
export function nextStep(step: WizardStep, answers: Answers): WizardStep {
  if (step === "check") return "check";
  const steps = stepsFor(answers);
  return steps[steps.indexOf(step) + 1] ?? "check";
}

/** After a change from check your answers: the next question never answered (a new branch), or "check". */
export function nextUnanswered(step: WizardStep, answers: Answers): WizardStep {
  const steps = stepsFor(answers);
  return (
    steps.slice(steps.indexOf(step) + 1).find((next) => fieldsOf(next).some((field) => !(field in answers))) ?? "check"
  );
}

/** The step "Back" goes to: the one before (the last question from "check"); none from the first. */
export function previousStep(step: WizardStep, answers: Answers): WizardStep | null {
  const steps = stepsFor(answers);
  if (step === "check") return steps[steps.length - 1] ?? null;
  const at = steps.indexOf(step);
  return at > 0 ? (steps[at - 1] ?? null) : null;
}

/** A step named by the form; anything else is the first step. */
export function parseStep(value: string | undefined): WizardStep {
  if (value === "check") return "check";
  return value !== undefined && BY_NAME.has(value) ? value : "council";
}

/** The answers carried in the form's hidden field: text values only; anything unreadable is none. */
export function parseAnswers(json: string | undefined): Answers {
  try {
    const parsed: unknown = JSON.parse(json ?? "{}");
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

/** The fields a step asks. */
export function fieldsOf(step: WizardStep): string[] {
  return questionOf(step)?.fields ?? [];
}

/** The step that asks a field ("check" for a message about the whole report). */
export function stepOf(field: string | undefined): WizardStep {
  return QUESTIONS.find((question) => field !== undefined && question.fields.includes(field))?.name ?? "check";
}

/** A step's messages for these answers: none when it may be left. */
export function validateStep(step: WizardStep, answers: Answers, context: WizardContext): FieldErrors {
  const question = questionOf(step);
  if (!question) return {};
  if (step === "period") {
    const period = checkPeriod(answers.periodMonth, answers.periodYear, context.today);
    return "errors" in period ? period.errors : {};
  }
  if (question.section === "outcomes" || question.section === "carer") {
    const message = outcomeError(answers[step], question.title[wordingFor(answers.perspective)]);
    return message ? { [step]: message } : {};
  }
  const errors: FieldErrors = {};
  for (const field of question.fields) {
    const schema = FIELD_SCHEMAS[field as keyof typeof FIELD_SCHEMAS] as (typeof FIELD_SCHEMAS)["comment"] | undefined;
    const parsed = schema?.safeParse(answers[field] ?? "");
    if (parsed && !parsed.success) errors[field] = parsed.error.issues[0]?.message ?? "Check this answer";
  }
  if (step === "council" && !errors.council && !context.isCouncil(answers.council ?? "")) {
    errors.council = COUNCIL_NOT_FOUND;
  }
  return errors;
}

/**
 * Every answer so far, including what was typed on the step the form came from, unchecked: what a
 * saved draft would keep. The step's own fields replace the carried ones.
 */
export function answersSoFar(form: WizardForm): Answers {
  const answers = parseAnswers(form.answers);
  for (const field of fieldsOf(parseStep(form.step))) {
    const value = form[field];
    if (value !== undefined) answers[field] = value;
  }
  return relevant(answers);
}

/** A step shown with these answers: a 400 when it carries errors. */
export function show(
  step: WizardStep,
  answers: Answers,
  errors: FieldErrors = {},
  findings: CommentFinding[] = [],
  returning = false,
): ShownStep {
  const status = Object.keys(errors).length > 0 ? 400 : 200;
  return { kind: "show", step, answers, errors, findings, returning: returning && step !== "check", status };
}

/**
 * One turn of the wizard. "goto:<step>" (Back, and the check page's Change links, which come back
 * to check) shows that step without taking this step's answers. "continue" takes the step's
 * fields, checks them and shows the same step with its errors, or the comment's identifying
 * details until each is replaced or kept, or the next step (after a Change: the next question
 * never answered, else check). "submit" (from check) checks every step again, first failing shown.
 */
export function advance(form: WizardForm, context: WizardContext): WizardOutcome {
  const answers = parseAnswers(form.answers);
  const intent = form.intent ?? "continue";
  const returning = form.returnTo === "check";

  if (intent.startsWith("goto:")) {
    const target = intent.slice(5);
    const known = target === "check" || stepsFor(answers).includes(target);
    return show(known ? target : "council", answers, {}, [], form.step === "check" || returning);
  }

  const step = parseStep(form.step);
  if (step !== "check") {
    for (const field of fieldsOf(step)) answers[field] = form[field] ?? "";
    if (step === "comment")
      answers.comment = applyRedactIntent({ comment: answers.comment ?? "" }, COMMENT, intent).comment;
    const errors = validateStep(step, answers, context);
    if (Object.keys(errors).length > 0) return show(step, answers, errors, [], returning);
    if (step === "comment") {
      // The same check as posts and replies: each detail shown, kept only by the author's choice.
      const findings = locateFindings({ comment: answers.comment ?? "" }, COMMENT);
      const seen = parseSeen(form.seen);
      // After a replacement the comment is shown again only if details remain.
      if (
        findings.length > 0 &&
        (parseRedactIntent(intent) !== null || form.keep !== "1" || unseenFindings(findings, seen).length > 0)
      ) {
        return show(step, answers, {}, findings, returning);
      }
      answers.commentSeen = encodeSeen(findings);
    }
    const kept = relevant(answers);
    const next = returning ? nextUnanswered(step, kept) : nextStep(step, kept);
    return show(next, kept, {}, [], returning);
  }

  // Sending from the check page: every step is checked again, the comment's details too.
  const kept = relevant(answers);
  for (const name of stepsFor(kept)) {
    const errors = validateStep(name, kept, context);
    if (Object.keys(errors).length > 0) return show(name, kept, errors, [], true);
  }
  const findings = locateFindings({ comment: kept.comment ?? "" }, COMMENT);
  if (unseenFindings(findings, parseSeen(kept.commentSeen)).length > 0)
    return show("comment", kept, {}, findings, true);
  const reportId = /^\d{1,10}$/.test(kept.reportId ?? "") ? Number(kept.reportId) : null;
  return { kind: "complete", answers: kept, council: kept.council ?? "", changing: reportId, report: reportFrom(kept) };
}

/** The checked answers as the report is saved: numbers parsed; questions not asked saved as not asked. */
function reportFrom(answers: Answers): ReportAnswers {
  const quarter = quarterOfMonth(Number(answers.periodMonth), Number(answers.periodYear));
  const budget = hasBudget(answers);
  const paid = asksAboutPay(answers);
  const rate = paid ? numberAnswer("hourlyRate", answers.hourlyRate) : null;
  const choice = (field: string) => (budget && answers[field] ? (answers[field] ?? null) : null);
  return {
    quarterStart: quarter.start,
    postId: /^\d+$/.test(answers.postId ?? "") ? Number(answers.postId) : null,
    perspective: answers.perspective ?? "other",
    supportArrangement: answers.supportArrangement ?? "",
    clientGroup: answers.clientGroup ?? "",
    planLead: answers.planLead ?? "",
    // Still waiting: there has been no review of a budget.
    budgetChange: budget ? (answers.budgetChange ?? "") : "no_review",
    ease: choice("ease"),
    weeksToSupport: budget ? numberAnswer("weeksToSupport", answers.weeksToSupport) : null,
    budgetCoverage: choice("budgetCoverage"),
    hourlyRatePence: rate === null ? null : Math.round(rate * 100),
    paidHoursPerWeek: paid ? numberAnswer("paidHours", answers.paidHours) : null,
    unpaidHoursPerWeek: numberAnswer("unpaidHours", answers.unpaidHours),
    outcomes: Object.fromEntries(
      QUESTIONS.filter(
        (q) => (q.section === "outcomes" || q.section === "carer") && (q.applies?.(answers) ?? true),
      ).map((q) => [q.name.slice("outcome-".length), answers[q.name] ?? "not_relevant"]),
    ),
    comment: answers.comment?.trim() ? answers.comment.trim() : null,
  };
}

/**
 * A saved report as the wizard's answers, to change it (back through check your answers). Only
 * the quarter is kept, so the month shown is the quarter's first; the comment counts as seen.
 */
export function answersFromReport(report: ReportAnswers & { id: number; council: string }): Answers {
  const [year, month] = report.quarterStart.split("-").map(Number);
  const text = (value: number | null) => (value === null ? "" : String(value));
  const answers: Answers = {
    reportId: String(report.id),
    council: report.council,
    periodMonth: String(month ?? ""),
    periodYear: String(year ?? ""),
    perspective: report.perspective,
    clientGroup: report.clientGroup,
    supportArrangement: report.supportArrangement,
    planLead: report.planLead,
    budgetChange: report.budgetChange,
    ease: report.ease ?? "",
    weeksToSupport: text(report.weeksToSupport),
    budgetCoverage: report.budgetCoverage ?? "",
    hourlyRate: report.hourlyRatePence === null ? "" : (report.hourlyRatePence / 100).toFixed(2),
    paidHours: text(report.paidHoursPerWeek),
    unpaidHours: text(report.unpaidHoursPerWeek),
    comment: report.comment ?? "",
    postId: text(report.postId),
  };
  for (const [domain, rating] of Object.entries(report.outcomes)) answers[`outcome-${domain}`] = rating;
  const kept = relevant(answers);
  kept.commentSeen = encodeSeen(locateFindings({ comment: kept.comment ?? "" }, COMMENT));
  return kept;
}

// ---- Check your answers ----

export interface SummaryRow {
  section: Section;
  /** The step its Change link goes to. */
  step: WizardStep;
  question: string;
  answer: string;
}

const labelOf = (options: Record<string, string | { label: string }> | undefined, key: string | undefined) => {
  const item = key && options ? options[key] : undefined;
  return item === undefined ? "Not answered" : typeof item === "string" ? item : item.label;
};

/** What one step's answer reads as on the check page. */
function answerText(question: Question, answers: Answers): string {
  const typed = (field: string, unit: (value: string) => string) =>
    answers[field]?.trim() ? unit(answers[field].trim()) : "Not answered";
  switch (question.name) {
    case "council":
      return answers.council || "Not answered";
    case "period": {
      const month = Number(answers.periodMonth);
      const year = Number(answers.periodYear);
      const quarter = quarterOfMonth(month, year);
      return `${monthLabel(month, year)} (counted in ${quarter.label})`;
    }
    case "weeksToSupport":
      return typed("weeksToSupport", (v) => `${v} weeks`);
    case "paidSupport":
      return [
        typed("hourlyRate", (v) => `£${v.replace(/^£/, "")} an hour`),
        typed("paidHours", (v) => `${v} hours a week`),
      ].join(", ");
    case "unpaidHours":
      return typed("unpaidHours", (v) => `${v} hours a week`);
    case "comment":
      return answers.comment || "None";
    default:
      return labelOf(question.options, answers[question.fields[0] ?? ""]);
  }
}

/** The check page's rows, grouped by section in order, each with the step its Change link opens. */
export function summaryRows(answers: Answers, stories: { id: number; title: string }[]): SummaryRow[] {
  const wording = wordingFor(answers.perspective);
  const rows = stepsFor(answers).flatMap((step): SummaryRow[] => {
    const question = questionOf(step);
    if (!question) return [];
    const row = {
      section: question.section,
      step,
      question: question.title[wording],
      answer: answerText(question, answers),
    };
    if (step !== "comment" || stories.length === 0) return [row];
    const story = stories.find((s) => String(s.id) === answers.postId)?.title ?? "No story";
    return [row, { section: question.section, step, question: "Attached to your story", answer: story }];
  });
  return rows;
}
