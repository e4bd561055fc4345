import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary, Honeypot, SubmitButton, TextField, SuccessNotice } from "~/components/forms";
import { handleKey } from "~/domain/accounts/handle";
import { recordActiveDay, verifyCredentials } from "~/server/accounts.server";
import { requireSignedOut, safeRedirectPath } from "~/server/auth/guards.server";
import { createSession, sessionCookie } from "~/server/auth/session.server";
import { formFailure, isHoneypotFilled, readForm, zodFieldErrors } from "~/server/forms.server";
import { check, clientKey, consume, RateLimited, reset } from "~/server/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Fifth Option" }];

const signInSchema = z.object({
  handle: z.string().trim().min(1, "Enter the name you post under"),
  password: z.string().min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

// One message for both mistakes, so nobody can learn which names exist.
const WRONG = "The name or password is not right. Check them and try again";

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
  const handleLimitKey = handleKey(handle);
  const client = await clientKey(context.clientAddress);
  try {
    await check("signInPerHandle", handleLimitKey);
    await check("signInPerClient", client);
    const user = await verifyCredentials(handle, password);
    if (!user) {
      await consume("signInPerHandle", handleLimitKey);
      await consume("signInPerClient", client);
      return formFailure({ handle: WRONG }, values, 401);
    }
    await reset("signInPerHandle", handleLimitKey);
    const session = await createSession(user.id);
    await recordActiveDay(user.id);
    return redirect(safeRedirectPath(redirectTo), {
      headers: { "Set-Cookie": sessionCookie(request, session.token, session.expiresAt) },
    });
  } catch (error) {
    if (error instanceof RateLimited) return formFailure({ handle: error.message }, values, 429);
    throw error;
  }
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      {searchParams.get("signed-out") === "everywhere" ? <SuccessNotice>You have been signed out on every device.</SuccessNotice> : null}
      <h1>Sign in</h1>
      <Form method="post" noValidate>
        <Honeypot />
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? searchParams.get("redirectTo") ?? "/"} />
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
