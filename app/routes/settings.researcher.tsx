import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary, SubmitButton, SuccessNotice, TextArea, TextField } from "~/components/forms";
import { can } from "~/domain/accounts/permissions";
import { readResearcherRequest } from "~/domain/accounts/researcher-requests";
import { isRefusal } from "~/domain/forms";
import { requireUser } from "~/server/accounts/guards.server";
import { createResearcherRequest, latestResearcherRequest } from "~/server/accounts/researcher-requests.server";
import { formFailure, readForm } from "~/server/http/forms.server";
import { consume } from "~/server/http/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Ask for the researcher role – Your account – Fifth Option" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const latest = await latestResearcherRequest(user.id);
  return { hasRole: can(user, "api:keys"), status: latest?.status ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  if (can(user, "api:keys"))
    return formFailure({ form: "You already have the researcher role: your API keys are in Settings." }, values, 409);
  try {
    // Every try counts, sent or refused, so the form cannot be used to hammer the database.
    await consume("researcherRequestsPerUser", String(user.id));
    const read = readResearcherRequest(values);
    if (!read.ok) return formFailure(read.errors, values);
    await createResearcherRequest(user.id, read.input);
  } catch (error) {
    // Too many tries (429), one already waiting (409).
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
  return { ok: true as const };
}

// The form's three questions, in order: only the organisation is optional (and one line).
const FIELDS = [
  {
    name: "research",
    label: "What is your research?",
    hint: "A sentence or two: the question you are looking into, and for whom.",
  },
  {
    name: "organisation",
    label: "Organisation (optional)",
    hint: "A university, charity, council or company, if there is one.",
  },
  {
    name: "dataUse",
    label: "How will you use the data?",
    hint: "What you will publish, and how you will keep what you download safe.",
  },
] as const;

export default function ResearcherRequest() {
  const { hasRole, status } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : {};
  const waiting = status === "open" || result?.ok;
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.ok ? <SuccessNotice>Thank you: your request is with the admins.</SuccessNotice> : null}
      <h1>Ask for the researcher role</h1>
      <p>
        Everything published is open to everyone without asking: <Link to="/stories">search and downloads</Link>, the{" "}
        <Link to="/outcomes">outcomes figures</Link> and the <Link to="/about/api">public API</Link>. The researcher
        role adds API keys, which raise the API&rsquo;s limit. It shows nowhere on the site.
      </p>
      {hasRole ? (
        <p>
          You have the researcher role. <Link to="/settings/api-keys">Your API keys</Link>.
        </p>
      ) : waiting ? (
        <p>
          Your request is waiting for an admin. You will get a notification when they decide; you can ask only once at a
          time.
        </p>
      ) : (
        <>
          {status === "declined" ? (
            <p>Your last request was declined. You may ask again, saying more about your research.</p>
          ) : null}
          <p>
            Only the site&rsquo;s admins read what you write here. It is never published. Please do not include anyone
            else&rsquo;s personal details.
          </p>
          <Form method="post" noValidate>
            {FIELDS.map((field) =>
              field.name === "organisation" ? (
                <TextField key={field.name} {...field} error={errors?.[field.name]} defaultValue={values[field.name]} />
              ) : (
                <TextArea
                  key={field.name}
                  {...field}
                  rows={4}
                  error={errors?.[field.name]}
                  defaultValue={values[field.name]}
                />
              ),
            )}
            <SubmitButton>Send my request</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}
