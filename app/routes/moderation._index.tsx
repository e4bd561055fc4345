import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";

import { ignoredIfBad } from "~/domain/forms";

import { ErrorSummary, type FieldErrors, FilterForm, FilterSelects, SuccessNotice, TextArea } from "~/components/forms";
import { ReasonFields } from "~/components/house-rules";
import { can, type Role } from "~/domain/accounts/permissions";
import { isRefusal } from "~/domain/forms";
import { reasonText, ruleByNumber } from "~/domain/moderation/house-rules";
import {
  type Decision,
  doneMessage,
  ITEM_LABELS,
  QUEUE_AGES,
  QUEUE_KIND_LABELS,
  QUEUE_KINDS,
  QUEUE_REASON_LABELS,
  QUEUE_REASONS,
  type QueueFilter,
  reasonRequired,
  SILENCE_DAYS,
  waitedFor,
} from "~/domain/moderation/queue";
import { requirePermission } from "~/server/accounts/guards.server";
import { formFailure, readFormWithLists } from "~/server/http/forms.server";
import {
  decide,
  decideMany,
  liftSilence,
  listSilencedMembers,
  silenceMember,
} from "~/server/moderation/moderation.server";
import { listQueue } from "~/server/moderation/queue.server";
import { listCouncils } from "~/server/reference/reference.server";

export const meta: MetaFunction = () => [{ title: "Review queue – Moderation – Fifth Option" }];

const PER_PAGE = 20;
const DECISIONS = ["approve", "reject", "request_changes", "remove", "dismiss_flags", "restore"] as const;
/** Where an item sits on the page: its anchor, which the notice after a decision takes over. */
const ANCHOR = /^item-(post|comment|report_comment)-\d{1,10}$/;

const filterSchema = z.object({
  kind: ignoredIfBad(z.enum(QUEUE_KINDS)),
  reason: ignoredIfBad(z.enum(QUEUE_REASONS as [string, ...string[]])),
  council: ignoredIfBad(z.string().regex(/^[ENSW]\d{8}$/)),
  age: ignoredIfBad(z.coerce.number().refine((n) => (QUEUE_AGES as readonly number[]).includes(n))),
  cursor: ignoredIfBad(z.string().max(300)),
});

/** The filters and page an address names, and the same as query parameters to link back to. */
function listFrom(url: URL) {
  const parsed = filterSchema.parse(Object.fromEntries(url.searchParams));
  const filter = {
    kind: parsed.kind,
    reason: parsed.reason,
    council: parsed.council,
    age: parsed.age,
  } as QueueFilter;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, cursor: parsed.cursor }))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return { filter, cursor: parsed.cursor ?? null, params };
}

const doneSchema = z.object({
  done: z.enum(DECISIONS),
  n: z.coerce.number().int().min(0).max(100).catch(1),
  skipped: z.coerce.number().int().min(0).max(100).catch(0),
  at: ignoredIfBad(z.string().regex(ANCHOR)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const moderator = await requirePermission(request, "moderation:review");
  const url = new URL(request.url);
  const { filter, cursor, params } = listFrom(url);
  const now = new Date();
  const [queue, silenced, councils] = await Promise.all([
    listQueue(moderator.id, filter, { cursor, perPage: PER_PAGE }, now).catch((error: unknown) => {
      // A damaged, forged or borrowed cursor (400): the message says to go back to the first page.
      if (isRefusal(error)) throw data(error.message, { status: error.status });
      throw error;
    }),
    listSilencedMembers(now),
    listCouncils(),
  ]);
  // What this moderator may do to each person shown (app/domain/accounts/permissions.ts).
  const person = (p: { id: number; handle: string; role: Role; silencedUntil: Date | null }) => ({
    id: p.id,
    handle: p.handle,
    silencedUntil: p.silencedUntil && p.silencedUntil > now ? p.silencedUntil.toISOString().slice(0, 10) : null,
    canSilence: can(moderator, "member:silence", { member: p }),
    canLift: can(moderator, "member:unsilence", { member: p }),
  });
  const done = doneSchema.safeParse(Object.fromEntries(url.searchParams));
  const firstPage = new URLSearchParams(params);
  firstPage.delete("cursor");
  const nextPage = new URLSearchParams(firstPage);
  if (queue.next) nextPage.set("cursor", queue.next);
  return {
    filter: {
      kind: filter.kind ?? "",
      reason: filter.reason ?? "",
      council: filter.council ?? "",
      age: filter.age ?? "",
    },
    councils: councils.map((c) => ({ code: c.code, name: c.name })),
    /** This list and page, for each form's action and the redirect after it. */
    here: params.toString(),
    onLaterPage: cursor !== null,
    firstPage: firstPage.toString(),
    nextPage: queue.next ? nextPage.toString() : null,
    total: queue.total,
    done: done.success
      ? { message: doneMessage(done.data.done, done.data.n, done.data.skipped), at: done.data.at ?? null }
      : null,
    queue: queue.entries.map(({ createdAt, author, ...entry }) => ({
      ...entry,
      anchor: `item-${entry.kind}-${entry.id}`,
      waited: waitedFor(createdAt, now),
      author: author ? { ...author, ...person(author) } : null,
    })),
    silenced: silenced.map(person),
  };
}

const decisionSchema = z.object({
  kind: z.enum(["post", "comment", "report_comment"]),
  id: z.coerce.number().int().positive().max(2_147_483_647),
  version: z.coerce.number().int().positive().max(2_147_483_647),
  decision: z.enum(DECISIONS),
  rule: z.string().optional(),
  note: z.string().trim().max(1000).optional(),
  at: ignoredIfBad(z.string().regex(ANCHOR)),
});

const bulkSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  rule: z.string().optional(),
  note: z.string().trim().max(1000).optional(),
});

