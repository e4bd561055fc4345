import { randomUUID } from "node:crypto";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { BylineScopeField, NarrowingNotice } from "~/components/byline-scope";
import { CouncilField } from "~/components/council-field";
import { DraftControls, SaveDraftButton } from "~/components/draft-controls";
import { FindingsPanel } from "~/components/findings";
import { ErrorSummary, RadioGroup, SubmitButton, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { PostHeading } from "~/components/post-heading";
import { BodyField, HiddenFields, TagFields } from "~/components/post-fields";
import type { Area, NarrowingWarning } from "~/domain/anonymity/byline";
import { renderWithHighlights } from "~/domain/anonymity/highlight";
import { checkTexts, encodeSeen, type Located } from "~/domain/anonymity/redaction";
import {
  GUIDED_PROMPTS,
  joinGuidedStory,
  POST_KINDS,
  postInputSchema,
  TITLE_MAX,
  BODY_MAX_WORDS,
} from "~/domain/posts/post-input";
import { DraftProblem, draftValues, parseDraftId } from "~/domain/drafts/drafts";
import { PERSPECTIVES, type Perspective } from "~/domain/taxonomy";
import { isRefusal, type Refusal } from "~/domain/forms";
import { requirePermission } from "~/server/accounts/guards.server";
import { deleteDraft, getDraft, saveFormAsDraft } from "~/server/drafts/drafts.server";
import {
  isUnavailable,
  readFormWithLists,
  submissionKeyFrom,
  zodFieldErrors,
  type FormValues,
  formFailure,
} from "~/server/http/forms.server";
import { bylineWarning, createPost } from "~/server/posts/write.server";
import { listCouncils, listTags, resolveArea, UnknownCouncil } from "~/server/reference/reference.server";
import { previewHeading } from "~/server/posts/read.server";
import { consume } from "~/server/http/rate-limit.server";
import { needsPreModeration } from "~/domain/accounts/trust";

export const meta: MetaFunction = () => [{ title: "Share your story – Fifth Option" }];

// Councils and tags rarely change; the last good copy lets the form still show (with the text
// someone typed) while the database is briefly unreachable.
let referenceCache: { councils: string[]; tags: { slug: string; label: string; group: string }[] } | null = null;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const guided = url.searchParams.get("guided") === "1";
  const draftId = parseDraftId(url.searchParams.get("draft"));
  try {
    const user = await requirePermission(request, "post:create");
    const [councils, tags, found] = await Promise.all([
      listCouncils(),
      listTags(),
      draftId === null ? null : getDraft(user.id, draftId, "story"),
    ]);
    referenceCache = { councils: councils.map((c) => c.name), tags };
    return {
      guided: guided && !found,
      draft: found ? storyDraft(found.id, found.fields) : null,
      draftMissing: draftId !== null && !found,
      draftSaved: Boolean(found) && url.searchParams.get("saved") === "1",
      ...referenceCache,
      submissionKey: randomUUID(),
      anonymousByline: PERSPECTIVES[user.perspective as keyof typeof PERSPECTIVES]?.byline ?? "a member",
      handle: user.handle,
      preModerated: needsPreModeration(user.trustLevel),
    };
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    return {
      guided,
      draft: null,
      draftMissing: false,
      draftSaved: false,
      councils: referenceCache?.councils ?? [],
      tags: referenceCache?.tags ?? [],
      submissionKey: randomUUID(),
      anonymousByline: "a member",
      handle: "you",
      preModerated: false,
    };
  }
}

/** A story draft as the form's values: a draft kept from the three guided prompts continues as one body. */
function storyDraft(id: number, fields: Parameters<typeof draftValues>[0]) {
  const { values, tags } = draftValues(fields);
  if (!values.body && (values.whatHappened || values.whatWasGood || values.whatCouldBeBetter)) {
    values.body = joinGuidedStory({
      whatHappened: values.whatHappened,
      whatWasGood: values.whatWasGood,
      whatCouldBeBetter: values.whatCouldBeBetter,
    });
  }
  return { id, values: { ...values, draftId: String(id) }, tags };
}

// When saving failed because the database was down, keep the page as it is: re-running the
// loader would swap the form (and the person's text) for an error page.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "unsaved" in actionResult ? false : defaultShouldRevalidate;

const FIELDS = ["title", "body"] as const;

type Heading = Awaited<ReturnType<typeof previewHeading>>;

function answer(payload: {
  values: FormValues;
  tags: string[];
  preview: {
    html: string;
    findings: Located<(typeof FIELDS)[number]>[];
    heading: Heading;
    warning: NarrowingWarning | null;
  };
}) {
  // A new revision remounts the form so its fields show the (possibly redacted) text.
  return data({ errors: {} as FieldErrors, revision: randomUUID(), ...payload });
}

