import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { CollectionTextForm, StoryField } from "~/components/collections";
import { ErrorSummary, SubmitButton, SuccessNotice, type FieldErrors } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import {
  CONSENT_LABELS,
  collectionTextTurn,
  HELD_NOTICE,
  type CuratorItem,
  slugSchema,
  storyIdFrom,
} from "~/domain/collections/collections";
import { can } from "~/domain/accounts/permissions";
import { isRefusal } from "~/domain/forms";
import { requirePermission } from "~/server/accounts/guards.server";
import {
  addStory,
  curatorItems,
  moveStory,
  releaseCollection,
  removeStory,
  requireCollection,
  setCollectionPublished,
  updateCollectionText,
} from "~/server/collections/collections.server";
import { formFailure, readForm } from "~/server/http/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.collection.title ?? "collection"} – Collections – Fifth Option` },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

async function curated(request: Request, rawSlug: string | undefined) {
  const curator = await requirePermission(request, "collection:curate");
  const slug = slugSchema.safeParse(rawSlug);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  return { curator, collection: await requireCollection(slug.data) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { curator, collection } = await curated(request, params.slug);
  return {
    collection: {
      slug: collection.slug,
      title: collection.title,
      intro: collection.introMarkdown,
      status: collection.status,
      held: collection.held,
      version: collection.version,
    },
    mayRelease: can(curator, "moderation:review"),
    items: await curatorItems(collection.id),
  };
}

const postId = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);
const NO_FINDINGS = { extra: { findings: [] } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { curator, collection } = await curated(request, params.slug);
  const values = await readForm(request);
  const base = `/collections/${collection.slug}`;
  try {
    switch (values.intent) {
      case "save": {
        const turn = collectionTextTurn(values);
        if (turn.kind === "invalid") return formFailure(turn.errors, values, NO_FINDINGS);
        if (turn.kind === "check") {
          const shown: Record<string, string> = { ...values, ...turn.texts };
          return data({ ok: false as const, errors: {} as FieldErrors, values: shown, findings: turn.findings });
        }
        const seen = version.safeParse(values.version);
        const { held } = await updateCollectionText(
          collection.slug,
          turn.input,
          seen.success ? seen.data : 0,
          curator.id,
        );
        return redirect(`${base}/edit?${held ? "held" : "saved"}=1`);
      }
      case "add": {
        const id = storyIdFrom(values.story ?? "");
        if (id === null) {
          return formFailure(
            { story: "Enter the story’s number or its address, such as /stories/123" },
            values,
            NO_FINDINGS,
          );
        }
        await addStory(collection.slug, id, curator.id);
        return redirect(`${base}/edit?added=1#stories-heading`);
      }
      case "remove":
      case "up":
      case "down": {
        const id = postId.safeParse(values.story);
        if (!id.success) return formFailure({ form: "Choose a story in this collection." }, values, NO_FINDINGS);
        if (values.intent === "remove") await removeStory(collection.slug, id.data);
        else await moveStory(collection.slug, id.data, values.intent);
        return redirect(`${base}/edit#stories-heading`);
      }
      case "release": {
        // Only a moderator releases a collection a watched word held (recorded in the audit log).
        const moderator = await requirePermission(request, "moderation:review");
        await releaseCollection(collection.slug, moderator);
        return redirect(`${base}/edit?released=1`);
      }
      case "publish":
      case "unpublish":
        await setCollectionPublished(collection.slug, values.intent === "publish");
        return redirect(values.intent === "publish" ? `${base}?published=1` : `${base}/edit?unpublished=1`);
      default:
        return formFailure({ form: "That is not something this page can do." }, values, NO_FINDINGS);
    }
  } catch (error) {
    if (isRefusal(error)) return formFailure(error, values, NO_FINDINGS);
    throw error;
  }
}

/** One story on the edit page: its title, its author's answer, and buttons to move or remove it. */
function ItemRow({ item, first, last }: { item: CuratorItem; first: boolean; last: boolean }) {
  const buttons = [
    { intent: "up", label: "Move up", shown: !first },
    { intent: "down", label: "Move down", shown: !last },
    { intent: "remove", label: "Remove", shown: true },
  ];
  return (
    <tr>
      <td>
        {item.published ? <Link to={`/stories/${item.postId}`}>{item.title}</Link> : item.title}
        {item.published ? null : " (no longer published: not shown)"}
      </td>
      <td>{CONSENT_LABELS[item.consent]}</td>
      <td>
        <Form method="post" className="button-row">
          <input type="hidden" name="story" value={item.postId} />
          {buttons.map((button) =>
            button.shown ? (
              <button
                key={button.intent}
                type="submit"
                name="intent"
                value={button.intent}
                className="button button--secondary"
              >
                {button.label}
                <span className="visually-hidden">: {item.title}</span>
              </button>
            ) : null,
          )}
        </Form>
      </td>
    </tr>
  );
}

