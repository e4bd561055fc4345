import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { reasonRequired } from "~/domain/moderation/queue";
import { requirePermission } from "~/server/auth/guards.server";
import { readForm } from "~/server/forms.server";
import { AlreadyHandled, decide, listQueue, OwnContent } from "~/server/moderation.server";

export const meta: MetaFunction = () => [{ title: "Review queue – Moderation – Fifth Option" }];

const REASON_LABELS: Record<string, string> = {
  safeguarding_flag: "Safeguarding concern raised",
  kept_identifying_details: "Author kept details that could identify someone",
  flagged: "Flagged by members",
  new_member: "New member: waiting for first review",
};

const KIND_LABELS = { post: "Post", comment: "Reply", report_comment: "Experience report comment" } as const;

const filterSchema = z.object({ kind: z.enum(["post", "comment", "report_comment"]).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const moderator = await requirePermission(request, "moderation:review");
  const { kind } = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const queue = await listQueue(moderator.id, { kind });
  return { kind: kind ?? "", queue: queue.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString().slice(0, 10) })) };
}

const decisionSchema = z.object({
  kind: z.enum(["post", "comment", "report_comment"]),
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  decision: z.enum(["approve", "reject", "request_changes", "remove", "dismiss_flags"]),
  reason: z.string().trim().max(1000).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requirePermission(request, "moderation:review");
  const values = await readForm(request);
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return data({ errors: { form: "Choose a decision for the item." } as FieldErrors, done: null }, { status: 400 });
  const { kind, id, version, decision, reason } = parsed.data;
  const field = `reason-${kind}-${id}`;
  if (reasonRequired(decision) && !reason) {
    return data({ errors: { [field]: "Write a reason: the author will see it" } as FieldErrors, done: null }, { status: 400 });
  }
  try {
    await decide({ id: moderator.id, handle: moderator.handle }, { kind, id, version }, decision, reason || null);
  } catch (error) {
    if (error instanceof AlreadyHandled) return data({ errors: { form: error.message } as FieldErrors, done: null }, { status: 409 });
    if (error instanceof OwnContent) return data({ errors: { form: error.message } as FieldErrors, done: null }, { status: 403 });
    throw error;
  }
  const verbs = {
    approve: "approved",
    reject: "rejected",
    request_changes: "sent back for changes",
    remove: "removed",
    dismiss_flags: "kept, and its flags dismissed",
  } as const;
  const verb = verbs[decision];
  return data({ errors: {} as FieldErrors, done: `${KIND_LABELS[kind]} ${id} ${verb}.` });
}

export default function ModerationQueue() {
  const { queue, kind } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.done ? (
        <div className="notice notice--success" role="status">
          <p>{result.done}</p>
        </div>
      ) : null}
      <h1>Review queue</h1>
      <p>
        {queue.length === 0 ? "Nothing is waiting for review." : `${queue.length} waiting, most urgent first.`}{" "}
        <Link to="/moderation/log">Audit log</Link>
      </p>
      <nav aria-label="Filter the queue" className="pagination">
        <Link to="/moderation" aria-current={kind === "" ? "page" : undefined}>Everything</Link>
        <Link to="?kind=post" aria-current={kind === "post" ? "page" : undefined}>Posts</Link>
        <Link to="?kind=comment" aria-current={kind === "comment" ? "page" : undefined}>Replies</Link>
        <Link to="?kind=report_comment" aria-current={kind === "report_comment" ? "page" : undefined}>Report comments</Link>
      </nav>
      <ol className="story-list">
        {queue.map((entry) => {
          const reasonField = `reason-${entry.kind}-${entry.id}`;
          const headingId = `item-${entry.kind}-${entry.id}`;
          return (
            <li key={`${entry.kind}-${entry.id}`}>
              <h2 id={headingId} className="queue-heading">
                {KIND_LABELS[entry.kind]} {entry.id}
                {entry.title ? `: ${entry.title}` : ""}
              </h2>
              <p className="byline">
                {entry.reasons.map((r) => REASON_LABELS[r] ?? r).join(" · ")} · sent {entry.createdAt}
                {entry.author
                  ? ` · by ${entry.author.handle}, trust level ${entry.author.trustLevel}, ${entry.author.rejectedBefore} rejected before`
                  : " · by a former member"}
              </p>
              {entry.kept.length > 0 ? (
                <p>
                  Kept by the author:{" "}
                  {entry.kept.map((finding, index) => (
                    <span key={index}>
                      <mark className="finding">{finding.text}</mark> ({finding.kind.replace("_", " ")}){" "}
                    </span>
                  ))}
                </p>
              ) : null}
              <pre className="revision">{entry.body}</pre>
              {entry.postId && entry.kind === "post" ? (
                <p>
                  <Link to={`/stories/${entry.postId}/history`}>Edit history<span className="visually-hidden"> of post {entry.id}</span></Link>
                </p>
              ) : null}
              {entry.ownContent ? (
                <p>This is your own content: another moderator will review it.</p>
              ) : (
                <Form method="post" aria-labelledby={headingId}>
                  <input type="hidden" name="kind" value={entry.kind} />
                  <input type="hidden" name="id" value={entry.id} />
                  <input type="hidden" name="version" value={entry.version} />
                  <div className={`form-group${errors[reasonField] ? " form-group--error" : ""}`}>
                    <label className="label" htmlFor={reasonField}>
                      Reason (needed to reject, remove or ask for changes; the author sees it)
                    </label>
                    {errors[reasonField] ? (
                      <p id={`${reasonField}-error`} className="error-message">
                        <span className="visually-hidden">Error:</span> {errors[reasonField]}
                      </p>
                    ) : null}
                    <textarea
                      className="textarea"
                      id={reasonField}
                      name="reason"
                      rows={2}
                      aria-describedby={errors[reasonField] ? `${reasonField}-error` : undefined}
                    />
                  </div>
                  <div className="button-row">
                    {entry.status === "published" ? (
                      <>
                        <button type="submit" name="decision" value="dismiss_flags" className="button">
                          Keep it and dismiss the flags<span className="visually-hidden"> on {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}</span>
                        </button>
                        <button type="submit" name="decision" value="remove" className="button button--warning">
                          Remove<span className="visually-hidden"> {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}</span>
                        </button>
                      </>
                    ) : (
                      <>
                        <button type="submit" name="decision" value="approve" className="button">
                          Approve<span className="visually-hidden"> {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}</span>
                        </button>
                        <button type="submit" name="decision" value="request_changes" className="button button--secondary">
                          Ask for changes<span className="visually-hidden"> to {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}</span>
                        </button>
                        <button type="submit" name="decision" value="reject" className="button button--warning">
                          Reject<span className="visually-hidden"> {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}</span>
                        </button>
                      </>
                    )}
                  </div>
                </Form>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
