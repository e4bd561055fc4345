import { randomUUID } from "node:crypto";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { ConsentAnswered, ConsentChoices } from "~/components/collections";
import { DraftControls, SaveDraftButton } from "~/components/draft-controls";
import { FindingsPanel } from "~/components/findings";
import { ErrorSummary, RadioGroup, SubmitButton, TextArea, type FieldErrors, SuccessNotice } from "~/components/forms";
import { RuleLinks } from "~/components/house-rules";
import { StoryOptionLinks } from "~/components/options/options";
import { PostHeading } from "~/components/post-heading";
import { can } from "~/domain/accounts/permissions";
import { checkTexts } from "~/domain/anonymity/redaction";
import { DraftProblem, draftValues, parseDraftId } from "~/domain/drafts/drafts";
import { statusInWords } from "~/domain/moderation/queue";
import { parseThreadIntent, threadButtons } from "~/domain/following/following";
import { commentInputSchema } from "~/domain/posts/post-input";
import { isRefusal } from "~/domain/forms";
import { chosenAnswerLabel, helpedLabel } from "~/domain/posts/threads";
import { getUser, requirePermission, requireUser } from "~/server/accounts/guards.server";
import { consentRequests } from "~/server/collections/collections.server";
import {
  recordThreadOpened,
  setSaved,
  setThreadFollowing,
  setThreadMuted,
  threadState,
} from "~/server/following/following.server";
import { deleteDraft, getDraft, saveFormAsDraft } from "~/server/drafts/drafts.server";
import {
  isUnavailable,
  readForm,
  submissionKeyFrom,
  zodFieldErrors,
  type FormValues,
  formFailure,
} from "~/server/http/forms.server";
import { createComment, toggleReaction } from "~/server/posts/write.server";
import type { CommentView } from "~/server/posts/read.server";
import { getPostForReader } from "~/server/posts/read.server";
import { chooseAnswer, toggleHelpful } from "~/server/posts/threads.server";
import { consume } from "~/server/http/rate-limit.server";
import { needsPreModeration } from "~/domain/accounts/trust";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.post.title} – Fifth Option` : "Story not found – Fifth Option" },
];

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = idSchema.safeParse(params.id);
  const user = await getUser(request);
  const found = id.success ? await getPostForReader(id.data, user?.id ?? null) : null;
  // Pending, rejected and removed posts are indistinguishable from ones that never existed.
  if (!found) throw new Response("Not found", { status: 404 });
  // A signed-in reader has now read the thread (a private mark: docs/peer-support.md).
  const [thread] = user
    ? await Promise.all([
        threadState(user.id, found.post.id),
        found.post.status === "published" ? recordThreadOpened(user.id, found.post.id) : null,
      ])
    : [null];
  // A reply the member kept as a draft, to carry on with (their own only).
  const draftId = user ? parseDraftId(new URL(request.url).searchParams.get("draft")) : null;
  const draft = user && draftId !== null ? await getDraft(user.id, draftId, "reply") : null;
  // Collections asking to include this story: its author alone sees them (docs/collections.md).
  const collectionRequests = user && found.post.isAuthor ? await consentRequests(user.id, found.post.id) : [];
  return {
    collectionRequests,
    ...found,
    draft:
      draft && draft.postId === found.post.id
        ? { id: draft.id, values: { ...draftValues(draft.fields).values, draftId: String(draft.id) } }
        : null,
    viewer: user
      ? {
          thread,
          handle: user.handle,
          canComment: can(user, "comment:create"),
          canModerate: can(user, "moderation:review"),
          canFlag: can(user, "content:flag"),
          canCurate: can(user, "collection:curate"),
          submissionKey: randomUUID(),
          preModerated: needsPreModeration(user.trustLevel),
        }
      : null,
  };
}

const WHOLE_FORM = { post: "form", parent: "form" };

export async function action({ params, request }: ActionFunctionArgs) {
  const postId = idSchema.parse(params.id);
  const values = await readForm(request);
  const intent = values.intent ?? "";
  try {
    const threadIntent = parseThreadIntent(intent);
    if (threadIntent) {
      const user = await requireUser(request);
      await consume("writesPerUser", String(user.id));
      if (threadIntent.what === "thread") await setThreadFollowing(user.id, postId, threadIntent.on);
      else if (threadIntent.what === "mute") await setThreadMuted(user.id, postId, threadIntent.on);
      else await setSaved(user.id, postId, threadIntent.on);
      return redirect(`/stories/${postId}#follow`);
    }
    if (intent === "react") {
      const user = await requirePermission(request, "post:react");
      await consume("writesPerUser", String(user.id));
      await toggleReaction(postId, user.id);
      return redirect(`/stories/${postId}#reactions`);
    }
    if (intent === "helpful" || intent === "answer" || intent === "clear-answer") {
      const user = await requirePermission(request, "post:react");
      const commentId = idSchema.safeParse(values.commentId);
      if (intent !== "clear-answer" && !commentId.success) {
        return formFailure({ form: "Choose a reply first." }, {}, { extra: { findings: [] } });
      }
      await consume("writesPerUser", String(user.id));
      if (intent === "helpful" && commentId.success) {
        await toggleHelpful(postId, commentId.data, user.id);
        return redirect(`/stories/${postId}#comment-${commentId.data}`);
      }
      const chosen = intent === "answer" && commentId.success ? commentId.data : null;
      await chooseAnswer(postId, user.id, chosen);
      return redirect(`/stories/${postId}${chosen ? `#comment-${chosen}` : "#comments-heading"}`);
    }

    const user = await requirePermission(request, "comment:create");
    // "Save draft": kept as typed, and the page comes back with the reply form filled in from it.
    if (intent === "draft") {
      try {
        const draftId = await saveFormAsDraft(user.id, "reply", postId, values);
        if (draftId === null) {
          return formFailure({ body: "There is nothing to save yet: write some of your reply first." }, values, {
            extra: { findings: [] },
          });
        }
        return redirect(`/stories/${postId}?draft=${draftId}&saved=1#reply`);
      } catch (error) {
        if (error instanceof DraftProblem)
          return formFailure({ form: error.message }, values, { status: error.status, extra: { findings: [] } });
        throw error;
      }
    }
    const parsed = commentInputSchema.safeParse(values);
    if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values, { extra: { findings: [] } });
    const check = checkTexts({ body: parsed.data.body }, ["body"], {
      intent,
      seen: values.seen,
      keep: values.confirmed === "1",
    });
    const { body } = check.texts;
    // Anything that could identify someone is shown to the author before the reply is saved; it
    // is saved with them only once they have seen each one and chose to post it as it is.
    if (check.redacted) values.body = body;
    if (!check.ready) return data({ errors: {} as FieldErrors, values, findings: check.findings });
    await consume("writesPerUser", String(user.id));
    const parentId = values.parentId ? idSchema.parse(values.parentId) : null;
    const comment = await createComment(
      { id: user.id, trustLevel: user.trustLevel, perspective: user.perspective },
      {
        postId,
        parentId,
        body,
        displayMode: parsed.data.displayMode,
        keptFindings: check.kept,
      },
      submissionKeyFrom(values.submissionKey),
    );
    await deleteDraft(user.id, parseDraftId(values.draftId));
    return redirect(`/stories/${postId}?replied=${comment.status}#comment-${comment.id}`);
  } catch (error) {
    // A post or reply that is gone is about the whole form, not a field.
    if (isRefusal(error)) return formFailure(error, values, { fields: WHOLE_FORM, extra: { findings: [] } });
    if (isUnavailable(error)) {
      return formFailure(
        {
          form: "Your reply has not been saved: we could not reach our database. Your text is still here. Please try again in a minute.",
        },
        values,
        { status: 503, extra: { findings: [] } },
      );
    }
    throw error;
  }
}

