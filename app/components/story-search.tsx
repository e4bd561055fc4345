// The pieces of the /stories search page: the search form, the chosen filters, the facets and the
// downloads. Everything is a plain GET form or link, so it works without JavaScript.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { formatCount } from "~/domain/en-gb";
import { DATA_LICENCE } from "~/domain/licence";
import { atSentenceStart, countInWords, facetsAmongNewestNote } from "~/domain/posts/bounded-counts";
import {
  arrangementTagsMoved,
  chosenValues,
  countChosen,
  COUNCILS_BEFORE_REGION,
  defaultSort,
  type FacetValue,
  FILTER_FIELDS,
  type FilterChoice,
  type FilterField,
  type FilterNames,
  type FilterSuggestions,
  type MatchReport,
  quotedList,
  type StoryFacets,
  type StorySearch,
  type StorySearchErrors,
  storySearchParams,
  type TypedSearch,
  storySearchQuery,
  valueLabel,
  withFilter,
  withoutFilter,
  withoutValue,
  withValue,
} from "~/domain/posts/story-search";
import type { FeedLink } from "~/domain/posts/story-search";

import { CheckboxGroup, Choices, SubmitButton, TextField } from "./forms";

const FILTER_NAMES: Record<FilterField, { singular: string; heading: string }> = {
  kind: { singular: "kind", heading: "Kind of post" },
  tag: { singular: "tag", heading: "Tags" },
  council: { singular: "council", heading: "Councils" },
  region: { singular: "region", heading: "Regions and nations" },
  perspective: { singular: "author", heading: "Written by" },
  arrangement: { singular: "support", heading: "Support arrangement" },
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

const capitalised = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;

/**
 * The search box. Filters already chosen ride along as hidden fields, so new words keep them; a
 * filter that was refused is shown beside its message holding what was typed: a text field for
 * one value, ticked boxes for several (untick the ones to drop).
 */
export function SearchForm({ values, errors }: { values: TypedSearch; errors: StorySearchErrors }) {
  return (
    <Form method="get" action="/stories" role="search" aria-label="Stories" className="search-form">
      <TextField
        name="q"
        type="search"
        label="Search stories"
        hint="Use quotes for an exact phrase (“direct payment”), a minus sign to leave a word out (-agency), or “or” for either word."
        defaultValue={(values.q ?? []).join(" ")}
        error={errors.q}
        spellCheck={false}
      />
      {[...FILTER_FIELDS, "sort" as const].map((field) => {
        const typed = (values[field] ?? []).filter((value) => value.trim() !== "");
        const error = errors[field];
        if (error !== undefined && typed.length > 1) {
          return (
            <CheckboxGroup
              key={field}
              name={field}
              idPrefix={field}
              legend={capitalised(field)}
              error={error}
              options={[...new Set(typed)].map((value) => ({ value, label: value }))}
              checked={typed}
            />
          );
        }
        if (error !== undefined) {
          return (
            <TextField
              key={field}
              name={field}
              label={capitalised(field)}
              defaultValue={typed[0] ?? ""}
              error={error}
              width="medium"
            />
          );
        }
        return typed.map((value, i) => <input key={`${field}-${i}`} type="hidden" name={field} value={value} />);
      })}
      <SubmitButton>Search</SubmitButton>
    </Form>
  );
}

/** Every chosen value, with its filter and what it is called. */
function chosenFilters(search: StorySearch, names: FilterNames) {
  return FILTER_FIELDS.flatMap((field) =>
    chosenValues(search, field).map((value) => ({ field, value, label: valueLabel(field, value, names) })),
  );
}

/** The words and filters in use, each value a chip: a plain link that takes it away. */
export function ActiveFilters({ search, names }: { search: StorySearch; names: FilterNames }) {
  const active = chosenFilters(search, names);
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
        {active.map(({ field, value, label }) => (
          <li key={`${field}-${value}`}>
            <span className="visually-hidden">{capitalised(FILTER_NAMES[field].singular)}: </span>
            <Link to={`/stories${storySearchQuery(withoutValue(search, field, value))}`}>Remove filter: {label}</Link>
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
  const allCount = { count: all, moreThan: match.allWordsMoreThan === true };
  return (
    <div className="word-match-note" role="note">
      <p>
        <strong>
          {all === 0
            ? `No stories contain all of ${words}.`
            : allCount.moreThan
              ? `${atSentenceStart(countInWords(allCount, "story", "stories"))} contain all of ${words}.`
              : `Only ${countInWords(allCount, "story", "stories")} ${all === 1 ? "contains" : "contain"} all of ${words}.`}
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
            <Link
              to={`/stories${storySearchQuery(arrangementTagsMoved(withFilter(search, field, choice.value)).search)}`}
            >
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
  typed,
  suggestions,
}: {
  search: StorySearch;
  field: "tag" | "council";
  /** The refused name: a suggestion takes its place, the filter's other values stay. */
  typed: string;
  suggestions: FilterChoice[];
}) {
  const others = withoutValue(search, field, typed);
  const instead = (value: string) => arrangementTagsMoved(withValue(others, field, value)).search;
  return (
    <>
      {suggestions.length > 0 ? (
        <>
          <p>Did you mean:</p>
          <ul className="choice-list">
            {suggestions.map((choice) => (
              <li key={choice.value}>
                <Link to={`/stories${storySearchQuery(instead(choice.value))}`}>{choice.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={`/stories${storySearchQuery(others)}`}>
          Search without the {FILTER_NAMES[field].singular} “{typed}”
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
  const chosen = countChosen(search);
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
  const active = FILTER_FIELDS.filter((field) => search[field].length > 0);
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

/**
 * The facets: a plain GET form of checkboxes with an "Apply filters" button, so it works without
 * JavaScript. Within a facet any ticked value matches; across facets every facet must. A facet's
 * counts ignore its own ticks (see countFacets): the number beside a value is how many stories
 * have it among those matching everything else chosen. Keyed by the search, so following a link
 * (a chip, a suggestion) draws the boxes afresh instead of keeping old ticks.
 */
export function FacetLists({
  search,
  facets,
  countedAmongNewest = null,
}: {
  search: StorySearch;
  facets: StoryFacets;
  /** Set when some numbers count only the newest this many matching stories (countFacetsBounded). */
  countedAmongNewest?: number | null;
}) {
  return (
    <Form
      method="get"
      action="/stories"
      aria-labelledby="facets-heading"
      className="facets"
      key={storySearchQuery(search)}
    >
      <h2 id="facets-heading">Narrow these down</h2>
      <p className="hint" id="facets-hint">
        Tick as many as you like, then Apply filters. Stories with any ticked choice in a group are shown, if they also
        match every other group. The number beside a choice is how many stories have it among those that match the other
        groups’ choices.
      </p>
      {countedAmongNewest !== null ? <p className="hint">{facetsAmongNewestNote(countedAmongNewest)}</p> : null}
      {search.q ? <input type="hidden" name="q" value={search.q} /> : null}
      {search.sort !== defaultSort(search.q) ? <input type="hidden" name="sort" value={search.sort} /> : null}
      {FACET_ORDER.map((field) => {
        const values = facets[field];
        if (values.length === 0) return null;
        const first = values.slice(0, SHOWN_AT_FIRST);
        const rest = values.slice(SHOWN_AT_FIRST);
        const chosen = chosenValues(search, field);
        const options = (some: FacetValue[]) =>
          some.map((value) => ({ value: value.value, label: `${value.label} (${formatCount(value.count)})` }));
        const isChecked = (value: string) => chosen.includes(value);
        return (
          <fieldset key={field} className="fieldset facet">
            <legend>{FILTER_NAMES[field].heading}</legend>
            {field === "council" && search.region.length === 0 && values.length >= COUNCILS_BEFORE_REGION ? (
              <p className="hint">
                The {COUNCILS_BEFORE_REGION} with most stories. Choose a region or nation to see every council in it.
              </p>
            ) : null}
            <Choices
              type="checkbox"
              name={field}
              idBase={`facet-${field}`}
              options={options(first)}
              isChecked={isChecked}
            />
            {rest.length > 0 ? (
              <details open={rest.some((value) => isChecked(value.value)) || undefined}>
                <summary>
                  {rest.length} more
                  <span className="visually-hidden"> {FILTER_NAMES[field].heading.toLowerCase()}</span>
                </summary>
                <Choices
                  type="checkbox"
                  name={field}
                  idBase={`facet-${field}-more`}
                  options={options(rest)}
                  isChecked={isChecked}
                />
              </details>
            ) : null}
          </fieldset>
        );
      })}
      <SubmitButton>Apply filters</SubmitButton>
    </Form>
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
