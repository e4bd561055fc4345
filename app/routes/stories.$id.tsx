import { randomUUID } from "node:crypto";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { ConsentAnswered, ConsentChoices } from "~/components/collections";
import { DraftControls, SaveDraftButton } from "~/components/draft-controls";
import { FindingsPanel } from "~/components/findings";
import { ErrorSummary, RadioGroup, SubmitButton, type FieldErrors, SuccessNotice } from "~/components/forms";
import { BodyField } from "~/components/post-fields";
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
import { pageLinks, REPLIES_PER_PAGE, replyHref, threadPageHref } from "~/domain/posts/thread-pages";
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
import type { CommentView, ThreadPageWanted } from "~/server/posts/read.server";
import { getPostForReader, replyAddress } from "~/server/posts/read.server";
import { chooseAnswer, toggleHelpful } from "~/server/posts/threads.server";
import { consume } from "~/server/http/rate-limit.server";
import { needsPreModeration } from "~/domain/accounts/trust";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.post.title} – Fifth Option` : "Story not found – Fifth Option" },
];

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
const pageSchema = z.coerce.number().int().min(1).max(100_000);

/** Which page of the thread the address asks for: `?page=N`, or the page of `?reply=` / `?replyTo=` (a reply's id). */
function wantedPage(searchParams: URLSearchParams): ThreadPageWanted {
  const reply = searchParams.get("reply") ?? searchParams.get("replyTo");
  if (reply !== null) {
    const id = idSchema.safeParse(reply);
    if (!id.success) throw new Response("That reply number is not one we recognise.", { status: 400 });
    return { reply: id.data };
  }
  const page = searchParams.get("page");
  if (page === null) return { page: 1 };
  const parsed = pageSchema.safeParse(page);
  if (!parsed.success) throw new Response("The page of replies should be a whole number, 1 or more.", { status: 400 });
  return { page: parsed.data };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = idSchema.safeParse(params.id);
  const url = new URL(request.url);
  const wanted = wantedPage(url.searchParams);
  const user = await getUser(request);
  // The thread, the member's follow state and their read mark at once: one wait, not three. A
  // signed-in reader has now read the thread (a private mark: docs/peer-support.md); the mark
  // moves only on a published thread, so sending it before the thread is found changes nothing
  // for one that is not there.
  const [found, thread, readBefore] = id.success
    ? await Promise.all([
        getPostForReader(id.data, user?.id ?? null, wanted),
        user ? threadState(user.id, id.data) : null,
        user ? recordThreadOpened(user.id, id.data) : null,
      ])
    : [null, null, null];
  // Pending, rejected and removed posts are indistinguishable from ones that never existed.
  if (!found) throw new Response("Not found", { status: 404 });
  // A page beyond the last (the thread was shorter than the link expected): its last page.
  if ("page" in wanted && wanted.page > found.paging.pages)
    throw redirect(threadPageHref(found.post.id, found.paging.pages));
  const { firstNewAfter, ...shown } = found;
  // A reply the member kept as a draft, to carry on with (their own only).
  const draftId = user ? parseDraftId(url.searchParams.get("draft")) : null;
  const draft = user && draftId !== null ? await getDraft(user.id, draftId, "reply") : null;
  // Collections asking to include this story: its author alone sees them (docs/collections.md).
  const collectionRequests = user && found.post.isAuthor ? await consentRequests(user.id, found.post.id) : [];
  return {
    collectionRequests,
    ...shown,
    draft:
      draft && draft.postId === found.post.id
        ? { id: draft.id, values: { ...draftValues(draft.fields).values, draftId: String(draft.id) } }
        : null,
    viewer: user
      ? {
          thread,
          firstNew: firstNewAfter(readBefore),
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
        return redirect(await replyAddress(postId, commentId.data));
      }
      const chosen = intent === "answer" && commentId.success ? commentId.data : null;
      await chooseAnswer(postId, user.id, chosen);
      // The chosen answer is shown at the top of page 1.
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
    return redirect(await replyAddress(postId, comment.id, { replied: comment.status }));
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

// A reply is drawn with plain forms and links rather than Remix's Form and Link: a page has up to
// five per reply, and each of those runs the router's hooks (route context, path resolution) while
// rendering (docs/benchmarks/2026-12-07-story-page.md). They work the same without JavaScript;
// with it, they load the next page in full instead of fetching its data.
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
            <form method="post">
              <input type="hidden" name="intent" value="helpful" />
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className="button button--secondary" aria-pressed={comment.helpedByMe}>
                {comment.helpedByMe ? "This helped me (press to undo)" : "This helped me"}
                <span className="visually-hidden">: the reply by {comment.byline}</span>
              </button>
            </form>
          ) : null}
          {comment.canChoose ? (
            <form method="post">
              <input type="hidden" name="intent" value={comment.chosen ? "clear-answer" : "answer"} />
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className="button button--secondary">
                {comment.chosen ? "Clear my choice" : "Choose as the reply that helped most"}
                <span className="visually-hidden">: the reply by {comment.byline}</span>
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {!comment.removed && !comment.pending && (replyTo || comment.isMine || canFlag) ? (
        <p className="button-row">
          {replyTo ? (
            <a href={replyTo(comment.id)}>
              Reply<span className="visually-hidden"> to this comment by {comment.byline}</span>
            </a>
          ) : null}
          {comment.isMine ? (
            <a href={`/comments/${comment.id}/edit`}>
              Edit<span className="visually-hidden"> your reply</span>
            </a>
          ) : null}
          {canFlag && !comment.isMine ? (
            <a href={`/flag?comment=${comment.id}`}>
              Report<span className="visually-hidden"> this reply by {comment.byline}</span>
            </a>
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

/** "Show later replies" and the numbered pages of a long thread: plain links, page 1 at the thread's own address. */
function ThreadPageLinks({ postId, page, pages }: { postId: number; page: number; pages: number }) {
  return (
    <nav aria-label="Pages of replies" className="pagination">
      {page < pages ? <a href={`${threadPageHref(postId, page + 1)}#comments-heading`}>Show later replies</a> : null}
      <ul className="page-numbers">
        {pageLinks(page, pages).map((link, i) =>
          link === null ? (
            <li key={`gap-${i}`}>…</li>
          ) : (
            <li key={link.page}>
              <a
                href={`${threadPageHref(postId, link.page)}#comments-heading`}
                aria-current={link.current ? "page" : undefined}
              >
                <span className="visually-hidden">Page </span>
                {link.page}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
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
  const { post, comments, commentCount, reactions, viewer, replyMode, draft, collectionRequests, paging, chosenId } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors: FieldErrors = result?.errors ?? {};
  const values: FormValues = result?.values ?? draft?.values ?? {};
  const findings = result?.findings ?? [];
  const replyingTo = Number(values.parentId ?? searchParams.get("replyTo") ?? "") || null;
  // `replyTo` also chooses the page the reply is on, so the thread around the form stays the same.
  const replyLink =
    viewer?.canComment && post.status === "published"
      ? (id: number) => `/stories/${post.id}?replyTo=${id}#reply`
      : null;

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
        {viewer?.firstNew ? (
          <p>
            <a href={replyHref(post.id, viewer.firstNew.id, viewer.firstNew.page)}>
              Jump to the first new reply since you last read this thread
            </a>
          </p>
        ) : null}
        {paging.pages > 1 ? (
          <p>
            Page {paging.page} of {paging.pages} of replies ({REPLIES_PER_PAGE} replies to the post a page).
            {paging.page > 1 ? (
              <>
                {" "}
                <a href={`${threadPageHref(post.id, paging.page - 1)}#comments-heading`}>Show earlier replies</a>
              </>
            ) : null}
          </p>
        ) : null}
        {paging.page > 1 && chosenId !== null ? (
          <p>
            <a href={`/stories/${post.id}#comment-${chosenId}`}>{chosenAnswerLabel(post.kind)}: on page 1</a>
          </p>
        ) : null}
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
        {paging.pages > 1 ? <ThreadPageLinks postId={post.id} page={paging.page} pages={paging.pages} /> : null}
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
                <BodyField
                  label="Your reply"
                  hint={
                    <>
                      Please leave out names and anything else that could identify someone, and keep to the{" "}
                      <Link to="/house-rules">house rules</Link>.
                    </>
                  }
                  rows={6}
                  errors={errors}
                  values={values}
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
