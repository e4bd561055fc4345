import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { StoryField } from "~/components/collections";
import { ErrorSummary, SelectField, SubmitButton, type FieldErrors } from "~/components/forms";
import { slugSchema, storyIdFrom } from "~/domain/collections/collections";
import { isRefusal } from "~/domain/forms";
import { requirePermission } from "~/server/accounts/guards.server";
import { addStory, listCollectionChoices } from "~/server/collections/collections.server";
import { formFailure, readForm } from "~/server/http/forms.server";

export const meta: MetaFunction = () => [{ title: "Add a story to a collection – Fifth Option" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "collection:curate");
  const story = storyIdFrom(new URL(request.url).searchParams.get("story") ?? "");
  return { collections: await listCollectionChoices(), story: story === null ? "" : String(story) };
}

export async function action({ request }: ActionFunctionArgs) {
  const curator = await requirePermission(request, "collection:curate");
  const values = await readForm(request);
  const errors: FieldErrors = {};
  const slug = slugSchema.safeParse(values.collection);
  const story = storyIdFrom(values.story ?? "");
  if (!slug.success) errors.collection = "Choose a collection";
  if (story === null) errors.story = "Enter the story’s number or its address, such as /stories/123";
  if (!slug.success || story === null) return formFailure(errors, values);
  try {
    await addStory(slug.data, story, curator.id);
  } catch (error) {
    if (isRefusal(error)) return formFailure(error, values);
    throw error;
  }
  return redirect(`/collections/${slug.data}/edit?added=1#stories-heading`);
}

export default function AddToCollection() {
  const { collections, story } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? { story };
  const options = [
    { value: "", label: "Choose a collection" },
    ...collections.map((c) => ({ value: c.slug, label: c.title })),
  ];
  const choice = { name: "collection", label: "Collection", options };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Add a story to a collection</h1>
      <p>The story’s author is asked in their notifications; it is shown only if they agree.</p>
      {collections.length === 0 ? (
        <p>
          There are no collections yet. <Link to="/collections#new-collection">Start one</Link> first.
        </p>
      ) : (
        <Form method="post" noValidate>
          <SelectField {...choice} error={errors.collection} defaultValue={values.collection} />
          <StoryField label="Story" error={errors.story} defaultValue={values.story} />
          <SubmitButton>Add the story</SubmitButton>
        </Form>
      )}
    </>
  );
}
