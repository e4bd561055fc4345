import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary, type FieldErrors, SuccessNotice, TextArea } from "~/components/forms";
import { can, type Role } from "~/domain/accounts/permissions";
import { reasonRequired, SILENCE_DAYS } from "~/domain/moderation/queue";
import { isRefusal } from "~/domain/forms";
import { requirePermission } from "~/server/accounts/guards.server";
import { readForm, formFailure } from "~/server/http/forms.server";
import {
  decide,
  liftSilence,
  listQueue,
  listSilencedMembers,
  silenceMember,
} from "~/server/moderation/moderation.server";

export const meta: MetaFunction = () => [{ title: "Review queue – Moderation – Fifth Option" }];

const REASON_LABELS: Record<string, string> = {
  safeguarding_flag: "Safeguarding concern raised",
  kept_identifying_details: "Author kept details that could identify someone",
  flagged: "Flagged by members",
  new_member: "New member: waiting for first review",
};

const KIND_LABELS = { post: "Post", comment: "Reply", report_comment: "Experience report comment" } as const;

const filterSchema = z.object({
  kind: z.enum(["post", "comment", "report_comment"]).optional().catch(undefined),
  reason: z
    .enum(["safeguarding_flag", "kept_identifying_details", "flagged", "new_member"])
    .optional()
    .catch(undefined),
  council: z
    .string()
    .regex(/^[ENSW]\d{8}$/)
    .optional()
    .catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const moderator = await requirePermission(request, "moderation:review");
  const { kind, reason, council } = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const [queue, silenced] = await Promise.all([
    listQueue(moderator.id, { kind, reason, council }),
    listSilencedMembers(now),
  ]);
  // What this moderator may do to each person shown (app/domain/accounts/permissions.ts).
  const person = (p: { id: number; handle: string; role: Role; silencedUntil: Date | null }) => ({
    id: p.id,
    handle: p.handle,
    silencedUntil: p.silencedUntil && p.silencedUntil > now ? p.silencedUntil.toISOString().slice(0, 10) : null,
    canSilence: can(moderator, "member:silence", { member: p }),
    canLift: can(moderator, "member:unsilence", { member: p }),
  });
  return {
    kind: kind ?? "",
    reason: reason ?? "",
    council: council ?? "",
    queue: queue.map((entry) => ({
      ...entry,
      createdAt: entry.createdAt.toISOString().slice(0, 10),
      author: entry.author ? { ...entry.author, ...person(entry.author) } : null,
    })),
    silenced: silenced.map(person),
  };
}

const decisionSchema = z.object({
  kind: z.enum(["post", "comment", "report_comment"]),
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  decision: z.enum(["approve", "reject", "request_changes", "remove", "dismiss_flags", "restore"]),
  reason: z.string().trim().max(1000).optional(),
});

const silenceSchema = z.object({
  userId: z.coerce.number().int().positive(),
  days: z.coerce.number().refine((d) => (SILENCE_DAYS as readonly number[]).includes(d), "Choose how long"),
  silenceReason: z.string().trim().min(1, "Write a reason: the member will see it").max(500),
});

const liftSchema = z.object({
  userId: z.coerce.number().int().positive(),
  liftReason: z.string().trim().min(1, "Write a reason: the member will see it").max(500),
});

/** The form field an error belongs beside: each silence form names the item or person it is for. */
const fieldFor = (prefix: string, itemKey: string | undefined) =>
  `${prefix}-${/^[a-z_]+-\d+$/.test(itemKey ?? "") ? itemKey : "form"}`;

const DONE_NOTHING = { extra: { done: null } };

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requirePermission(request, "moderation:review");
  const values = await readForm(request);
  if (values.intent === "silence" || values.intent === "lift-silence") {
    const lifting = values.intent === "lift-silence";
    const field = fieldFor(lifting ? "liftReason" : "silenceReason", values.itemKey);
    const parsed = lifting ? liftSchema.safeParse(values) : silenceSchema.safeParse(values);
    if (!parsed.success)
      return formFailure({ [field]: parsed.error.issues[0]?.message ?? "Check the form" }, values, DONE_NOTHING);
    try {
      let done: string;
      if ("liftReason" in parsed.data) {
        await liftSilence(moderator, parsed.data.userId, parsed.data.liftReason);
        done = "Silence lifted: the member can post again, and has been told why.";
      } else {
        const until = await silenceMember(moderator, parsed.data.userId, parsed.data.days, parsed.data.silenceReason);
        done = `Member silenced until ${until.toISOString().slice(0, 10)}.`;
      }
      return data({ errors: {} as FieldErrors, done });
    } catch (error) {
      // Not senior to them (403), or the silence already ended (409).
      if (isRefusal(error)) return formFailure(error, values, DONE_NOTHING);
      throw error;
    }
  }
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return formFailure({ form: "Choose a decision for the item." }, values, DONE_NOTHING);
  const { kind, id, version, decision, reason } = parsed.data;
  const field = `reason-${kind}-${id}`;
  if (reasonRequired(decision) && !reason) {
    return formFailure({ [field]: "Write a reason: the author will see it" }, values, DONE_NOTHING);
  }
  try {
    await decide({ id: moderator.id, handle: moderator.handle }, { kind, id, version }, decision, reason || null);
  } catch (error) {
    // Another moderator got there first (409), or it is the moderator's own (403).
    if (isRefusal(error)) return formFailure(error, values, DONE_NOTHING);
    throw error;
  }
  const verbs = {
    approve: "approved",
    reject: "rejected",
    request_changes: "sent back for changes",
    remove: "removed",
    dismiss_flags: "kept, and its flags dismissed",
    restore: "restored",
  } as const;
  const verb = verbs[decision];
  return data({ errors: {} as FieldErrors, done: `${KIND_LABELS[kind]} ${id} ${verb}.` });
}

