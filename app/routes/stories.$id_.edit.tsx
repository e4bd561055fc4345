import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { BylineScopeField, NarrowingNotice } from "~/components/byline-scope";
import { CouncilField } from "~/components/council-field";
import { FindingsPanel } from "~/components/findings";
import {
  ErrorSummary,
  type FieldErrors,
  fieldsOf,
  RadioGroup,
  SubmitButton,
  TextArea,
  TextField,
} from "~/components/forms";
import { HiddenFields, TagFields } from "~/components/post-fields";
import { PostHeading } from "~/components/post-heading";
import type { Area, BylineScope } from "~/domain/anonymity/byline";
import { checkTexts, type locateFindings, type Located } from "~/domain/anonymity/redaction";
import { postInputSchema } from "~/domain/posts/post-input";
import type { Perspective } from "~/domain/taxonomy";
import { isRefusal, type Refusal } from "~/domain/forms";
import { requireOwnToEdit } from "~/server/accounts/guards.server";
import {
  type FormValues,
  isUnavailable,
  readFormWithLists,
  zodFieldErrors,
  formFailure,
} from "~/server/http/forms.server";
import { bylineWarning, editPost, getPostForEditing } from "~/server/posts/write.server";
import { listCouncils, listTags, resolveArea, UnknownCouncil } from "~/server/reference/reference.server";
import { previewHeading } from "~/server/posts/read.server";
import { consume } from "~/server/http/rate-limit.server";
import { needsPreModeration } from "~/domain/accounts/trust";

export const meta: MetaFunction = () => [{ title: "Edit your post – Fifth Option" }];

const FIELDS = ["title", "body"] as const;
// Every field of the form, carried into the findings and byline forms as hidden inputs.
const KEYS = ["title", "body", "version", "council", "displayMode", "bylineScope", "placeFields"];

async function ownPost(request: Request, rawId: string | undefined) {
  const { user, item } = await requireOwnToEdit(request, rawId, getPostForEditing);
  return { user, post: item };
}

type Post = NonNullable<Awaited<ReturnType<typeof getPostForEditing>>>;
type User = Awaited<ReturnType<typeof ownPost>>["user"];

/** What the page shows of the post as it would be published, and whether its byline narrows. */
async function describe(
  user: User,
  post: Post,
  choice: { area: Area | null; tags: string[]; displayMode: "handle" | "anonymous"; bylineScope: BylineScope },
) {
  const byline = {
    areaCode: choice.area?.code ?? null,
    displayMode: choice.displayMode,
    bylineScope: choice.bylineScope,
  };
  const [heading, warning] = await Promise.all([
    previewHeading({
      kind: post.kind,
      ...byline,
      handle: user.handle,
      perspective: user.perspective as Perspective,
      area: choice.area,
      tags: choice.tags,
      date: post.publishedAt ?? new Date(),
    }),
    bylineWarning(user, byline),
  ]);
  return { heading, warning };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { post, user } = await ownPost(request, params.id);
  const [councils, tags, shown] = await Promise.all([
    listCouncils(),
    listTags(),
    describe(user, post, {
      area: post.area,
      tags: post.tags,
      displayMode: post.displayMode,
      bylineScope: post.bylineScope,
    }),
  ]);
  return {
    post: { id: post.id, version: post.version, title: post.title, body: post.bodyMarkdown },
    initial: {
      values: {
        title: post.title,
        body: post.bodyMarkdown,
        council: post.area?.name ?? "",
        displayMode: post.displayMode,
        bylineScope: post.bylineScope,
        version: String(post.version),
        placeFields: "1",
      } as FormValues,
      tags: post.tags,
    },
    ...shown,
    councils: councils.map((c) => c.name),
    allTags: tags,
    handle: user.handle,
    willReturnToReview: post.status === "published" && needsPreModeration(user.trustLevel),
  };
}

