import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { describeFigure, DotPlot, formatFigure } from "~/components/charts";
import { OutcomeFilterForm } from "~/components/outcome-filters";
import { CouncilTable } from "~/components/outcomes/council-table";
import { ScrollingTable } from "~/components/table-scroll";
import { DownloadLinks } from "~/components/outcomes/download-links";
import { CouncilSearch } from "~/components/outcomes/council-search";
import { storiesForFigures } from "~/domain/outcomes/links";
import { outcomeFilterParams } from "~/domain/outcomes/outcome-filters";
import { councilTableView, sortPlaceRows, type PlaceSort } from "~/domain/outcomes/places";
import { periodLabel } from "~/domain/outcomes/quarters";
import { NATIONS } from "~/domain/taxonomy";
import { loadOverview } from "~/server/outcomes/figures.server";
import { periodChoices, readOutcomeFilters } from "~/server/outcomes/pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "errors" in data ? "Error: " : ""}Outcomes by nation and council – Fifth Option` },
  {
    name: "description",
    content: "What members' experience reports add up to, council by council: outcomes, support, budgets and rates.",
  },
];

const SORTS: PlaceSort[] = ["name", "reports", "quality", "selfled"];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const today = new Date();
  const { values, parsed } = readOutcomeFilters(url, today);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, choices: await periodChoices(today) }, { status: 400 });
  const nationParam = url.searchParams.get("nation");
  const nation = NATIONS.find((n) => n === nationParam) ?? null;
  const sortParam = url.searchParams.get("sort") as PlaceSort | null;
  const sort = sortParam && SORTS.includes(sortParam) ? sortParam : "name";
  const descending = url.searchParams.get("order") === "desc";
  const find = (url.searchParams.get("find") ?? "").trim().slice(0, 60);
  const all = url.searchParams.get("all") === "1";

  const overview = await loadOverview(parsed.filters);
  const inNation = overview.filter((n) => !nation || n.nation === nation).flatMap((n) => n.table.places);
  const table = councilTableView(sortPlaceRows(inNation, sort, descending), find, all);
  return {
    values,
    query: outcomeFilterParams(parsed.filters, today).toString(),
    period: periodLabel(parsed.filters.from, parsed.filters.to),
    choices: await periodChoices(today, parsed.filters),
    stories: storiesForFigures(null, parsed.filters),
    nation,
    sort,
    descending,
    find,
    all,
    nations: overview.map((n) => ({
      nation: n.nation,
      reports: n.view.reports,
      quality: n.view.domains.find((d) => d.slug === "quality-of-life")?.net ?? null,
      selfLed: n.view.planLeads.categories.find((c) => c.key === "self_led")?.share ?? null,
      regions: n.table.regions,
      domains: n.view.domains.filter((d) => !d.carersOnly).map((d) => ({ slug: d.slug, label: d.label, net: d.net })),
    })),
    councils: table.rows,
    hidden: table.hidden,
    matching: table.matching,
    everyCouncil: inNation.length,
  };
}

