import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { FindingItems } from "~/components/findings";
import { ErrorSummary, SubmitButton, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { findIdentifyingDetails, redactFinding } from "~/domain/anonymity/identifying-details";
import { requirePermission } from "~/server/auth/guards.server";
import { readForm } from "~/server/forms.server";
import { AlreadyHandled, editAndApprove, getPendingForEditing, OwnContent } from "~/server/moderation.server";

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
  return { item, findings: findIdentifyingDetails(item.body).map((f, index) => ({ ...f, index })) };
}

// The redaction editor: change the text (or replace a found detail in one click), say why, publish.
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "moderation:review");
  const { moderator, item } = await target(request);
  const values = await readForm(request);
  let body = values.body ?? item.body;
  if (values.intent?.startsWith("redact:")) {
    const finding = findIdentifyingDetails(body)[Number(values.intent.slice(7))];
    if (finding) body = redactFinding(body, finding);
    return data({ errors: {} as FieldErrors, values: { ...values, body }, findings: findIdentifyingDetails(body).map((f, index) => ({ ...f, index })) });
  }
  const reason = (values.reason ?? "").trim();
  if (!reason) return data({ errors: { reason: "Say what you changed and why: the author will see it" } as FieldErrors, values, findings: [] }, { status: 400 });
  if (!body.trim()) return data({ errors: { body: "The text cannot be empty" } as FieldErrors, values, findings: [] }, { status: 400 });
  try {
    await editAndApprove(moderator, { kind: item.kind, id: item.id, version: Number(values.version) }, { title: item.kind === "post" ? (values.title ?? item.title) : null, body }, reason);
  } catch (error) {
    if (error instanceof AlreadyHandled || error instanceof OwnContent) return data({ errors: { form: error.message } as FieldErrors, values, findings: [] }, { status: 409 });
    throw error;
  }
  return redirect("/moderation?edited=1");
}

export default function EditThenApprove() {
  const { item, findings: initialFindings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? { title: item.title ?? "", body: item.body, version: String(item.version) };
  const findings = result ? result.findings : initialFindings;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Edit, then approve</h1>
      <p>
        {item.kind === "post" ? "Post" : "Reply"} {item.id}. <Link to="/moderation">Back to the queue</Link>
      </p>
      <Form method="post" noValidate key={values.body}>
        <input type="hidden" name="version" value={values.version ?? item.version} />
        {findings.length > 0 ? (
          <div className="findings">
            <h2>Details that could identify someone</h2>
            <FindingItems findings={findings} />
          </div>
        ) : null}
        {item.kind === "post" ? <TextField name="title" label="Title" defaultValue={values.title} /> : null}
        <TextArea name="body" label="Text" error={errors.body} defaultValue={values.body} rows={12} />
        <TextArea name="reason" label="What you changed and why (the author sees this)" error={errors.reason} defaultValue={values.reason} rows={3} />
        <SubmitButton>Save and approve</SubmitButton>
      </Form>
    </>
  );
}
