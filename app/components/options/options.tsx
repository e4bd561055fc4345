// "Your options" (docs/options.md): the council chooser, the side-by-side comparison, one section
// per option (explainer, figures against the region and nation, stories) and the fifth options.
// Figures arrive already protected (app/domain/options/option-figures.ts); this only words them.
import { Link } from "@remix-run/react";

import { describeFigure, formatFigure } from "~/components/charts";
import { CouncilFinder } from "~/components/council-finder";
import { SubmitButton } from "~/components/forms";
import { spreadText } from "~/components/outcomes/place-dashboard";
import { StoryList } from "~/components/story-list";
import { ScrollingTable } from "~/components/table-scroll";
import type { Figure } from "~/domain/outcomes/figures";
import type { Spread } from "~/domain/outcomes/outcome-view";
import { allInWordsAtStart } from "~/domain/posts/bounded-counts";
import type { FilterChoice } from "~/domain/posts/story-search";
import type {
  FifthOptionSection,
  OptionFigures,
  OptionPlaceFigures,
  OptionStories,
} from "~/domain/options/option-figures";
import { OPTION_DOMAINS } from "~/domain/options/option-figures";
import {
  arrangementOfTag,
  EXPLAINER_PARTS,
  type ExplainerPart,
  optionAnchor,
  optionFor,
} from "~/domain/options/options";

