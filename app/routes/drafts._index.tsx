import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { ErrorSummary, SuccessNotice } from "~/components/forms";
import { ConfirmRemoval } from "~/components/post-button";
import { continueLink, KIND_NAMES, parseDraftId, savedDay, savedDayIso } from "~/domain/drafts/drafts";
import { removeOwnAction, requireUser } from "~/server/accounts/guards.server";
import { deleteDraft, listDrafts } from "~/server/drafts/drafts.server";
import { listOwnWaiting } from "~/server/posts/own.server";

export const meta: MetaFunction = () => [{ title: "Your drafts – Fifth Option" }];

// Only ever the signed-in member's own drafts and waiting posts.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const confirming = parseDraftId(new URL(request.url).searchParams.get("delete"));
  const [drafts, waiting] = await Promise.all([listDrafts(user.id), listOwnWaiting(user.id)]);
  return {
    drafts: drafts.map((draft) => ({
      id: draft.id,
      label: draft.label,
      kind: KIND_NAMES[draft.kind],
      day: savedDay(draft.updatedAt),
      dayIso: savedDayIso(draft.updatedAt),
      continueLink: continueLink(draft),
      confirming: draft.id === confirming,
    })),
    waiting,
  };
}

const GONE = "That draft is no longer there: it may have been deleted or published.";
const DELETE = { intent: "delete", idField: "draftId", gone: GONE, done: "/drafts?deleted=1" };

export function action({ request }: ActionFunctionArgs) {
  return removeOwnAction(request, DELETE, deleteDraft);
}

export default function Drafts() {
  const { drafts, waiting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      {searchParams.get("deleted") ? <SuccessNotice>Your draft has been deleted.</SuccessNotice> : null}
      <h1>Your drafts</h1>
      <p>
        Only you can see your drafts. Nobody else can read them, and they are not searched or published until you choose
        to. Use “Save draft” on a story, reply or experience report to keep it here.
      </p>
      {drafts.length === 0 ? (
        <p>You have no drafts.</p>
      ) : (
        <ul className="draft-list">
          {drafts.map((draft) => (
            <li key={draft.id} id={`draft-${draft.id}`}>
              <h2 className="draft-list__title">{draft.label}</h2>
              <p className="byline">
                {draft.kind} · saved <time dateTime={draft.dayIso}>{draft.day}</time>
              </p>
              {draft.confirming ? (
                <ConfirmRemoval
                  fields={{ intent: DELETE.intent, [DELETE.idField]: draft.id }}
                  confirm="Yes, delete"
                  names={<> “{draft.label}”</>}
                  keep="/drafts"
                >
                  <p>Delete this draft for good? It cannot be brought back.</p>
                </ConfirmRemoval>
              ) : (
                <p className="button-row">
                  <Link to={draft.continueLink} className="button">
                    Continue<span className="visually-hidden"> “{draft.label}”</span>
                  </Link>
                  <Link to={`/drafts?delete=${draft.id}#draft-${draft.id}`}>
                    Delete<span className="visually-hidden"> “{draft.label}”</span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}

      <section className="section" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for a moderator</h2>
        {waiting.length === 0 ? (
          <p>Nothing of yours is waiting for a moderator.</p>
        ) : (
          <>
            <p>Only you (and the moderators) can see these until a moderator has read them.</p>
            <ul className="draft-list">
              {waiting.map((item) => (
                <li key={`${item.type}-${item.id}`}>
                  <p>
                    <Link to={item.link}>{item.type === "post" ? item.title : `Your reply to “${item.title}”`}</Link>
                  </p>
                  <p className="byline">
                    {item.status === "pending" ? "Waiting for a moderator" : "A moderator asked for changes"} · written{" "}
                    <time dateTime={item.monthIso}>{item.month}</time>
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
