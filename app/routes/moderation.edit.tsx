import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { FindingsForm } from "~/components/findings";
import { ErrorSummary, type FieldErrors, fieldsOf, SubmitButton, TextArea, TextField } from "~/components/forms";
import { checkTexts, locateFindings, type Located } from "~/domain/anonymity/redaction";
import { isRefusal } from "~/domain/forms";
import { requirePermission } from "~/server/accounts/guards.server";
import { readForm, formFailure } from "~/server/http/forms.server";
import { editAndApprove, getPendingForEditing } from "~/server/moderation/moderation.server";

export const meta: MetaFunction = () => [{ title: "Edit, then approve – Moderation – Fifth Option" }];

const targetSchema = z.object({ kind: z.enum(["post", "comment"]), id: z.coerce.number().int().positive() });

async function target(request: Request) {
  const parsed = targetSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const item = parsed.success ? await getPendingForEditing(parsed.data.kind, parsed.data.id) : null;
  if (!item) throw new Response("Not found", { status: 404 });
  const moderator = await requirePermission(request, "moderation:review", { authorId: item.authorId });
  return { moderator, item };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation:review");
  const { item } = await target(request);
  return { item, findings: locateFindings({ title: item.title ?? "", body: item.body }, FIELDS) };
}

const FIELDS = ["title", "body"] as const;

const NO_FINDINGS = { extra: { findings: [] as Located<(typeof FIELDS)[number]>[] } };

// The redaction editor: change the text (or replace a found detail in one click), say why, publish.
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "moderation:review");
  const { moderator, item } = await target(request);
  const values = await readForm(request);
  // The same check and one-click replacement as the author's own forms, over title and body.
  // Approving text that still has details in it needs the moderator to have seen each one.
  const check = checkTexts(
    { title: item.kind === "post" ? (values.title ?? item.title ?? "") : "", body: values.body ?? item.body },
    FIELDS,
    { intent: values.intent, seen: values.seen, keep: values.keep === "1" },
  );
  const { texts, findings } = check;
  const body = texts.body;
  if (check.redacted) {
    return data({
      errors: {} as FieldErrors,
      values: { ...values, ...(item.kind === "post" ? { title: texts.title } : {}), body },
      findings,
    });
  }
  if (!check.ready) return data({ errors: {} as FieldErrors, values, findings });
  const reason = (values.reason ?? "").trim();
  if (!reason)
    return formFailure({ reason: "Say what you changed and why: the author will see it" }, values, NO_FINDINGS);
  if (!body.trim()) return formFailure({ body: "The text cannot be empty" }, values, NO_FINDINGS);
  try {
    await editAndApprove(
      moderator,
      { kind: item.kind, id: item.id, version: Number(values.version) },
      { title: item.kind === "post" ? texts.title : null, body, keptFindings: check.kept },
      reason,
    );
  } catch (error) {
    // Another moderator got there first (409), or it is the moderator's own (403, as everywhere).
    if (isRefusal(error)) return formFailure(error, values, NO_FINDINGS);
    throw error;
  }
  return redirect("/moderation?edited=1");
}

export default function EditThenApprove() {
  const { item, findings: initialFindings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {
    title: item.title ?? "",
    body: item.body,
    version: String(item.version),
  };
  const field = fieldsOf(errors, values);
  const findings = result ? result.findings : initialFindings;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Edit, then approve</h1>
      <p>
        {item.kind === "post" ? "Post" : "Reply"} {item.id}. <Link to="/moderation">Back to the queue</Link>
      </p>
      {findings.length > 0 ? (
        <FindingsForm
          fields={{
            title: values.title ?? "",
            body: values.body ?? "",
            reason: values.reason ?? "",
            version: values.version ?? String(item.version),
          }}
          heading="Details that could identify someone"
          intro="Replace each with a neutral word, or keep it if it is safe to publish."
          findings={findings}
          fieldNames={{ title: "the title", body: "the text" }}
          keep={{ name: "keep", value: "1", label: "Keep them, save and approve" }}
        />
      ) : null}
      <Form method="post" noValidate key={`${values.title ?? ""}\n${values.body ?? ""}`}>
        <input type="hidden" name="version" value={values.version ?? item.version} />
        {item.kind === "post" ? <TextField name="title" label="Title" defaultValue={values.title} /> : null}
        <TextArea {...field("body")} label="Text" rows={12} />
        <TextArea {...field("reason")} label="What you changed and why (the author sees this)" rows={3} />
        <SubmitButton>Save and approve</SubmitButton>
      </Form>
    </>
  );
}