const BULK_ITEM = /^(post|comment|report_comment):(\d{1,10}):(\d{1,10})$/;
const MOST_AT_ONCE = 50;

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

/**
 * The reason a decision carries: the house rule it cites and the moderator's note. Null with an
 * error message when the decision needs a rule and none (or no real one) was chosen.
 */
function reasonFor(decision: Decision, rule: string | undefined, note: string | undefined) {
  const cited = ruleByNumber(rule);
  if (rule && !cited) return { error: "Choose a house rule from the list" };
  if (reasonRequired(decision) && !cited) return { error: "Choose the house rule it breaks: the author will see it" };
  return { reason: cited ? reasonText(cited, note) : note || null };
}

/** Back to the same list and page, the notice where the item was, and focus on it (#done). */
function backTo(url: URL, decision: Decision, handled: number, notHandled: number, at: string | undefined) {
  const { params } = listFrom(url);
  params.set("done", decision);
  params.set("n", String(handled));
  if (notHandled) params.set("skipped", String(notHandled));
  if (at) params.set("at", at);
  return redirect(`/moderation?${params}#done`, 303);
}

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requirePermission(request, "moderation:review");
  const url = new URL(request.url);
  const { values, list } = await readFormWithLists(request);
  const actor = { id: moderator.id, handle: moderator.handle };
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

  if (values.intent === "bulk") {
    const parsed = bulkSchema.safeParse(values);
    if (!parsed.success) return formFailure({ "rule-bulk": "Choose approve or reject." }, values, DONE_NOTHING);
    const chosen = list("item");
    if (chosen.length === 0)
      return formFailure({ "rule-bulk": "Select at least one item in the queue first." }, values, DONE_NOTHING);
    if (chosen.length > MOST_AT_ONCE)
      return formFailure({ "rule-bulk": `Select at most ${MOST_AT_ONCE} items at once.` }, values, DONE_NOTHING);
    const targets = chosen.map((item) => BULK_ITEM.exec(item));
    if (targets.some((t) => t === null))
      return formFailure(
        { "rule-bulk": "Some selected items could not be read. Select them again." },
        values,
        DONE_NOTHING,
      );
    const { decision } = parsed.data;
    const why = reasonFor(decision, parsed.data.rule, parsed.data.note);
    if ("error" in why) return formFailure({ "rule-bulk": why.error }, values, DONE_NOTHING);
    const unique = [...new Map(targets.map((t) => [`${t?.[1]}:${t?.[2]}`, t as RegExpExecArray])).values()];
    const { handled, notHandled } = await decideMany(
      actor,
      unique.map(([, kind, id, version]) => ({
        kind: kind as "post" | "comment" | "report_comment",
        id: Number(id),
        version: Number(version),
      })),
      decision,
      why.reason,
    );
    if (handled === 0)
      return formFailure(
        {
          form: "None of the selected items was changed: another moderator had already dealt with them, or they were not waiting for a decision.",
        },
        values,
        { status: 409, ...DONE_NOTHING },
      );
    return backTo(url, decision, handled, notHandled, undefined);
  }

  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return formFailure({ form: "Choose a decision for the item." }, values, DONE_NOTHING);
  const { kind, id, version, decision, rule, note, at } = parsed.data;
  const why = reasonFor(decision, rule, note);
  if ("error" in why) return formFailure({ [`rule-${kind}-${id}`]: why.error }, values, DONE_NOTHING);
  try {
    await decide(actor, { kind, id, version }, decision, why.reason);
  } catch (error) {
    // Another moderator got there first (409), or it is the moderator's own (403).
    if (isRefusal(error)) return formFailure(error, values, DONE_NOTHING);
    throw error;
  }
  return backTo(url, decision, 1, 0, at);
}

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["queue"][number];

