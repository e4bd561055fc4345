import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { SuccessNotice } from "~/components/forms";
import { COLLECTION_LICENCE, HELD_NOTICE } from "~/domain/collections/collections";
import { readableCollection } from "~/server/collections/collections.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.collection.title} – Collections – Fifth Option` },
        {
          tagName: "link",
          rel: "alternate",
          type: "application/atom+xml",
          href: `/collections/${data.collection.slug}.atom`,
          title: `${data.collection.title} – Fifth Option (Atom)`,
        },
      ]
    : [{ title: "Collection not found – Fifth Option" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return readableCollection(request, params.slug);
}

export default function Collection() {
  const { collection, mayCurate } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const base = `/collections/${collection.slug}`;
  return (
    <article>
      {searchParams.get("published") ? <SuccessNotice>The collection is published.</SuccessNotice> : null}
      {collection.status === "draft" ? (
        <div className="notice">
          <p>
            <strong>Draft.</strong> Only curators can see this collection until it is published.
          </p>
        </div>
      ) : null}
      {collection.held ? (
        <div className="notice">
          <p>
            <strong>Held for a moderator.</strong> {HELD_NOTICE}
          </p>
        </div>
      ) : null}
      <h1>{collection.title}</h1>
      <p className="byline">
        A collection of {collection.stories.length === 1 ? "1 story" : `${collection.stories.length} stories`} ·{" "}
        <time dateTime={collection.monthIso}>{collection.month}</time> · edition {collection.version}
      </p>
      {mayCurate ? (
        <p>
          <Link to={`${base}/edit`}>Edit this collection</Link>
        </p>
      ) : null}
      {/* Rendered from Markdown and sanitised with an allow-list when saved. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: collection.introHtml }} />
      <p className="button-row">
        <a href={`${base}.pdf`} download>
          Download the booklet (PDF, A5)
        </a>
        <a href={`${base}.atom`}>Follow as a feed (Atom)</a>
      </p>
      <section aria-labelledby="contents-heading">
        <h2 id="contents-heading">Contents</h2>
        {collection.stories.length === 0 ? (
          <p>No stories yet.</p>
        ) : (
          <ol>
            {collection.stories.map((story) => (
              <li key={story.id}>
                <a href={`#story-${story.id}`}>{story.title}</a>
              </li>
            ))}
          </ol>
        )}
      </section>
      {collection.stories.map((story) => (
        <section
          key={story.id}
          id={`story-${story.id}`}
          aria-labelledby={`story-${story.id}-title`}
          className="section"
        >
          <h2 id={`story-${story.id}-title`}>{story.title}</h2>
          <p className="byline">
            {story.byline} · <time dateTime={story.monthIso}>{story.month}</time> ·{" "}
            <Link to={`/stories/${story.id}`}>
              The story’s own page<span className="visually-hidden">: {story.title}</span>
            </Link>
          </p>
          {/* Stored HTML was rendered from Markdown and sanitised with an allow-list when saved. */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: story.html }} />
        </section>
      ))}
      <section aria-labelledby="cite-heading" className="section">
        <h2 id="cite-heading">Licence and citation</h2>
        <p>{COLLECTION_LICENCE}</p>
        <p>How to cite this collection:</p>
        <p>
          <code>{collection.citation}</code>
        </p>
        <p>Every story here is shared with its author’s agreement. An author can withdraw at any time.</p>
      </section>
    </article>
  );
}
