import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { ErrorSummary, SuccessNotice } from "~/components/forms";
import { ConfirmRemoval } from "~/components/post-button";
import { coarseDate, coarseDateTime } from "~/domain/anonymity/byline";
import { parseDraftId } from "~/domain/drafts/drafts";
import { quarterOf } from "~/domain/reports/report-input";
import { removeOwnAction, requireUser } from "~/server/accounts/guards.server";
import { listOwnReports, withdrawReport } from "~/server/reports/reports.server";

export const meta: MetaFunction = () => [{ title: "Your reports – Fifth Option" }];

// Only ever the signed-in member's own reports.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const COMMENT_STATUS: Record<string, string> = {
  pending: "Your comment is waiting for a moderator",
  published: "Your comment is shown",
  rejected: "A moderator did not publish your comment",
  removed: "A moderator removed your comment",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const confirming = parseDraftId(new URL(request.url).searchParams.get("withdraw"));
  const reports = await listOwnReports(user.id);
  return {
    reports: reports.map((report) => ({
      id: report.id,
      council: report.council,
      areaCode: report.areaCode,
      // The quarter the answers describe, and the month they were sent: never a day or a time.
      period: quarterOf(new Date(`${report.quarterStart}T00:00:00Z`)).label,
      sent: coarseDate(report.createdAt),
      sentIso: coarseDateTime(report.createdAt),
      comment: report.commentStatus ? (COMMENT_STATUS[report.commentStatus] ?? null) : null,
      confirming: report.id === confirming,
    })),
  };
}

const GONE = "That report is no longer there: it may have been withdrawn already.";
const WITHDRAW = { intent: "withdraw", idField: "reportId", gone: GONE, done: "/reports?withdrawn=1" };

// Withdrawing takes a member's answers away, so a silenced member may do it too; someone else's
// report, or one already withdrawn, is not there for this member (404).
export function action({ request }: ActionFunctionArgs) {
  return removeOwnAction(request, WITHDRAW, withdrawReport);
}

export default function Reports() {
  const { reports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      {searchParams.get("withdrawn") ? (
        <SuccessNotice>Your report has been withdrawn. Its answers no longer count in any figure.</SuccessNotice>
      ) : null}
      <h1>Your reports</h1>
      <p>
        The experience reports you gave. Only you can see this list: the outcomes pages count your answers with everyone
        else&apos;s and never show who gave them. Change a report if something was wrong or has changed, or withdraw it
        to take its answers out of every figure.
      </p>
      <p>
        <Link to="/reports/new" className="button">
          Give a new report
        </Link>
      </p>
      {reports.length === 0 ? (
        <p>You have not given any reports yet.</p>
      ) : (
        <ul className="draft-list">
          {reports.map((report) => {
            const name = `${report.council}, ${report.period}`;
            return (
              <li key={report.id} id={`report-${report.id}`}>
                <h2 className="draft-list__title">{name}</h2>
                <p className="byline">
                  Sent in <time dateTime={report.sentIso}>{report.sent}</time>
                  {report.comment ? ` · ${report.comment}` : ""}
                </p>
                {report.confirming ? (
                  <ConfirmRemoval
                    fields={{ intent: WITHDRAW.intent, [WITHDRAW.idField]: report.id }}
                    confirm="Yes, withdraw"
                    names={<> the report about {name}</>}
                    keep="/reports"
                  >
                    <p>
                      Withdraw this report? Its answers will no longer count in the figures for {report.council}, its
                      region or its nation, and it cannot be brought back.
                    </p>
                  </ConfirmRemoval>
                ) : (
                  <p className="button-row">
                    <Link to={`/outcomes/${report.areaCode}`}>Figures for {report.council}</Link>
                    <Link to={`/reports/new?change=${report.id}`}>
                      Change<span className="visually-hidden"> the report about {name}</span>
                    </Link>
                    <Link to={`/reports?withdraw=${report.id}#report-${report.id}`}>
                      Withdraw<span className="visually-hidden"> the report about {name}</span>
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
