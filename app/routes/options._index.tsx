import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/forms";
import { OptionExplainer, OptionsChooser } from "~/components/options/options";
import { parseTypedCouncil } from "~/domain/options/options";
import type { FilterChoice } from "~/domain/posts/story-search";
import { optionExplainers } from "~/server/options/options.server";
import { lookUpName } from "~/server/posts/search.server";
import { listCouncils } from "~/server/reference/reference.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page?.error ? "Error: " : ""}Your options – Fifth Option` },
];

// Choose a council with a plain GET form (?council=Leeds): its name, code or a near miss of its
// name goes to /options/<code>; anything else is a 400 that keeps what was typed.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const councils = (await listCouncils()).map((council) => council.name);
  const page = { councils, options: optionExplainers(), suggestions: [] as FilterChoice[] };
  if (!url.searchParams.has("council")) return { ...page, typed: "", error: null as string | null };
  const parsed = parseTypedCouncil(url.searchParams.getAll("council"));
  if (!parsed.ok) return data({ ...page, typed: parsed.typed, error: parsed.error }, { status: 400 });
  const lookup = await lookUpName("council", parsed.council);
  if (lookup.found) return redirect(`/options/${lookup.found.value}`);
  const error =
    lookup.suggestions.length > 0
      ? `No council is called “${parsed.council}”. Choose one of the names below, or check the spelling.`
      : `No council is called “${parsed.council}”, or anything close to it. Check the spelling, or choose from the list.`;
  return data({ ...page, typed: parsed.council, error, suggestions: lookup.suggestions }, { status: 400 });
}

export default function Options() {
  const page = useLoaderData<typeof loader>();
  const errors: Record<string, string> = page.error ? { council: page.error } : {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Your options</h1>
      <p className="lead">
        The ways of arranging care and support, what each involves, and how they work out for members in your council:
        how many reports describe each one, how people rate what changed, the hourly rates paid, what happened at
        review, and the stories behind them.
      </p>
      <OptionsChooser councils={page.councils} typed={page.typed} errors={errors} suggestions={page.suggestions} />
      <h2>The options</h2>
      <p>
        Choose your council above to see how each one works out there. Every figure is protected: see{" "}
        <Link to="/outcomes/about-the-data">about the data</Link>.
      </p>
      {page.options.map((option) => (
        <section key={option.anchor} id={option.anchor} aria-labelledby={`${option.anchor}-heading`}>
          <h3 id={`${option.anchor}-heading`}>{option.name}</h3>
          <OptionExplainer explainer={option.explainer} headingLevel={4} />
        </section>
      ))}
    </>
  );
}
