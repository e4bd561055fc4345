import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { FindingsForm } from "~/components/findings";
import { ErrorSummary, type FieldErrors, fieldsOf, SubmitButton, TextArea } from "~/components/forms";
import { checkTexts } from "~/domain/anonymity/redaction";
import { commentInputSchema } from "~/domain/posts/post-input";
import { isRefusal } from "~/domain/forms";
import { requireOwnToEdit } from "~/server/accounts/guards.server";
import { isUnavailable, readForm, zodFieldErrors, formFailure } from "~/server/http/forms.server";
import { editComment, getCommentForEditing } from "~/server/posts/write.server";
import { replyAddress } from "~/server/posts/read.server";
import { consume } from "~/server/http/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Edit your reply – Fifth Option" }];

async function ownComment(request: Request, rawId: string | undefined) {
  const { user, item } = await requireOwnToEdit(request, rawId, getCommentForEditing);
  return { user, comment: item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { comment } = await ownComment(request, params.id);
  return { comment };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, comment } = await ownComment(request, params.id);
  const values = await readForm(request);
  const parsed = commentInputSchema.pick({ body: true }).safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values, { extra: { findings: [] } });
  // The same check as a new reply: each detail is shown, and saved only if the author keeps it.
  const check = checkTexts({ body: parsed.data.body }, ["body"], {
    intent: values.intent,
    seen: values.seen,
    keep: values.keep === "1",
  });
  const { body } = check.texts;
  values.body = body;
  if (!check.ready) return data({ errors: {} as FieldErrors, values, findings: check.findings });
  try {
    await consume("writesPerUser", String(user.id));
    const result = await editComment(
      { id: user.id, trustLevel: user.trustLevel, perspective: user.perspective },
      { id: comment.id, body, version: Number(values.version), keptFindings: check.kept },
    );
    return redirect(await replyAddress(result.postId, comment.id));
  } catch (error) {
    // A stale edit (409), too many tries (429), a watched word (400 on the text); a reply that is
    // gone is about the whole form.
    if (isRefusal(error)) return formFailure(error, values, { fields: { post: "form" }, extra: { findings: [] } });
    if (isUnavailable(error)) {
      return formFailure(
        { form: "Your changes have not been saved: we could not reach our database. Your text is still here." },
        values,
        { status: 503, extra: { findings: [] } },
      );
    }
    throw error;
  }
}

export default function EditComment() {
  const { comment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values = result?.values ?? { body: comment.bodyMarkdown };
  const field = fieldsOf(errors, values);
  const findings = result?.findings ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Edit your reply</h1>
      {findings.length > 0 ? (
        <FindingsForm
          fields={{ body: values.body ?? "", version: values.version ?? String(comment.version) }}
          heading="Your reply may contain something that could identify someone"
          findings={findings}
          fieldNames={{ body: "your reply" }}
          keep={{ name: "keep", value: "1", label: "Keep it and save" }}
        />
      ) : null}
      <Form method="post" noValidate key={values.body}>
        <input type="hidden" name="version" value={comment.version} />
        <TextArea {...field("body")} label="Your reply" rows={8} />
        <div className="button-row">
          <SubmitButton>Save changes</SubmitButton>
          <Link to={`/stories/${comment.postId}`}>Cancel</Link>
        </div>
      </Form>
    </>
  );
}
