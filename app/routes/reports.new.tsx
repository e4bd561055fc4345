import { randomUUID } from "node:crypto";

import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { CouncilField } from "~/components/council-field";
import { DraftControls, SaveDraftButton } from "~/components/draft-controls";
import { FindingsForm } from "~/components/findings";
import {
  ErrorSummary,
  type FieldErrors,
  fieldsOf,
  MonthYearInput,
  RadioGroup,
  TextArea,
  TextField,
} from "~/components/forms";
import {
  advance,
  answersFromReport,
  answersSoFar,
  type Answers,
  COUNCIL_NOT_FOUND,
  parseStep,
  previousStep,
  questionOf,
  relevant,
  SECTIONS,
  show,
  type ShownStep,
  stepOf,
  summaryRows,
  type WizardStep,
  wordingFor,
} from "~/domain/reports/wizard";
import { isRefusal } from "~/domain/forms";
import { DraftProblem, parseDraftId, readReportDraft, reportDraftFields } from "~/domain/drafts/drafts";
import { requirePermission } from "~/server/accounts/guards.server";
import { deleteDraft, getDraft, saveDraft } from "~/server/drafts/drafts.server";
import { formFailure, isUnavailable, readForm, submissionKeyFrom, type FormValues } from "~/server/http/forms.server";
import { listCouncils, resolveArea } from "~/server/reference/reference.server";
import { consume } from "~/server/http/rate-limit.server";
import { changeReport, createReport, getOwnReport, listOwnStories } from "~/server/reports/reports.server";

export const meta: MetaFunction = () => [{ title: "Report your experience – Fifth Option" }];

// A member's own answers: never kept by any cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const options = (record: Record<string, string | { label: string }>) =>
  Object.entries(record).map(([value, item]) => ({ value, label: typeof item === "string" ? item : item.label }));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:create");
  const url = new URL(request.url);
  const [councils, stories] = await Promise.all([listCouncils(), listOwnStories(user.id)]);
  // A report kept as a draft continues at the step it was saved on (the member's own draft only).
  const draftId = parseDraftId(url.searchParams.get("draft"));
  const found = draftId === null ? null : await getDraft(user.id, draftId, "report");
  const draft = found ? readReportDraft(found.fields) : null;
  // Changing a report they gave starts at check your answers (their own report only: else 404).
  const changeId = parseDraftId(url.searchParams.get("change"));
  const changing = changeId === null ? null : await getOwnReport(user.id, changeId);
  if (changeId !== null && !changing) throw new Response("Not found", { status: 404 });
  const answers = changing
    ? answersFromReport(changing)
    : relevant(draft?.answers ?? { perspective: user.perspective, postId: url.searchParams.get("story") ?? "" });
  return {
    councils: councils.map((c) => c.name),
    stories,
    initial: {
      answers,
      step: changing ? "check" : draft ? parseStep(draft.step) : "council",
      draftId: found?.id ?? null,
      draftSaved: Boolean(found) && url.searchParams.get("saved") === "1",
      submissionKey: randomUUID(),
    },
  };
}

/** A step to show: as it is, or (with errors) through the one failed-form answer. */
function answer(shown: ShownStep, values: FormValues, submissionKey: string, status: number = shown.status) {
  const { step, answers, findings, errors, returning } = shown;
  if (status === 200) return data({ step, answers, submissionKey, errors, findings, returning });
  return formFailure(errors, values, { status, extra: { step, answers, submissionKey, findings, returning } });
}

const UNSAVED =
  "Your report has not been saved: we could not reach our database. Your answers are still here. Please try again in a minute.";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "report:create");
  const values = await readForm(request);
  const submissionKey = submissionKeyFrom(values.submissionKey);
  const draftId = parseDraftId(values.draftId) ?? parseDraftId(new URL(request.url).searchParams.get("draft"));

  // "Save and come back later": every answer so far, this page's included, and the step.
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

  const { answers, council, report, changing } = outcome;
  try {
    const area = await resolveArea(council);
    if (!area) return answer(show("council", answers, { council: COUNCIL_NOT_FOUND }), values, submissionKey);
    await consume("writesPerUser", String(user.id));
    const saved =
      changing === null
        ? await createReport(user.id, { ...report, areaCode: area.code }, submissionKey)
        : await changeReport(user.id, changing, { ...report, areaCode: area.code });
    if (!saved) throw new Response("Not found", { status: 404 });
    await deleteDraft(user.id, draftId);
    return redirect(`/reports/thanks?id=${saved.id}${changing === null ? "" : "&changed=1"}`);
  } catch (error) {
    if (isRefusal(error)) {
      // Shown on the step that asks the refused field: a watched word in the comment, an unknown
      // council on its page; anything about the whole report (too many tries) on the check page.
      const field = error.field === "area" ? "council" : error.field === "body" ? "comment" : undefined;
      const message = field === "council" ? COUNCIL_NOT_FOUND : error.message;
      const shown = show(stepOf(field), answers, { [field ?? "form"]: message }, [], true);
      return answer(shown, values, submissionKey, error.status);
    }
    if (isUnavailable(error)) return answer(show("check", answers, { form: UNSAVED }), values, submissionKey, 503);
    throw error;
  }
}

