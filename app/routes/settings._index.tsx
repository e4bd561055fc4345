import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { HandleField, PasswordField } from "~/components/account-fields";
import {
  ErrorSummary,
  type FieldErrors,
  IntentForm,
  RadioGroup,
  SubmitButton,
  SuccessNotice,
} from "~/components/forms";
import { RecoveryCodes } from "~/components/recovery-codes";
import { handleProblem } from "~/domain/accounts/handle";
import { passwordProblem } from "~/domain/accounts/password";
import { can } from "~/domain/accounts/permissions";
import { PERSPECTIVE_OPTIONS, PERSPECTIVE_VALUES } from "~/domain/accounts/perspectives";
import { PERSPECTIVES } from "~/domain/taxonomy";
import { isRefusal } from "~/domain/forms";
import {
  changeHandle,
  changePassword,
  changePerspective,
  regenerateRecoveryCodes,
  unusedRecoveryCodeCount,
  assertHandleAvailable,
} from "~/server/accounts/accounts.server";
import { getSession, requireUser } from "~/server/accounts/guards.server";
import { clearSessionCookie, invalidateUserSessions } from "~/server/accounts/session.server";
import { formFailure, readForm, zodFieldErrors } from "~/server/http/forms.server";
import { consume } from "~/server/http/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Your account – Fifth Option" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    handle: user.handle,
    perspective: user.perspective,
    role: user.role,
    trustLevel: user.trustLevel,
    mustChangePassword: user.mustChangePassword,
    codesLeft: await unusedRecoveryCodeCount(user.id),
    canHoldApiKeys: can(user, "api:keys"),
  };
}

