import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { RemoveButtons } from "~/components/post-button";
import { ErrorSummary } from "~/components/forms";
import { StoryList } from "~/components/story-list";
import { requireUser } from "~/server/accounts/guards.server";
import { savedPage, setSaved } from "~/server/following/following.server";
import { formFailure, readForm } from "~/server/http/forms.server";

export const meta: MetaFunction = () => [{ title: "Saved posts – Fifth Option" }];

// Private to the member: never kept by any cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { saved: await savedPage(user.id) };
}

const unsaveSchema = z.object({
  intent: z.literal("unsave"),
  post: z.coerce.number().int().positive().max(2_147_483_647),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  const parsed = unsaveSchema.safeParse(values);
  if (!parsed.success) return formFailure({ form: "That post could not be removed from your list." }, values);
  await setSaved(user.id, parsed.data.post, false);
  return redirect("/saved");
}

export default function Saved() {
  const { saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const marks = Object.fromEntries(saved.flatMap((s) => (s.unreadReplies ? [[s.post.id, "New replies"]] : [])));
  return (
    <>
      <h1>Saved posts</h1>
      <ErrorSummary errors={result?.errors} />
      <p>Posts you saved to come back to. Only you can see this list.</p>
      {saved.length === 0 ? (
        <p>
          You have not saved any posts. Use “Save this post” on any <Link to="/stories">story</Link>.
        </p>
      ) : (
        <>
          <StoryList posts={saved.map((s) => s.post)} headingLevel={2} marks={marks} />
          <RemoveButtons
            summary="Remove a post from this list"
            label="Unsave"
            intent="unsave"
            items={saved.map((s) => ({ id: s.post.id, title: s.post.title }))}
          />
        </>
      )}
    </>
  );
}
