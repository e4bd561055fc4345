import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { SubmitButton, TextField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { requirePermission } from "~/server/accounts/guards.server";
import { listAuditLog } from "~/server/moderation/moderation.server";

export const meta: MetaFunction = () => [{ title: "Audit log – Moderation – Fifth Option" }];

const querySchema = z.object({
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{0,40}$/)
    .optional()
    .catch(undefined),
  target: z.enum(["post", "comment", "report", "user"]).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

/** Any ISO time recorded in an entry (such as the end of a silence) shown as its day only. */
function toDays(text: string): string {
  return text.replace(/(\d{4}-\d\d-\d\d)T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?/g, "$1");
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation:log");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { entries, next } = await listAuditLog({
    action: query.action || undefined,
    targetType: query.target,
    before: query.before,
    perPage: 50,
  });
  return {
    query,
    next,
    entries: entries.map((e) => ({
      id: e.id,
      // Days, not times: approving a post publishes it, so an entry's time is the post's.
      when: e.createdAt.toISOString().slice(0, 10),
      who: e.actorHandle,
      action: e.action,
      target: `${e.targetType} ${e.targetId}`,
      reason: e.reason,
      change:
        e.before || e.after
          ? `${toDays(JSON.stringify(e.before ?? null))} → ${toDays(JSON.stringify(e.after ?? null))}`
          : "",
    })),
  };
}

// Append-only: the database refuses to change or delete these rows.
export default function AuditLog() {
  const { entries, next, query } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Every moderation and admin action, newest first. <Link to="/moderation">Back to the queue</Link>
      </p>
      <Form method="get" role="search">
        <TextField
          name="action"
          label="Action starts with (for example post.reject or role)"
          defaultValue={query.action}
          width="medium"
        />
        <SubmitButton secondary>Filter</SubmitButton>
      </Form>
      {entries.length === 0 ? (
        <p>No actions recorded.</p>
      ) : (
        <TableScroll label="Moderation and admin actions">
          <table className="data">
            <caption className="visually-hidden">Moderation and admin actions</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Target</th>
                <th scope="col">Reason</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.when}</td>
                  <td>{entry.who}</td>
                  <td>{entry.action}</td>
                  <td>{entry.target}</td>
                  <td>{entry.reason}</td>
                  <td>{entry.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {next ? (
        <p>
          <Link
            to={`?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), before: String(next) })}`}
          >
            Older entries
          </Link>
        </p>
      ) : null}
    </>
  );
}
