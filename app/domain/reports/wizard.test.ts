import { describe, expect, it } from "vitest";

import { encodeSeen } from "../anonymity/redaction";
import { CARER_OUTCOME_DOMAINS, OUTCOME_DOMAINS } from "../taxonomy";
import {
  advance,
  type Answers,
  answersFromReport,
  answersSoFar,
  COUNCIL_NOT_FOUND,
  nextStep,
  parseAnswers,
  previousStep,
  QUESTIONS,
  questionOf,
  relevant,
  stepOf,
  stepsFor,
  summaryRows,
  wordingFor,
  type WizardForm,
  type WizardOutcome,
  type WizardStep,
} from "./wizard";

const context = { today: new Date("2026-11-22T12:00:00Z"), isCouncil: (typed: string) => typed === "Hartlepool" };

/** Sends one step's form with the carried answers, as the page does. */
function turn(step: WizardStep, answers: Answers, fields: WizardForm): WizardOutcome {
  return advance({ ...fields, answers: JSON.stringify(answers), step }, context);
}

function shown(outcome: WizardOutcome) {
  if (outcome.kind !== "show") throw new Error(`expected a step to show, got ${outcome.kind}`);
  return outcome;
}

const OUTCOME_STEPS = OUTCOME_DOMAINS.map((d) => `outcome-${d.slug}`);
const CARER_STEPS = CARER_OUTCOME_DOMAINS.map((d) => `outcome-${d.slug}`);

/** Every answer a carer paying personal assistants gives; overrides change some. */
const CARER: Answers = {
  council: "Hartlepool",
  periodMonth: "8",
  periodYear: "2026",
  perspective: "carer",
  clientGroup: "dementia",
  supportArrangement: "dp_employer",
  planLead: "self_led",
  budgetChange: "same",
  ease: "",
  weeksToSupport: "6",
  budgetCoverage: "partly",
  hourlyRate: "13.50",
  paidHours: "20",
  unpaidHours: "",
  ...Object.fromEntries([...OUTCOME_STEPS, ...CARER_STEPS].map((step) => [step, "same"])),
  comment: "It got better once we had a plan.",
  postId: "",
};

/** Walks the wizard from the first page, answering each page it shows from `all`; returns the pages seen. */
function walk(all: Answers = CARER): { answers: Answers; visited: WizardStep[] } {
  let answers: Answers = {};
  let step: WizardStep = "council";
  const visited: WizardStep[] = [];
  while (step !== "check") {
    visited.push(step);
    const fields = Object.fromEntries((questionOf(step)?.fields ?? []).map((field) => [field, all[field] ?? ""]));
    const outcome = shown(turn(step, answers, fields));
    expect(outcome.errors).toEqual({});
    answers = outcome.answers;
    step = outcome.step;
  }
  return { answers, visited };
}