export default function NewReport() {
  const { councils, stories, initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const step: WizardStep = result?.step ?? initial.step;
  const answers: Answers = result?.answers ?? initial.answers;
  const submissionKey = result?.submissionKey ?? initial.submissionKey;
  const errors: FieldErrors = result?.errors ?? {};
  const findings = result?.findings ?? [];
  const returning = result?.returning ?? false;
  const question = questionOf(step);
  const changing = Boolean(answers.reportId);
  // From a Change link, Back returns to check your answers.
  const back = returning ? "check" : previousStep(step, answers);

  return (
    <>
      <ErrorSummary errors={errors} />
      <p className="caption">
        {changing ? "Changing your report" : "Report your experience"}
        {question ? ` · ${SECTIONS[question.section]}` : ""}
      </p>
      {question ? null : <h1>Check your answers before sending</h1>}
      {step === "council" && !changing ? (
        <p>
          Your answers are counted with others&apos; on the outcomes pages. Numbers about fewer than 5 people are never
          shown.
        </p>
      ) : null}
      {step === "comment" && findings.length > 0 ? (
        <FindingsForm
          fields={{
            answers: JSON.stringify(answers),
            submissionKey,
            step: "comment",
            returnTo: returning ? "check" : undefined,
            comment: answers.comment ?? "",
            postId: answers.postId ?? "",
          }}
          heading="Your comment may contain something that could identify someone"
          findings={findings}
          fieldNames={{ comment: "your comment" }}
          keep={{ name: "keep", value: "1", label: "Keep my comment as it is" }}
        />
      ) : null}
      <Form method="post" noValidate key={`${step}-${JSON.stringify(errors)}-${answers.comment ?? ""}`}>
        <input type="hidden" name="answers" value={JSON.stringify(answers)} />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" name="step" value={step} />
        {returning ? <input type="hidden" name="returnTo" value="check" /> : null}
        <DraftControls draftKind="report" draftId={initial.draftId} saved={initial.draftSaved && !result} />
        {question ? (
          <QuestionFields step={step} answers={answers} errors={errors} councils={councils} stories={stories} />
        ) : (
          <CheckAnswers answers={answers} stories={stories} />
        )}
        <div className="button-row">
          <button type="submit" className="button" name="intent" value={step === "check" ? "submit" : "continue"}>
            {step !== "check" ? "Continue" : changing ? "Save the changes" : "Send report"}
          </button>
          {back ? (
            <button type="submit" className="button button--secondary" name="intent" value={`goto:${back}`}>
              Back
            </button>
          ) : null}
          <SaveDraftButton label="Save and come back later" />
        </div>
      </Form>
    </>
  );
}

/** One question page: the question is the page's heading (GOV.UK question pages). */
function QuestionFields({
  step,
  answers,
  errors,
  councils,
  stories,
}: {
  step: WizardStep;
  answers: Answers;
  errors: FieldErrors;
  councils: string[];
  stories: { id: number; title: string }[];
}) {
  const question = questionOf(step);
  if (!question) return null;
  const wording = wordingFor(answers.perspective);
  const title = question.title[wording];
  const hint = question.hint?.[wording];
  const heading = <h1 className="question-heading">{title}</h1>;
  // What every one-field question page passes to its field.
  const field = fieldsOf(errors, answers);
  const asked = { ...field(step), hint };
  switch (step) {
    case "council":
      return (
        <CouncilField
          label={title}
          hint={hint ?? ""}
          councils={councils}
          defaultValue={answers.council}
          errors={errors}
          heading
        />
      );
    case "period":
      return (
        <MonthYearInput
          name="period"
          legend={heading}
          hint={hint}
          errors={errors}
          month={answers.periodMonth}
          year={answers.periodYear}
        />
      );
    case "weeksToSupport":
    case "unpaidHours":
      return (
        <TextField
          {...asked}
          label={title}
          width="short"
          inputMode={step === "weeksToSupport" ? "numeric" : "decimal"}
          heading
        />
      );
    case "paidSupport":
      return (
        <fieldset className="fieldset">
          <legend className="legend">{heading}</legend>
          <TextField
            {...field("hourlyRate")}
            label="Hourly rate paid for personal assistance or agency support, in pounds"
            hint="For example, 13.50"
            width="short"
            inputMode="decimal"
          />
          <TextField
            {...field("paidHours")}
            label="Hours of paid support a week"
            hint="For example, 20"
            width="short"
            inputMode="decimal"
          />
        </fieldset>
      );
    case "comment":
      return (
        <>
          <TextArea {...field("comment")} label={title} hint={hint} rows={5} heading />
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
    default:
      return <RadioGroup {...asked} legend={heading} options={options(question.options ?? {})} />;
  }
}

/** Check your answers: one list per section, each answer with a Change link that comes back here. */
function CheckAnswers({ answers, stories }: { answers: Answers; stories: { id: number; title: string }[] }) {
  const rows = summaryRows(answers, stories);
  const sections = [...new Set(rows.map((row) => row.section))];
  return (
    <>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`check-${section}`}>
          <h2 id={`check-${section}`}>{SECTIONS[section]}</h2>
          <dl className="summary-list">
            {rows
              .filter((row) => row.section === section)
              .map((row) => (
                <div className="summary-list__row" key={row.question}>
                  <dt>{row.question}</dt>
                  <dd>{row.answer}</dd>
                  <dd>
                    <button
                      type="submit"
                      name="intent"
                      value={`goto:${row.step}`}
                      className="link-button link-button--dark"
                    >
                      Change<span className="visually-hidden"> {row.question.toLowerCase()}</span>
                    </button>
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <p>
        Your answers count on the outcomes pages as soon as you send them. You can change or withdraw your report later
        from “Your reports”.
      </p>
    </>
  );
}
