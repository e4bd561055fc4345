import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { requireUser } from "~/server/accounts/guards.server";

export const meta: MetaFunction = () => [{ title: "Report sent – Fifth Option" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function ReportThanks() {
  return (
    <>
      <h1>Thank you, your report has been sent</h1>
      <p>
        Your answers now count towards the figures for your council. If you wrote a comment, a moderator will read it
        first.
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
