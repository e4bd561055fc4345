import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportAccountData } from "~/server/accounts/accounts.server";
import { requireUser } from "~/server/accounts/guards.server";

// "Download my data": everything the person wrote and every report they gave, as JSON.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const body = JSON.stringify(await exportAccountData(user.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="fifth-option-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
