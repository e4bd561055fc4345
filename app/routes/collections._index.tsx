import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { CollectionTextForm } from "~/components/collections";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { can } from "~/domain/accounts/permissions";
import { collectionTextTurn } from "~/domain/collections/collections";
import { isRefusal } from "~/domain/forms";
import { getUser, requirePermission } from "~/server/accounts/guards.server";
import { createCollection, listCollections } from "~/server/collections/collections.server";
import { formFailure, readForm } from "~/server/http/forms.server";

export const meta: MetaFunction = () => [{ title: "Collections – Fifth Option" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const mayCurate = can(user, "collection:curate");
  return { collections: await listCollections(mayCurate), mayCurate };
}

export async function action({ request }: ActionFunctionArgs) {
  const curator = await requirePermission(request, "collection:curate");
  const values = await readForm(request);
  const turn = collectionTextTurn(values);
  if (turn.kind === "invalid") return formFailure(turn.errors, values, { extra: { findings: [] } });
  if (turn.kind === "check") {
    const shown: Record<string, string> = { ...values, ...turn.texts };
    return data({ ok: false as const, errors: {} as FieldErrors, values: shown, findings: turn.findings });
  }
  try {
    const { slug, held } = await createCollection(turn.input, curator.id);
    return redirect(`/collections/${slug}/edit?${held ? "held" : "created"}=1`);
  } catch (error) {
    if (isRefusal(error)) return formFailure(error, values, { extra: { findings: [] } });
    throw error;
  }
}

export default function Collections() {
  const { collections, mayCurate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1>Collections</h1>
      <p>
        Stories gathered around one theme, each included only with its author’s agreement. Every collection can be read
        here, followed as a feed and downloaded as a printable booklet.
      </p>
      {collections.length === 0 ? (
        <p>There are no collections yet.</p>
      ) : (
        <ul className="collection-list">
          {collections.map((collection) => (
            <li key={collection.slug}>
              <h2>
                <Link to={`/collections/${collection.slug}`}>{collection.title}</Link>
              </h2>
              <p>
                {collection.status === "published" && collection.month ? (
                  <time dateTime={collection.monthIso ?? undefined}>{collection.month}</time>
                ) : (
                  <strong>Draft: only curators can see it</strong>
                )}
                {collection.held ? <strong> · Held for a moderator: only curators can see it</strong> : null}
              </p>
              {collection.introText ? <p>{collection.introText}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {mayCurate ? (
        <section className="section" aria-labelledby="new-collection">
          <h2 id="new-collection">Start a collection</h2>
          <p>It stays a draft, seen only by curators, until you publish it.</p>
          <CollectionTextForm
            values={result?.values ?? {}}
            errors={result?.errors ?? {}}
            findings={result?.findings ?? []}
            submitLabel="Start the collection"
            intent="create"
          />
        </section>
      ) : null}
    </>
  );
}
