// The body of a council, region or nation page on the outcomes dashboard: headline figures, then
// each measure as a chart with its text summary and data table (the charts work without
// JavaScript, in print and with a screen reader). It is drawn once for each version of the figures
// and kept as markup (dashboard-markup.server.tsx), outside Remix's router: so plain links, and
// nothing that needs the browser.
import {
  BarChart,
  describeFigure,
  DotPlot,
  formatFigure,
  formatValue,
  LineChart,
  StackedBarChart,
} from "~/components/charts";
import { WITHHELD_TEXT, type Figure, type NetScore } from "~/domain/outcomes/figures";
import type { ComparedFigures, DomainFigures, Spread } from "~/domain/outcomes/outcome-view";
import { regionWithArticle } from "~/domain/geography";
import type { PlaceLink } from "~/domain/outcomes/links";
import type { DashboardData } from "~/domain/outcomes/place-page";

import { CouncilTable } from "./council-table";
import { TableScroll } from "../table-scroll";

const RATING_ORDER = ["a_lot_worse", "a_bit_worse", "same", "a_bit_better", "a_lot_better"];

function qualityOfLife<Domain extends { slug: string }>(view: { domains: Domain[] }): Domain | undefined {
  return view.domains.find((d) => d.slug === "quality-of-life");
}

/** "Highest: Dignity (+23). Lowest: Safety (−12)." over the scores that are shown. */
function extremes(rows: { label: string; value: Figure<NetScore> }[]): string {
  const shownRows = rows.filter((r): r is { label: string; value: { shown: true; value: NetScore } } => r.value.shown);
  if (shownRows.length === 0) return "Every score is withheld because too few reports are behind it.";
  const sorted = [...shownRows].sort((a, b) => b.value.value.score - a.value.value.score);
  const top = sorted[0];
  const bottom = sorted.at(-1);
  if (!top || !bottom || top === bottom)
    return `${top?.label}: ${formatFigure(top?.value ?? { shown: false, reason: "fewer-than-5" })}.`;
  return `Highest: ${top.label} (${formatFigure(top.value)}). Lowest: ${bottom.label} (${formatFigure(bottom.value)}).`;
}

export function spreadText(figure: Figure<Spread>, unit: "pence" | "hours"): string {
  if (!figure.shown) return WITHHELD_TEXT[figure.reason];
  const { median, lowerQuartile, upperQuartile, values } = figure.value;
  return `${formatValue(median, unit)} (middle half ${formatValue(lowerQuartile, unit)} to ${formatValue(upperQuartile, unit)}; ${values} values)`;
}

