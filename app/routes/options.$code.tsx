import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Breadcrumbs } from "~/components/links-nav";
import {
  FifthOptions,
  OptionComparison,
  OptionExplainer,
  OptionStoryList,
  PlaceFiguresTable,
  TooFew,
} from "~/components/options/options";
import { parseTypedCouncil } from "~/domain/options/options";
import { isAreaCode } from "~/domain/posts/story-search";
import { findCouncil } from "~/server/outcomes/figures.server";
import { loadCouncilOptions } from "~/server/options/options.server";
import { lookUpName } from "~/server/posts/search.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Your options in ${data?.council.name ?? "your council"} – Fifth Option` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const code = (params.code ?? "").slice(0, 100);
  if (!isAreaCode(code)) {
    // /options/Leeds: a name (or a near miss of one) goes to the council's code.
    const typed = parseTypedCouncil([code]);
    const lookup = typed.ok ? await lookUpName("council", typed.council) : null;
    if (lookup?.found) return redirect(`/options/${lookup.found.value}`);
  }
  const council = isAreaCode(code) ? await findCouncil(code) : null;
  // Anything else goes to the chooser, which says no council is called that and offers the closest.
  if (!council) throw redirect(`/options?council=${encodeURIComponent(code)}`);
  return loadCouncilOptions(council);
}

export default function CouncilOptions() {
  const page = useLoaderData<typeof loader>();
  const { council } = page;
  return (
    <>
      <Breadcrumbs crumbs={[{ label: "Your options", href: "/options" }]} />
      <h1>Your options in {council.name}</h1>
      <p className="lead">
        Each way of arranging care and support, how it has worked out for members in {council.name} compared with{" "}
        {council.regionName === council.nation ? council.nation : `${council.regionName} and ${council.nation}`}, and
        the stories behind it. Figures come from experience reports, {page.period}.
      </p>
      <p>
        Every count is protected: small groups are never shown, and counts are adjusted a little and rounded to 5. Net
        scores are the share who said things got better minus the share who said worse, from −100 to +100, with a 95%
        interval. <Link to="/outcomes/about-the-data">About the data</Link>.{" "}
        <Link to={`/outcomes/${council.code}`}>All the outcome figures for {council.name}</Link>.
      </p>

      <h2 id="side-by-side">The options side by side</h2>
      <OptionComparison
        councilName={council.name}
        rows={[
          ...page.options.map((option) => ({ name: option.name, anchor: option.anchor, figures: option.figures })),
          { name: "Every way of arranging support", anchor: null, figures: page.everyone },
        ]}
      />

      {page.options.map((option) => (
        <section key={option.anchor} id={option.anchor} aria-labelledby={`${option.anchor}-heading`}>
          <h2 id={`${option.anchor}-heading`}>{option.name}</h2>
          <OptionExplainer explainer={option.explainer} headingLevel={3} />
          <h3>How it works out</h3>
          <TooFew figures={option.figures} what="about this option" />
          <PlaceFiguresTable figures={option.figures} caption={`${option.name}: figures by place`} />
          <h3>Stories, questions and practice notes</h3>
          <OptionStoryList stories={option.stories} what={`about ${option.name.toLowerCase()}`} />
        </section>
      ))}

      <section aria-labelledby="fifth-options">
        <h2 id="fifth-options">Fifth options</h2>
        <p>
          Beyond employing assistants, an agency, family care or a care home, members have found other ways. Some are
          offered by few councils: ask yours.
        </p>
        <FifthOptions sections={page.fifthOptions} />
      </section>
    </>
  );
}
