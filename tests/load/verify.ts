// What actually reached the database, matched to what the simulated members were told.
import type { Submission, WriteKind } from "./members";
import { sql } from "./postgres";

export interface SavedRow {
  kind: WriteKind;
  id: number;
  postId: number | null;
  submissionKey: string | null;
  status: string;
  /** When PostgreSQL wrote it, in epoch milliseconds. */
  createdAt: number;
  /** Title and body carry the same marker. */
  markersAgree: boolean;
}

export interface Verdict {
  submission: Submission;
  rows: SavedRow[];
  /** Acknowledged, but not in the database. */
  lost: boolean;
  duplicated: boolean;
  /** Saved, though the person never saw it succeed (a refresh would have shown it). */
  savedUnacknowledged: boolean;
  /** The row does not carry the submission key sent, or is not the one the redirect named. */
  mismatch: string | null;
  /** The very try that saved it was answered "not saved" (a 503). */
  misreported: boolean;
  /** Saved by an earlier try whose answer never arrived; the retry got the same row back by its key. */
  savedBeforeRetry: boolean;
}

export interface Reconciliation {
  verdicts: Verdict[];
  /** Rows carrying this run's marker that no submission accounts for. */
  strays: number;
}

function markerPattern(runId: string): RegExp {
  return new RegExp(`LT${runId}-m\\d{2}-(?:w\\d{3}|shutdown)`, "g");
}

/** `clockOrigin`: the epoch time of run time 0, to place rows' created_at among the tries. */
export async function reconcile(
  url: string,
  runId: string,
  submissions: Submission[],
  clockOrigin: number,
): Promise<Reconciliation> {
  const like = `%LT${runId}-%`;
  const [posts, comments] = await Promise.all([
    sql<{ id: number; title: string; body: string; key: string | null; status: string; created_at: Date }>(
      url,
      `SELECT id, title, body_markdown AS body, submission_key::text AS key, status::text AS status, created_at
         FROM post WHERE title LIKE $1 OR body_markdown LIKE $1`,
      [like],
    ),
    sql<{ id: number; post_id: number; body: string; key: string | null; status: string; created_at: Date }>(
      url,
      `SELECT id, post_id, body_markdown AS body, submission_key::text AS key, status::text AS status, created_at
         FROM comment WHERE body_markdown LIKE $1`,
      [like],
    ),
  ]);
  const byMarker = new Map<string, SavedRow[]>();
  const file = (marker: string | undefined, row: SavedRow) => {
    const key = marker ?? "(no marker)";
    byMarker.set(key, [...(byMarker.get(key) ?? []), row]);
  };
  const pattern = markerPattern(runId);
  for (const post of posts) {
    const inTitle = post.title.match(pattern)?.[0];
    const inBody = post.body.match(pattern)?.[0];
    file(inTitle ?? inBody, {
      kind: "story",
      id: post.id,
      postId: null,
      submissionKey: post.key,
      status: post.status,
      createdAt: post.created_at.getTime(),
      markersAgree: inTitle === inBody,
    });
  }
  for (const comment of comments) {
    file(comment.body.match(pattern)?.[0], {
      kind: "reply",
      id: comment.id,
      postId: comment.post_id,
      submissionKey: comment.key,
      status: comment.status,
      createdAt: comment.created_at.getTime(),
      markersAgree: true,
    });
  }

  const verdicts = submissions.map((submission): Verdict => {
    const rows = byMarker.get(submission.marker) ?? [];
    byMarker.delete(submission.marker);
    const acknowledged = submission.outcome === "acknowledged";
    let mismatch: string | null = null;
    for (const row of rows) {
      if (row.kind !== submission.kind) mismatch = `saved as a ${row.kind}`;
      else if (row.submissionKey !== submission.submissionKey)
        mismatch = `row ${row.id} has key ${row.submissionKey}, sent ${submission.submissionKey}`;
      else if (!row.markersAgree) mismatch = `row ${row.id}: title and body carry different markers`;
      else if (row.postId !== submission.postId)
        mismatch = `reply ${row.id} is on story ${row.postId}, written on ${submission.postId}`;
      else if (acknowledged && row.id !== submission.acknowledgedId)
        mismatch = `redirect named ${submission.acknowledgedId}, saved as ${row.id}`;
    }
    const misreported = rows.some((row) =>
      submission.attempts.some(
        (a) =>
          a.status === 503 && clockOrigin + a.startedAt <= row.createdAt && row.createdAt <= clockOrigin + a.endedAt,
      ),
    );
    const acknowledgedBy = acknowledged ? submission.attempts.at(-1) : undefined;
    const savedBeforeRetry =
      acknowledgedBy !== undefined &&
      submission.attempts.length > 1 &&
      rows.some((row) => row.createdAt < clockOrigin + acknowledgedBy.startedAt);
    return {
      submission,
      rows,
      misreported,
      savedBeforeRetry,
      lost: acknowledged && rows.length === 0,
      duplicated: rows.length > 1,
      savedUnacknowledged: !acknowledged && rows.length > 0,
      mismatch,
    };
  });
  const strays = [...byMarker.values()].reduce((sum, rows) => sum + rows.length, 0);
  return { verdicts, strays };
}
