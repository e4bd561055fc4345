import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";

import { DraftProblem, isDraftKind, parseDraftId } from "~/domain/drafts/drafts";
import { requirePermission } from "~/server/accounts/guards.server";
import { draftPermission, saveFormAsDraft } from "~/server/drafts/drafts.server";
import { isUnavailable, readFormWithLists } from "~/server/http/forms.server";

// The autosave behind the story, reply and report forms (app/components/draft-controls.tsx): the
// form's fields in, the draft's id out, as JSON. Without JavaScript each form's own "Save draft"
// button does the same through that form's action.
export async function loader() {
  return redirect("/drafts");
}

export async function action({ request }: ActionFunctionArgs) {
  const { values, list } = await readFormWithLists(request);
  const kind = values.draftKind;
  if (!isDraftKind(kind)) return data({ draftId: null, message: "That is not something we keep drafts of." }, 400);
  const user = await requirePermission(request, draftPermission(kind));
  const postId = kind === "reply" ? parseDraftId(values.draftPostId) : null;
  if (kind === "reply" && postId === null) {
    return data({ draftId: null, message: "We could not tell which story this reply answers." }, 400);
  }
  try {
    const draftId = await saveFormAsDraft(user.id, kind, postId, values, list);
    return data(
      { draftId, message: draftId === null ? "" : "Draft saved." },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    if (error instanceof DraftProblem) return data({ draftId: null, message: error.message }, error.status);
    if (isUnavailable(error)) {
      return data({ draftId: null, message: "Your draft could not be saved just now. Your text is still here." }, 503);
    }
    throw error;
  }
}
