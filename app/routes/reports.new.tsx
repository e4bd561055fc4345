import { randomUUID } from "node:crypto";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { CouncilField } from "~/components/council-field";
import { DraftControls, SaveDraftButton } from "~/components/draft-controls";
import { FindingsPanel, type ShownFinding } from "~/components/findings";
import { ErrorSummary, RadioGroup, TextArea, TextField, type FieldErrors } from "~/components/forms";
import {
  applyRedactIntent,
  encodeSeen,
  locateFindings,
  parseRedactIntent,
  parseSeen,
  unseenFindings,
} from "~/domain/anonymity/redaction";
import {
  BUDGET_CHANGES,
  BUDGET_COVERAGE,
  CLIENT_GROUPS,
  EASE,
  NO_PAID_SUPPORT,
  OUTCOME_RATINGS,
  outcomeDomainsFor,
  outcomeErrors,
  parseQuarter,
  PERSPECTIVES,
  PLAN_LEADS,
  recentQuarters,
  type StepName,
  STEPS,
  stepSchemas,
  SUPPORT_ARRANGEMENTS,
} from "~/domain/reports/report-input";
import { DraftProblem, parseDraftId, readReportDraft, reportDraftFields } from "~/domain/drafts/drafts";
import { requirePermission } from "~/server/accounts/guards.server";
import { deleteDraft, getDraft, saveDraft } from "~/server/drafts/drafts.server";
import { isUnavailable, readForm, submissionKeyFrom, zodFieldErrors } from "~/server/http/forms.server";
import { listCouncils, resolveArea, UnknownCouncil } from "~/server/reference/reference.server";
import { consume, RateLimited } from "~/server/http/rate-limit.server";
import { createReport, listOwnStories } from "~/server/reports/reports.server";
import { BlockedByWatchedWord } from "~/server/moderation/watched-words.server";

export const meta: MetaFunction = () => [{ title: "Report your experience – Fifth Option" }];

type Answers = Record<string, string>;
type Step = StepName | "check";

const STEP_TITLES: Record<Step, string> = {
  where: "Where and when",
  who: "Who you are answering about",
  support: "How the support is arranged",
  budget: "The budget",
  money: "Rates and hours",
  outcomes: "What has changed",
  comment: "Anything else to add",
  check: "Check your answers before sending",
};

const options = (record: Record<string, string | { label: string }>) =>
  Object.entries(record).map(([value, item]) => ({ value, label: typeof item === "string" ? item : item.label }));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:create");
  const [councils, stories] = await Promise.all([listCouncils(), listOwnStories(user.id)]);
  const url = new URL(request.url);
  const story = url.searchParams.get("story") ?? "";
  // A report kept as a draft continues at the step it was saved on (the member's own draft only).
  const draftId = parseDraftId(url.searchParams.get("draft"));
  const found = draftId === null ? null : await getDraft(user.id, draftId, "report");
  const draft = found ? readReportDraft(found.fields) : null;
  return {
    councils: councils.map((c) => c.name),
    quarters: recentQuarters(new Date()),
    stories,
    initial: {
      answers: draft?.answers ?? ({ perspective: user.perspective, postId: story } as Answers),
      step: (draft && (STEPS.includes(draft.step as StepName) || draft.step === "check")
        ? draft.step
        : "where") as Step,
      draftId: found?.id ?? null,
      draftSaved: Boolean(found) && url.searchParams.get("saved") === "1",
      submissionKey: randomUUID(),
    },
  };
}

function fieldsOf(step: StepName, answers: Answers): string[] {
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
  }
}

async function validateStep(step: StepName, answers: Answers): Promise<FieldErrors> {
  if (step === "outcomes") return outcomeErrors(answers, answers.perspective);
  const schema = stepSchemas(new Date())[step];
  const parsed = schema.safeParse(answers);
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (step === "where" && !errors.council) {
    try {
      await resolveArea(answers.council ?? "");
    } catch (error) {
      if (error instanceof UnknownCouncil) errors.council = "Choose a council from the list";
      else throw error;
    }
  }
  return errors;
}

