import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ignoredIfBad } from "~/domain/forms";

import { ErrorSummary, RadioGroup, SubmitButton, TextArea, type FieldErrors } from "~/components/forms";
import { isRefusal } from "~/domain/forms";
import { requirePermission } from "~/server/accounts/guards.server";
import { readForm, zodFieldErrors, formFailure } from "~/server/http/forms.server";
import { flagContent } from "~/server/moderation/moderation.server";
import { consume } from "~/server/http/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Report something to the moderators – Fifth Option" }];

const targetSchema = z.object({
  post: ignoredIfBad(z.coerce.number().int().positive()),
  comment: ignoredIfBad(z.coerce.number().int().positive()),
});

const REASONS = [
  { value: "safeguarding", label: "Someone may be at risk of harm", hint: "We will also show you where to get help." },
  { value: "personal_information", label: "It has details that could identify someone" },
  { value: "abuse", label: "It is abusive or hateful" },
  { value: "spam", label: "It is spam or advertising" },
  { value: "other", label: "Something else" },
];

const flagSchema = z.object({
  reason: z.enum(["safeguarding", "personal_information", "abuse", "spam", "other"], {
    errorMap: () => ({ message: "Choose what the problem is" }),
  }),
  note: z.string().trim().max(1000, "Keep your note to 1,000 characters or fewer").optional(),
});

function targetOf(request: Request) {
  const { post, comment } = targetSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (comment) return { kind: "comment" as const, id: comment };
  if (post) return { kind: "post" as const, id: post };
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "content:flag");
  return targetOf(request);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content:flag");
  const target = targetOf(request);
  const values = await readForm(request);
  const parsed = flagSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  try {
    await consume("writesPerUser", String(user.id));
    const result = await flagContent(user, target, parsed.data.reason, parsed.data.note || null);
    if (parsed.data.reason === "safeguarding") return redirect("/help/safeguarding?reported=1");
    return redirect(`/stories/${result.postId}?flagged=1`);
  } catch (error) {
    // Already reported or already dealt with (409), too many reports (429).
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
}

export default function Flag() {
  const target = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Report this {target.kind === "post" ? "post" : "reply"} to the moderators</h1>
      <p>Only moderators see reports. The author is not told who reported it.</p>
      <Form method="post" noValidate>
        <RadioGroup
          name="reason"
          legend="What is the problem?"
          error={errors.reason}
          defaultValue={result?.values.reason}
          options={REASONS}
        />
        <TextArea
          name="note"
          label="Anything the moderators should know? (optional)"
          error={errors.note}
          defaultValue={result?.values.note}
          rows={4}
        />
        <SubmitButton>Send report</SubmitButton>
      </Form>
      <p>
        <Link to="/help/safeguarding">If someone is in danger, get help now</Link>
      </p>
    </>
  );
}
