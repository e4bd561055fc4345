import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { HandleField, PasswordField, RedirectToField } from "~/components/account-fields";
import { ErrorSummary, Honeypot, RadioGroup, SubmitButton, formResult } from "~/components/forms";
import { RecoveryCodes } from "~/components/recovery-codes";
import { handleProblem } from "~/domain/accounts/handle";
import { passwordProblem } from "~/domain/accounts/password";
import { safeRedirectPath } from "~/domain/accounts/redirect";
import { PERSPECTIVE_OPTIONS, PERSPECTIVE_VALUES } from "~/domain/accounts/perspectives";
import { isRefusal } from "~/domain/forms";
import { createAccount, assertHandleAvailable } from "~/server/accounts/accounts.server";
import { requireSignedOut, signedOutPage } from "~/server/accounts/guards.server";
import { newSessionHeaders } from "~/server/accounts/session.server";
import { formFailure, isHoneypotFilled, readForm, zodFieldErrors } from "~/server/http/forms.server";
import { check, clientKey, consume } from "~/server/http/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Join Fifth Option" }];

const joinSchema = z
  .object({
    handle: z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        const problem = handleProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    password: z.string().superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    perspective: z.enum(PERSPECTIVE_VALUES, {
      errorMap: () => ({ message: "Choose the description that fits you best" }),
    }),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.handle);
    if (problem && !passwordProblem(value.password))
      ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

// After joining, the person is signed in; re-running the loader would send them away from the
// one page that shows their recovery codes.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "ok" in actionResult && actionResult.ok
    ? false
    : defaultShouldRevalidate;

export const loader = signedOutPage;

export async function action({ request, context }: ActionFunctionArgs) {
  await requireSignedOut(request);
  const values = await readForm(request);
  if (isHoneypotFilled(values))
    return formFailure({ form: "Sorry, we could not create your account. Please try again." }, values);
  const client = await clientKey(context.clientAddress);
  try {
    await check("signUpPerClient", client);
    const parsed = joinSchema.safeParse(values);
    if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
    const { handle, password, perspective } = parsed.data;
    await assertHandleAvailable(handle);
    await consume("signUpPerClient", client);
    const account = await createAccount({ handle, password, perspective });
    return data(
      // Where to go once the codes are saved: back to what they came to do (the same check as sign-in).
      { ok: true as const, recoveryCodes: account.recoveryCodes, continueTo: safeRedirectPath(values.redirectTo) },
      { headers: await newSessionHeaders(request, account.userId) },
    );
  } catch (error) {
    // Too many sign-ups from here (429), a name taken or not allowed (400 on the name).
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
}

export default function Join() {
  const result = useActionData<typeof action>();
  const { errors, values } = formResult(result);
  const [searchParams] = useSearchParams();
  if (result?.ok) {
    return (
      <>
        <h1>Save your recovery codes</h1>
        <div className="notice notice--success">
          <p>Your account has been created and you are signed in.</p>
        </div>
        <RecoveryCodes codes={result.recoveryCodes} />
        <p>
          <Link to={result.continueTo} className="button">
            I have saved my codes, continue
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Join Fifth Option</h1>
      <p className="lead">You do not need to give us your email address or your real name.</p>
      <Form method="post" noValidate>
        <Honeypot />
        <RedirectToField value={values.redirectTo ?? searchParams.get("redirectTo")} />
        <HandleField
          label="Choose a name to post under"
          hint="Make it up. Do not use your real name, your email, a phone number or a year. You can use letters, numbers, hyphens and underscores."
          error={errors?.handle}
          defaultValue={values.handle}
        />
        <PasswordField
          label="Create a password"
          isNew
          hint="At least 10 characters. A few unrelated words is a good way to make one."
          error={errors?.password}
        />
        <RadioGroup
          name="perspective"
          legend="Which describes you best?"
          hint="When you post anonymously, this is shown instead of your name, for example “a carer in the North West”."
          error={errors?.perspective}
          options={PERSPECTIVE_OPTIONS}
          defaultValue={values.perspective}
        />
        <p>
          By joining you agree to keep to the <Link to="/house-rules">house rules</Link>: stay anonymous, keep other
          people unidentifiable, and be kind.
        </p>
        <SubmitButton>Create account</SubmitButton>
      </Form>
      <p>
        Already a member?{" "}
        <Link
          to={
            searchParams.get("redirectTo")
              ? `/sign-in?redirectTo=${encodeURIComponent(safeRedirectPath(searchParams.get("redirectTo")))}`
              : "/sign-in"
          }
        >
          Sign in
        </Link>
      </p>
    </>
  );
}
