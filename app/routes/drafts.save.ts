import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { DraftProblem, isDraftKind, parseDraftId } from "~/domain/drafts/drafts";
import { requirePermission } from "~/server/accounts/guards.server";
import { draftPermission, saveFormAsDraft } from "~/server/drafts/drafts.server";
import { isUnavailable, readFormWithLists } from "~/server/http/forms.server";

// The autosave behind the story, reply and report forms (app/components/draft-controls.tsx): the
// form's fields in, the draft's id out, as JSON. Without JavaScript each form's own "Save draft"
// button does the same through that form's action.
/** The answer, JSON for the script that asked; never kept by any cache. */
function answer(body: { draftId: number | null; message: string }, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}

export async function loader() {
  return redirect("/drafts");
}

export async function action({ request }: ActionFunctionArgs) {
  const { values, list } = await readFormWithLists(request);
  const kind = values.draftKind;
  if (!isDraftKind(kind)) return answer({ draftId: null, message: "That is not something we keep drafts of." }, 400);
  const user = await requirePermission(request, draftPermission(kind));
  const postId = kind === "reply" ? parseDraftId(values.draftPostId) : null;
  if (kind === "reply" && postId === null) {
    return answer({ draftId: null, message: "We could not tell which story this reply answers." }, 400);
  }
  try {
    const draftId = await saveFormAsDraft(user.id, kind, postId, values, list);
    return answer({ draftId, message: draftId === null ? "" : "Draft saved." });
  } catch (error) {
    if (error instanceof DraftProblem) return answer({ draftId: null, message: error.message }, error.status);
    if (isUnavailable(error)) {
      return answer(
        { draftId: null, message: "Your draft could not be saved just now. Your text is still here." },
        503,
      );
    }
    throw error;
  }
}
