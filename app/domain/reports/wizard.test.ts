import { describe, expect, it } from "vitest";

import { encodeSeen } from "../anonymity/redaction";
import { outcomeDomainsFor, STEPS } from "./report-input";
import {
  advance,
  type Answers,
  answersSoFar,
  COUNCIL_NOT_FOUND,
  nextStep,
  parseAnswers,
  position,
  previousStep,
  stepOf,
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

const everyOutcome = (perspective: string, rating = "same") =>
  Object.fromEntries(outcomeDomainsFor(perspective).map((d) => [`outcome-${d.slug}`, rating]));

const PAGES: [WizardStep, WizardForm][] = [
  ["where", { council: "Hartlepool", quarter: "2026-Q3" }],
  ["who", { perspective: "carer", clientGroup: "older_people" }],
  ["support", { supportArrangement: "dp_employer", planLead: "self_led" }],
  ["budget", { budgetChange: "same", ease: "", weeksToSupport: "6", budgetCoverage: "partly" }],
  ["money", { hourlyRate: "13.50", paidHours: "20", unpaidHours: "" }],
  ["outcomes", everyOutcome("carer")],
  ["comment", { comment: "It got better once we had a plan.", postId: "" }],
];

/** Walks every page from the start; returns the answers carried to the check page. */
function walk(pages = PAGES): Answers {
  let answers: Answers = {};
  for (const [step, fields] of pages) {
    const outcome = shown(turn(step, answers, fields));
    expect(outcome.errors).toEqual({});
    expect(outcome.step).toBe(nextStep(step, outcome.answers));
    answers = outcome.answers;
  }
  return answers;
}

describe("the experience report wizard", () => {
  it("goes through every step in order to check your answers", () => {
    let answers: Answers = {};
    const visited: WizardStep[] = [];
    for (const [step, fields] of PAGES) {
      const outcome = shown(turn(step, answers, fields));
      expect(outcome.status).toBe(200);
      visited.push(outcome.step);
      answers = outcome.answers;
    }
    expect(visited).toEqual(["who", "support", "budget", "money", "outcomes", "comment", "check"]);
    expect(answers).toMatchObject({ council: "Hartlepool", quarter: "2026-Q3", hourlyRate: "13.50", paidHours: "20" });
    expect(position("where", answers)).toEqual({ at: 1, of: 8 });
    expect(position("check", answers)).toEqual({ at: 8, of: 8 });
  });

  it("knows the step before and after each one, and nothing before the first", () => {
    expect(previousStep("where", {})).toBeNull();
    expect(previousStep("who", {})).toBe("where");
    expect(previousStep("check", {})).toBe("comment");
    expect(nextStep("comment", {})).toBe("check");
    expect(nextStep("check", {})).toBe("check");
    for (const [index, step] of STEPS.entries()) {
      expect(nextStep(step, {})).toBe(STEPS[index + 1] ?? "check");
    }
  });

  it("keeps invalid answers on their step, with a message per field and a 400", () => {
    const outcome = shown(turn("where", {}, { council: "Atlantis", quarter: "2031-Q1" }));
    expect(outcome.step).toBe("where");
    expect(outcome.status).toBe(400);
    expect(outcome.errors).toEqual({
      council: COUNCIL_NOT_FOUND,
      quarter: "The quarter cannot be in the future or more than 10 years ago",
    });
    // What was typed stays, to be shown again.
    expect(outcome.answers).toMatchObject({ council: "Atlantis", quarter: "2031-Q1" });

    const money = shown(turn("money", { supportArrangement: "dp_employer" }, { hourlyRate: "4", paidHours: "x" }));
    expect(money.step).toBe("money");
    expect(Object.keys(money.errors).sort()).toEqual(["hourlyRate", "paidHours"]);
    const outcomes = shown(turn("outcomes", { perspective: "carer" }, { "outcome-dignity": "same" }));
    expect(outcomes.step).toBe("outcomes");
    expect(Object.keys(outcomes.errors)).toHaveLength(14);
  });

  it("asks carers three more outcomes than others", () => {
    const other = shown(turn("outcomes", { perspective: "supported_person" }, everyOutcome("supported_person")));
    expect(other.step).toBe("comment");
    const carer = shown(turn("outcomes", { perspective: "carer" }, everyOutcome("supported_person")));
    expect(carer.step).toBe("outcomes");
    expect(Object.keys(carer.errors)).toHaveLength(3);
  });

  it("goes back (and to any step from check) without taking the step's answers", () => {
    const answers = walk();
    const back = shown(turn("comment", answers, { intent: "goto:outcomes", comment: "changed my mind" }));
    expect(back.step).toBe("outcomes");
    expect(back.status).toBe(200);
    expect(back.answers.comment).toBe("It got better once we had a plan.");
    expect(shown(turn("check", answers, { intent: "goto:budget" })).step).toBe("budget");
    // A step that does not exist is the first one.
    expect(shown(turn("check", answers, { intent: "goto:nowhere" })).step).toBe("where");
  });

  it("carries answers between steps and changes one without losing the rest", () => {
    const answers = walk();
    const changed = shown(turn("where", answers, { council: "Hartlepool", quarter: "2026-Q2" }));
    expect(changed.step).toBe("who");
    expect(changed.answers).toMatchObject({ quarter: "2026-Q2", hourlyRate: "13.50", comment: answers.comment });
  });

  it("forgets rates when there is no paid support, and saves none", () => {
    const pages = PAGES.map(([step, fields]): [WizardStep, WizardForm] =>
      step === "support" ? [step, { ...fields, supportArrangement: "family_only" }] : [step, fields],
    );
    const answers = walk(pages);
    const sent = turn("check", answers, { intent: "submit" });
    expect(sent.kind).toBe("complete");
    if (sent.kind !== "complete") return;
    expect(sent.report.hourlyRatePence).toBeNull();
    expect(sent.report.paidHoursPerWeek).toBeNull();
  });

  it("sends from the check page only when every step still passes", () => {
    const answers = walk();
    const sent = turn("check", answers, { intent: "submit" });
    expect(sent).toMatchObject({
      kind: "complete",
      council: "Hartlepool",
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
    expect(tampered.step).toBe("support");
    expect(tampered.status).toBe(400);
    expect(tampered.errors.planLead).toBe("Choose who led the support plan");
  });

  it("shows identifying details in the comment until each is replaced or kept", () => {
    const answers = walk(PAGES.slice(0, -1));
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
    const answers = walk(PAGES.slice(0, 2));
    const draft = answersSoFar({ answers: JSON.stringify(answers), step: "support", planLead: "self_led" });
    expect(draft).toMatchObject({ council: "Hartlepool", perspective: "carer", planLead: "self_led" });
    expect(draft.supportArrangement).toBeUndefined();
  });

  it("reads only text answers from the hidden field, and nothing from a damaged one", () => {
    expect(parseAnswers('{"council":"Hartlepool","n":3,"o":{}}')).toEqual({ council: "Hartlepool" });
    expect(parseAnswers("{not json")).toEqual({});
    expect(parseAnswers("[1,2]")).toEqual({});
    expect(shown(advance({ answers: "{not json", step: "nowhere" }, context)).step).toBe("where");
  });

  it("names the step that asks a field, for refusals from saving", () => {
    expect(stepOf("comment", {})).toBe("comment");
    expect(stepOf("council", {})).toBe("where");
    expect(stepOf(`outcome-${outcomeDomainsFor("carer")[14]?.slug}`, { perspective: "carer" })).toBe("outcomes");
    expect(stepOf(undefined, {})).toBe("check");
  });
});