export default function OutcomesOverview() {
  const loaded = useLoaderData<typeof loader>();
  if ("errors" in loaded) {
    return (
      <>
        <h1>Outcomes by nation and council</h1>
        <OutcomeFilterForm values={loaded.values} errors={loaded.errors} choices={loaded.choices} />
      </>
    );
  }
  const { values, query, period, choices, stories, nation, sort, descending, find, all, nations, councils } = loaded;
  const { hidden, matching, everyCouncil } = loaded;
  // The page's parameters besides the filters: nation, order, the name looked for, all councils.
  const tableParams: Record<string, string> = {
    ...(nation ? { nation } : {}),
    ...(sort !== "name" ? { sort } : {}),
    ...(descending ? { order: "desc" } : {}),
    ...(find ? { find } : {}),
    ...(all ? { all: "1" } : {}),
  };
  // The address of this page with some parameters changed; the rest are kept.
  const withQuery = (extra: Record<string, string | null>, hash = "") => {
    const params = new URLSearchParams(query);
    for (const [key, value] of Object.entries({ ...tableParams, ...extra })) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const text = params.toString();
    return `${text ? `/outcomes?${text}` : "/outcomes"}${hash}`;
  };
  const where = nation ? ` in ${nation}` : "";
  const status = find
    ? `${councils.length} of ${everyCouncil} councils${where} shown: ${matching} ${matching === 1 ? "matches" : "match"} “${find}”${hidden ? `, ${hidden} of them with too few reports to show figures (hidden)` : ""}.`
    : `${councils.length} of ${everyCouncil} councils${where} shown${hidden ? `: ${hidden} with too few reports to show figures are hidden` : ""}.`;
  const domainRows = nations[0]?.domains ?? [];
  return (
    <>
      <h1>Outcomes by nation and council</h1>
      <p className="lead">
        What members&apos; experience reports add up to, {period}. Figures about fewer than 5 reports are never shown,
        and counts are slightly changed and rounded to the nearest 5 to protect the people in them:{" "}
        <Link to="/outcomes/about-the-data">about the data</Link>.
      </p>
      <OutcomeFilterForm values={values} extra={tableParams} choices={choices} />
      <p>
        <Link to={stories.href}>{stories.text}</Link> with the same perspective, kind of support and (for a period
        within one year) year.
      </p>

      <section className="section" aria-labelledby="nations">
        <h2 id="nations">England, Scotland and Wales</h2>
        <ScrollingTable
          caption="Headline figures by nation"
          columns={["Nation", "Reports", "Quality of life, net score", "Self-led plans"]}
        >
          {nations.map((n) => (
            <tr key={n.nation}>
              <th scope="row">
                <Link to={withQuery({ nation: n.nation })}>{n.nation}</Link>
              </th>
              <td>{formatFigure(n.reports, "count")}</td>
              <td>{n.quality ? describeFigure(n.quality) : "fewer than 5"}</td>
              <td>{n.selfLed ? describeFigure(n.selfLed) : "fewer than 5"}</td>
            </tr>
          ))}
        </ScrollingTable>
        <DotPlot
          title="Net scores by area of life in each nation"
          summary="For each area of life, the share of reports saying it got better minus the share saying it got worse, in England, Scotland and Wales, with 95% intervals."
          headingLevel={3}
          rowHeading="Area of life"
          series={nations.map((n) => ({ key: n.nation as string, name: n.nation }))}
          rows={domainRows.map((d) => ({
            label: d.label,
            values: Object.fromEntries(
              nations.map((n) => [
                n.nation,
                n.domains.find((x) => x.slug === d.slug)?.net ?? {
                  shown: false as const,
                  reason: "fewer-than-5" as const,
                },
              ]),
            ),
          }))}
        />
      </section>

      <section className="section" aria-labelledby="regions">
        <h2 id="regions">Regions</h2>
        <ul className="region-list">
          {nations.flatMap((n) =>
            n.regions.map((r) => (
              <li key={r.code}>
                <Link to={`/outcomes/region/${r.code}${query ? `?${query}` : ""}`}>{r.name}</Link> (
                {formatFigure(r.reports, "count")} reports)
              </li>
            )),
          )}
        </ul>
      </section>

      <section className="section" aria-labelledby="councils">
        <h2 id="councils">{nation ? `Councils in ${nation}` : "Every council"}</h2>
        <nav aria-label="Show councils of one nation" className="pagination">
          {nation ? <Link to={withQuery({ nation: null })}>All nations</Link> : null}
          {NATIONS.filter((n) => n !== nation).map((n) => (
            <Link key={n} to={withQuery({ nation: n })}>
              {n} only
            </Link>
          ))}
        </nav>
        <CouncilSearch
          name={find}
          keep={Object.fromEntries(
            [...new URLSearchParams(query), ...Object.entries(tableParams)].filter(([key]) => key !== "find"),
          )}
          status={status}
        />
        {hidden > 0 || all ? (
          <p>
            {all ? (
              <Link to={withQuery({ all: null }, "#councils")}>Hide councils with too few reports</Link>
            ) : (
              <Link to={withQuery({ all: "1" }, "#councils")}>
                Show all {matching} {find ? "matching " : ""}councils, including the {hidden} with too few reports
              </Link>
            )}
          </p>
        ) : null}
        {councils.length > 0 ? (
          <CouncilTable
            councils={councils}
            caption={`${councils.length} councils${where}${find ? ` matching “${find}”` : ""}. Select a column heading to sort.`}
            sort={{
              current: sort,
              descending,
              // A new column starts with the highest first (A to Z for names); the same column reverses.
              href: (column) => {
                const descend = column === sort ? !descending : column !== "name";
                return withQuery(
                  { sort: column === "name" ? null : column, order: descend ? "desc" : null },
                  "#councils",
                );
              },
            }}
          />
        ) : (
          <p>
            No council{where} {all ? "" : "with figures to show "}matches “{find}”. Check the spelling
            {all ? "" : ", or show all councils"}.
          </p>
        )}
      </section>
      <DownloadLinks query={query} />
    </>
  );
}
