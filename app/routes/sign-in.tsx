import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary, Honeypot, SubmitButton, TextField, SuccessNotice } from "~/components/forms";
import { safeRedirectPath } from "~/domain/accounts/redirect";
import { recordActiveDay, verifyCredentials } from "~/server/accounts/accounts.server";
import { requireSignedOut } from "~/server/accounts/guards.server";
import { createSession, sessionCookie } from "~/server/accounts/session.server";
import { type CountedAttempt, countSignInAttempt } from "~/server/accounts/throttle.server";
import { formFailure, isHoneypotFilled, readForm, zodFieldErrors } from "~/server/http/forms.server";
import { RateLimited } from "~/server/http/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Fifth Option" }];

const signInSchema = z.object({
  handle: z.string().trim().min(1, "Enter the name you post under"),
  password: z.string().min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

// One message for both mistakes, so nobody can learn which names exist.
const WRONG = "The name or password is not right. Check them and try again";
// Said to everyone who is slowed down, whether or not the name exists.
const RECOVERY_HINT = "If this is your account, you can reset your password now with a recovery code.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedOut(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireSignedOut(request);
  const values = await readForm(request);
  if (isHoneypotFilled(values)) return formFailure({ handle: WRONG }, values, 401);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const { handle, password, redirectTo } = parsed.data;
  let attempt: CountedAttempt;
  try {
    attempt = await countSignInAttempt(handle, context.clientAddress);
  } catch (error) {
    if (error instanceof RateLimited) return formFailure({ handle: `${error.message} ${RECOVERY_HINT}` }, values, 429);
    throw error;
  }
  const user = await verifyCredentials(handle, password);
  if (!user) return formFailure({ handle: WRONG }, values, 401);
  await attempt.succeeded();
  const session = await createSession(user.id);
  await recordActiveDay(user.id);
  // A one-time password (npm run admin:create) is changed before anything else.
  const next = user.mustChangePassword ? "/settings?must-change=1" : safeRedirectPath(redirectTo);
  return redirect(next, {
    headers: { "Set-Cookie": sessionCookie(request, session.token, session.expiresAt) },
  });
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      {searchParams.get("signed-out") === "everywhere" ? (
        <SuccessNotice>You have been signed out on every device.</SuccessNotice>
      ) : null}
      <h1>Sign in</h1>
      <Form method="post" noValidate>
        <Honeypot />
        {/* Checked here too, so the page never carries an address off the site; the action checks again. */}
        <input
          type="hidden"
          name="redirectTo"
          value={safeRedirectPath(values.redirectTo ?? searchParams.get("redirectTo"))}
        />
        <TextField
          name="handle"
          label="The name you post under"
          error={errors?.handle}
          defaultValue={values.handle}
          autoComplete="username"
          spellCheck={false}
          width="medium"
        />
        <TextField
          name="password"
          type="password"
          label="Password"
          error={errors?.password}
          autoComplete="current-password"
          width="medium"
        />
        <SubmitButton>Sign in</SubmitButton>
      </Form>
      <p>
        <Link to="/recover">Forgotten your password? Use a recovery code</Link>
      </p>
      <p>
        New here? <Link to="/join">Join Fifth Option</Link>
      </p>
    </>
  );
}
