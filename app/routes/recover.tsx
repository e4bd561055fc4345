import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";

import { HandleField, PasswordField } from "~/components/account-fields";
import { ErrorSummary, Honeypot, SubmitButton, TextField, formResult } from "~/components/forms";
import { passwordProblem } from "~/domain/accounts/password";
import { recoverWithCode } from "~/server/accounts/accounts.server";
import { checkedCredentials, signedOutPage } from "~/server/accounts/guards.server";
import { newSessionHeaders } from "~/server/accounts/session.server";
import { countRecoveryAttempt } from "~/server/accounts/throttle.server";

export const meta: MetaFunction = () => [{ title: "Reset your password with a recovery code – Fifth Option" }];

const recoverSchema = z.object({
  handle: z.string().trim().min(1, "Enter the name you post under"),
  code: z.string().trim().min(1, "Enter one of your recovery codes"),
  password: z.string().superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
});

export const loader = signedOutPage;

export async function action({ request, context }: ActionFunctionArgs) {
  // Limited per client only, and apart from sign-in: however much sign-in is slowed for this
  // name, and whoever else is guessing, the owner's recovery codes still work.
  const form = await checkedCredentials(request, recoverSchema, {
    field: "code",
    wrong: "The name or recovery code is not right, or that code has already been used",
    count: ({ handle }) => countRecoveryAttempt(handle, context.clientAddress),
    check: ({ handle, code, password }) => recoverWithCode(handle, code, password),
  });
  if (form.failure) return form.failure;
  const recovered = form.found;
  return redirect("/settings?recovered=1", { headers: await newSessionHeaders(request, recovered.userId) });
}

export default function Recover() {
  const { errors, values } = formResult(useActionData<typeof action>());
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Reset your password with a recovery code</h1>
      <p>
        Use one of the recovery codes you saved when you joined. Each code works once. Resetting your password signs you
        out on every other device.
      </p>
      <Form method="post" noValidate>
        <Honeypot />
        <HandleField error={errors?.handle} defaultValue={values.handle} />
        <TextField
          name="code"
          label="Recovery code"
          hint="For example, 7KQ2-M9XD-4HTA-PWR3"
          error={errors?.code}
          defaultValue={values.code}
          autoComplete="one-time-code"
          spellCheck={false}
          width="medium"
        />
        <PasswordField label="New password" isNew error={errors?.password} />
        <SubmitButton>Reset password</SubmitButton>
      </Form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </>
  );
}
