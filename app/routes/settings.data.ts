import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportAccountData } from "~/server/accounts/accounts.server";
import { requireUser } from "~/server/accounts/guards.server";
import { followingExport } from "~/server/following/following.server";

// "Download my data": everything the person wrote and every report they gave, and what they
// follow and saved, as JSON.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [account, following] = await Promise.all([exportAccountData(user.id), followingExport(user.id)]);
  // What they follow, muted and saved, and how far they have read each thread (a month, never a time).
  const body = JSON.stringify({ ...account, following }, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="fifth-option-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