const NOTICES: Record<string, string> = {
  created: "The collection is started. Add stories below; each author is asked before their story is shown.",
  saved: "Your changes are saved.",
  held: "Your text is saved, and held for a moderator: it has a word the moderators watch for. Only curators can see the collection until a moderator releases it.",
  released: "The collection is released: anyone can read it once it is published.",
  added: "The story is added. Its author has been asked whether it may be included.",
  unpublished: "The collection is a draft again: only curators can see it.",
};

export default function EditCollection() {
  const { collection, items, mayRelease } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = Object.keys(NOTICES).find((key) => searchParams.get(key));
  const errors: FieldErrors = result?.errors ?? {};
  const textValues = result?.values?.intent === "save" ? result.values : null;
  const shown = items.filter((item) => item.consent === "agreed" && item.published).length;
  return (
    <>
      <ErrorSummary errors={errors} />
      {notice && !result ? <SuccessNotice>{NOTICES[notice]}</SuccessNotice> : null}
      <h1>Edit “{collection.title}”</h1>
      <p>
        {collection.status === "published" ? "Published" : "Draft: only curators can see it"} · edition{" "}
        {collection.version} · <Link to={`/collections/${collection.slug}`}>See the collection’s page</Link>
      </p>

      {collection.held ? (
        <section className="section" aria-labelledby="held-heading">
          <h2 id="held-heading">Held for a moderator</h2>
          <p>{HELD_NOTICE}</p>
          {mayRelease ? (
            <Form method="post">
              <SubmitButton name="intent" value="release">
                Release the collection
              </SubmitButton>
            </Form>
          ) : (
            <p>The moderators have been told. You can change the text below while you wait.</p>
          )}
        </section>
      ) : null}

      <section className="section" aria-labelledby="stories-heading">
        <h2 id="stories-heading">Stories</h2>
        <p>
          Each story’s author is asked in their notifications whether it may be included. Only stories whose authors
          agreed are shown: {shown} of {items.length}. You see each author’s answer, never who they are.
        </p>
        {items.length === 0 ? (
          <p>No stories yet.</p>
        ) : (
          <TableScroll label="Stories in this collection">
            <table className="data">
              <caption className="visually-hidden">
                Stories in this collection, in order, with their authors’ answers
              </caption>
              <thead>
                <tr>
                  <th scope="col">Story</th>
                  <th scope="col">Author’s answer</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => (
                  <ItemRow key={item.postId} item={item} first={index === 0} last={index === items.length - 1} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <StoryField
            label="Add a story"
            error={errors.story}
            defaultValue={result?.values?.intent === "add" ? result.values.story : undefined}
          />
          <SubmitButton secondary>Add the story</SubmitButton>
        </Form>
      </section>

      <section className="section" aria-labelledby="text-heading">
        <h2 id="text-heading">Title and introduction</h2>
        <CollectionTextForm
          values={
            textValues ?? { title: collection.title, intro: collection.intro, version: String(collection.version) }
          }
          errors={textValues ? errors : {}}
          findings={result?.findings ?? []}
          submitLabel="Save the title and introduction"
          intent="save"
        />
      </section>

      <section className="section" aria-labelledby="publish-heading">
        <h2 id="publish-heading">{collection.status === "published" ? "Unpublish" : "Publish"}</h2>
        <p>
          {collection.status === "published"
            ? "Anyone can read the collection, its feed and its booklet. Unpublishing makes it a draft again."
            : "Publishing lets anyone read the collection, its feed and its booklet, showing only the stories whose authors agreed."}
        </p>
        <Form method="post">
          <SubmitButton
            name="intent"
            value={collection.status === "published" ? "unpublish" : "publish"}
            secondary={collection.status === "published"}
          >
            {collection.status === "published" ? "Unpublish the collection" : "Publish the collection"}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