function respond(
  step: Step,
  answers: Answers,
  submissionKey: string,
  extra: { errors?: FieldErrors; findings?: ShownFinding[] } = {},
  status = 200,
) {
  return data({ step, answers, submissionKey, errors: extra.errors ?? {}, findings: extra.findings ?? [] }, { status });
}

const COMMENT = ["comment"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "report:create");
  const values = await readForm(request);
  let answers: Answers = {};
  try {
    const parsed: unknown = JSON.parse(values.answers ?? "{}");
    if (parsed && typeof parsed === "object") {
      answers = Object.fromEntries(
        Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
    }
  } catch {
    answers = {};
  }
  const submissionKey = submissionKeyFrom(values.submissionKey);
  const intent = values.intent ?? "continue";
  const draftId = parseDraftId(values.draftId) ?? parseDraftId(new URL(request.url).searchParams.get("draft"));

  // "Save draft": the answers so far, this page's included, and the step, kept as they are.
  if (intent === "draft") {
    const at: Step = STEPS.includes(values.step as StepName) ? (values.step as StepName) : "check";
    if (at !== "check") for (const field of fieldsOf(at, answers)) answers[field] = values[field] ?? "";
    try {
      const id = await saveDraft(user.id, {
        id: draftId,
        kind: "report",
        postId: null,
        fields: reportDraftFields(answers, at),
      });
      return redirect(`/reports/new?draft=${id}&saved=1`);
    } catch (error) {
      if (error instanceof DraftProblem)
        return respond(at, answers, submissionKey, { errors: { form: error.message } }, error.status);
      throw error;
    }
  }

  if (intent.startsWith("goto:")) {
    const target = intent.slice(5) as Step;
    return respond(STEPS.includes(target as StepName) || target === "check" ? target : "where", answers, submissionKey);
  }

  const step: Step =
    values.step === "check" ? "check" : STEPS.includes(values.step as StepName) ? (values.step as StepName) : "where";
  if (step !== "check") {
    for (const field of fieldsOf(step, answers)) answers[field] = values[field] ?? "";
    if (step === "comment")
      answers.comment = applyRedactIntent({ comment: answers.comment ?? "" }, COMMENT, intent).comment;
    const errors = await validateStep(step, answers);
    if (Object.keys(errors).length > 0) return respond(step, answers, submissionKey, { errors }, 400);
    if (step === "comment") {
      // The same check as posts and replies: each detail shown, kept only by the author's choice.
      const findings = locateFindings({ comment: answers.comment ?? "" }, COMMENT);
      const seen = parseSeen(values.seen);
      // After a replacement the comment is shown again only if details remain.
      if (
        findings.length > 0 &&
        (parseRedactIntent(intent) !== null || values.keep !== "1" || unseenFindings(findings, seen).length > 0)
      ) {
        return respond(step, answers, submissionKey, { findings });
      }
      answers.commentSeen = encodeSeen(findings);
    }
    const next = STEPS[STEPS.indexOf(step) + 1] ?? "check";
    return respond(next, answers, submissionKey);
  }

  // Submitting from the check page: every step is checked again, the comment's details too.
  for (const name of STEPS) {
    const errors = await validateStep(name, answers);
    if (Object.keys(errors).length > 0) return respond(name, answers, submissionKey, { errors }, 400);
  }
  const commentFindings = locateFindings({ comment: answers.comment ?? "" }, COMMENT);
  if (unseenFindings(commentFindings, parseSeen(answers.commentSeen)).length > 0) {
    return respond("comment", answers, submissionKey, { findings: commentFindings });
  }
  const schemas = stepSchemas(new Date());
  const money = schemas.money.parse(answers);
  const budget = schemas.budget.parse(answers);
  const quarter = parseQuarter(answers.quarter ?? "");
  try {
    const area = await resolveArea(answers.council ?? "");
    if (!area || !quarter)
      return respond("where", answers, submissionKey, { errors: { council: "Choose a council from the list" } }, 400);
    await consume("writesPerUser", String(user.id));
    const paid = !NO_PAID_SUPPORT.has(answers.supportArrangement ?? "");
    const outcomes = Object.fromEntries(
      outcomeDomainsFor(answers.perspective).map((d) => [d.slug, answers[`outcome-${d.slug}`] ?? "not_relevant"]),
    );
    const created = await createReport(
      user.id,
      {
        postId: /^\d+$/.test(answers.postId ?? "") ? Number(answers.postId) : null,
        areaCode: area.code,
        quarterStart: quarter.start,
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
        outcomes,
        comment: answers.comment?.trim() ? answers.comment.trim() : null,
      },
      submissionKey,
    );
    await deleteDraft(user.id, draftId);
    return redirect(`/reports/thanks?id=${created.id}`);
  } catch (error) {
    if (error instanceof RateLimited)
      return respond("check", answers, submissionKey, { errors: { form: error.message } }, 429);
    if (error instanceof BlockedByWatchedWord)
      return respond("comment", answers, submissionKey, { errors: { comment: error.message } }, 400);
    if (isUnavailable(error)) {
      return respond(
        "check",
        answers,
        submissionKey,
        {
          errors: {
            form: "Your report has not been saved: we could not reach our database. Your answers are still here. Please try again in a minute.",
          },
        },
        503,
      );
    }
    throw error;
  }
}

