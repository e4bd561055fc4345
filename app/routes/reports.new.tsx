import { randomUUID } from "node:crypto";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { CouncilField } from "~/components/council-field";
import { DraftControls, SaveDraftButton } from "~/components/draft-controls";
import { FindingsPanel } from "~/components/findings";
import { ErrorSummary, RadioGroup, TextArea, TextField, type FieldErrors } from "~/components/forms";
import {
  BUDGET_CHANGES,
  BUDGET_COVERAGE,
  CLIENT_GROUPS,
  EASE,
  OUTCOME_RATINGS,
  outcomeDomainsFor,
  PERSPECTIVES,
  PLAN_LEADS,
  recentQuarters,
  type StepName,
  SUPPORT_ARRANGEMENTS,
} from "~/domain/reports/report-input";
import {
  advance,
  answersSoFar,
  type Answers,
  asksAboutPay,
  COUNCIL_NOT_FOUND,
  parseStep,
  position,
  previousStep,
  show,
  type ShownStep,
  stepOf,
  type WizardStep,
} from "~/domain/reports/wizard";
import { isRefusal } from "~/domain/forms";
import { DraftProblem, parseDraftId, readReportDraft, reportDraftFields } from "~/domain/drafts/drafts";
import { requirePermission } from "~/server/accounts/guards.server";
import { deleteDraft, getDraft, saveDraft } from "~/server/drafts/drafts.server";
import { formFailure, isUnavailable, readForm, submissionKeyFrom, type FormValues } from "~/server/http/forms.server";
import { listCouncils, resolveArea } from "~/server/reference/reference.server";
import { consume } from "~/server/http/rate-limit.server";
import { createReport, listOwnStories } from "~/server/reports/reports.server";

export const meta: MetaFunction = () => [{ title: "Report your experience – Fifth Option" }];

const STEP_TITLES: Record<WizardStep, string> = {
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
      step: draft ? parseStep(draft.step) : ("where" as WizardStep),
      draftId: found?.id ?? null,
      draftSaved: Boolean(found) && url.searchParams.get("saved") === "1",
      submissionKey: randomUUID(),
    },
  };
}

/** A step to show: as it is, or (with errors) through the one failed-form answer. */
function answer(shown: ShownStep, values: FormValues, submissionKey: string, status: number = shown.status) {
  const { step, answers, findings, errors } = shown;
  if (status === 200) return data({ step, answers, submissionKey, errors, findings });
  return formFailure(errors, values, { status, extra: { step, answers, submissionKey, findings } });
}

const UNSAVED =
  "Your report has not been saved: we could not reach our database. Your answers are still here. Please try again in a minute.";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "report:create");
  const values = await readForm(request);
  const submissionKey = submissionKeyFrom(values.submissionKey);
  const draftId = parseDraftId(values.draftId) ?? parseDraftId(new URL(request.url).searchParams.get("draft"));

  // "Save draft": every answer so far, this page's included, and the step, kept as they are.
  if (values.intent === "draft") {
    const at = parseStep(values.step);
    const answers = answersSoFar(values);
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
        return answer(show(at, answers, { form: error.message }), values, submissionKey, error.status);
      throw error;
    }
  }

  // The council box takes a name or a code, as resolveArea does.
  const councils = await listCouncils();
  const known = new Set(councils.flatMap((c) => [c.name.toLowerCase(), c.code.toUpperCase()]));
  const isCouncil = (typed: string) => known.has(typed.trim().toLowerCase()) || known.has(typed.trim().toUpperCase());

  const outcome = advance(values, { today: new Date(), isCouncil });
  if (outcome.kind === "show") return answer(outcome, values, submissionKey);

  const { answers, council, report } = outcome;
  try {
    const area = await resolveArea(council);
    if (!area) return answer(show("where", answers, { council: COUNCIL_NOT_FOUND }), values, submissionKey);
    await consume("writesPerUser", String(user.id));
    const created = await createReport(user.id, { ...report, areaCode: area.code }, submissionKey);
    await deleteDraft(user.id, draftId);
    return redirect(`/reports/thanks?id=${created.id}`);
  } catch (error) {
    if (isRefusal(error)) {
      // Shown on the step that asks the refused field: a watched word in the comment, an unknown
      // council on "where"; anything about the whole report (too many tries) on the check page.
      const field = error.field === "area" ? "council" : error.field === "body" ? "comment" : undefined;
      const message = field === "council" ? COUNCIL_NOT_FOUND : error.message;
      const shown = show(stepOf(field, answers), answers, { [field ?? "form"]: message });
      return answer(shown, values, submissionKey, error.status);
    }
    if (isUnavailable(error)) return answer(show("check", answers, { form: UNSAVED }), values, submissionKey, 503);
    throw error;
  }
}

export default function NewReport() {
  const { councils, quarters, stories, initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const step: WizardStep = result?.step ?? initial.step;
  const answers: Answers = result?.answers ?? initial.answers;
  const submissionKey = result?.submissionKey ?? initial.submissionKey;
  const errors: FieldErrors = result?.errors ?? {};
  const findings = result?.findings ?? [];
  const { at, of } = position(step, answers);
  const previous = previousStep(step, answers);

  return (
    <>
      <ErrorSummary errors={errors} />
      <p className="muted">
        Report your experience · step {at} of {of}
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
  step: WizardStep;
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
      const paid = asksAboutPay(answers);
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