export async function action({ request }: ActionFunctionArgs) {
  const { values, list } = await readFormWithLists(request);
  const tags = list("tags");
  try {
    return await writePost(request, values, tags);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    return formFailure(
      {
        form: "Your post has not been saved: we could not reach our database. Your text is still here. Please try again in a minute.",
      },
      values,
      { status: 503, extra: { tags, preview: null, revision: randomUUID(), unsaved: true } },
    );
  }
}

async function writePost(request: Request, values: FormValues, submittedTags: string[]) {
  let tags = submittedTags;
  // A refusal about the tags belongs to the first tag group's box, about the council to its box.
  const failed = (failure: FieldErrors | Refusal) =>
    formFailure(failure, values, {
      fields: { tags: "tag-topic", area: "council" },
      extra: { tags, preview: null, revision: randomUUID() },
    });
  const user = await requirePermission(request, "post:create");
  const intent = values.intent ?? "preview";

  // The guided prompts become one body the first time the form comes back.
  if (values.guided === "1" && !values.body) {
    values.body = joinGuidedStory({
      whatHappened: values.whatHappened,
      whatWasGood: values.whatWasGood,
      whatCouldBeBetter: values.whatCouldBeBetter,
    });
  }
  values.guided = "0";

  // "Save draft": kept as it is, valid or not, and the form comes back filled in from the draft.
  if (intent === "draft") {
    try {
      const draftId = await saveFormAsDraft(user.id, "story", null, values, () => tags);
      if (draftId === null) {
        return failed({ title: "There is nothing to save yet: write a title or some of your story first." });
      }
      return redirect(`/stories/new?draft=${draftId}&saved=1`);
    } catch (error) {
      if (error instanceof DraftProblem)
        return formFailure({ form: error.message }, values, {
          status: error.status,
          extra: { tags, preview: null, revision: randomUUID() },
        });
      throw error;
    }
  }

  const parsed = postInputSchema.safeParse({ ...values, body: values.body ?? "", title: values.title ?? "", tags });
  let errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (errors.tags) errors = { ...errors, "tag-topic": errors.tags, tags: undefined };
  let area: Area | null = null;
  try {
    area = await resolveArea(values.council ?? "");
  } catch (error) {
    if (error instanceof UnknownCouncil) errors.council = error.message;
    else throw error;
  }
  if (!parsed.success || Object.values(errors).some(Boolean)) return failed(errors);

  // Publishing from the preview is the author's choice to keep what it showed.
  const check = checkTexts({ title: parsed.data.title, body: parsed.data.body }, FIELDS, {
    intent,
    seen: values.seen,
    keep: intent === "publish",
  });
  const { texts, findings } = check;
  const { title, body } = texts;
  if (check.redacted) {
    values.title = title;
    values.body = body;
  }
  const bylineScope = parsed.data.bylineScope;
  values.bylineScope = bylineScope;

  // Publishing keeps only what the preview showed: a detail added since goes back to the preview.
  if (intent !== "publish" || !check.ready) {
    const html = renderWithHighlights(
      body,
      findings.filter((f) => f.field === "body"),
    );
    const choice = { areaCode: area?.code ?? null, displayMode: parsed.data.displayMode, bylineScope };
    const [heading, warning] = await Promise.all([
      previewHeading({
        kind: parsed.data.kind,
        ...choice,
        handle: user.handle,
        perspective: user.perspective as Perspective,
        area,
        tags,
      }),
      bylineWarning(user, choice),
    ]);
    return answer({ values, tags, preview: { html, findings, heading, warning } });
  }

  try {
    await consume("writesPerUser", String(user.id));
    const post = await createPost(
      { id: user.id, trustLevel: user.trustLevel, perspective: user.perspective },
      {
        ...parsed.data,
        areaCode: area?.code ?? null,
        // What the author saw and chose to keep: shown to moderators, highlighted.
        keptFindings: check.kept,
      },
      submissionKeyFrom(values.submissionKey),
    );
    // Published (or sent for review): the draft it came from is no longer needed.
    await deleteDraft(user.id, parseDraftId(values.draftId));
    return redirect(`/stories/${post.id}?posted=1`);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // Tags that are not on the list are dropped, so the boxes show what can be chosen.
    if (error.field === "tags") tags = [];
    return failed(error);
  }
}