describe("the experience report wizard", () => {
  it("asks one question a page, in order, to check your answers", () => {
    const { answers, visited } = walk();
    expect(visited).toEqual([
      "council",
      "period",
      "perspective",
      "clientGroup",
      "supportArrangement",
      "planLead",
      "budgetChange",
      "ease",
      "weeksToSupport",
      "budgetCoverage",
      "paidSupport",
      "unpaidHours",
      ...OUTCOME_STEPS,
      ...CARER_STEPS,
      "comment",
    ]);
    expect(answers).toMatchObject({ council: "Hartlepool", periodMonth: "8", hourlyRate: "13.50", paidHours: "20" });
    // No page offers more than seven choices beyond the list of councils and who is answering.
    for (const question of QUESTIONS) {
      if (question.name !== "perspective" && question.name !== "clientGroup" && question.name !== "supportArrangement")
        expect(Object.keys(question.options ?? {}).length, question.name).toBeLessThanOrEqual(7);
    }
  });

  it.each([
    [
      "waiting",
      "asks nothing about a budget or pay",
      ["budgetChange", "ease", "weeksToSupport", "budgetCoverage", "paidSupport"],
      [],
    ],
    ["family_only", "asks about the budget but not pay", ["paidSupport"], ["budgetChange", "budgetCoverage"]],
    ["care_home", "asks about the budget but not pay", ["paidSupport"], ["budgetChange"]],
    ["dp_agency", "asks about the budget and pay", [], ["budgetChange", "paidSupport"]],
  ])("for %s %s", (supportArrangement, _what, skipped, asked) => {
    const { visited } = walk({ ...CARER, supportArrangement });
    for (const step of skipped) expect(visited).not.toContain(step);
    for (const step of asked) expect(visited).toContain(step);
    expect(visited).toContain("unpaidHours");
  });

  it.each([
    ["carer", 15, "they"],
    ["acting_for_person", 12, "they"],
    ["social_worker", 12, "they"],
    ["supported_person", 12, "you"],
  ] as const)("asks a %s %i outcomes, worded about %s", (perspective, count, wording) => {
    const { visited, answers } = walk({ ...CARER, perspective });
    expect(visited.filter((step) => step.startsWith("outcome-"))).toHaveLength(count);
    expect(wordingFor(perspective)).toBe(wording);
    const dignity = summaryRows(answers, []).find((row) => row.step === "outcome-dignity")?.question;
    expect(dignity).toBe(
      wording === "you" ? "Dignity in the way I am supported" : "Dignity in the way they are supported",
    );
    const reason = summaryRows(answers, []).find((row) => row.step === "clientGroup")?.question;
    expect(reason).toBe(`What is the main reason ${wording} need support?`);
  });

  it("puts carers' own three questions under their own heading", () => {
    const rows = summaryRows(walk().answers, []);
    expect(rows.filter((row) => row.section === "carer").map((row) => row.step)).toEqual(CARER_STEPS);
    expect(rows.find((row) => row.section === "carer")?.question).toBe("Staying well");
  });

  it("drops answers a changed answer made irrelevant, and saves no rates without paid support", () => {
    const { answers } = walk();
    const waiting = shown(turn("supportArrangement", answers, { supportArrangement: "waiting" }));
    expect(waiting.step).toBe("planLead");
    for (const field of ["budgetChange", "weeksToSupport", "budgetCoverage", "hourlyRate", "paidHours"]) {
      expect(waiting.answers[field], field).toBeUndefined();
    }
    const notCarer = shown(turn("perspective", answers, { perspective: "supported_person" }));
    for (const step of CARER_STEPS) expect(notCarer.answers[step]).toBeUndefined();
    expect(notCarer.answers["outcome-dignity"]).toBe("same");

    const sent = turn("check", waiting.answers, { intent: "submit" });
    expect(sent).toMatchObject({
      kind: "complete",
      report: {
        budgetChange: "no_review",
        ease: null,
        weeksToSupport: null,
        hourlyRatePence: null,
        paidHoursPerWeek: null,
      },
    });
  });

  it.each([
    [{ periodMonth: "", periodYear: "" }, { periodMonth: "Enter the month and year" }],
    [{ periodMonth: "", periodYear: "2026" }, { periodMonth: "The date must include a month" }],
    [{ periodMonth: "8", periodYear: "" }, { periodYear: "The date must include a year" }],
    [
      { periodMonth: "13", periodYear: "26" },
      { periodMonth: "The month must be a number from 1 to 12", periodYear: "The year must be 4 numbers, like 2026" },
    ],
    [{ periodMonth: "12", periodYear: "2026" }, { periodMonth: "The month cannot be in the future" }],
    [{ periodMonth: "1", periodYear: "2027" }, { periodMonth: "The month cannot be in the future" }],
    [{ periodMonth: "12", periodYear: "2014" }, { periodYear: "The year must be 2015 or later" }],
  ])("refuses the month %o with its message, keeping what was typed", (typed, errors) => {
    const outcome = shown(turn("period", { council: "Hartlepool" }, typed));
    expect(outcome.step).toBe("period");
    expect(outcome.status).toBe(400);
    expect(outcome.errors).toEqual(errors);
    expect(outcome.answers).toMatchObject(typed);
  });

  it("takes this month and January 2015, and keeps only their quarter", () => {
    for (const [month, year, quarterStart] of [
      ["11", "2026", "2026-10-01"],
      ["1", "2015", "2015-01-01"],
      [" 08 ", "2026", "2026-07-01"],
    ]) {
      const sent = turn(
        "check",
        { ...walk().answers, periodMonth: month ?? "", periodYear: year ?? "" },
        { intent: "submit" },
      );
      expect(sent).toMatchObject({ kind: "complete", report: { quarterStart } });
    }
  });

  it("keeps invalid answers on their step, with a message per field and a 400", () => {
    const council = shown(turn("council", {}, { council: "Atlantis" }));
    expect(council).toMatchObject({ step: "council", status: 400, errors: { council: COUNCIL_NOT_FOUND } });
    expect(council.answers.council).toBe("Atlantis");

    const pay = shown(turn("paidSupport", { supportArrangement: "dp_employer" }, { hourlyRate: "4", paidHours: "x" }));
    expect(pay.step).toBe("paidSupport");
    expect(Object.keys(pay.errors).sort()).toEqual(["hourlyRate", "paidHours"]);
    const dignity = shown(turn("outcome-dignity", { perspective: "carer" }, {}));
    expect(dignity.errors).toEqual({
      "outcome-dignity": "Choose how “Dignity in the way they are supported” has changed, or “Not relevant”",
    });
  });

  it("knows the step before and after each one, and nothing before the first", () => {
    const { answers } = walk();
    const steps = stepsFor(answers);
    expect(previousStep("council", answers)).toBeNull();
    expect(previousStep("check", answers)).toBe("comment");
    for (const [index, step] of steps.entries()) {
      expect(nextStep(step, answers)).toBe(steps[index + 1] ?? "check");
      if (index > 0) expect(previousStep(step, answers)).toBe(steps[index - 1]);
    }
  });

  it("goes back without taking the step's answers; a step that does not exist is the first", () => {
    const { answers } = walk();
    const back = shown(turn("comment", answers, { intent: "goto:outcome-quality-of-life", comment: "changed" }));
    expect(back).toMatchObject({ step: "outcome-quality-of-life", status: 200, returning: false });
    expect(back.answers.comment).toBe("It got better once we had a plan.");
    expect(shown(turn("check", answers, { intent: "goto:nowhere" })).step).toBe("council");
    // A question these answers do not ask cannot be reached either.
    expect(
      shown(turn("check", { ...answers, perspective: "supported_person" }, { intent: "goto:outcome-carer-wellbeing" }))
        .step,
    ).toBe("council");
  });

  it("returns to check your answers after a Change, through any question the change opened", () => {
    const { answers: carer } = walk();
    const change = shown(turn("check", carer, { intent: "goto:planLead" }));
    expect(change).toMatchObject({ step: "planLead", returning: true });
    const changed = shown(
      advance(
        { answers: JSON.stringify(carer), step: "planLead", returnTo: "check", planLead: "council_led" },
        context,
      ),
    );
    expect(changed).toMatchObject({ step: "check", returning: false });
    expect(changed.answers).toMatchObject({ planLead: "council_led", hourlyRate: "13.50" });

    // Still waiting, then paid support after all: the questions about the budget and pay are new.
    const waiting = relevant({ ...carer, supportArrangement: "waiting" });
    const opened: WizardStep[] = [];
    let state = shown(
      advance(
        {
          answers: JSON.stringify(waiting),
          step: "supportArrangement",
          returnTo: "check",
          supportArrangement: "dp_agency",
        },
        context,
      ),
    );
    while (state.step !== "check") {
      opened.push(state.step);
      const fields = Object.fromEntries((questionOf(state.step)?.fields ?? []).map((f) => [f, CARER[f] ?? ""]));
      state = shown(
        advance({ ...fields, answers: JSON.stringify(state.answers), step: state.step, returnTo: "check" }, context),
      );
    }
    expect(opened).toEqual(["budgetChange", "ease", "weeksToSupport", "budgetCoverage", "paidSupport"]);
  });

  it("sends from the check page only when every step still passes", () => {
    const { answers } = walk();
    const sent = turn("check", answers, { intent: "submit" });
    expect(sent).toMatchObject({
      kind: "complete",
      council: "Hartlepool",
      changing: null,
      report: {
        quarterStart: "2026-07-01",
        perspective: "carer",
        hourlyRatePence: 1350,
        paidHoursPerWeek: 20,
        unpaidHoursPerWeek: null,
        weeksToSupport: 6,
        budgetCoverage: "partly",
        ease: null,
        postId: null,
        comment: "It got better once we had a plan.",
      },
    });
    if (sent.kind === "complete") expect(Object.keys(sent.report.outcomes)).toHaveLength(15);

    // Answers altered in the hidden field are checked again: the first failing step is shown.
    const tampered = shown(turn("check", { ...answers, planLead: "the_king" }, { intent: "submit" }));
    expect(tampered).toMatchObject({
      step: "planLead",
      status: 400,
      errors: { planLead: "Choose who led the support plan" },
    });
  });

  it("turns a saved report back into answers that send the same report, as a change of it", () => {
    const sent = turn("check", walk().answers, { intent: "submit" });
    if (sent.kind !== "complete") throw new Error("not complete");
    const answers = answersFromReport({ ...sent.report, id: 42, council: "Hartlepool" });
    expect(answers).toMatchObject({ reportId: "42", periodMonth: "7", periodYear: "2026", hourlyRate: "13.50" });
    const again = turn("check", answers, { intent: "submit" });
    expect(again).toMatchObject({ kind: "complete", changing: 42, report: sent.report });
  });

  it("shows identifying details in the comment until each is replaced or kept", () => {
    const { answers } = walk();
    const comment = "Ring me on 07700 900123 about it.";
    const found = shown(turn("comment", answers, { comment, postId: "" }));
    expect(found.step).toBe("comment");
    expect(found.status).toBe(200);
    expect(found.findings.map((f) => f.text)).toEqual(["07700 900123"]);

    const replaced = shown(turn("comment", answers, { comment, postId: "", intent: "redact:0" }));
    expect(replaced.answers.comment).not.toContain("07700");
    expect(replaced.step).toBe("check");

    const kept = shown(turn("comment", answers, { comment, postId: "", keep: "1", seen: encodeSeen(found.findings) }));
    expect(kept.step).toBe("check");
    expect(kept.answers.comment).toBe(comment);
    expect(turn("check", kept.answers, { intent: "submit" }).kind).toBe("complete");

    // A detail added to the carried answers after it was seen goes back to the comment step.
    const sneaked = { ...kept.answers, comment: `${comment} Or write to me@example.com` };
    const back = shown(turn("check", sneaked, { intent: "submit" }));
    expect(back.step).toBe("comment");
    expect(back.findings.length).toBeGreaterThan(0);
  });

  it("gives all answers so far, including the step being typed, for a draft", () => {
    const draft = answersSoFar({
      answers: JSON.stringify({ council: "Hartlepool", perspective: "carer", returnTo: "check" }),
      step: "planLead",
      planLead: "self_led",
    });
    expect(draft).toEqual({ council: "Hartlepool", perspective: "carer", planLead: "self_led" });
  });

  it("reads only text answers from the hidden field, and nothing from a damaged one", () => {
    expect(parseAnswers('{"council":"Hartlepool","n":3,"o":{}}')).toEqual({ council: "Hartlepool" });
    expect(parseAnswers("{not json")).toEqual({});
    expect(parseAnswers("[1,2]")).toEqual({});
    expect(shown(advance({ answers: "{not json", step: "nowhere" }, context)).step).toBe("council");
  });

  it("names the step that asks a field, for refusals from saving", () => {
    expect(stepOf("comment")).toBe("comment");
    expect(stepOf("hourlyRate")).toBe("paidSupport");
    expect(stepOf("outcome-carer-own-life")).toBe("outcome-carer-own-life");
    expect(stepOf(undefined)).toBe("check");
  });
});
