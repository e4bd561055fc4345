import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { recoveryCodesFile } from "~/domain/accounts/recovery-codes";
import { requireUser } from "~/server/accounts/guards.server";
import { readFormWithLists } from "~/server/http/forms.server";

// "Download as a text file" under the recovery codes. The page that shows the codes sends them
// back here in hidden fields, and they come straight back as a file: nothing is stored or looked
// up, so the codes cannot be fetched again later by anyone (decision 033).
export async function loader() {
  return redirect("/settings");
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const { list } = await readFormWithLists(request);
  const file = recoveryCodesFile(list("code"));
  if (file === null) {
    return new Response(
      "We could not make that file: it did not hold a set of recovery codes. Go back and write the codes down instead.",
      { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } },
    );
  }
  return new Response(file, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": 'attachment; filename="fifth-option-recovery-codes.txt"',
      "Cache-Control": "no-store",
    },
  });
}
