import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";

import { PasswordField } from "~/components/account-fields";
import { ErrorSummary, RadioGroup, formResult } from "~/components/forms";
import { deleteAccount, verifyCredentials } from "~/server/accounts/accounts.server";
import { requireUser } from "~/server/accounts/guards.server";
import { clearSessionCookie } from "~/server/accounts/session.server";
import { formFailure, readForm, zodFieldErrors } from "~/server/http/forms.server";

export const meta: MetaFunction = () => [{ title: "Delete your account – Fifth Option" }];

const deleteSchema = z.object({
  content: z.enum(["delete", "detach"], {
    errorMap: () => ({ message: "Choose what should happen to what you have posted" }),
  }),
  password: z.string().min(1, "Enter your password to confirm"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  const parsed = deleteSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  if (!(await verifyCredentials(user.handle, parsed.data.password))) {
    return formFailure({ password: "Your password is not right" }, values);
  }
  await deleteAccount(user.id, parsed.data.content);
  return redirect("/account-deleted", { headers: { "Set-Cookie": clearSessionCookie(request) } });
}

export default function DeleteAccount() {
  const { errors, values } = formResult(useActionData<typeof action>());
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Delete your account</h1>
      <p>
        This cannot be undone. You may want to <a href="/settings/data">download your data</a> first.
      </p>
      <Form method="post" noValidate>
        <RadioGroup
          name="content"
          legend="What should happen to your stories, replies and experience reports?"
          error={errors?.content}
          defaultValue={values.content}
          options={[
            {
              value: "delete",
              label: "Delete them too",
              hint: "They disappear from the site and from the outcomes figures.",
            },
            {
              value: "detach",
              label: "Keep them, with nothing linking them to anyone",
              hint: "They stay on the site, shown anonymously, so others can still learn from them.",
            },
          ]}
        />
        <PasswordField label="Your password" error={errors?.password} />
        <button type="submit" className="button button--warning">
          Delete my account
        </button>
      </Form>
      <p>
        <Link to="/settings">Cancel and go back to your account</Link>
      </p>
    </>
  );
}