const placeSchema = postInputSchema.pick({ tags: true, displayMode: true, bylineScope: true });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, post } = await ownPost(request, params.id);
  const { values, list } = await readFormWithLists(request);
  // Forms from before the place fields existed send only the text: the place stays as it was.
  const withPlace = values.placeFields === "1";
  const tags = withPlace ? list("tags") : post.tags;
  const reply = (extra: {
    findings?: ReturnType<typeof locateFindings<"title" | "body">>;
    shown?: Awaited<ReturnType<typeof describe>> | null;
  }) => data({ values, tags, errors: {} as FieldErrors, findings: extra.findings ?? [], shown: extra.shown ?? null });
  // A refusal about the tags belongs to the first tag group's box; about the post, to the whole form.
  const failed = (failure: FieldErrors | Refusal, status?: number) =>
    formFailure(failure, values, {
      status,
      fields: { tags: "tag-topic", post: "form" },
      extra: { tags, findings: [] as Located<"title" | "body">[], shown: null },
    });

  const parsed = postInputSchema.pick({ title: true, body: true }).safeParse(values);
  const place = withPlace ? placeSchema.safeParse({ ...values, tags }) : null;
  const errors: FieldErrors = {
    ...(parsed.success ? {} : zodFieldErrors(parsed.error)),
    ...(place && !place.success ? zodFieldErrors(place.error) : {}),
  };
  if (errors.tags) {
    errors["tag-topic"] = errors.tags;
    delete errors.tags;
  }
  let area: Area | null = post.area;
  if (withPlace) {
    try {
      area = await resolveArea(values.council ?? "");
    } catch (error) {
      if (error instanceof UnknownCouncil) errors.council = error.message;
      else throw error;
    }
  }
  if (!parsed.success || (place && !place.success) || Object.values(errors).some(Boolean)) return failed(errors);

  const choice = {
    area,
    tags,
    displayMode: place?.success ? place.data.displayMode : post.displayMode,
    bylineScope: place?.success ? place.data.bylineScope : post.bylineScope,
  };
  values.bylineScope = choice.bylineScope;
  // Replacing a detail, or choosing a wider byline, shows the page again; nothing is saved yet.
  // Saving with findings needs the author to have seen each one and pressed "keep".
  const check = checkTexts({ title: parsed.data.title, body: parsed.data.body }, FIELDS, {
    intent: values.intent,
    seen: values.seen,
    keep: values.keep === "1",
  });
  const { title, body } = check.texts;
  values.title = title;
  values.body = body;
  if (!check.ready || values.intent === "check") {
    return reply({ findings: check.findings, shown: await describe(user, post, choice) });
  }
  try {
    await consume("writesPerUser", String(user.id));
    const result = await editPost(
      { id: user.id, trustLevel: user.trustLevel, perspective: user.perspective },
      {
        id: post.id,
        title,
        body,
        version: Number(values.version),
        keptFindings: check.kept,
        place: withPlace
          ? { areaCode: area?.code ?? null, tags, displayMode: choice.displayMode, bylineScope: choice.bylineScope }
          : undefined,
      },
    );
    return redirect(`/stories/${post.id}?edited=${result.status}`);
  } catch (error) {
    // A stale edit (409), too many tries (429), a watched word (400 on the text), a tag or council
    // not on the list; a post that is gone is about the whole form.
    if (isRefusal(error)) return failed(error);
    if (isUnavailable(error)) {
      return failed(
        { form: "Your changes have not been saved: we could not reach our database. Your text is still here." },
        503,
      );
    }
    throw error;
  }
}

export default function EditPost() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values: FormValues = { ...loaded.initial.values, ...(result?.values ?? {}) };
  const field = fieldsOf(errors, values);
  const tags = result?.tags ?? loaded.initial.tags;
  const findings = result?.findings ?? [];
  const shown = result?.shown ?? (result ? null : { heading: loaded.heading, warning: loaded.warning });
  const { post } = loaded;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Edit your post</h1>
      {loaded.willReturnToReview ? (
        <p className="notice">
          After you save, a moderator will read your post again before others can see the changes.
        </p>
      ) : null}
      {findings.length > 0 ? (
        <Form method="post" replace>
          <HiddenFields values={values} keys={KEYS} lists={{ tags }} />
          <FindingsPanel
            heading={
              findings.length === 1
                ? "We found something that could identify someone"
                : `We found ${findings.length} things that could identify someone`
            }
            findings={findings}
            fieldNames={{ title: "your title", body: "your post" }}
            keep={{ name: "keep", value: "1", label: "Keep them and save" }}
          />
        </Form>
      ) : null}
      {shown?.warning ? (
        <Form method="post" replace>
          <HiddenFields values={values} keys={KEYS.filter((key) => key !== "bylineScope")} lists={{ tags }} />
          <input type="hidden" name="intent" value="check" />
          <NarrowingNotice warning={shown.warning} headingLevel={2} />
        </Form>
      ) : null}
      {shown ? (
        <section aria-labelledby="shown-heading" className="preview">
          <h2 id="shown-heading">How readers will see it</h2>
          <PostHeading post={shown.heading} title={values.title ?? ""} headingLevel={3} />
        </section>
      ) : null}
      <Form method="post" noValidate key={JSON.stringify([values.title, values.body, values.bylineScope])}>
        <input type="hidden" name="version" value={values.version ?? post.version} />
        <input type="hidden" name="placeFields" value="1" />
        <TextField {...field("title")} label="Title" />
        <TextArea {...field("body")} label="Your post" rows={14} />
        <CouncilField
          label="Council (optional)"
          hint="Start typing and choose from the list. Leave it empty if you would rather not say."
          councils={loaded.councils}
          defaultValue={values.council}
          errors={errors}
        />
        <BylineScopeField defaultValue={values.bylineScope} error={errors.bylineScope} />
        <TagFields tags={loaded.allTags} chosen={tags} errors={errors} />
        <RadioGroup
          {...field("displayMode")}
          legend="How should your name be shown?"
          options={[
            { value: "anonymous", label: "Anonymously, by your perspective and region" },
            {
              value: "handle",
              label: `Under my name, ${loaded.handle}`,
              hint: "Only your name is shown: not your perspective.",
            },
          ]}
        />
        <div className="button-row">
          <SubmitButton>Save changes</SubmitButton>
          <SubmitButton name="intent" value="check" secondary>
            Check how it will look
          </SubmitButton>
          <Link to={`/stories/${post.id}`}>Cancel</Link>
        </div>
      </Form>
    </>
  );
}
