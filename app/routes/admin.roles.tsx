import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { DataTable } from "~/components/data-table";
import { ErrorSummary, SubmitButton, TextField, SuccessNotice } from "~/components/forms";
import { isRefusal } from "~/domain/forms";
import { listMembersForAdmin, setRole } from "~/server/accounts/accounts.server";
import { requirePermission } from "~/server/accounts/guards.server";
import { decideResearcherRequest, listOpenResearcherRequests } from "~/server/accounts/researcher-requests.server";
import { formFailure, readForm, zodFieldErrors } from "~/server/http/forms.server";

export const meta: MetaFunction = () => [{ title: "Roles – Admin – Fifth Option" }];

const ROLES = ["member", "moderator", "researcher", "admin"] as const;
const PER_PAGE = 50;

const querySchema = z.object({
  q: z.string().trim().max(30).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:roles");
  const { q, page } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ members, total }, requests] = await Promise.all([
    listMembersForAdmin({ search: q, page, perPage: PER_PAGE }),
    listOpenResearcherRequests(),
  ]);
  return {
    q,
    page,
    total,
    members: members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString().slice(0, 7) })),
    requests: requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString().slice(0, 7) })),
  };
}

const decisionSchema = z.object({
  requestId: z.coerce.number().int().positive().max(2_147_483_647),
  decision: z.enum(["grant", "decline"], { errorMap: () => ({ message: "Choose grant or decline" }) }),
});

async function decideRequest(admin: { id: number; handle: string }, values: Record<string, string>) {
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  try {
    const { handle } = await decideResearcherRequest(admin, parsed.data.requestId, parsed.data.decision);
    const done =
      parsed.data.decision === "grant"
        ? `${handle} has the researcher role and has been told.`
        : `${handle}'s request is declined and they have been told.`;
    return data({ ok: true as const, done });
  } catch (error) {
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
}

const changeSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role" }) }),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin:roles");
  const values = await readForm(request);
  if (values.intent === "researcher-request") return decideRequest(admin, values);
  const parsed = changeSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const { userId, role, reason } = parsed.data;
  let result: { changed: boolean; handle: string };
  try {
    result = await setRole({ id: admin.id, handle: admin.handle }, userId, role, reason || null);
  } catch (error) {
    // Demoting oneself (403), a member deleted meanwhile (404).
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
  return data({
    ok: true as const,
    done: result.changed
      ? `${result.handle} is now ${role === "admin" ? "an" : "a"} ${role}.`
      : `${result.handle} was already ${role === "admin" ? "an" : "a"} ${role}.`,
  });
}

export default function AdminRoles() {
  const { q, total, members, requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.ok ? <SuccessNotice>{result.done}</SuccessNotice> : null}
      <h1>Roles</h1>
      <p>Every change is recorded in the audit log with your name and reason.</p>
      <ResearcherRequests requests={requests} />
      <Form method="get" role="search">
        <TextField name="q" type="search" label="Find a member by name" defaultValue={q} width="medium" />
        <SubmitButton secondary>Search</SubmitButton>
      </Form>
      <p>{total} members found.</p>
      <DataTable
        caption="Members and their roles"
        rows={members}
        rowKey={(member) => member.id}
        columns={[
          { header: "Name", cell: (member) => member.handle },
          { header: "Joined", cell: (member) => member.createdAt },
          { header: "Trust level", cell: (member) => member.trustLevel },
          { header: "Role", cell: (member) => <RoleForm member={member} /> },
        ]}
      />
    </>
  );
}

type MemberRow = ReturnType<typeof useLoaderData<typeof loader>>["members"][number];

/** One member's role, changed with an optional reason that goes into the audit log. */
function RoleForm({ member }: { member: MemberRow }) {
  return (
    <Form method="post" className="role-form">
      <input type="hidden" name="userId" value={member.id} />
      <label className="visually-hidden" htmlFor={`role-${member.id}`}>
        Role for {member.handle}
      </label>
      <select id={`role-${member.id}`} name="role" defaultValue={member.role} className="input input--short">
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>{" "}
      <label className="visually-hidden" htmlFor={`reason-${member.id}`}>
        Reason for changing {member.handle}&apos;s role
      </label>
      <input
        id={`reason-${member.id}`}
        type="text"
        name="reason"
        className="input input--medium"
        placeholder="Reason (optional)"
      />{" "}
      <button type="submit" className="button button--secondary">
        Save<span className="visually-hidden"> role for {member.handle}</span>
      </button>
    </Form>
  );
}

type OpenRequest = ReturnType<typeof useLoaderData<typeof loader>>["requests"][number];

/** Members asking for the researcher role, oldest first, each granted or declined with one click. */
function ResearcherRequests({ requests }: { requests: OpenRequest[] }) {
  return (
    <section className="section" aria-labelledby="researcher-requests">
      <h2 id="researcher-requests">Requests for the researcher role</h2>
      {requests.length === 0 ? (
        <p>No requests are waiting.</p>
      ) : (
        <ul className="request-list">
          {requests.map((request) => (
            <li key={request.id}>
              <h3>
                {request.user.handle} <span className="muted">(asked in {request.createdAt})</span>
              </h3>
              <dl>
                <dt>Research</dt>
                <dd>{request.research}</dd>
                <dt>Organisation</dt>
                <dd>{request.organisation ?? "None given"}</dd>
                <dt>How the data will be used</dt>
                <dd>{request.dataUse}</dd>
              </dl>
              <Form method="post">
                <input type="hidden" name="intent" value="researcher-request" />
                <input type="hidden" name="requestId" value={request.id} />
                <SubmitButton name="decision" value="grant">
                  Grant<span className="visually-hidden"> the researcher role to {request.user.handle}</span>
                </SubmitButton>{" "}
                <SubmitButton name="decision" value="decline" secondary>
                  Decline<span className="visually-hidden"> {request.user.handle}&apos;s request</span>
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
