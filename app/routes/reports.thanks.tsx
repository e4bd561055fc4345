import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { parseDraftId } from "~/domain/drafts/drafts";
import { requireUser } from "~/server/accounts/guards.server";
import { getOwnReport } from "~/server/reports/reports.server";

export const meta: MetaFunction = () => [{ title: "Report sent – Fifth Option" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const id = parseDraftId(url.searchParams.get("id"));
  // The member's own report only; anyone else's (or none) leads on without a council.
  const report = id === null ? null : await getOwnReport(user.id, id);
  return {
    council: report ? { code: report.areaCode, name: report.council } : null,
    changed: url.searchParams.get("changed") === "1",
  };
}

/** The GOV.UK confirmation page: what happened, then where to go next. */
export default function ReportThanks() {
  const { council, changed } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="notice notice--success">
        <h1>{changed ? "Your report has been changed" : "Thank you, your report has been sent"}</h1>
      </div>
      <p>
        Your answers now count towards the figures for {council ? council.name : "your council"}. If you wrote a
        comment, a moderator will read it first.
      </p>
      <h2>What you can do next</h2>
      <ul>
        {council ? (
          <li>
            <Link to={`/outcomes/${council.code}`}>See the figures for {council.name}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/stories/new">Share a story too</Link>: what happened, in your own words
        </li>
        <li>
          <Link to="/reports">Your reports</Link>: see, change or withdraw the reports you gave
        </li>
      </ul>
    </>
  );
}
