import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ConsentAnswered, ConsentChoices } from "~/components/collections";
import { ErrorSummary } from "~/components/forms";
import { safeRedirectPath } from "~/domain/accounts/redirect";
import { consentAnswerSchema } from "~/domain/collections/collections";
import { isRefusal } from "~/domain/forms";
import { requirePermission, requireUser } from "~/server/accounts/guards.server";
import { answerConsent, consentRequests, storyAuthor } from "~/server/collections/collections.server";
import { formFailure, readForm } from "~/server/http/forms.server";

export const meta: MetaFunction = () => [{ title: "Your stories in collections – Fifth Option" }];

// Private to the member: never kept by any cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { requests: await consentRequests(user.id) };
}

const id = z.coerce.number().int().positive().max(2_147_483_647);
const answerSchema = z.object({ collection: id, story: id, answer: consentAnswerSchema });

/** "/stories/12#collections" with ?answered=agreed added, so the page says what was done. */
function answeredPath(target: string, answer: string): string {
  const url = new URL(safeRedirectPath(target, "/collections/consent"), "http://local");
  url.searchParams.set("answered", answer);
  return `${url.pathname}${url.search}${url.hash}`;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const values = await readForm(request);
  const parsed = answerSchema.safeParse(values);
  if (!parsed.success) return formFailure({ form: "Choose whether your story may be included." }, values);
  // Only the story's author may answer for it (app/domain/accounts/permissions.ts).
  const story = await storyAuthor(parsed.data.story);
  if (!story) return formFailure({ form: "There is no such question about a story of yours." }, values, 404);
  const user = await requirePermission(request, "collection:consent", story);
  try {
    await answerConsent(user.id, parsed.data.collection, parsed.data.story, parsed.data.answer);
  } catch (error) {
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
  return redirect(answeredPath(values.redirectTo ?? "", parsed.data.answer));
}

export default function Consent() {
  const { requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <ConsentAnswered />
      <h1>Your stories in collections</h1>
      <p>
        Curators gather published stories into <Link to="/collections">collections</Link>, each with a page, a feed and
        a printable booklet. A story is included only if its author agrees, and you can change your answer at any time.
        Curators see only your answer, never who you are.
      </p>
      {requests.length === 0 ? (
        <p>Nobody has asked to include any of your stories.</p>
      ) : (
        <ConsentChoices requests={requests} redirectTo="/collections/consent" />
      )}
    </>
  );
}