export function PlaceDashboard({ data, stories }: { data: DashboardData; stories: PlaceLink | null }) {
  const { place, view, comparisons, byPlanLead, councils } = data;
  // In sentences a region takes "the" where English does ("in the North East", "in London").
  const name = place.level === "area" ? place.name : regionWithArticle(place.name);
  if (!view.reports.shown) {
    return (
      <div className="notice" role="status">
        <h2>No figures for {name} in this view</h2>
        <p>
          {view.reports.reason === "fewer-than-5"
            ? `Fewer than 5 reports about ${name} match this view, so we show no figures: with so few, the people behind them could be recognised.`
            : `We withhold the figures for ${name} in this view so that a nearby council with fewer than 5 reports cannot be worked out from the totals.`}{" "}
          <a href="/outcomes/about-the-data#protecting-people">How we protect people in the figures</a>.
        </p>
        <p>
          Try a longer period, or remove a filter.
          {stories ? (
            <>
              {" "}
              Or <a href={stories.href}>{stories.text.replace(/^Read/, "read")}</a>.
            </>
          ) : null}
        </p>
      </div>
    );
  }
  const quality = qualityOfLife(view);
  const selfLed = view.planLeads.categories.find((c) => c.key === "self_led");
  const everyPlace: { label: string; view: ComparedFigures }[] = [{ label: place.name, view }, ...comparisons];
  const domainRows = (pick: (d: DomainFigures) => boolean) => view.domains.filter(pick);
  const coreDomains = domainRows((d) => !d.carersOnly);
  const carerDomains = domainRows((d) => d.carersOnly);
  const compareSeries = everyPlace.map((p, i) => ({ key: `p${i}`, name: p.label }));
  const leadViews = byPlanLead.filter((l) => l.lead !== "unknown");

  return (
    <>
      <h2 className="visually-hidden">Headline figures</h2>
      <dl className="summary-list headline-figures">
        <div className="summary-list__row">
          <dt>Reports</dt>
          <dd>{formatFigure(view.reports, "count")} (protected and rounded to the nearest 5)</dd>
        </div>
        <div className="summary-list__row">
          <dt>Quality of life, net score</dt>
          <dd>{quality ? describeFigure(quality.net) : WITHHELD_TEXT["fewer-than-5"]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Plans led by the person or their family</dt>
          <dd>{selfLed ? describeFigure(selfLed.share) : WITHHELD_TEXT["fewer-than-5"]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Median hourly rate paid</dt>
          <dd>{spreadText(view.hourlyRate, "pence")}</dd>
        </div>
      </dl>
      {stories ? (
        <p>
          <a href={stories.href}>{stories.text}</a>: the same place, with the same perspective, kind of support and (for
          a period within one year) year.
        </p>
      ) : null}

      <section className="section" aria-labelledby="trend">
        <h2 id="trend">Quarter by quarter</h2>
        <LineChart
          title={`Quality of life in ${name}, quarter by quarter`}
          summary={`Net score for quality of life overall in each quarter${comparisons[0] ? `, with ${regionWithArticle(comparisons[0].label)} for comparison` : ""}. A gap means too few reports that quarter, or fewer than 5 of them saying it got better, stayed the same or got worse. ${extremes(view.trend.map((q) => ({ label: q.label, value: q.qualityOfLife })))}`}
          headingLevel={3}
          stories={stories}
          rowHeading="Quarter"
          series={everyPlace.slice(0, 2).map((p) => ({
            name: p.label,
            points: p.view.trend.map((q) => ({ label: q.label, value: q.qualityOfLife })),
          }))}
        />
        <BarChart
          title={`Reports about ${name}, quarter by quarter`}
          summary={`How many reports describe each quarter, rounded to the nearest 5. In all: ${formatFigure(view.reports, "count")}.`}
          headingLevel={3}
          stories={stories}
          rowHeading="Quarter"
          unit="count"
          bars={view.trend.map((q) => ({ label: q.label, value: q.reports }))}
        />
      </section>

      <section className="section" aria-labelledby="outcomes">
        <h2 id="outcomes">Areas of life</h2>
        <p>
          For each area of life, the share of reports saying it got better minus the share saying it got worse, with the
          95% interval. <a href="/outcomes/about-the-data">What the figures mean</a>.
        </p>
        <DotPlot
          title={
            comparisons.length
              ? `Net scores in ${name} compared with ${comparisons.map((c) => regionWithArticle(c.label)).join(" and ")}`
              : `Net scores in ${name}`
          }
          summary={`${extremes(coreDomains.map((d) => ({ label: d.label, value: d.net })))} Scores whose intervals overlap may not really differ.`}
          headingLevel={3}
          stories={stories}
          rowHeading="Area of life"
          series={compareSeries}
          rows={coreDomains.map((d) => ({
            label: d.label,
            values: Object.fromEntries(
              everyPlace.map((p, i) => [
                `p${i}`,
                p.view.domains.find((x) => x.slug === d.slug)?.net ?? { shown: false, reason: "fewer-than-5" },
              ]),
            ),
          }))}
        />
        <StackedBarChart
          title={`How the ratings divide in ${name}`}
          summary="For each area of life, the share of reports (where it was relevant) saying it got a lot worse, a bit worse, stayed the same, got a bit better or a lot better; worse to the left of the centre line, better to the right."
          headingLevel={3}
          stories={stories}
          rowHeading="Area of life"
          divergeAround="same"
          rows={[...coreDomains, ...carerDomains].map((d) => ({
            label: d.carersOnly ? `${d.label} (carers)` : d.label,
            segments: RATING_ORDER.map((key) => {
              const rating = d.ratings.find((r) => r.key === key);
              return {
                key,
                label: rating?.label ?? key,
                value: rating?.share ?? { shown: false, reason: "fewer-than-5" },
              };
            }),
          }))}
        />
      </section>

      <section className="section" aria-labelledby="plan-lead">
        <h2 id="plan-lead">Who led the support plan</h2>
        <p>
          The same net scores, split by who led the support plan: the person themselves or their family, a peer, an
          independent planner, or the council.
        </p>
        <DotPlot
          title={`Net scores in ${name} by who led the plan`}
          summary={leadViews
            .map(
              (l) =>
                `${l.label}: quality of life ${formatFigure(qualityOfLife(l.view)?.net ?? { shown: false, reason: "fewer-than-5" })}`,
            )
            .join(". ")}
          headingLevel={3}
          stories={stories}
          rowHeading="Area of life"
          series={leadViews.map((l) => ({ key: l.lead, name: l.label }))}
          rows={coreDomains.map((d) => ({
            label: d.label,
            values: Object.fromEntries(
              leadViews.map((l) => [
                l.lead,
                l.view.domains.find((x) => x.slug === d.slug)?.net ?? { shown: false, reason: "fewer-than-5" },
              ]),
            ),
          }))}
        />
      </section>

      <section className="section" aria-labelledby="support">
        <h2 id="support">Support and budgets</h2>
        <BarChart
          title={`Kinds of support in ${name}`}
          summary={`Share of reports by the kind of support they describe. ${topShare(view.supportArrangements.categories)}`}
          headingLevel={3}
          stories={stories}
          rowHeading="Kind of support"
          unit="percent"
          bars={view.supportArrangements.categories.map((c) => ({ label: c.label, value: c.share }))}
        />
        <BarChart
          title={`What happened to the budget at the last review in ${name}`}
          summary={`Share of reports by the change to the personal budget at the last review. ${topShare(view.budgetChanges.categories)}`}
          headingLevel={3}
          stories={stories}
          rowHeading="Budget at the last review"
          unit="percent"
          bars={view.budgetChanges.categories.map((c) => ({ label: c.label, value: c.share }))}
        />
      </section>

      <section className="section" aria-labelledby="money">
        <h2 id="money">Money and hours</h2>
        <TableScroll label="Median, with the middle half of values, compared across places">
          <table className="data">
            <caption>Median, with the middle half of values, compared across places</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                {everyPlace.map((p) => (
                  <th scope="col" key={p.label}>
                    {p.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["Hourly rate paid", (v: ComparedFigures) => spreadText(v.hourlyRate, "pence")],
                  ["Paid hours of support a week", (v: ComparedFigures) => spreadText(v.paidHours, "hours")],
                  ["Unpaid hours of care a week", (v: ComparedFigures) => spreadText(v.unpaidHours, "hours")],
                ] as const
              ).map(([label, text]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {everyPlace.map((p) => (
                    <td key={p.label}>{text(p.view)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {councils.length > 0 ? (
        <section className="section" aria-labelledby="councils">
          <h2 id="councils">Councils in {name}</h2>
          <CouncilTable councils={councils} caption={`Councils in ${name}`} />
        </section>
      ) : null}
    </>
  );
}

function topShare(
  categories: { label: string; share: Figure<{ percent: number; low: number; high: number }> }[],
): string {
  const shownOnes = categories.filter((c) => c.share.shown);
  if (shownOnes.length === 0) return "Every share is withheld because too few reports are behind it.";
  const top = [...shownOnes].sort(
    (a, b) => (b.share.shown ? b.share.value.percent : 0) - (a.share.shown ? a.share.value.percent : 0),
  )[0];
  return top ? `The largest: ${top.label}, ${formatFigure(top.share)}.` : "";
}
