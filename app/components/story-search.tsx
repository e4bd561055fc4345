// The pieces of the /stories search page: the search form, the chosen filters, the facets and the
// downloads. Everything is a plain GET form or link, so it works without JavaScript.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { formatCount } from "~/domain/en-gb";
import { DATA_LICENCE } from "~/domain/licence";
import { type FilterNames } from "~/domain/posts/citation";
import {
  COUNCILS_BEFORE_REGION,
  type FacetValue,
  FILTER_FIELDS,
  type FilterChoice,
  type FilterField,
  type FilterSuggestions,
  KIND_LABELS,
  type MatchReport,
  quotedList,
  type StoryFacets,
  UNANSWERED_LABEL,
  type StorySearch,
  type StorySearchErrors,
  storySearchParams,
  storySearchQuery,
  withFilter,
  withoutFilter,
} from "~/domain/posts/story-search";
import { PERSPECTIVES, SUPPORT_ARRANGEMENTS } from "~/domain/taxonomy";
import type { FeedLink } from "~/domain/posts/story-search";

import { SubmitButton, TextField } from "./forms";

const FILTER_NAMES: Record<FilterField, { singular: string; heading: string }> = {
  kind: { singular: "kind", heading: "Kind of post" },
  tag: { singular: "tag", heading: "Tags" },
  council: { singular: "council", heading: "Councils" },
  region: { singular: "region", heading: "Regions and nations" },
  perspective: { singular: "author", heading: "Written by" },
  arrangement: { singular: "support", heading: "Support arrangement (from an attached experience report)" },
  year: { singular: "year", heading: "Year published" },
  unanswered: { singular: "replies", heading: "Replies" },
};

// Regions come before councils: choosing one lists all of its councils.
const FACET_ORDER: FilterField[] = [
  "kind",
  "unanswered",
  "tag",
  "region",
  "council",
  "perspective",
  "arrangement",
  "year",
];

// Beyond this many values a facet tucks the rest away in a <details>, which needs no JavaScript.
const SHOWN_AT_FIRST = 8;

/**
 * The search box. Filters already chosen ride along as hidden fields, so new words keep them; a
 * filter that was refused is shown as a text field beside its message, holding what was typed.
 */
export function SearchForm({ values, errors }: { values: Record<string, string>; errors: StorySearchErrors }) {
  return (
    <Form method="get" action="/stories" role="search" aria-label="Stories" className="search-form">
      <TextField
        name="q"
        type="search"
        label="Search stories"
        hint="Use quotes for an exact phrase (“direct payment”), a minus sign to leave a word out (-agency), or “or” for either word."
        defaultValue={values.q ?? ""}
        error={errors.q}
        spellCheck={false}
      />
      {[...FILTER_FIELDS, "sort" as const].map((field) =>
        errors[field] !== undefined ? (
          <TextField
            key={field}
            name={field}
            label={`${field[0]?.toUpperCase()}${field.slice(1)}`}
            defaultValue={values[field] ?? ""}
            error={errors[field]}
            width="medium"
          />
        ) : values[field] ? (
          <input key={field} type="hidden" name={field} value={values[field]} />
        ) : null,
      )}
      <SubmitButton>Search</SubmitButton>
    </Form>
  );
}

function filterLabel(search: StorySearch, field: FilterField, names: FilterNames): string {
  if (field === "kind" && search.kind) return KIND_LABELS[search.kind];
  if (field === "perspective" && search.perspective) return PERSPECTIVES[search.perspective].label;
  if (field === "arrangement" && search.arrangement) return SUPPORT_ARRANGEMENTS[search.arrangement].label;
  if (field === "unanswered" && search.unanswered) return UNANSWERED_LABEL;
  if (field === "tag" || field === "council" || field === "region") return names[field] ?? search[field] ?? "";
  return String(search[field] ?? "");
}