export default function NewReport() {
  const { councils, quarters, stories, initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const step: Step = result?.step ?? initial.step;
  const answers: Answers = result?.answers ?? initial.answers;
  const submissionKey = result?.submissionKey ?? initial.submissionKey;
  const errors: FieldErrors = result?.errors ?? {};
  const findings = result?.findings ?? [];
  const position = step === "check" ? STEPS.length + 1 : STEPS.indexOf(step) + 1;
  const previous = step === "check" ? "comment" : STEPS[STEPS.indexOf(step) - 1];

  return (
    <>
      <ErrorSummary errors={errors} />
      <p className="muted">
        Report your experience · step {position} of {STEPS.length + 1}
      </p>
      <h1>{STEP_TITLES[step]}</h1>
      {step === "where" ? (
        <p>
          Your answers are counted with others&apos; on the outcomes pages. Numbers about fewer than 5 people are never
          shown.
        </p>
      ) : null}
      {step === "comment" && findings.length > 0 ? (
        <Form method="post" replace>
          <input type="hidden" name="answers" value={JSON.stringify(answers)} />
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <input type="hidden" name="step" value="comment" />
          <input type="hidden" name="comment" value={answers.comment ?? ""} />
          <input type="hidden" name="postId" value={answers.postId ?? ""} />
          <FindingsPanel
            heading="Your comment may contain something that could identify someone"
            findings={findings}
            fieldNames={{ comment: "your comment" }}
            keep={{ name: "keep", value: "1", label: "Keep my comment as it is" }}
          />
        </Form>
      ) : null}
      <Form method="post" noValidate key={`${step}-${JSON.stringify(errors)}-${answers.comment ?? ""}`}>
        <input type="hidden" name="answers" value={JSON.stringify(answers)} />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" name="step" value={step} />
        <DraftControls draftKind="report" draftId={initial.draftId} saved={initial.draftSaved && !result} />
        <StepFields
          step={step}
          answers={answers}
          errors={errors}
          councils={councils}
          quarters={quarters}
          stories={stories}
        />
        <div className="button-row">
          <button type="submit" className="button" name="intent" value={step === "check" ? "submit" : "continue"}>
            {step === "check" ? "Send report" : "Continue"}
          </button>
          {previous ? (
            <button type="submit" className="button button--secondary" name="intent" value={`goto:${previous}`}>
              Back
            </button>
          ) : null}
          <SaveDraftButton />
        </div>
      </Form>
    </>
  );
}

function StepFields({
  step,
  answers,
  errors,
  councils,
  quarters,
  stories,
}: {
  step: Step;
  answers: Answers;
  errors: FieldErrors;
  councils: string[];
  quarters: { value: string; label: string }[];
  stories: { id: number; title: string }[];
}) {
  switch (step) {
    case "where":
      return (
        <>
          <CouncilField
            label="Which council funds or arranges the support?"
            hint="Start typing and choose from the list."
            councils={councils}
            defaultValue={answers.council}
            errors={errors}
          />
          <RadioGroup
            name="quarter"
            legend="Which three months do your answers describe?"
            error={errors.quarter}
            defaultValue={answers.quarter}
            options={quarters}
          />
        </>
      );
    case "who":
      return (
        <>
          <RadioGroup
            name="perspective"
            legend="Who is answering?"
            error={errors.perspective}
            defaultValue={answers.perspective}
            options={options(PERSPECTIVES)}
          />
          <RadioGroup
            name="clientGroup"
            legend="Whose support is this about? Choose the main reason for support."
            error={errors.clientGroup}
            defaultValue={answers.clientGroup}
            options={options(CLIENT_GROUPS)}
          />
        </>
      );
    case "support":
      return (
        <>
          <RadioGroup
            name="supportArrangement"
            legend="How is the support arranged today?"
            error={errors.supportArrangement}
            defaultValue={answers.supportArrangement}
            options={options(SUPPORT_ARRANGEMENTS)}
          />
          <RadioGroup
            name="planLead"
            legend="Who led the support plan?"
            error={errors.planLead}
            defaultValue={answers.planLead}
            options={options(PLAN_LEADS)}
          />
        </>
      );
    case "budget":
      return (
        <>
          <RadioGroup
            name="budgetChange"
            legend="What happened to the budget at the last review?"
            error={errors.budgetChange}
            defaultValue={answers.budgetChange}
            options={options(BUDGET_CHANGES)}
          />
          <RadioGroup
            name="ease"
            legend="How easy was it to get the budget? (optional)"
            error={errors.ease}
            defaultValue={answers.ease}
            options={options(EASE)}
          />
          <TextField
            name="weeksToSupport"
            label="How many weeks from first contact to support starting? (optional)"
            error={errors.weeksToSupport}
            defaultValue={answers.weeksToSupport}
            width="short"
          />
          <RadioGroup
            name="budgetCoverage"
            legend="Does the budget cover the support in the plan? (optional)"
            error={errors.budgetCoverage}
            defaultValue={answers.budgetCoverage}
            options={options(BUDGET_COVERAGE)}
          />
        </>
      );
    case "money": {
      const paid = !NO_PAID_SUPPORT.has(answers.supportArrangement ?? "");
      return (
        <>
          {paid ? (
            <>
              <TextField
                name="hourlyRate"
                label="Hourly rate paid for personal assistance or agency support, in pounds (optional)"
                hint="For example, 13.50"
                error={errors.hourlyRate}
                defaultValue={answers.hourlyRate}
                width="short"
              />
              <TextField
                name="paidHours"
                label="Hours of paid support a week (optional)"
                error={errors.paidHours}
                defaultValue={answers.paidHours}
                width="short"
              />
            </>
          ) : (
            <p>You said there is no paid hourly support, so we will not ask about rates.</p>
          )}
          <TextField
            name="unpaidHours"
            label="Hours of unpaid care a week, from family or friends (optional)"
            error={errors.unpaidHours}
            defaultValue={answers.unpaidHours}
            width="short"
          />
        </>
      );
    }
    case "outcomes":
      return (
        <>
          <p>Since the support started or last changed, how have these things changed?</p>
          {outcomeDomainsFor(answers.perspective).map((domain) => (
            <RadioGroup
              key={domain.slug}
              name={`outcome-${domain.slug}`}
              legend={domain.label}
              error={errors[`outcome-${domain.slug}`]}
              defaultValue={answers[`outcome-${domain.slug}`]}
              options={options(OUTCOME_RATINGS)}
            />
          ))}
        </>
      );
    case "comment":
      return (
        <>
          <TextArea
            name="comment"
            label="Anything else you want to say about your experience? (optional)"
            hint="A moderator reads comments before they are shown. Leave out names and anything that could identify someone."
            error={errors.comment}
            defaultValue={answers.comment}
            rows={5}
          />
          {stories.length > 0 ? (
            <RadioGroup
              name="postId"
              legend="Attach this report to one of your stories? (optional)"
              defaultValue={answers.postId ?? ""}
              options={[
                { value: "", label: "No, keep it separate" },
                ...stories.map((s) => ({ value: String(s.id), label: s.title })),
              ]}
            />
          ) : (
            <input type="hidden" name="postId" value="" />
          )}
        </>
      );
    case "check":
      return <CheckAnswers answers={answers} quarters={quarters} stories={stories} />;
  }
}

function CheckAnswers({
  answers,
  quarters,
  stories,
}: {
  answers: Answers;
  quarters: { value: string; label: string }[];
  stories: { id: number; title: string }[];
}) {
  const label = (record: Record<string, string | { label: string }>, key: string | undefined) => {
    const item = key ? record[key] : undefined;
    return item === undefined ? "Not answered" : typeof item === "string" ? item : item.label;
  };
  const rows: { step: StepName; question: string; answer: string }[] = [
    { step: "where", question: "Council", answer: answers.council || "Not answered" },
    {
      step: "where",
      question: "Quarter",
      answer: quarters.find((q) => q.value === answers.quarter)?.label ?? answers.quarter ?? "",
    },
    { step: "who", question: "Who is answering", answer: label(PERSPECTIVES, answers.perspective) },
    { step: "who", question: "Whose support", answer: label(CLIENT_GROUPS, answers.clientGroup) },
    {
      step: "support",
      question: "Support arrangement",
      answer: label(SUPPORT_ARRANGEMENTS, answers.supportArrangement),
    },
    { step: "support", question: "Who led the plan", answer: label(PLAN_LEADS, answers.planLead) },
    { step: "budget", question: "Budget at last review", answer: label(BUDGET_CHANGES, answers.budgetChange) },
    { step: "budget", question: "How easy it was", answer: label(EASE, answers.ease) },
    { step: "budget", question: "Weeks to support starting", answer: answers.weeksToSupport || "Not answered" },
    { step: "budget", question: "Budget covers the plan", answer: label(BUDGET_COVERAGE, answers.budgetCoverage) },
    { step: "money", question: "Hourly rate", answer: answers.hourlyRate ? `£${answers.hourlyRate}` : "Not answered" },
    { step: "money", question: "Paid hours a week", answer: answers.paidHours || "Not answered" },
    { step: "money", question: "Unpaid hours a week", answer: answers.unpaidHours || "Not answered" },
    ...outcomeDomainsFor(answers.perspective).map((d) => ({
      step: "outcomes" as const,
      question: d.label,
      answer: label(OUTCOME_RATINGS, answers[`outcome-${d.slug}`]),
    })),
    { step: "comment", question: "Comment", answer: answers.comment || "None" },
    {
      step: "comment",
      question: "Attached to",
      answer: stories.find((s) => String(s.id) === answers.postId)?.title ?? "No story",
    },
  ];
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.question}>
          <dt>{row.question}</dt>
          <dd>{row.answer}</dd>
          <dd>
            <button type="submit" name="intent" value={`goto:${row.step}`} className="link-button link-button--dark">
              Change<span className="visually-hidden"> {row.question.toLowerCase()}</span>
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}
