import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary, SubmitButton, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { findIdentifyingDetails } from "~/domain/anonymity/identifying-details";
import { postInputSchema } from "~/domain/posts/post-input";
import { requirePermission, requireUser } from "~/server/auth/guards.server";
import { isUnavailable, readForm, zodFieldErrors } from "~/server/forms.server";
import { editPost, getPostForEditing, UnknownReference } from "~/server/posting.server";
import { consume, RateLimited } from "~/server/rate-limit.server";
import { BlockedByWatchedWord } from "~/server/watched-words.server";

export const meta: MetaFunction = () => [{ title: "Edit your post – Fifth Option" }];

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

async function ownPost(request: Request, rawId: string | undefined) {
  await requireUser(request);
  const id = idSchema.safeParse(rawId);
  const post = id.success ? await getPostForEditing(id.data) : null;
  if (!post || post.status === "removed") throw new Response("Not found", { status: 404 });
  // Only the author may edit; the permission module says so, not this page.
  const user = await requirePermission(request, "content:edit", { authorId: post.authorId });
  return { user, post };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { post, user } = await ownPost(request, params.id);
  return { post, willReturnToReview: post.status === "published" && user.trustLevel < 1 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, post } = await ownPost(request, params.id);
  const values = await readForm(request);
  const parsed = postInputSchema.pick({ title: true, body: true }).safeParse(values);
  if (!parsed.success) return data({ errors: zodFieldErrors(parsed.error), values }, { status: 400 });
  try {
    await consume("writesPerUser", String(user.id));
    const findings = findIdentifyingDetails(parsed.data.body).map(({ kind, start, end, text, confidence }) => ({ kind, field: "body", start, end, text, confidence }));
    const result = await editPost(
      { id: user.id, trustLevel: user.trustLevel, perspective: user.perspective },
      { id: post.id, title: parsed.data.title, body: parsed.data.body, version: Number(values.version), keptFindings: findings },
    );
    if ("conflict" in result) {
      return data({ errors: { form: "This post changed since you opened it. Copy your text, reload the page and try again." } as FieldErrors, values }, { status: 409 });
    }
    return redirect(`/stories/${post.id}?edited=${result.status}`);
  } catch (error) {
    if (error instanceof RateLimited) return data({ errors: { form: error.message } as FieldErrors, values }, { status: 429 });
    if (error instanceof BlockedByWatchedWord) return data({ errors: { body: error.message } as FieldErrors, values }, { status: 400 });
    if (error instanceof UnknownReference) return data({ errors: { form: error.message } as FieldErrors, values }, { status: 400 });
    if (isUnavailable(error)) {
      return data({ errors: { form: "Your changes have not been saved: we could not reach our database. Your text is still here." } as FieldErrors, values }, { status: 503 });
    }
    throw error;
  }
}

export default function EditPost() {
  const { post, willReturnToReview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values = result?.values ?? { title: post.title, body: post.bodyMarkdown };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Edit your post</h1>
      {willReturnToReview ? <p className="notice">After you save, a moderator will read your post again before others can see the changes.</p> : null}
      <Form method="post" noValidate>
        <input type="hidden" name="version" value={post.version} />
        <TextField name="title" label="Title" error={errors.title} defaultValue={values.title} />
        <TextArea name="body" label="Your post" error={errors.body} defaultValue={values.body} rows={14} />
        <div className="button-row">
          <SubmitButton>Save changes</SubmitButton>
          <Link to={`/stories/${post.id}`}>Cancel</Link>
        </div>
      </Form>
    </>
  );
}
