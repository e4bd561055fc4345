import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ignoredIfBad } from "~/domain/forms";

import { FilterForm, FilterSelects, TextField } from "~/components/forms";
import { RuleLinks } from "~/components/house-rules";
import { TableScroll } from "~/components/table-scroll";
import {
  ACTION_LABELS,
  actionLabel,
  AUDIT_TARGETS,
  auditTargetLink,
  describeChange,
  type AuditTarget,
  TARGET_LABELS,
} from "~/domain/moderation/audit-log";
import { requirePermission } from "~/server/accounts/guards.server";
import { listAuditActors, listAuditLog } from "~/server/moderation/audit.server";

export const meta: MetaFunction = () => [{ title: "Audit log – Moderation – Fifth Option" }];

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const day = ignoredIfBad(
  z
    .string()
    .regex(DAY)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`))),
);

const querySchema = z.object({
  who: ignoredIfBad(z.string().trim().max(30)),
  action: ignoredIfBad(z.string().refine((a) => a in ACTION_LABELS)),
  target: ignoredIfBad(z.enum(AUDIT_TARGETS as [AuditTarget, ...AuditTarget[]])),
  targetId: ignoredIfBad(
    z
      .string()
      .trim()
      .regex(/^[\w .'-]{1,40}$/),
  ),
  month: ignoredIfBad(z.string().regex(MONTH)),
  from: day,
  to: day,
  before: ignoredIfBad(z.coerce.number().int().positive().max(2_147_483_647)),
});

const utcDay = (d: string) => new Date(`${d}T00:00:00Z`);

/** A month filter is the range from its first day to its last. */
function rangeOf(query: z.infer<typeof querySchema>): { from?: Date; to?: Date } {
  if (query.month) {
    const from = utcDay(`${query.month}-01`);
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0));
    return { from, to };
  }
  return { from: query.from ? utcDay(query.from) : undefined, to: query.to ? utcDay(query.to) : undefined };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation:log");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ entries, next, postOfReply, handleOf }, actors] = await Promise.all([
    listAuditLog(
      {
        who: query.who || undefined,
        action: query.action,
        targetType: query.target,
        targetId: query.targetId,
        ...rangeOf(query),
      },
      { before: query.before, perPage: 50 },
    ),
    listAuditActors(),
  ]);
  const { before: _before, ...filters } = query;
  const older = new URLSearchParams(
    Object.entries(filters).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
    ),
  );
  if (next) older.set("before", String(next));
  return {
    query,
    actors,
    older: next ? older.toString() : null,
    entries: entries.map((e) => ({
      id: e.id,
      // Days, not times: approving a post publishes it, so an entry's time is the post's.
      when: e.createdAt.toISOString().slice(0, 10),
      who: e.actorHandle,
      what: actionLabel(e.action),
      target: auditTargetLink(e.targetType, e.targetId, { postOfReply, handleOf }),
      reason: e.reason,
      changes: describeChange(e.before, e.after),
    })),
  };
}

// Append-only: the database refuses to change or delete these rows.
export default function AuditLog() {
  const { entries, older, query, actors } = useLoaderData<typeof loader>();
  const filters: { name: string; label: string; options: [string, string][] }[] = [
    {
      name: "who",
      label: "Who",
      options: [["", "Anyone"], ...actors.map((a) => [a, a] as [string, string])],
    },
    { name: "action", label: "What", options: [["", "Any action"], ...Object.entries(ACTION_LABELS)] },
    { name: "target", label: "Done to", options: [["", "Anything"], ...Object.entries(TARGET_LABELS)] },
  ];
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Every moderation and admin action, newest first. <Link to="/moderation">Back to the queue</Link>
      </p>
      <FilterForm label="Filter the log" clearTo="/moderation/log">
        <div className="filter-row">
          <FilterSelects prefix="log" values={query} fields={filters} />
          <TextField
            name="targetId"
            label="Its number or name (optional)"
            defaultValue={query.targetId}
            width="short"
          />
        </div>
        <div className="filter-row">
          <TextField name="month" type="month" label="Month" defaultValue={query.month} width="short" />
          <TextField name="from" type="date" label="Or from" defaultValue={query.from} width="short" />
          <TextField name="to" type="date" label="To" defaultValue={query.to} width="short" />
        </div>
      </FilterForm>
      {entries.length === 0 ? (
        <p>No actions recorded{Object.values(query).some(Boolean) ? " that match these filters" : ""}.</p>
      ) : (
        <TableScroll label="Moderation and admin actions">
          <table className="data audit-log">
            <caption className="visually-hidden">Moderation and admin actions</caption>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Done to</th>
                <th scope="col">Reason</th>
                <th scope="col">What changed</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.when}</td>
                  <td>{entry.who}</td>
                  <td>{entry.what}</td>
                  <td>{entry.target.to ? <Link to={entry.target.to}>{entry.target.text}</Link> : entry.target.text}</td>
                  <td>
                    {entry.reason}
                    <RuleLinks text={entry.reason} />
                  </td>
                  <td>
                    {entry.changes.length === 0 ? null : (
                      <ul className="changes">
                        {entry.changes.map((change) => (
                          <li key={change.label}>
                            {change.label}:{" "}
                            {change.diff ? (
                              <span className="diff">
                                {change.diff.map((part, index) =>
                                  part.change === "added" ? (
                                    <ins key={index}>{part.text}</ins>
                                  ) : part.change === "removed" ? (
                                    <del key={index}>{part.text}</del>
                                  ) : (
                                    <span key={index}>{part.text}</span>
                                  ),
                                )}
                              </span>
                            ) : (
                              <>
                                {change.before ?? "none"} → {change.after ?? "none"}
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {older ? (
        <p>
          <Link to={`?${older}`}>Older entries</Link>
        </p>
      ) : null}
    </>
  );
}
