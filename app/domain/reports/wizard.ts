// The experience report's wizard as a step machine: which steps there are, which follows which,
// what each step asks and checks, going back, the check-your-answers step, and carrying the
// answers between requests (in a hidden field, decision 014). Pure: the route reads the form,
// calls advance(), and answers with what it returns (app/routes/reports.new.tsx).
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
import {
  NO_PAID_SUPPORT,
  outcomeDomainsFor,
  outcomeErrors,
  parseQuarter,
  type StepName,
  STEPS,
  stepSchemas,
} from "./report-input";

/** Every answer so far, by field name, as typed (the form's own names). */
export type Answers = Record<string, string>;

/** The question steps, then "check" (check your answers, where the report is sent from). */
export type WizardStep = StepName | "check";

export interface WizardContext {
  /** Today, for the quarters that may be chosen. */
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
  status: 200 | 400;
}

/** Every step answered and checked: the report, ready to save once the council (as typed) is looked up. */
export interface CompleteReport {
  kind: "complete";
  answers: Answers;
  council: string;
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

/**
 * The question steps these answers need, in order. Every report asks every step today; a step
 * that depends on an earlier answer is left out here, and next/previous follow.
 */
export function stepsFor(answers: Answers): StepName[] {
  void answers;
  return STEPS;
}

/** The step after this one: the next question, or "check" after the last. */
export function nextStep(step: WizardStep, answers: Answers): WizardStep {
  if (step === "check") return "check";
  const steps = stepsFor(answers);
  return steps[steps.indexOf(step) + 1] ?? "check";
}

/** The step "Back" goes to: the one before (the last question from "check"); none from the first. */
export function previousStep(step: WizardStep, answers: Answers): WizardStep | null {
  const steps = stepsFor(answers);
  if (step === "check") return steps[steps.length - 1] ?? null;
  const at = steps.indexOf(step);
  return at > 0 ? (steps[at - 1] ?? null) : null;
}

/** "Step n of m" for the page (check is the last). */
export function position(step: WizardStep, answers: Answers): { at: number; of: number } {
  const steps = stepsFor(answers);
  return { at: step === "check" ? steps.length + 1 : steps.indexOf(step) + 1, of: steps.length + 1 };
}

/** A step named by the form; anything else is the first step. */
export function parseStep(value: string | undefined): WizardStep {
  if (value === "check") return "check";
  return STEPS.includes(value as StepName) ? (value as StepName) : "where";
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

/** The fields a step asks (the outcomes depend on who is answering). */
export function fieldsOf(step: WizardStep, answers: Answers): string[] {
  switch (step) {
    case "where":
      return ["council", "quarter"];
    case "who":
      return ["perspective", "clientGroup"];
    case "support":
      return ["supportArrangement", "planLead"];
    case "budget":
      return ["budgetChange", "ease", "weeksToSupport", "budgetCoverage"];
    case "money":
      return ["hourlyRate", "paidHours", "unpaidHours"];
    case "outcomes":
      return outcomeDomainsFor(answers.perspective).map((d) => `outcome-${d.slug}`);
    case "comment":
      return ["comment", "postId"];
    case "check":
      return [];
  }
}

/** The step that asks a field ("check" for a message about the whole report). */
export function stepOf(field: string | undefined, answers: Answers): WizardStep {
  if (!field) return "check";
  return stepsFor(answers).find((step) => fieldsOf(step, answers).includes(field)) ?? "check";
}

/** Whether the money step asks about paid hourly support (not for family-only, waiting or care homes). */
export function asksAboutPay(answers: Answers): boolean {
  return !NO_PAID_SUPPORT.has(answers.supportArrangement ?? "");
}

/** A step's messages for these answers: none when it may be left. */
export function validateStep(step: WizardStep, answers: Answers, context: WizardContext): FieldErrors {
  if (step === "check") return {};
  if (step === "outcomes") return outcomeErrors(answers, answers.perspective);
  const parsed = stepSchemas(context.today)[step].safeParse(answers);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  if (step === "where" && !errors.council && !context.isCouncil(answers.council ?? "")) {
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
  const step = parseStep(form.step);
  for (const field of fieldsOf(step, answers)) {
    const value = form[field];
    if (value !== undefined) answers[field] = value;
  }
  return answers;
}

/** A step shown with these answers: a 400 when it carries errors. */
export function show(
  step: WizardStep,
  answers: Answers,
  errors: FieldErrors = {},
  findings: CommentFinding[] = [],
): ShownStep {
  return { kind: "show", step, answers, errors, findings, status: Object.keys(errors).length > 0 ? 400 : 200 };
}

/**
 * One turn of the wizard. "goto:<step>" (Back and the check page's Change links) shows that step
 * without taking this step's answers. "continue" takes the step's fields, checks them and shows the
 * same step with its errors, or the comment's identifying details until each is replaced or kept,
 * or the next step. "submit" (from check) checks every step again, first failing step shown.
 */
export function advance(form: WizardForm, context: WizardContext): WizardOutcome {
  const answers = parseAnswers(form.answers);
  const intent = form.intent ?? "continue";

  if (intent.startsWith("goto:")) {
    const target = intent.slice(5);
    return show(target === "check" || STEPS.includes(target as StepName) ? (target as WizardStep) : "where", answers);
  }

  const step = parseStep(form.step);
  if (step !== "check") {
    for (const field of fieldsOf(step, answers)) answers[field] = form[field] ?? "";
    if (step === "comment")
      answers.comment = applyRedactIntent({ comment: answers.comment ?? "" }, COMMENT, intent).comment;
    const errors = validateStep(step, answers, context);
    if (Object.keys(errors).length > 0) return show(step, answers, errors);
    if (step === "comment") {
      // The same check as posts and replies: each detail shown, kept only by the author's choice.
      const findings = locateFindings({ comment: answers.comment ?? "" }, COMMENT);
      const seen = parseSeen(form.seen);
      // After a replacement the comment is shown again only if details remain.
      if (
        findings.length > 0 &&
        (parseRedactIntent(intent) !== null || form.keep !== "1" || unseenFindings(findings, seen).length > 0)
      ) {
        return show(step, answers, {}, findings);
      }
      answers.commentSeen = encodeSeen(findings);
    }
    return show(nextStep(step, answers), answers);
  }

  // Sending from the check page: every step is checked again, the comment's details too.
  for (const name of stepsFor(answers)) {
    const errors = validateStep(name, answers, context);
    if (Object.keys(errors).length > 0) return show(name, answers, errors);
  }
  const findings = locateFindings({ comment: answers.comment ?? "" }, COMMENT);
  if (unseenFindings(findings, parseSeen(answers.commentSeen)).length > 0)
    return show("comment", answers, {}, findings);
  const quarter = parseQuarter(answers.quarter ?? "");
  if (!quarter) return show("where", answers, { quarter: "Choose the quarter your answers describe" });
  return {
    kind: "complete",
    answers,
    council: answers.council ?? "",
    report: reportFrom(answers, quarter.start, context.today),
  };
}

/** The checked answers as the report is saved: numbers parsed, rates only where there is paid support. */
function reportFrom(answers: Answers, quarterStart: string, today: Date): ReportAnswers {
  const schemas = stepSchemas(today);
  const money = schemas.money.parse(answers);
  const budget = schemas.budget.parse(answers);
  const paid = asksAboutPay(answers);
  return {
    quarterStart,
    postId: /^\d+$/.test(answers.postId ?? "") ? Number(answers.postId) : null,
    perspective: answers.perspective ?? "other",
    supportArrangement: answers.supportArrangement ?? "",
    clientGroup: answers.clientGroup ?? "",
    planLead: answers.planLead ?? "",
    budgetChange: answers.budgetChange ?? "",
    ease: budget.ease ?? null,
    weeksToSupport: budget.weeksToSupport,
    budgetCoverage: budget.budgetCoverage ?? null,
    hourlyRatePence: paid && money.hourlyRate !== null ? Math.round(money.hourlyRate * 100) : null,
    paidHoursPerWeek: paid ? money.paidHours : null,
    unpaidHoursPerWeek: money.unpaidHours,
    outcomes: Object.fromEntries(
      outcomeDomainsFor(answers.perspective).map((d) => [d.slug, answers[`outcome-${d.slug}`] ?? "not_relevant"]),
    ),
    comment: answers.comment?.trim() ? answers.comment.trim() : null,
  };
}
