import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { HandleField, PasswordField, RedirectToField } from "~/components/account-fields";
import { ErrorSummary, Honeypot, SubmitButton, SuccessNotice, formResult } from "~/components/forms";
import { safeRedirectPath } from "~/domain/accounts/redirect";
import { recordActiveDay, verifyCredentials } from "~/server/accounts/accounts.server";
import { checkedCredentials, signedOutPage } from "~/server/accounts/guards.server";
import { newSessionHeaders } from "~/server/accounts/session.server";
import { countSignInAttempt } from "~/server/accounts/throttle.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Fifth Option" }];

const signInSchema = z.object({
  handle: z.string().trim().min(1, "Enter the name you post under"),
  password: z.string().min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

// Said to everyone who is slowed down, whether or not the name exists.
const RECOVERY_HINT = "If this is your account, you can reset your password now with a recovery code.";

export const loader = signedOutPage;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await checkedCredentials(request, signInSchema, {
    field: "handle",
    // One message for both mistakes, so nobody can learn which names exist.
    wrong: "The name or password is not right. Check them and try again",
    addition: RECOVERY_HINT,
    count: ({ handle }) => countSignInAttempt(handle, context.clientAddress),
    check: ({ handle, password }) => verifyCredentials(handle, password),
  });
  if (form.failure) return form.failure;
  const { found: user, fields } = form;
  await recordActiveDay(user.id);
  // A one-time password (npm run admin:create) is changed before anything else.
  const next = user.mustChangePassword ? "/settings?must-change=1" : safeRedirectPath(fields.redirectTo);
  return redirect(next, { headers: await newSessionHeaders(request, user.id) });
}

export default function SignIn() {
  const { errors, values } = formResult(useActionData<typeof action>());
  const [searchParams] = useSearchParams();
  return (
    <>
      <ErrorSummary errors={errors} />
      {searchParams.get("signed-out") === "everywhere" ? (
        <SuccessNotice>You have been signed out on every device.</SuccessNotice>
      ) : null}
      <h1>Sign in</h1>
      <Form method="post" noValidate>
        <Honeypot />
        <RedirectToField value={values.redirectTo ?? searchParams.get("redirectTo")} />
        <HandleField error={errors?.handle} defaultValue={values.handle} />
        <PasswordField label="Password" error={errors?.password} />
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