/** A plain GET form to /options: a council's name (or a near miss of it) goes to its page. */
export function OptionsChooser({
  councils,
  typed = "",
  errors = {},
  suggestions = [],
}: {
  councils: string[];
  typed?: string;
  errors?: Record<string, string>;
  suggestions?: FilterChoice[];
}) {
  return (
    <>
      <CouncilFinder action="/options" councils={councils} typed={typed} errors={errors}>
        <SubmitButton>Show the options here</SubmitButton>
      </CouncilFinder>
      {suggestions.length > 0 ? (
        <section aria-labelledby="did-you-mean">
          <h2 id="did-you-mean">Did you mean</h2>
          <ul>
            {suggestions.map((choice) => (
              <li key={choice.value}>
                <Link to={`/options/${choice.value}`}>{choice.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** One option's explainer: four short parts under fixed headings (sanitised HTML from our own Markdown). */
export function OptionExplainer({
  explainer,
  headingLevel,
}: {
  explainer: Record<ExplainerPart, string>;
  headingLevel: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="option-explainer">
      {(Object.keys(EXPLAINER_PARTS) as ExplainerPart[]).map((part) => (
        <div key={part}>
          <Heading>{EXPLAINER_PARTS[part]}</Heading>
          <div dangerouslySetInnerHTML={{ __html: explainer[part] }} />
        </div>
      ))}
    </div>
  );
}

const LEVEL_WORDS = { area: "council", region: "region", nation: "nation" } as const;

/** "Too few reports about this in Hartlepool to show figures safely: showing North East instead." */
export function TooFew({ figures, what }: { figures: OptionFigures; what: string }) {
  if (figures.tooFew.length === 0) return null;
  const names = figures.tooFew.map((place) => place.name).join(" or ");
  const instead = figures.places[0];
  return (
    <p className="notice">
      Too few reports {what} in {names} to show figures without risking that someone is recognised.{" "}
      {instead
        ? `The figures below are for ${instead.name}, the ${LEVEL_WORDS[instead.level]} it belongs to.`
        : "There are not yet enough reports anywhere to show figures."}{" "}
      <Link to="/outcomes/about-the-data#protecting-people">How we protect people in the figures</Link>.
    </p>
  );
}

/** A figure withheld inside a place that is shown (a net score from too few answers): no count, no reason. */
const TOO_FEW_TO_SHOW = "too few to show";
const describe = (figure: Parameters<typeof describeFigure>[0] | undefined) =>
  !figure ? "" : figure.shown ? describeFigure(figure) : TOO_FEW_TO_SHOW;
const rate = (figure: Figure<Spread>) => (figure.shown ? spreadText(figure, "pence") : TOO_FEW_TO_SHOW);

const budget = (place: OptionPlaceFigures, key: string) => place.budgetChanges.find((c) => c.key === key)?.share;

const BUDGET_WORDS = { increased: "increased", same: "stayed the same", reduced: "reduced", stopped: "stopped" };

/** The measures every place shows, one row each. */
const MEASURES: { label: (places: OptionPlaceFigures[]) => string; value: (place: OptionPlaceFigures) => string }[] = [
  {
    label: () => "Reports (rounded to 5)",
    value: (place) => formatFigure({ shown: true, value: place.reports }, "count"),
  },
  ...OPTION_DOMAINS.map((slug) => {
    const net = (place: OptionPlaceFigures) => place.nets.find((n) => n.slug === slug);
    return {
      label: (places: OptionPlaceFigures[]) =>
        `${places.map(net).find(Boolean)?.label ?? slug}: net score (95% interval)`,
      value: (place: OptionPlaceFigures) => describe(net(place)?.net),
    };
  }),
  { label: () => "Hourly rate paid (median)", value: (place) => rate(place.hourlyRate) },
  ...(Object.keys(BUDGET_WORDS) as (keyof typeof BUDGET_WORDS)[]).map((key) => ({
    label: () => `Budget at review: ${BUDGET_WORDS[key]}`,
    value: (place: OptionPlaceFigures) => describe(budget(place, key)),
  })),
];

/** An option's figures in each place that may be shown, side by side; a table that scrolls in its own box. */
export function PlaceFiguresTable({ figures, caption }: { figures: OptionFigures; caption: string }) {
  if (figures.places.length === 0) return null;
  return (
    <ScrollingTable
      caption={caption}
      kind="option-figures"
      columns={["Measure", ...figures.places.map((place) => place.name)]}
    >
      {MEASURES.map((measure, index) => (
        <tr key={index}>
          <th scope="row">{measure.label(figures.places)}</th>
          {figures.places.map((place) => (
            <td key={place.name}>{measure.value(place)}</td>
          ))}
        </tr>
      ))}
    </ScrollingTable>
  );
}

const COMPARISON_COLUMNS = [
  "Option",
  "Figures for",
  "Reports",
  "Quality of life, net score (95% interval)",
  "Hourly rate paid (median)",
  "Budget reduced at review",
];

/** The options side by side: each in the narrowest place that may be shown. */
export function OptionComparison({
  rows,
  councilName,
}: {
  rows: { name: string; anchor: string | null; figures: OptionFigures }[];
  councilName: string;
}) {
  const caption = `Each option side by side, in ${councilName} or, where it has too few reports, its region or nation`;
  return (
    <ScrollingTable
      label="Options side by side"
      caption={caption}
      kind="option-comparison"
      columns={COMPARISON_COLUMNS}
    >
      {rows.map(({ name, anchor, figures }) => {
        const place = figures.places[0];
        const quality = place?.nets.find((n) => n.slug === "quality-of-life")?.net;
        const reduced = place ? budget(place, "reduced") : undefined;
        return (
          <tr key={name}>
            <th scope="row">{anchor ? <a href={`#${anchor}`}>{name}</a> : name}</th>
            {place ? (
              <>
                <td>{place.name}</td>
                <td>{formatFigure({ shown: true, value: place.reports }, "count")}</td>
                <td>{describe(quality)}</td>
                <td>{rate(place.hourlyRate)}</td>
                <td>{describe(reduced)}</td>
              </>
            ) : (
              <td colSpan={5}>Too few reports anywhere yet</td>
            )}
          </tr>
        );
      })}
    </ScrollingTable>
  );
}

const SCOPE_WORDS = { council: "in", region: "in", anywhere: "" } as const;

/** Stories about an option or a fifth option, and where they are from. */
export function OptionStoryList({ stories, what }: { stories: OptionStories; what: string }) {
  const where =
    stories.placeName && stories.scope !== "anywhere" ? ` ${SCOPE_WORDS[stories.scope]} ${stories.placeName}` : "";
  if (stories.total.count === 0) return <p>No stories, questions or practice notes {what} yet.</p>;
  return (
    <>
      <p>
        {stories.scope === "region"
          ? `Few stories ${what} name the council, so these are from ${stories.placeName}.`
          : stories.scope === "anywhere"
            ? `No stories ${what} come from this part of the country yet, so these are from anywhere.`
            : null}
      </p>
      <StoryList posts={stories.stories} headingLevel={4} />
      <p>
        <Link to={stories.href}>
          {allInWordsAtStart(stories.total, "post", "posts")} {what}
          {where}
        </Link>
      </p>
    </>
  );
}

export function FifthOptions({ sections }: { sections: FifthOptionSection[] }) {
  return (
    <>
      {sections.map((section) => (
        <div key={section.id} className="fifth-option">
          <h3 id={section.id}>{section.name}</h3>
          <div dangerouslySetInnerHTML={{ __html: section.summaryHtml }} />
          <OptionStoryList stories={section.stories} what={`about ${section.name.toLowerCase()}`} />
        </div>
      ))}
    </>
  );
}

/**
 * On a story tagged with a way of arranging support: where to see how it works out in the story's
 * council (only when its byline shows the council), or what it involves.
 */
export function StoryOptionLinks({
  tags,
  council,
}: {
  tags: { slug: string }[];
  council: { code: string; name: string } | null;
}) {
  const options = tags.flatMap((tag) => {
    const arrangement = arrangementOfTag(tag.slug);
    const option = arrangement ? optionFor(arrangement) : undefined;
    return option ? [option] : [];
  });
  if (options.length === 0) return null;
  return (
    <ul className="option-links">
      {options.map((option) => {
        const anchor = optionAnchor(option.arrangement);
        const what = option.name.charAt(0).toLowerCase() + option.name.slice(1);
        return (
          <li key={option.arrangement}>
            {council ? (
              <Link to={`/options/${council.code}#${anchor}`}>
                See how this option works out in {council.name}: {what}
              </Link>
            ) : (
              <Link to={`/options#${anchor}`}>What {what} involves, and how it works out council by council</Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
