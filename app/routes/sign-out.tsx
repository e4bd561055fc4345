import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { getSession } from "~/server/accounts/guards.server";
import { clearSessionCookie, invalidateSession } from "~/server/accounts/session.server";

// Signing out is a POST (a button in the header), so a link on another site cannot do it.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session) await invalidateSession(session.id);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request) } });
}