export default function ModerationQueue() {
  const { queue, kind, reason, council, silenced } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = result?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.done ? <SuccessNotice>{result.done}</SuccessNotice> : null}
      {searchParams.get("edited") ? (
        <SuccessNotice>
          Your edit was saved and the item published. The author has been told what changed and why.
        </SuccessNotice>
      ) : null}
      <h1>Review queue</h1>
      <p>
        {queue.length === 0 ? "Nothing is waiting for review." : `${queue.length} waiting, most urgent first.`}{" "}
        <Link to="/moderation/log">Audit log</Link>
      </p>
      <nav aria-label="Filter the queue" className="pagination">
        <Link to="/moderation" aria-current={kind === "" ? "page" : undefined}>
          Everything
        </Link>
        <Link to="?kind=post" aria-current={kind === "post" ? "page" : undefined}>
          Posts
        </Link>
        <Link to="?kind=comment" aria-current={kind === "comment" ? "page" : undefined}>
          Replies
        </Link>
        <Link to="?kind=report_comment" aria-current={kind === "report_comment" ? "page" : undefined}>
          Report comments
        </Link>
      </nav>
      <Form method="get" className="filter-form">
        <input type="hidden" name="kind" value={kind} />
        <label className="label" htmlFor="reason-filter">
          Why it is here
        </label>
        <select id="reason-filter" name="reason" defaultValue={reason} className="input input--medium">
          <option value="">Any reason</option>
          {Object.entries(REASON_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label className="label" htmlFor="council-filter">
          Council code (for example E06000001)
        </label>
        <input id="council-filter" type="text" name="council" defaultValue={council} className="input input--short" />{" "}
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>
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
                  ? ` · by ${entry.author.handle}, trust level ${entry.author.trustLevel}, ${entry.author.rejectedBefore} rejected before, ${entry.author.upheldFlags} upheld reports`
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
                  <Link to={`/stories/${entry.postId}/history`}>
                    Edit history<span className="visually-hidden"> of post {entry.id}</span>
                  </Link>
                </p>
              ) : null}
              {entry.status === "pending" &&
              (entry.kind === "post" || entry.kind === "comment") &&
              !entry.ownContent ? (
                <p>
                  <Link to={`/moderation/edit?kind=${entry.kind}&id=${entry.id}`}>
                    Edit, then approve
                    <span className="visually-hidden">
                      {" "}
                      {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}
                    </span>
                  </Link>
                </p>
              ) : null}
              {entry.author && !entry.ownContent ? (
                <MemberControls person={entry.author} itemKey={`${entry.kind}-${entry.id}`} errors={errors} />
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
                          Keep it and dismiss the flags
                          <span className="visually-hidden">
                            {" "}
                            on {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}
                          </span>
                        </button>
                        <button type="submit" name="decision" value="remove" className="button button--warning">
                          Remove
                          <span className="visually-hidden">
                            {" "}
                            {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}
                          </span>
                        </button>
                      </>
                    ) : (
                      <>
                        <button type="submit" name="decision" value="approve" className="button">
                          Approve
                          <span className="visually-hidden">
                            {" "}
                            {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}
                          </span>
                        </button>
                        <button
                          type="submit"
                          name="decision"
                          value="request_changes"
                          className="button button--secondary"
                        >
                          Ask for changes
                          <span className="visually-hidden">
                            {" "}
                            to {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}
                          </span>
                        </button>
                        <button type="submit" name="decision" value="reject" className="button button--warning">
                          Reject
                          <span className="visually-hidden">
                            {" "}
                            {KIND_LABELS[entry.kind].toLowerCase()} {entry.id}
                          </span>
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
      <h2 id="silenced">Members whose posting is paused</h2>
      {silenced.length === 0 ? (
        <p>Nobody&apos;s posting is paused.</p>
      ) : (
        <ul className="story-list">
          {silenced.map((person) => (
            <li key={person.id}>
              <p>
                {person.handle}: posting paused until {person.silencedUntil}.
              </p>
              <MemberControls person={person} itemKey={`user-${person.id}`} errors={errors} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface ShownPerson {
  id: number;
  handle: string;
  silencedUntil: string | null;
  canSilence: boolean;
  canLift: boolean;
}

/** "Silence" for a member who may post, "Lift silence" for one who may not; nothing for a senior. */
function MemberControls({ person, itemKey, errors }: { person: ShownPerson; itemKey: string; errors: FieldErrors }) {
  if (person.silencedUntil !== null) {
    if (!person.canLift) return null;
    const field = `liftReason-${itemKey}`;
    return (
      <details className="silence">
        <summary>Lift silence on {person.handle}</summary>
        <Form method="post">
          <input type="hidden" name="intent" value="lift-silence" />
          <input type="hidden" name="userId" value={person.id} />
          <input type="hidden" name="itemKey" value={itemKey} />
          <p>Posting is paused until {person.silencedUntil}.</p>
          <TextArea
            id={field}
            name="liftReason"
            rows={2}
            label="Reason for lifting it early (the member sees it, and it goes in the audit log)"
            error={errors[field]}
          />
          <button type="submit" className="button button--secondary">
            Lift silence<span className="visually-hidden"> on {person.handle}</span>
          </button>
        </Form>
      </details>
    );
  }
  if (!person.canSilence) return null;
  const field = `silenceReason-${itemKey}`;
  return (
    <details className="silence">
      <summary>Silence {person.handle}</summary>
      <Form method="post">
        <input type="hidden" name="intent" value="silence" />
        <input type="hidden" name="userId" value={person.id} />
        <input type="hidden" name="itemKey" value={itemKey} />
        <label className="label" htmlFor={`days-${itemKey}`}>
          For how long
        </label>
        <select id={`days-${itemKey}`} name="days" className="input input--short" defaultValue="1">
          {SILENCE_DAYS.map((days) => (
            <option key={days} value={days}>
              {days} {days === 1 ? "day" : "days"}
            </option>
          ))}
        </select>
        <TextArea id={field} name="silenceReason" rows={2} label="Reason (the member sees it)" error={errors[field]} />
        <button type="submit" className="button button--warning">
          Silence<span className="visually-hidden"> {person.handle}</span>
        </button>
      </Form>
    </details>
  );
}