function Comment({
  comment,
  replyTo,
  canFlag,
  chosenLabel,
}: {
  comment: CommentView;
  replyTo: ((id: number) => string) | null;
  canFlag: boolean;
  chosenLabel: string;
}) {
  const helped = helpedLabel(comment.helped);
  return (
    <li id={`comment-${comment.id}`} className={comment.chosen ? "chosen-answer" : undefined}>
      {comment.chosen ? (
        <p className="answer-mark">
          <strong>{chosenLabel}</strong>
        </p>
      ) : null}
      {comment.removed ? null : (
        <p className="byline">
          {comment.byline}
          {comment.authorMark ? (
            <>
              {" "}
              <strong className="author-mark">({comment.authorMark})</strong>
            </>
          ) : null}{" "}
          · <time dateTime={comment.monthIso}>{comment.month}</time>
        </p>
      )}
      {comment.pending ? (
        <p>
          <span className="pending-mark">Waiting for a moderator</span> Only you can see your reply until a moderator
          has read it.
        </p>
      ) : null}
      {/* Stored HTML was rendered from Markdown and sanitised with an allow-list when saved. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: comment.html }} />
      {!comment.removed && !comment.pending && (helped || comment.canMarkHelpful || comment.canChoose) ? (
        <div className="reply-marks">
          {helped ? <p className="helped-count">{helped}</p> : null}
          {comment.canMarkHelpful ? (
            <Form method="post" replace>
              <input type="hidden" name="intent" value="helpful" />
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className="button button--secondary" aria-pressed={comment.helpedByMe}>
                {comment.helpedByMe ? "This helped me (press to undo)" : "This helped me"}
                <span className="visually-hidden">: the reply by {comment.byline}</span>
              </button>
            </Form>
          ) : null}
          {comment.canChoose ? (
            <Form method="post" replace>
              <input type="hidden" name="intent" value={comment.chosen ? "clear-answer" : "answer"} />
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className="button button--secondary">
                {comment.chosen ? "Clear my choice" : "Choose as the reply that helped most"}
                <span className="visually-hidden">: the reply by {comment.byline}</span>
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {!comment.removed && !comment.pending && (replyTo || comment.isMine || canFlag) ? (
        <p className="button-row">
          {replyTo ? (
            <Link to={replyTo(comment.id)}>
              Reply<span className="visually-hidden"> to this comment by {comment.byline}</span>
            </Link>
          ) : null}
          {comment.isMine ? (
            <Link to={`/comments/${comment.id}/edit`}>
              Edit<span className="visually-hidden"> your reply</span>
            </Link>
          ) : null}
          {canFlag && !comment.isMine ? (
            <Link to={`/flag?comment=${comment.id}`}>
              Report<span className="visually-hidden"> this reply by {comment.byline}</span>
            </Link>
          ) : null}
        </p>
      ) : null}
      {comment.replies.length > 0 ? (
        <ul className="replies" aria-label="Replies">
          {comment.replies.map((reply) => (
            <Comment key={reply.id} comment={reply} replyTo={null} canFlag={canFlag} chosenLabel={chosenLabel} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Follow, mute and save: plain POST forms, each button saying the present state in words. */
function ThreadChoices({
  post,
  state,
}: {
  post: { kind: "story" | "practice_note" | "question" };
  state: { following: boolean; muted: boolean; saved: boolean };
}) {
  const buttons = threadButtons(state, post.kind);
  return (
    <div id="follow" className="button-row thread-choices">
      {[buttons.follow, buttons.mute, buttons.save].map((button) => (
        <Form method="post" key={button.intent} className="inline-form">
          <input type="hidden" name="intent" value={button.intent} />
          <button type="submit" className="button button--secondary">
            {button.label}
          </button>
        </Form>
      ))}
    </div>
  );
}

/** The thank-you after posting, replying, reporting or editing, from the address the action sent the member to. */
function doneMessage(searchParams: URLSearchParams, postPublished: boolean): string | null {
  const replied = searchParams.get("replied");
  const edited = searchParams.get("edited");
  if (searchParams.get("posted")) {
    return postPublished
      ? "Your post has been published. Thank you for sharing."
      : "Thank you. Your post is waiting for a moderator to read it; only you can see it until then.";
  }
  if (replied) {
    return replied === "published"
      ? "Your reply has been published."
      : "Thank you. Your reply is waiting for a moderator to read it.";
  }
  if (searchParams.get("flagged")) return "Thank you for telling us. A moderator will look at it.";
  if (edited) {
    return edited === "published"
      ? "Your changes have been saved."
      : "Your changes have been saved. A moderator will read them before others can see the post again.";
  }
  return null;
}

export default function Story() {
  const { post, comments, commentCount, reactions, viewer, replyMode, draft, collectionRequests } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors: FieldErrors = result?.errors ?? {};
  const values: FormValues = result?.values ?? draft?.values ?? {};
  const findings = result?.findings ?? [];
  const replyingTo = Number(values.parentId ?? searchParams.get("replyTo") ?? "") || null;
  const replyLink = viewer?.canComment && post.status === "published" ? (id: number) => `?replyTo=${id}#reply` : null;

  return (
    <article>
      <ErrorSummary errors={errors} />
      <ConsentAnswered />
      <SuccessNotice>{doneMessage(searchParams, post.status === "published")}</SuccessNotice>
      {/* Just sent for review, the thank-you above already says it is waiting. */}
      {post.status !== "published" && post.isAuthor && !(post.status === "pending" && searchParams.get("posted")) ? (
        <div className="notice">
          {post.status === "pending" ? (
            <p>
              <strong>Waiting for a moderator.</strong> Only you can see this post until a moderator has read it.
            </p>
          ) : (
            <p>Only you can see this post. {statusInWords(post.status)}.</p>
          )}
          {post.moderationNote ? (
            <p>
              A moderator wrote: {post.moderationNote}
              <RuleLinks text={post.moderationNote} />
            </p>
          ) : null}
          {post.status === "changes_requested" ? (
            <p>
              <Link to={`/stories/${post.id}/edit`}>Edit your post and send it again</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <PostHeading post={post} title={post.title}>
        {viewer?.canModerate ? (
          <p>
            <Link to={`/stories/${post.id}/history`}>Edit history and kept details (moderators)</Link>
          </p>
        ) : null}
      </PostHeading>
      <div className="prose" dangerouslySetInnerHTML={{ __html: post.html }} />
      <StoryOptionLinks
        tags={post.tags}
        council={post.areaCode && post.areaName ? { code: post.areaCode, name: post.areaName } : null}
      />
      {viewer?.canFlag && !post.isAuthor && post.status === "published" ? (
        <p>
          <Link to={`/flag?post=${post.id}`}>Report this post to the moderators</Link>
        </p>
      ) : null}
      {post.isAuthor ? (
        <p>
          <Link to={`/stories/${post.id}/edit`}>Edit your post</Link> ·{" "}
          <Link to={`/reports/new?story=${post.id}`}>Add an experience report to it</Link>
        </p>
      ) : null}
      {viewer?.canCurate && post.status === "published" ? (
        <p>
          <Link to={`/collections/add?story=${post.id}`}>Add to a collection</Link>
        </p>
      ) : null}
      {collectionRequests.length > 0 ? (
        <section id="collections" aria-labelledby="collections-heading">
          <h2 id="collections-heading">Collections</h2>
          <ConsentChoices requests={collectionRequests} redirectTo={`/stories/${post.id}#collections`} />
        </section>
      ) : null}

      {post.status === "published" ? (
        <div id="reactions" className="reactions">
          <p>
            {reactions.count === 0
              ? "Nobody has said they have experienced this yet."
              : `${reactions.count} ${reactions.count === 1 ? "person has" : "people have"} experienced this too.`}
          </p>
          {viewer ? (
            <Form method="post">
              <input type="hidden" name="intent" value="react" />
              <button type="submit" className="button button--secondary" aria-pressed={reactions.mine}>
                {reactions.mine ? "You have experienced this too (press to undo)" : "I have experienced this too"}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      {viewer?.thread && post.status === "published" ? <ThreadChoices post={post} state={viewer.thread} /> : null}

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{commentCount === 1 ? "1 reply" : `${commentCount} replies`}</h2>
        {comments.length === 0 ? (
          <p>No replies yet.</p>
        ) : (
          <ul className="comments">
            {comments.map((comment) => (
              <Comment
                key={comment.id}
                comment={comment}
                replyTo={replyLink}
                canFlag={Boolean(viewer?.canFlag)}
                chosenLabel={chosenAnswerLabel(post.kind)}
              />
            ))}
          </ul>
        )}
      </section>

      {post.status === "published" ? (
        <section aria-labelledby="reply-heading" id="reply">
          <h2 id="reply-heading">{replyingTo ? "Reply to a comment" : "Add a reply"}</h2>
          {!viewer ? (
            <p>
              <Link to={`/sign-in?redirectTo=/stories/${post.id}`}>Sign in</Link> or <Link to="/join">join</Link> to
              reply.
            </p>
          ) : !viewer.canComment ? (
            <p>You cannot post replies at the moment.</p>
          ) : (
            <>
              {findings.length > 0 ? (
                <Form method="post" replace>
                  {["submissionKey", "draftId", "body", "displayMode", "parentId"].map((key) => (
                    <input key={key} type="hidden" name={key} value={values[key] ?? ""} />
                  ))}
                  <FindingsPanel
                    headingLevel={3}
                    heading="Your reply may contain something that could identify someone"
                    findings={findings}
                    fieldNames={{ body: "your reply" }}
                    keep={{ name: "confirmed", value: "1", label: "Post it as it is" }}
                  />
                </Form>
              ) : null}
              {viewer.preModerated ? <p>A moderator will read your reply before others can see it.</p> : null}
              <Form method="post" noValidate key={values.body ?? "reply"}>
                <DraftControls
                  draftKind="reply"
                  postId={post.id}
                  draftId={values.draftId}
                  saved={Boolean(draft) && !result && searchParams.get("saved") === "1"}
                />
                <input type="hidden" name="submissionKey" value={values.submissionKey ?? viewer.submissionKey} />
                {replyingTo ? <input type="hidden" name="parentId" value={replyingTo} /> : null}
                <TextArea
                  name="body"
                  label="Your reply"
                  hint={
                    <>
                      Please leave out names and anything else that could identify someone, and keep to the{" "}
                      <Link to="/house-rules">house rules</Link>.
                    </>
                  }
                  error={errors.body}
                  defaultValue={values.body}
                  rows={6}
                />
                <RadioGroup
                  name="displayMode"
                  legend="How should your name be shown?"
                  error={errors.displayMode}
                  hint={
                    post.isAuthor && post.displayMode === "anonymous"
                      ? "You shared this post anonymously. Reply anonymously and readers see the reply is from the person who shared it; reply under your name and nothing links your name to the post."
                      : undefined
                  }
                  defaultValue={values.displayMode ?? replyMode}
                  options={[
                    { value: "anonymous", label: "Anonymously, by your perspective only" },
                    { value: "handle", label: `Under my name, ${viewer.handle}` },
                  ]}
                />
                <div className="button-row">
                  <SubmitButton>Post reply</SubmitButton>
                  <SaveDraftButton />
                </div>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </article>
  );
}
