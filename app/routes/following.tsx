import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { PostButton, RemoveButtons } from "~/components/post-button";
import { ErrorSummary } from "~/components/forms";
import { StoryList } from "~/components/story-list";
import { safeRedirectPath } from "~/domain/accounts/redirect";
import { isRefusal } from "~/domain/forms";
import { storiesWithTagHref } from "~/domain/posts/story-search";
import { requireUser } from "~/server/accounts/guards.server";
import {
  followingPage,
  setCouncilFollowing,
  setTagFollowing,
  setThreadFollowing,
} from "~/server/following/following.server";
import { formFailure, readForm } from "~/server/http/forms.server";
import { consume } from "~/server/http/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Following – Fifth Option" }];

// Private to the member: never kept by any cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return followingPage(user.id);
}

// Every follow button elsewhere (tags and councils on /stories, the council's outcomes page)
// posts here, with where to come back to.
const changeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["follow-tag", "unfollow-tag"]), tag: z.string().trim().min(1).max(60) }),
  z.object({
    intent: z.enum(["follow-council", "unfollow-council"]),
    council: z
      .string()
      .trim()
      .regex(/^[A-Z]\d{8}$/, "Choose a council from the list"),
  }),
  z.object({ intent: z.literal("unfollow-thread"), post: z.coerce.number().int().positive().max(2_147_483_647) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  const parsed = changeSchema.safeParse(values);
  if (!parsed.success) return formFailure({ form: "That could not be followed: it is not on our lists." }, values);
  const change = parsed.data;
  try {
    await consume("writesPerUser", String(user.id));
    if ("tag" in change) await setTagFollowing(user.id, change.tag, change.intent === "follow-tag");
    else if ("council" in change)
      await setCouncilFollowing(user.id, change.council, change.intent === "follow-council");
    else await setThreadFollowing(user.id, change.post, false);
  } catch (error) {
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
  return redirect(safeRedirectPath(values.redirectTo, "/following"));
}

export default function Following() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const threadMarks = Object.fromEntries(
    page.threads.flatMap((t) =>
      t.newReplies > 0 ? [[t.post.id, t.newReplies === 1 ? "1 new reply" : `${t.newReplies} new replies`]] : [],
    ),
  );
  const postMarks = Object.fromEntries(
    page.posts.flatMap((p) => (p.isNew ? [[p.post.id, "New"]] : p.unreadReplies ? [[p.post.id, "New replies"]] : [])),
  );
  const nothing = page.threads.length === 0 && page.tags.length === 0 && page.councils.length === 0;
  return (
    <>
      <h1>Following</h1>
      <ErrorSummary errors={result?.errors} />
      <p>
        What is new in the threads, tags and councils you follow since you last looked. Only you can see this page:
        nobody can see what you follow, and nothing is counted.
      </p>
      {nothing ? (
        <p>
          You are not following anything yet. Use “Follow this thread” on a story, or follow a tag or a council from{" "}
          <Link to="/stories">the stories</Link> filtered by it. Writing a post or a reply follows its thread.
        </p>
      ) : null}

      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">Threads you follow</h2>
        {page.threads.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <>
            <StoryList posts={page.threads.map((t) => t.post)} marks={threadMarks} />
            <RemoveButtons
              summary="Stop following a thread"
              label="Stop following"
              intent="unfollow-thread"
              items={page.threads.map((t) => ({ id: t.post.id, title: t.post.title, note: t.muted ? " (muted)" : "" }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading">New under your tags and councils</h2>
        {page.tags.length === 0 && page.councils.length === 0 ? (
          <p>You follow no tags or councils.</p>
        ) : page.posts.length === 0 ? (
          <p>Nothing has been posted under them yet.</p>
        ) : (
          <StoryList posts={page.posts.map((p) => p.post)} marks={postMarks} />
        )}
        {page.tags.length + page.councils.length > 0 ? (
          <>
            <h3>Tags and councils you follow</h3>
            <ul className="choice-list">
              {page.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link to={storiesWithTagHref(tag.slug)}>{tag.label}</Link>{" "}
                  <PostButton
                    look="link"
                    fields={{ intent: "unfollow-tag", tag: tag.slug }}
                    label="Stop following"
                    names={` the tag ${tag.label}`}
                  />
                </li>
              ))}
              {page.councils.map((council) => (
                <li key={council.code}>
                  <Link to={`/stories?council=${council.code}`}>{council.name}</Link>{" "}
                  <PostButton
                    look="link"
                    fields={{ intent: "unfollow-council", council: council.code }}
                    label="Stop following"
                    names={` ${council.name}`}
                  />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