export default function NewStory() {
  const {
    guided,
    councils,
    tags: allTags,
    submissionKey,
    anonymousByline,
    handle,
    preModerated,
    draft,
    draftMissing,
    draftSaved,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values: FormValues = result?.values ?? draft?.values ?? {};
  const chosenTags = result?.tags ?? draft?.tags ?? [];
  const preview = result?.preview ?? null;
  const showGuided = guided && !result;

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Share your story</h1>
      <p>
        Please keep to the <Link to="/house-rules">house rules</Link>: leave out anything that could identify you or
        anyone else, and be kind.
      </p>
      {preModerated ? (
        <p className="notice">
          As a new member, a moderator will read your post before others can see it. This usually takes a day.
        </p>
      ) : null}
      {draftMissing ? (
        <p className="notice">That draft is no longer there: it may have been published or deleted.</p>
      ) : null}
      {showGuided ? (
        <p>
          <Link to="/stories/new">Write it in one box instead</Link>
        </p>
      ) : !result && !draft ? (
        <p>
          Not sure where to start? <Link to="/stories/new?guided=1">Answer three short questions instead</Link>
        </p>
      ) : null}

      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview: this is exactly what will be published</h2>
          {preview.findings.length > 0 ? (
            <Form method="post" replace>
              <HiddenValues values={values} tags={chosenTags} />
              <FindingsPanel
                headingLevel={3}
                heading={
                  preview.findings.length === 1
                    ? "We found something that could identify someone"
                    : `We found ${preview.findings.length} things that could identify someone`
                }
                findings={preview.findings}
                fieldNames={{ title: "your title", body: "your post" }}
              />
            </Form>
          ) : (
            <p className="notice notice--success" role="status">
              We did not find anything that looks like a name, address, phone number or other identifying detail.
            </p>
          )}
          {preview.warning ? (
            <Form method="post" replace>
              <HiddenValues values={values} tags={chosenTags} without={["bylineScope"]} />
              <input type="hidden" name="intent" value="preview" />
              <NarrowingNotice warning={preview.warning} />
            </Form>
          ) : null}
          <div className="preview">
            <PostHeading post={preview.heading} title={values.title ?? ""} headingLevel={3} />
            <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html }} />
          </div>
        </section>
      ) : null}

      <Form method="post" noValidate key={result?.revision ?? draft?.id ?? "new"}>
        <DraftControls draftKind="story" draftId={values.draftId} saved={draftSaved && !result} />
        <input type="hidden" name="submissionKey" value={values.submissionKey ?? submissionKey} />
        <input type="hidden" name="guided" value={showGuided ? "1" : "0"} />
        {preview ? <input type="hidden" name="seen" value={encodeSeen(preview.findings)} /> : null}
        <RadioGroup
          name="kind"
          legend="What are you posting?"
          error={errors.kind}
          defaultValue={values.kind ?? "story"}
          options={Object.entries(POST_KINDS).map(([value, k]) => ({ value, label: k.label, hint: k.hint }))}
        />
        <TextField
          name="title"
          label="Title"
          hint={`Up to ${TITLE_MAX} characters.`}
          error={errors.title}
          defaultValue={values.title}
        />
        {showGuided ? (
          GUIDED_PROMPTS.map((prompt) => (
            <TextArea key={prompt.name} name={prompt.name} label={prompt.label} rows={5} error={errors.body} />
          ))
        ) : (
          <BodyField
            label="Your post"
            hint={`Up to ${BODY_MAX_WORDS.toLocaleString("en-GB")} words. You can use Markdown: *italic*, **bold**, lists, > quotes and links. Please leave out names, addresses and anything else that could identify someone.`}
            rows={14}
            errors={errors}
            values={values}
          />
        )}
        <CouncilField
          label="Council (optional)"
          hint="Start typing and choose from the list. Leave it empty if you would rather not say."
          councils={councils}
          defaultValue={values.council}
          errors={errors}
        />
        <BylineScopeField defaultValue={values.bylineScope} error={errors.bylineScope} />
        <TagFields tags={allTags} chosen={chosenTags} errors={errors} />
        <RadioGroup
          name="displayMode"
          legend="How should your name be shown?"
          error={errors.displayMode}
          defaultValue={values.displayMode ?? "anonymous"}
          options={[
            {
              value: "anonymous",
              label: `Anonymously, as “${anonymousByline}”`,
              hint: "Your region is added if you choose a council.",
            },
            {
              value: "handle",
              label: `Under my name, ${handle}`,
              hint: "Only your name is shown: not your perspective.",
            },
          ]}
        />
        <div className="button-row">
          <SubmitButton name="intent" value="preview" secondary>
            Preview and check
          </SubmitButton>
          {preview ? (
            <SubmitButton name="intent" value="publish">
              {preModerated ? "Send for review" : "Publish"}
            </SubmitButton>
          ) : null}
          <SaveDraftButton />
        </div>
      </Form>
    </>
  );
}

function HiddenValues({ values, tags, without = [] }: { values: FormValues; tags: string[]; without?: string[] }) {
  const keys = ["submissionKey", "draftId", "kind", "title", "body", "council", "displayMode", "bylineScope"].filter(
    (key) => !without.includes(key),
  );
  return (
    <>
      <input type="hidden" name="guided" value="0" />
      <HiddenFields values={values} keys={keys} lists={{ tags }} />
    </>
  );
}
