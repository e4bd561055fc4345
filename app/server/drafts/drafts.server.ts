// Every query on drafts lives here. Each one names the member: a draft is found, changed or
// deleted only by its author, so another member's draft id is the same "not found" as no draft.
import {
  assertDraftFits,
  DRAFT_MAX_PER_MEMBER,
  DraftProblem,
  draftFieldsFrom,
  draftLabel,
  hasWords,
  parseDraftId,
  type DraftFields,
  type DraftKind,
} from "~/domain/drafts/drafts";

import { query } from "../db/client.server";

export interface DraftRow {
  id: number;
  kind: DraftKind;
  postId: number | null;
  label: string;
  fields: DraftFields;
  updatedAt: Date;
}

const COLUMNS = `id, kind, post_id AS "postId", label, fields, updated_at AS "updatedAt"`;

/**
 * Saves a draft: the member's draft `id` when it is still there, otherwise a new one (within the
 * limit of DRAFT_MAX_PER_MEMBER). A reply draft must answer a published post. Returns the id.
 */
export async function saveDraft(
  userId: number,
  input: { id: number | null; kind: DraftKind; postId: number | null; fields: DraftFields },
): Promise<number> {
  assertDraftFits(input.fields);
  const label = draftLabel(input.kind, input.fields);
  const fields = JSON.stringify(input.fields);
  if (input.id !== null) {
    const [updated] = await query<{ id: number }>(
      `UPDATE draft SET fields = $3::jsonb, label = $4, updated_at = now()
       WHERE id = $1 AND user_id = $2 AND kind = $5::draft_kind RETURNING id`,
      [input.id, userId, fields, label, input.kind],
    );
    if (updated) return updated.id;
  }
  if (input.kind === "reply") {
    const [post] = await query<{ id: number }>(`SELECT id FROM post WHERE id = $1 AND status = 'published'`, [
      input.postId,
    ]);
    if (!post) throw new DraftProblem("You can only keep a draft of a reply to a published post.", 404);
  }
  // The count and the insert in one statement, so a burst of saves cannot pass the limit by much.
  const [created] = await query<{ id: number }>(
    `INSERT INTO draft (user_id, kind, post_id, fields, label)
     SELECT $1, $2::draft_kind, $3, $4::jsonb, $5
     WHERE (SELECT count(*) FROM draft WHERE user_id = $1) < $6
     RETURNING id`,
    [userId, input.kind, input.kind === "reply" ? input.postId : null, fields, label, DRAFT_MAX_PER_MEMBER],
  );
  if (!created) {
    throw new DraftProblem(
      `You already have ${DRAFT_MAX_PER_MEMBER} drafts, the most we keep. Delete one you no longer need on your Drafts page, then save again. Your text is still here.`,
      409,
    );
  }
  return created.id;
}

/** The member's drafts, last saved first. */
export async function listDrafts(userId: number): Promise<DraftRow[]> {
  return query<DraftRow>(`SELECT ${COLUMNS} FROM draft WHERE user_id = $1 ORDER BY updated_at DESC, id DESC`, [userId]);
}

/** One of the member's drafts, or null (also for someone else's). */
export async function getDraft(userId: number, id: number, kind?: DraftKind): Promise<DraftRow | null> {
  const [row] = await query<DraftRow>(
    `SELECT ${COLUMNS} FROM draft WHERE id = $1 AND user_id = $2 AND ($3::draft_kind IS NULL OR kind = $3::draft_kind)`,
    [id, userId, kind ?? null],
  );
  return row ?? null;
}

/** Deletes one of the member's drafts; true when there was one. Publishing calls it too. */
export async function deleteDraft(userId: number, id: number | null): Promise<boolean> {
  if (id === null) return false;
  const rows = await query<{ id: number }>(`DELETE FROM draft WHERE id = $1 AND user_id = $2 RETURNING id`, [
    id,
    userId,
  ]);
  return rows.length > 0;
}

const PERMISSION_OF = { story: "post:create", reply: "comment:create", report: "report:create" } as const;

/** What writing a draft of this kind asks of the member: the same as sending the form itself. */
export function draftPermission(kind: DraftKind) {
  return PERMISSION_OF[kind];
}

/**
 * A form's fields saved as the member's draft of this kind (their draft `draftId` from the form when
 * it is still there). Returns the draft's id, or null when the form holds no words worth keeping.
 */
export async function saveFormAsDraft(
  userId: number,
  kind: DraftKind,
  postId: number | null,
  values: Record<string, string>,
  list?: (key: string) => string[],
): Promise<number | null> {
  const fields = draftFieldsFrom(kind, values, list);
  const id = parseDraftId(values.draftId);
  if (!hasWords(fields) && kind !== "report") return id;
  return saveDraft(userId, { id, kind, postId, fields });
}
