import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { PostButton } from "~/components/post-button";
import { statusInWords } from "~/domain/moderation/queue";
import { requirePermission, requireUser } from "~/server/accounts/guards.server";
import { getPostHistory } from "~/server/posts/read.server";

export const meta: MetaFunction = () => [{ title: "Edit history – Fifth Option" }];

interface KeptFinding {
  kind: string;
  field?: string;
  text: string;
}

function keptFindingsOf(value: unknown): KeptFinding[] {
  return Array.isArray(value) ? (value.filter((f) => f && typeof f === "object" && "text" in f) as KeptFinding[]) : [];
}

// Moderators see every earlier version, and what the author chose to keep that looked identifying.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = z.coerce.number().int().positive().max(2_147_483_647).safeParse(params.id);
  const post = id.success ? await getPostHistory(id.data) : null;
  if (!post) throw new Response("Not found", { status: 404 });
  await requirePermission(request, "moderation:review", { authorId: post.authorId });
  // The day of an edit, never its time: an edit's time could be matched to the author's activity.
  const stamp = (d: Date) => d.toISOString().slice(0, 10);
  return {
    id: post.id,
    title: post.title,
    status: post.status,
    version: post.version,
    body: post.bodyMarkdown,
    kept: keptFindingsOf(post.keptFindings),
    revisions: post.revisions.map((r) => ({
      ...r,
      createdAt: stamp(r.createdAt),
      editedBy: r.editedBy?.handle ?? "a former member",
    })),
    removedReplies: post.removedReplies,
    comments: post.comments.map((c) => ({
      id: c.id,
      body: c.bodyMarkdown,
      kept: keptFindingsOf(c.keptFindings),
      revisions: c.revisions.map((r) => ({ ...r, createdAt: stamp(r.createdAt) })),
    })),
  };
}

export default function PostHistory() {
  const post = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Edit history: {post.title}</h1>
      <p>
        {statusInWords(post.status)}. <Link to={`/stories/${post.id}`}>Back to the post</Link>
      </p>
      {post.status === "removed" ? (
        <PostButton
          action="/moderation"
          fields={{ kind: "post", id: post.id, version: post.version, decision: "restore" }}
          label="Restore this post"
        />
      ) : null}
      <h2>Current version</h2>
      {post.kept.length > 0 ? (
        <div className="findings">
          <h3>Kept by the author although they could identify someone</h3>
          <ul>
            {post.kept.map((finding, index) => (
              <li key={index}>
                <mark className="finding">{finding.text}</mark> ({finding.kind.replace("_", " ")}
                {finding.field ? `, in the ${finding.field}` : ""})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <pre className="revision">{post.body}</pre>
      <h2>Earlier versions</h2>
      {post.revisions.length === 0 ? (
        <p>This post has not been edited.</p>
      ) : (
        <ol className="story-list">
          {post.revisions.map((revision) => (
            <li key={revision.id}>
              <h3>
                Before the edit of {revision.createdAt} by {revision.editedBy}
              </h3>
              {revision.reason ? <p className="byline">{revision.reason}</p> : null}
              <p>
                <strong>{revision.title}</strong>
              </p>
              {revision.displayMode ? (
                <p className="byline">
                  Council: {revision.areaCode ?? "none"} · tags:{" "}
                  {revision.tagSlugs.length ? revision.tagSlugs.join(", ") : "none"} · shown{" "}
                  {revision.displayMode === "handle" ? "under the author's name" : "anonymously"} · byline shows the{" "}
                  {revision.bylineScope ?? "council"}
                </p>
              ) : null}
              <pre className="revision">{revision.bodyMarkdown}</pre>
            </li>
          ))}
        </ol>
      )}
      {post.removedReplies.length > 0 ? (
        <>
          <h2>Removed replies</h2>
          <ul className="story-list">
            {post.removedReplies.map((reply) => (
              <li key={reply.id}>
                <pre className="revision">{reply.bodyMarkdown}</pre>
                {reply.moderationNote ? <p className="byline">Removed because: {reply.moderationNote}</p> : null}
                <PostButton
                  action="/moderation"
                  fields={{ kind: "comment", id: reply.id, version: reply.version, decision: "restore" }}
                  label="Restore"
                  names={` reply ${reply.id}`}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {post.comments.length > 0 ? (
        <>
          <h2>Edited replies</h2>
          {post.comments.map((comment) => (
            <section key={comment.id} aria-labelledby={`reply-${comment.id}`}>
              <h3 id={`reply-${comment.id}`}>Reply {comment.id}</h3>
              <pre className="revision">{comment.body}</pre>
              {comment.revisions.map((revision) => (
                <div key={revision.id}>
                  <p className="byline">Before the edit of {revision.createdAt}</p>
                  <pre className="revision">{revision.bodyMarkdown}</pre>
                </div>
              ))}
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