const refined = (check: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const schemas = {
  handle: z.object({ handle: refined((v) => handleProblem(v.trim())) }),
  perspective: z.object({
    perspective: z.enum(PERSPECTIVE_VALUES, {
      errorMap: () => ({ message: "Choose the description that fits you best" }),
    }),
  }),
  password: z.object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: refined(passwordProblem),
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const session = await getSession(request);
  const values = await readForm(request);
  const intent = values.intent;
  if (user.mustChangePassword && intent !== "password")
    return formFailure(
      { form: "Choose your own password first: nothing else can be changed until you do." },
      values,
      403,
    );
  try {
    await consume("writesPerUser", String(user.id));
  } catch (error) {
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }

  if (intent === "handle") {
    const parsed = schemas.handle.safeParse(values);
    if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
    const handle = parsed.data.handle.trim();
    try {
      await assertHandleAvailable(handle, user.id);
      await changeHandle(user.id, handle);
    } catch (error) {
      if (isRefusal(error)) return formFailure(error, values);
      throw error;
    }
    return data({ ok: true as const, done: `Your name is now ${handle}.`, recoveryCodes: null });
  }

  if (intent === "perspective") {
    const parsed = schemas.perspective.safeParse(values);
    if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
    await changePerspective(user.id, parsed.data.perspective);
    return data({ ok: true as const, done: "Your description has been changed.", recoveryCodes: null });
  }

  if (intent === "password") {
    const parsed = schemas.password.safeParse(values);
    if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
    const problem = passwordProblem(parsed.data.newPassword, user.handle);
    if (problem) return formFailure({ newPassword: problem }, values);
    const changed = await changePassword(
      user.id,
      parsed.data.currentPassword,
      parsed.data.newPassword,
      session?.id ?? "",
    );
    if (!changed) return formFailure({ currentPassword: "Your current password is not right" }, values);
    return data({
      ok: true as const,
      done: "Your password has been changed. Any other devices have been signed out.",
      recoveryCodes: null,
    });
  }

  if (intent === "codes") {
    const codes = await regenerateRecoveryCodes(user.id);
    return data({
      ok: true as const,
      done: "You have new recovery codes. The old ones no longer work.",
      recoveryCodes: codes,
    });
  }

  if (intent === "sign-out-everywhere") {
    await invalidateUserSessions(user.id);
    return redirect("/sign-in?signed-out=everywhere", { headers: { "Set-Cookie": clearSessionCookie(request) } });
  }

  return formFailure({ form: "Sorry, we did not understand that request. Please try again." }, values);
}

export default function Settings() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : {};
  const intent = values.intent;
  // Signed in with a one-time password: this is the only thing the account can do until it is changed.
  if (account.mustChangePassword) {
    return (
      <>
        <ErrorSummary errors={errors} />
        <div className="notice" role="status">
          <p>You signed in with a one-time password. Choose your own password before you go on.</p>
        </div>
        <h1>Choose your own password</h1>
        <PasswordSection errors={errors} oneTime />
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.ok ? <SuccessNotice>{result.done}</SuccessNotice> : null}
      {searchParams.get("recovered") ? (
        <div className="notice notice--success" role="status">
          <p>
            Your password has been reset and other devices signed out. You have {account.codesLeft} recovery codes left.
          </p>
        </div>
      ) : null}
      <h1>Your account</h1>
      {result?.ok && result.recoveryCodes ? <RecoveryCodes codes={result.recoveryCodes} /> : null}
      <dl>
        <dt>Name you post under</dt>
        <dd>{account.handle}</dd>
        <dt>Description</dt>
        <dd>{PERSPECTIVES[account.perspective as keyof typeof PERSPECTIVES]?.label ?? account.perspective}</dd>
        <dt>Role</dt>
        <dd>{account.role}</dd>
        <dt>Recovery codes left</dt>
        <dd>{account.codesLeft}</dd>
      </dl>

      <PasswordSection errors={errors} oneTime={false} />

      <IntentForm intent="handle" heading="Change the name you post under" submit="Change name">
        <HandleField
          label="New name"
          hint="Posts you made under your name will show the new one."
          error={errors?.handle}
          defaultValue={intent === "handle" ? values.handle : account.handle}
        />
      </IntentForm>

      <IntentForm intent="perspective" heading="Change how you are described" submit="Save description">
        <RadioGroup
          name="perspective"
          legend="Which describes you best?"
          error={errors?.perspective}
          options={PERSPECTIVE_OPTIONS}
          defaultValue={intent === "perspective" ? values.perspective : account.perspective}
        />
      </IntentForm>

      <section className="section" aria-labelledby="codes-heading">
        <h2 id="codes-heading">Recovery codes</h2>
        <p>Get a new set of ten codes if you have lost yours or used most of them. Your old codes will stop working.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="codes" />
          <SubmitButton secondary>Get new recovery codes</SubmitButton>
        </Form>
      </section>

      <section className="section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sign out everywhere</h2>
        <p>If you think someone else has used your account, sign out on every device, including this one.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <SubmitButton secondary>Sign out everywhere</SubmitButton>
        </Form>
      </section>

      <section className="section" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <ul>
          <li>
            <a href="/settings/data" download="fifth-option-my-data.json">
              Download everything you have written (JSON)
            </a>
          </li>
          <li>
            <Link to="/collections/consent">Your stories in collections: agree, decline or withdraw</Link>
          </li>
          <li>
            <Link to="/reports">Your experience reports: see, change or withdraw them</Link>
          </li>
          {account.canHoldApiKeys ? (
            <li>
              <Link to="/settings/api-keys">API keys, for reading stories as data</Link>
            </li>
          ) : (
            <li>
              <Link to="/settings/researcher">Ask for the researcher role (API keys)</Link>
            </li>
          )}
          <li>
            <Link to="/settings/delete">Delete your account</Link>
          </li>
        </ul>
      </section>
    </>
  );
}

/** The password form: on the account page, and alone after signing in with a one-time password. */
function PasswordSection({ errors, oneTime }: { errors: FieldErrors | undefined; oneTime: boolean }) {
  return (
    <IntentForm intent="password" heading="Change your password" submit="Change password">
      <PasswordField
        name="currentPassword"
        label={oneTime ? "The one-time password you signed in with" : "Current password"}
        error={errors?.currentPassword}
      />
      <PasswordField name="newPassword" label="New password" isNew error={errors?.newPassword} />
    </IntentForm>
  );
}
