import { randomUUID } from "node:crypto";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { CouncilField } from "~/components/council-field";
import { FindingItems } from "~/components/findings";
import { CheckboxGroup, ErrorSummary, RadioGroup, SubmitButton, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { type Finding, findIdentifyingDetails, redactFinding } from "~/domain/anonymity/identifying-details";
import { renderWithHighlights } from "~/domain/anonymity/highlight";
import { GUIDED_PROMPTS, joinGuidedStory, POST_KINDS, postInputSchema, TAGS_MAX, TITLE_MAX, BODY_MAX_WORDS } from "~/domain/posts/post-input";
import { PERSPECTIVES } from "~/domain/taxonomy";
import { requirePermission } from "~/server/auth/guards.server";
import { isUnavailable, readFormWithLists, submissionKeyFrom, zodFieldErrors, type FormValues } from "~/server/forms.server";
import { createPost, listCouncils, listTagsByGroup, resolveArea, UnknownReference } from "~/server/posting.server";
import { consume, RateLimited } from "~/server/rate-limit.server";
import { BlockedByWatchedWord } from "~/server/watched-words.server";

export const meta: MetaFunction = () => [{ title: "Share your story – Fifth Option" }];

const TAG_GROUP_LABELS = {
  topic: "Topics",
  support_arrangement: "Support arrangement",
  client_group: "Whose support it is",
  feeling: "How it left you feeling",
} as const;

// Councils and tags rarely change; the last good copy lets the form still show (with the text
// someone typed) while the database is briefly unreachable.
let referenceCache: { councils: string[]; tags: { slug: string; label: string; group: string }[] } | null = null;

export async function loader({ request }: LoaderFunctionArgs) {
  const guided = new URL(request.url).searchParams.get("guided") === "1";
  try {
    const user = await requirePermission(request, "post:create");
    const [councils, tags] = await Promise.all([listCouncils(), listTagsByGroup()]);
    referenceCache = { councils: councils.map((c) => c.name), tags };
    return {
      guided,
      ...referenceCache,
      submissionKey: randomUUID(),
      anonymousByline: PERSPECTIVES[user.perspective as keyof typeof PERSPECTIVES]?.byline ?? "a member",
      handle: user.handle,
      preModerated: user.trustLevel < 1,
    };
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    return {
      guided,
      councils: referenceCache?.councils ?? [],
      tags: referenceCache?.tags ?? [],
      submissionKey: randomUUID(),
      anonymousByline: "a member",
      handle: "you",
      preModerated: false,
    };
  }
}

// When saving failed because the database was down, keep the page as it is: re-running the
// loader would swap the form (and the person's text) for an error page.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "unsaved" in actionResult ? false : defaultShouldRevalidate;

type Located = Finding & { field: "title" | "body"; index: number };

function locateFindings(title: string, body: string): Located[] {
  const inTitle = findIdentifyingDetails(title).map((f) => ({ ...f, field: "title" as const }));
  const inBody = findIdentifyingDetails(body).map((f) => ({ ...f, field: "body" as const }));
  return [...inTitle, ...inBody].map((f, index) => ({ ...f, index }));
}

function answer(payload: {
  values: FormValues;
  tags: string[];
  errors?: FieldErrors;
  preview?: { html: string; findings: Located[] } | null;
  status?: number;
}) {
  const { status = 200, ...rest } = payload;
  // A new revision remounts the form so its fields show the (possibly redacted) text.
  return data({ errors: {}, preview: null, revision: randomUUID(), ...rest }, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const { values, list } = await readFormWithLists(request);
  const tags = list("tags");
  try {
    return await writePost(request, values, tags);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    return data(
      {
        errors: { form: "Your post has not been saved: we could not reach our database. Your text is still here. Please try again in a minute." } as FieldErrors,
        values,
        tags,
        preview: null,
        revision: randomUUID(),
        unsaved: true,
      },
      { status: 503 },
    );
  }
}

async function writePost(request: Request, values: FormValues, submittedTags: string[]) {
  let tags = submittedTags;
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

  const parsed = postInputSchema.safeParse({ ...values, body: values.body ?? "", title: values.title ?? "", tags });
  let errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (errors.tags) errors = { ...errors, "tag-topic": errors.tags, tags: undefined };
  let area: { code: string } | null = null;
  try {
    area = await resolveArea(values.council ?? "");
  } catch (error) {
    if (error instanceof UnknownReference) errors.council = error.message;
    else throw error;
  }
  if (!parsed.success || Object.values(errors).some(Boolean)) {
    return answer({ values, tags, errors, status: 400 });
  }

  let title = parsed.data.title;
  let body = parsed.data.body;
  let findings = locateFindings(title, body);

  if (intent.startsWith("redact")) {
    const targets = intent === "redact-all" ? findings : findings.filter((f) => String(f.index) === intent.slice("redact:".length));
    // Right to left, so earlier offsets stay valid.
    for (const finding of [...targets].sort((a, b) => b.start - a.start)) {
      if (finding.field === "title") title = redactFinding(title, finding);
      else body = redactFinding(body, finding);
    }
    values.title = title;
    values.body = body;
    findings = locateFindings(title, body);
  }

  if (intent !== "publish") {
    const html = renderWithHighlights(body, findings.filter((f) => f.field === "body"));
    return answer({ values, tags, preview: { html, findings } });
  }

  try {
    await consume("writesPerUser", String(user.id));
    const post = await createPost(
      { id: user.id, trustLevel: user.trustLevel, perspective: user.perspective },
      {
        ...parsed.data,
        areaCode: area?.code ?? null,
        // What the author saw and chose to keep: shown to moderators, highlighted.
        keptFindings: findings.map(({ kind, field, start, end, text, confidence }) => ({ kind, field, start, end, text, confidence })),
      },
      submissionKeyFrom(values.submissionKey),
    );
    return redirect(`/stories/${post.id}?posted=1`);
  } catch (error) {
    if (error instanceof RateLimited) return answer({ values, tags, errors: { form: error.message }, status: 429 });
    if (error instanceof BlockedByWatchedWord) return answer({ values, tags, errors: { body: error.message }, status: 400 });
    if (error instanceof UnknownReference) {
      tags = [];
      return answer({ values, tags, errors: { "tag-topic": error.message }, status: 400 });
    }
    throw error;
  }
}

export default function NewStory() {
  const { guided, councils, tags: allTags, submissionKey, anonymousByline, handle, preModerated } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values: FormValues = result?.values ?? {};
  const chosenTags = result?.tags ?? [];
  const preview = result?.preview ?? null;
  const showGuided = guided && !result;
  const groups = (Object.keys(TAG_GROUP_LABELS) as (keyof typeof TAG_GROUP_LABELS)[]).map((group) => ({
    group,
    options: allTags.filter((t) => t.group === group).map((t) => ({ value: t.slug, label: t.label })),
  }));

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Share your story</h1>
      {preModerated ? (
        <p className="notice">As a new member, a moderator will read your post before others can see it. This usually takes a day.</p>
      ) : null}
      {showGuided ? (
        <p>
          <Link to="/stories/new">Write it in one box instead</Link>
        </p>
      ) : !result ? (
        <p>
          Not sure where to start? <Link to="/stories/new?guided=1">Answer three short questions instead</Link>
        </p>
      ) : null}

      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview: this is exactly what will be published</h2>
          {preview.findings.length > 0 ? (
            <div className="findings" role="status">
              <h3>We found {preview.findings.length === 1 ? "something that could identify someone" : `${preview.findings.length} things that could identify someone`}</h3>
              <p>Replace each with a neutral word, or keep it if you are sure it is safe to share.</p>
              <Form method="post" replace>
                <HiddenValues values={values} tags={chosenTags} />
                <FindingItems
                  findings={preview.findings.map((f) => ({
                    index: f.index,
                    text: f.text,
                    placeholder: f.placeholder,
                    where: `in your ${f.field} looks like ${describe(f.kind)}`,
                  }))}
                />
                <button type="submit" name="intent" value="redact-all" className="button button--secondary">
                  Replace them all
                </button>
              </Form>
            </div>
          ) : (
            <p className="notice notice--success" role="status">
              We did not find anything that looks like a name, address, phone number or other identifying detail.
            </p>
          )}
          <div className="preview">
            <h3>{values.title}</h3>
            <p className="byline">By {values.displayMode === "handle" ? handle : anonymousByline}</p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html }} />
          </div>
        </section>
      ) : null}

      <Form method="post" noValidate key={result?.revision ?? "new"}>
        <input type="hidden" name="submissionKey" value={values.submissionKey ?? submissionKey} />
        <input type="hidden" name="guided" value={showGuided ? "1" : "0"} />
        <RadioGroup
          name="kind"
          legend="What are you posting?"
          error={errors.kind}
          defaultValue={values.kind ?? "story"}
          options={Object.entries(POST_KINDS).map(([value, k]) => ({ value, label: k.label, hint: k.hint }))}
        />
        <TextField name="title" label="Title" hint={`Up to ${TITLE_MAX} characters.`} error={errors.title} defaultValue={values.title} />
        {showGuided ? (
          GUIDED_PROMPTS.map((prompt) => (
            <TextArea key={prompt.name} name={prompt.name} label={prompt.label} rows={5} error={errors.body} />
          ))
        ) : (
          <TextArea
            name="body"
            label="Your post"
            hint={`Up to ${BODY_MAX_WORDS.toLocaleString("en-GB")} words. You can use Markdown: *italic*, **bold**, lists, > quotes and links. Please leave out names, addresses and anything else that could identify someone.`}
            error={errors.body}
            defaultValue={values.body}
            rows={14}
          />
        )}
        <CouncilField
          label="Council (optional)"
          hint="Start typing and choose from the list. Leave it empty if you would rather not say."
          councils={councils}
          defaultValue={values.council}
          errors={errors}
        />
        <div className={`form-group${errors["tag-topic"] ? " form-group--error" : ""}`}>
          <h2 className="legend">Tags (up to {TAGS_MAX})</h2>
          {groups.map(({ group, options }, index) => (
            <CheckboxGroup
              key={group}
              name="tags"
              idPrefix={`tag-${group}`}
              legend={TAG_GROUP_LABELS[group]}
              options={options}
              checked={chosenTags}
              error={index === 0 ? errors["tag-topic"] : undefined}
            />
          ))}
        </div>
        <RadioGroup
          name="displayMode"
          legend="How should your name be shown?"
          error={errors.displayMode}
          defaultValue={values.displayMode ?? "anonymous"}
          options={[
            { value: "anonymous", label: `Anonymously, as “${anonymousByline}”`, hint: "Your region is added if you choose a council." },
            { value: "handle", label: `Under my name, ${handle}` },
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
        </div>
      </Form>
    </>
  );
}

function HiddenValues({ values, tags }: { values: FormValues; tags: string[] }) {
  const keys = ["submissionKey", "kind", "title", "body", "council", "displayMode"];
  return (
    <>
      <input type="hidden" name="guided" value="0" />
      {keys.map((key) => (
        <input key={key} type="hidden" name={key} value={values[key] ?? ""} />
      ))}
      {tags.map((tag) => (
        <input key={tag} type="hidden" name="tags" value={tag} />
      ))}
    </>
  );
}

const KIND_WORDS: Record<string, string> = {
  email: "an email address",
  phone: "a phone number",
  postcode: "a postcode",
  nhs_number: "an NHS number",
  ni_number: "a National Insurance number",
  address: "a street address",
  date_of_birth: "a date of birth",
  social_profile: "a social media profile",
  name: "a person's name",
};

function describe(kind: string): string {
  return KIND_WORDS[kind] ?? "an identifying detail";
}