/** The notice left where the item was, focused after the page loads (the fragment does it without JavaScript). */
function DoneNotice({ message }: { message: string }) {
  const location = useLocation();
  useEffect(() => {
    if (location.hash === "#done") document.getElementById("done")?.focus();
  }, [location.key, location.hash]);
  return (
    <div id="done" className="notice notice--success" role="status" tabIndex={-1}>
      <p>{message}</p>
    </div>
  );
}

export default function ModerationQueue() {
  const { queue, filter, councils, here, total, done, firstPage, nextPage, onLaterPage, silenced } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = result?.errors ?? {};
  const formAction = `/moderation${here ? `?${here}` : ""}`;
  const doneAt = done && queue.some((e) => e.anchor === done.at) ? done.at : null;
  const selectable = queue.filter((e) => e.status === "pending" && !e.ownContent);
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
        {total === 0
          ? "Nothing is waiting for review."
          : `${total} waiting, most urgent first${total > PER_PAGE ? `, ${PER_PAGE} to a page` : ""}.`}{" "}
        <Link to="/moderation/log">Audit log</Link> · <Link to="/house-rules">House rules</Link>
      </p>
      <FilterForm label="Filter the queue" clearTo="/moderation">
        <div className="filter-row">
          <FilterSelects
            prefix="filter"
            values={filter}
            fields={[
              {
                name: "kind",
                label: "What",
                options: [["", "Everything"], ...QUEUE_KINDS.map((k) => [k, QUEUE_KIND_LABELS[k]] as [string, string])],
              },
              {
                name: "reason",
                label: "Why it is here",
                options: [["", "Any reason"], ...Object.entries(QUEUE_REASON_LABELS)],
              },
              {
                name: "council",
                label: "Council",
                options: [["", "Any council"], ...councils.map((c) => [c.code, c.name] as [string, string])],
              },
              {
                name: "age",
                label: "Waiting",
                options: [
                  ["", "Any time"],
                  ...QUEUE_AGES.map((d) => [String(d), `${d} ${d === 1 ? "day" : "days"} or more`] as [string, string]),
                ],
              },
            ]}
          />
        </div>
      </FilterForm>
      {done && !doneAt ? <DoneNotice message={done.message} /> : null}
      <ol className="story-list queue-list">
        {queue.map((entry) => (
          <li key={entry.anchor} id={entry.anchor}>
            {doneAt === entry.anchor && done ? <DoneNotice message={done.message} /> : null}
            <QueueItemView
              entry={entry}
              errors={errors}
              action={formAction}
              nextAnchor={nextAnchorAfter(queue, entry)}
              selectable={selectable.includes(entry)}
            />
          </li>
        ))}
      </ol>
      {nextPage || onLaterPage ? (
        <nav aria-label="Queue pages" className="pagination">
          {onLaterPage ? <Link to={`/moderation${firstPage ? `?${firstPage}` : ""}`}>First page</Link> : null}
          {nextPage ? <Link to={`/moderation?${nextPage}`}>Next page</Link> : null}
        </nav>
      ) : null}
      {selectable.length > 0 ? (
        <Form method="post" action={formAction} id="bulk" className="section" aria-labelledby="bulk-heading">
          <h2 id="bulk-heading">Decide on the selected items</h2>
          <p>Tick “Select” on the items above, then approve or reject them all at once with one reason.</p>
          <input type="hidden" name="intent" value="bulk" />
          <ReasonFields idSuffix="bulk" errors={errors} />
          <div className="button-row">
            <button type="submit" name="decision" value="approve" className="button">
              Approve selected
            </button>
            <button type="submit" name="decision" value="reject" className="button button--warning">
              Reject selected
            </button>
          </div>
        </Form>
      ) : null}
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

/** The item whose place the notice takes once this one is decided: the next, or the one before. */
function nextAnchorAfter(queue: Entry[], entry: Entry): string | undefined {
  const at = queue.indexOf(entry);
  return (queue[at + 1] ?? queue[at - 1])?.anchor;
}

function heading(entry: Entry): string {
  if (entry.kind === "post") return `Post: ${entry.title ?? ""}`;
  if (entry.kind === "comment") return `Reply to “${entry.post?.title ?? ""}”`;
  return `Experience report comment${entry.council ? ` (${entry.council})` : ""}`;
}

function QueueItemView({
  entry,
  errors,
  action,
  nextAnchor,
  selectable,
}: {
  entry: Entry;
  errors: FieldErrors;
  action: string;
  nextAnchor: string | undefined;
  selectable: boolean;
}) {
  const headingId = `${entry.anchor}-heading`;
  const what = ITEM_LABELS[entry.kind].toLowerCase();
  const named = (text: string) => (
    <span className="visually-hidden">
      {" "}
      {text} {heading(entry)}
    </span>
  );
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId} className="queue-heading">
        {heading(entry)}
      </h2>
      {selectable ? (
        <div className="checkbox">
          <input
            type="checkbox"
            form="bulk"
            name="item"
            value={`${entry.kind}:${entry.id}:${entry.version}`}
            id={`select-${entry.anchor}`}
          />
          <label htmlFor={`select-${entry.anchor}`}>
            Select<span className="visually-hidden"> {heading(entry)}</span> for a decision on several items
          </label>
        </div>
      ) : null}
      <p className="byline">
        {entry.reasons.map((r) => QUEUE_REASON_LABELS[r as keyof typeof QUEUE_REASON_LABELS] ?? r).join(" · ")} ·{" "}
        {entry.waited}
      </p>
      <dl className="queue-facts">
        <dt>Council</dt>
        <dd>{entry.council ?? "none chosen"}</dd>
        {entry.kind === "post" ? (
          <>
            <dt>Tags</dt>
            <dd>{entry.tags.length > 0 ? entry.tags.join(", ") : "none"}</dd>
          </>
        ) : null}
        {entry.byline ? (
          <>
            <dt>Shown as</dt>
            <dd>
              {entry.named ? "under their name: " : "anonymous: "}
              {entry.byline}
            </dd>
          </>
        ) : null}
        <dt>Written by</dt>
        <dd>
          {entry.author
            ? `${entry.author.handle}, trust level ${entry.author.trustLevel}, ${entry.author.rejectedBefore} rejected before, ${entry.author.upheldFlags} upheld reports`
            : "a former member"}
        </dd>
      </dl>
      {entry.kind === "comment" && entry.post ? (
        <p>
          On the post <Link to={`/stories/${entry.post.id}`}>{entry.post.title}</Link>
        </p>
      ) : null}
      {entry.parent ? (
        <div className="queue-parent">
          <p>Answering this reply:</p>
          <blockquote className="prose" dangerouslySetInnerHTML={{ __html: entry.parent.html }} />
        </div>
      ) : null}
      {entry.kept.length > 0 ? (
        <p>
          Kept by the author:{" "}
          {entry.kept.map((finding, index) => (
            <span key={index}>
              <mark className="finding">{finding.text}</mark> ({finding.kind.replace(/_/g, " ")}){" "}
            </span>
          ))}
        </p>
      ) : null}
      <div className="prose queue-body" dangerouslySetInnerHTML={{ __html: entry.html }} />
      {entry.kind === "post" ? (
        <p>
          <Link to={`/stories/${entry.id}/history`}>Edit history{named("of")}</Link>
        </p>
      ) : null}
      {entry.status === "pending" && (entry.kind === "post" || entry.kind === "comment") && !entry.ownContent ? (
        <p>
          <Link to={`/moderation/edit?kind=${entry.kind}&id=${entry.id}`}>Edit, then approve{named(what)}</Link>
        </p>
      ) : null}
      {entry.author && !entry.ownContent ? (
        <MemberControls person={entry.author} itemKey={`${entry.kind}-${entry.id}`} errors={errors} />
      ) : null}
      {entry.ownContent ? (
        <p>This is your own content: another moderator will review it.</p>
      ) : (
        <Form method="post" action={action} aria-labelledby={headingId}>
          <input type="hidden" name="kind" value={entry.kind} />
          <input type="hidden" name="id" value={entry.id} />
          <input type="hidden" name="version" value={entry.version} />
          {nextAnchor ? <input type="hidden" name="at" value={nextAnchor} /> : null}
          <ReasonFields idSuffix={`${entry.kind}-${entry.id}`} errors={errors} />
          <div className="button-row">
            {entry.status === "published" ? (
              <>
                <button type="submit" name="decision" value="dismiss_flags" className="button">
                  Keep it and dismiss the reports{named("on")}
                </button>
                <button type="submit" name="decision" value="remove" className="button button--warning">
                  Remove{named("")}
                </button>
              </>
            ) : (
              <>
                <button type="submit" name="decision" value="approve" className="button">
                  Approve{named("")}
                </button>
                <button type="submit" name="decision" value="request_changes" className="button button--secondary">
                  Ask for changes{named("to")}
                </button>
                <button type="submit" name="decision" value="reject" className="button button--warning">
                  Reject{named("")}
                </button>
              </>
            )}
          </div>
        </Form>
      )}
    </article>
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
