import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { DataTable } from "~/components/data-table";
import { ErrorSummary, SubmitButton, SuccessNotice, TextField } from "~/components/forms";
import { apiKeyLabelProblem, LABEL_MAX, MAX_ACTIVE_API_KEYS } from "~/domain/api/api-keys";
import { RATE_LIMIT_POLICIES } from "~/domain/api/rate-limits";
import { isRefusal } from "~/domain/forms";
import { createApiKey, listActiveApiKeys, revokeApiKey } from "~/server/api/api-keys.server";
import { requirePermission } from "~/server/accounts/guards.server";
import { formFailure, type FormValues, readForm } from "~/server/http/forms.server";
import { consume } from "~/server/http/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "API keys – Your account – Fifth Option" }];

const CREATED = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
// last_used_on is a calendar day, stored as midnight UTC.
const USED = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

// A page that may show a new key must never be kept by the browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "api:keys");
  const keys = await listActiveApiKeys(user.id);
  return {
    keys: keys.map(({ id, label, prefix, createdAt, lastUsedOn }) => ({
      id,
      label,
      prefix,
      created: CREATED.format(createdAt),
      lastUsed: lastUsedOn ? USED.format(lastUsedOn) : null,
    })),
  };
}

const keyId = z.coerce.number().int().positive();

async function createKey(userId: number, values: FormValues) {
  const problem = apiKeyLabelProblem(values.label ?? "");
  if (problem) return formFailure({ label: problem }, values);
  try {
    await consume("apiKeyCreation", String(userId));
    const created = await createApiKey(userId, values.label ?? "");
    const label = (values.label ?? "").trim();
    return { ok: true as const, done: `Your key “${label}” is ready.`, created: { ...created, label } };
  } catch (error) {
    // Too many tries (429) or too many keys (409).
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
}

async function revokeKey(userId: number, values: FormValues) {
  const id = keyId.safeParse(values.keyId);
  const revoked = id.success ? await revokeApiKey(userId, id.data) : null;
  if (!revoked) return formFailure({ form: "That key was not found: it may already have been revoked." }, {}, 404);
  return {
    ok: true as const,
    done: `Your key “${revoked.label}” (${revoked.prefix}…) is revoked. Programs using it are refused from now on.`,
    created: null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "api:keys");
  const values = await readForm(request);
  try {
    await consume("writesPerUser", String(user.id));
  } catch (error) {
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
  if (values.intent === "create") return createKey(user.id, values);
  if (values.intent === "revoke") return revokeKey(user.id, values);
  return formFailure({ form: "Sorry, we did not understand that request. Please try again." }, values);
}

export default function ApiKeys() {
  const { keys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : {};
  const created = result?.ok ? result.created : null;
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.ok ? <SuccessNotice>{result.done}</SuccessNotice> : null}
      <h1>API keys</h1>
      <p>
        A key lets your programs read the <Link to="/about/api">public API</Link> with a higher limit:{" "}
        {RATE_LIMIT_POLICIES.key.quota} requests a minute instead of {RATE_LIMIT_POLICIES.anonymous.quota}. The data is
        the same with or without one.
      </p>

      {created ? (
        <section className="section" aria-labelledby="new-key-heading">
          <h2 id="new-key-heading">Your new key</h2>
          <p>
            <strong>Copy it now and keep it somewhere safe. We will not show it again:</strong> we keep only a scrambled
            form of it that cannot be turned back into the key.
          </p>
          <p className="new-key">
            <code>{created.key}</code>
          </p>
          <p>Send it with each request in a header:</p>
          <pre className="example">
            <code>Authorization: Bearer {created.key}</code>
          </pre>
        </section>
      ) : null}

      <section className="section" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Your keys</h2>
        <DataTable
          rows={keys}
          empty="You have no keys."
          caption="Your API keys that still work"
          rowKey={(key) => key.id}
          columns={[
            { header: "Label", cell: (key) => key.label },
            { header: "Starts with", cell: (key) => <code>{key.prefix}…</code> },
            { header: "Created", cell: (key) => key.created },
            { header: "Last used", cell: (key) => key.lastUsed ?? "Never" },
          ]}
          button={{
            label: "Revoke",
            fields: (key) => ({ intent: "revoke", keyId: key.id }),
            names: (key) => `the key “${key.label}”`,
          }}
        />
      </section>

      <section className="section" aria-labelledby="create-heading">
        <h2 id="create-heading">Create a key</h2>
        <p>
          You can have up to {MAX_ACTIVE_API_KEYS} keys. Use one for each project, so you can revoke one without
          stopping the others.
        </p>
        {/* A fresh form after each new key, so the label just used is not left in the box. */}
        <Form method="post" noValidate key={created?.prefix ?? "form"}>
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="label"
            label="Label"
            hint={`What the key is for, so you can tell your keys apart. Up to ${LABEL_MAX} characters.`}
            error={errors?.label}
            defaultValue={values.intent === "create" ? values.label : undefined}
            width="medium"
          />
          <SubmitButton>Create key</SubmitButton>
        </Form>
      </section>
      <p>
        <Link to="/settings">Back to your account</Link>
      </p>
    </>
  );
}