/** The words and filters in use, each with a link that takes it away. */
export function ActiveFilters({ search, names }: { search: StorySearch; names: FilterNames }) {
  const active = FILTER_FIELDS.filter((field) => search[field] !== null);
  if (!search.q && active.length === 0) return null;
  return (
    <div className="active-filters">
      <h2 className="visually-hidden">Your search</h2>
      <ul>
        {search.q ? (
          <li>
            Words: “{search.q}”{" "}
            <Link to={`/stories${storySearchQuery(withoutFilter(search, "q"))}`}>
              Remove<span className="visually-hidden"> the search words</span>
            </Link>
          </li>
        ) : null}
        {active.map((field) => (
          <li key={field}>
            {FILTER_NAMES[field].singular[0]?.toUpperCase()}
            {FILTER_NAMES[field].singular.slice(1)}: {filterLabel(search, field, names)}{" "}
            <Link to={`/stories${storySearchQuery(withoutFilter(search, field))}`}>
              Remove<span className="visually-hidden"> the {FILTER_NAMES[field].singular} filter</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Says when the words were loosened: all of them found too few stories, so these are the stories
 * with any of them (stop words such as "my" and "has" left out), those with all of them first.
 */
export function WordMatchNote({ search, match, total }: { search: StorySearch; match: MatchReport; total: number }) {
  if (match.mode !== "any" || total === 0) return null;
  const words = quotedList(match.words);
  const all = match.allWords ?? 0;
  return (
    <div className="word-match-note" role="note">
      <p>
        <strong>
          {all === 0
            ? `No stories contain all of ${words}.`
            : `Only ${all.toLocaleString("en-GB")} ${all === 1 ? "story contains" : "stories contain"} all of ${words}.`}
        </strong>{" "}
        Showing stories with any of these words
        {search.sort === "relevance" ? (all > 0 ? ", those with all of them first." : ", best match first.") : "."}
      </p>
    </div>
  );
}

/** Tags and councils named by the search words, each a link that applies it as a filter. */
export function FilterSuggestionLinks({
  search,
  suggestions,
}: {
  search: StorySearch;
  suggestions: FilterSuggestions;
}) {
  const links = [
    ...suggestions.tags.map((choice) => ({ field: "tag" as const, choice, kind: "tag" })),
    ...suggestions.councils.map((choice) => ({ field: "council" as const, choice, kind: "council" })),
  ];
  if (links.length === 0) return null;
  return (
    <div className="filter-suggestions">
      <h2 className="filter-suggestions__heading">Narrow to what your words name:</h2>
      <ul>
        {links.map(({ field, choice, kind }) => (
          <li key={`${field}-${choice.value}`}>
            <Link to={`/stories${storySearchQuery(withFilter(search, field, choice.value))}`}>
              Only stories {kind === "tag" ? `tagged “${choice.label}”` : `about ${choice.label}`}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A council or tag name that matched nothing (or several things): the closest names, as links. */
export function NameSuggestions({
  search,
  field,
  suggestions,
}: {
  search: StorySearch;
  field: "tag" | "council";
  suggestions: FilterChoice[];
}) {
  return (
    <>
      {suggestions.length > 0 ? (
        <>
          <p>Did you mean:</p>
          <ul className="choice-list">
            {suggestions.map((choice) => (
              <li key={choice.value}>
                <Link to={`/stories${storySearchQuery(withFilter(search, field, choice.value))}`}>{choice.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={`/stories${storySearchQuery(withoutFilter(search, field))}`}>
          Search without the {FILTER_NAMES[field].singular} filter
        </Link>
      </p>
    </>
  );
}

/**
 * The facets behind a "Filter" button on narrow screens: a <details>, so it opens without
 * JavaScript. On wide screens the button is hidden and the facets always show (app.css).
 */
export function FilterDisclosure({ search, children }: { search: StorySearch; children: ReactNode }) {
  const chosen = FILTER_FIELDS.filter((field) => search[field] !== null).length;
  return (
    <details className="filter-disclosure">
      <summary className="filter-disclosure__button">
        Filter{chosen > 0 ? ` (${chosen} chosen)` : ""}
        <span className="visually-hidden"> these stories</span>
      </summary>
      {children}
    </details>
  );
}

/** Nothing matched: not an error, but a nudge to widen the search. */
export function NoMatches({ search }: { search: StorySearch }) {
  const active = FILTER_FIELDS.filter((field) => search[field] !== null);
  return (
    <div className="no-matches">
      <h2>No published stories match this search</h2>
      <p>You could widen it:</p>
      <ul>
        {search.q && search.q.includes(" ") ? <li>use fewer words, or check their spelling</li> : null}
        {search.q ? <li>leave out very common words such as “the” or “and”: searches ignore them</li> : null}
        {search.q ? (
          <li>
            <Link to={`/stories${storySearchQuery(withoutFilter(search, "q"))}`}>
              search without the words “{search.q}”
            </Link>
          </li>
        ) : null}
        {active.map((field) => (
          <li key={field}>
            <Link to={`/stories${storySearchQuery(withoutFilter(search, field))}`}>
              remove the {FILTER_NAMES[field].singular} filter
            </Link>
          </li>
        ))}
        <li>
          <Link to="/stories">show every story</Link>
        </li>
      </ul>
    </div>
  );
}

function FacetLink({ search, field, value }: { search: StorySearch; field: FilterField; value: FacetValue }) {
  const chosen = String(search[field] ?? "") === value.value;
  const text = `${value.label} (${formatCount(value.count)})`;
  if (chosen) {
    return (
      <li>
        <strong aria-current="true">{text}</strong>
      </li>
    );
  }
  return (
    <li>
      <Link to={`/stories${storySearchQuery(withFilter(search, field, value.value))}`}>{text}</Link>
    </li>
  );
}

/**
 * The counts beside each value. A facet ignores its own filter, so with a tag chosen the other
 * tags still show how many stories choosing them instead would give.
 */
export function FacetLists({ search, facets }: { search: StorySearch; facets: StoryFacets }) {
  return (
    <nav aria-labelledby="facets-heading" className="facets">
      <h2 id="facets-heading">Narrow these down</h2>
      <p className="hint">The number beside each choice is how many stories you would see after choosing it.</p>
      {FACET_ORDER.map((field) => {
        const values = facets[field];
        if (values.length === 0) return null;
        const first = values.slice(0, SHOWN_AT_FIRST);
        const rest = values.slice(SHOWN_AT_FIRST);
        return (
          <section key={field} aria-labelledby={`facet-${field}`}>
            <h3 id={`facet-${field}`}>{FILTER_NAMES[field].heading}</h3>
            {field === "council" && !search.region && values.length >= COUNCILS_BEFORE_REGION ? (
              <p className="hint">
                The {COUNCILS_BEFORE_REGION} with most stories. Choose a region or nation to see every council in it.
              </p>
            ) : null}
            <ul className="facet-list">
              {first.map((value) => (
                <FacetLink key={value.value} search={search} field={field} value={value} />
              ))}
            </ul>
            {rest.length > 0 ? (
              <details>
                <summary>
                  {rest.length} more
                  <span className="visually-hidden"> {FILTER_NAMES[field].heading.toLowerCase()}</span>
                </summary>
                <ul className="facet-list">
                  {rest.map((value) => (
                    <FacetLink key={value.value} search={search} field={field} value={value} />
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </nav>
  );
}

/** Links to download exactly this search, with the licence and a ready-made citation. */
export function StoryDownloads({ search, citation }: { search: StorySearch; citation: string }) {
  const query = storySearchParams(search).toString();
  const suffix = query ? `?${query}` : "";
  return (
    <section aria-labelledby="downloads-heading" className="downloads">
      <h2 id="downloads-heading">Download these stories</h2>
      <p>
        Download these stories: <a href={`/stories/export.csv${suffix}`}>CSV</a>,{" "}
        <a href={`/stories/export.json${suffix}`}>JSON</a>. Each row has the kind, title, text, tags, council, region,
        the author’s perspective and the month published; never a name or an exact time. The CSV is one table with a
        header row; its columns, licence and citation are in its{" "}
        <a href={`/stories/export/datapackage.json${suffix}`}>data package</a> (Frictionless Data).
      </p>
      <p>
        Licence:{" "}
        <a href={DATA_LICENCE.url}>
          {DATA_LICENCE.title} ({DATA_LICENCE.name})
        </a>
        . Please cite it as:
      </p>
      <p className="citation">{citation}</p>
    </section>
  );
}

/** `<link rel="alternate">` descriptors for a route's meta (which also runs in the browser), so readers find the feeds. */
export function feedMeta(links: FeedLink[]) {
  return links.map((link) => ({
    tagName: "link" as const,
    rel: "alternate",
    type: link.type,
    href: link.href,
    title: link.title,
  }));
}

/** Where to follow new stories in a feed reader: everything, or this page's tag and council. */
export function FeedLinks({ feeds }: { feeds: FeedLink[] }) {
  const [atom, rss] = feeds;
  if (!atom || !rss) return null;
  return (
    <p>
      {atom.label} in a feed reader:{" "}
      <a href={atom.href} type={atom.type}>
        Atom feed
      </a>
      ,{" "}
      <a href={rss.href} type={rss.type}>
        RSS feed
      </a>
    </p>
  );
}
