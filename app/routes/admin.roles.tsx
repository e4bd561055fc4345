import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { DataTable } from "~/components/data-table";
import { ErrorSummary, SubmitButton, TextField, SuccessNotice } from "~/components/forms";
import { isRefusal } from "~/domain/forms";
import { listMembersForAdmin, setRole } from "~/server/accounts/accounts.server";
import { requirePermission } from "~/server/accounts/guards.server";
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
  const { members, total } = await listMembersForAdmin({ search: q, page, perPage: PER_PAGE });
  return { q, page, total, members: members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString().slice(0, 7) })) };
}

const changeSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role" }) }),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin:roles");
  const values = await readForm(request);
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
  const { q, total, members } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.ok ? <SuccessNotice>{result.done}</SuccessNotice> : null}
      <h1>Roles</h1>
      <p>Every change is recorded in the audit log with your name and reason.</p>
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
