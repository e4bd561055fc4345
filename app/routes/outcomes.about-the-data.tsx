import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { MIN_REPORTS, MIN_VALUES_FOR_MEDIAN, ROUND_COUNTS_TO } from "~/domain/outcomes/disclosure";
import { CITATION_FORM, LICENCE_LINE } from "~/domain/licence";

export const meta: MetaFunction = () => [{ title: "About the data – Outcomes – Fifth Option" }];

// The rules written here are the ones app/domain/outcomes/disclosure.ts applies: the numbers on
// this page come from that module, so the page cannot drift from the code.
export default function AboutTheData() {
  return (
    <div className="prose">
      <h1>About the data</h1>
      <p className="lead">
        The outcomes dashboard counts the experience reports people send us. Here is where the numbers come from, what
        they can and cannot tell you, and how we make sure no one can be picked out from them.
      </p>

      <h2>Where the numbers come from</h2>
      <p>
        Members fill in a short <Link to="/reports/new">experience report</Link>: the council, the quarter it describes,
        who they are (a carer, a person with support needs, a support planner…), the kind of support, who led the
        support plan, what happened to the budget at the last review, the hourly rate paid and hours a week where they
        know them, and whether each of 12 areas of life got better or worse (and 3 more for carers about themselves).
      </p>
      <p>
        Reports count as soon as they are sent. Anything written in the free-text box is read by a moderator first and
        is never part of these figures. The people who report are those who found this site and chose to: the figures
        describe them, not everyone a council supports, so they are not a survey sample and differences between councils
        may say as much about who reports as about the council.
      </p>

      <h2>What each figure means</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Net score</dt>
          <dd>
            The share of reports saying an area of life got better (a lot or a bit) minus the share saying it got worse,
            among reports for which that area was relevant. It runs from −100 (everyone worse) to +100 (everyone
            better).
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>95% interval</dt>
          <dd>
            The range the figure would probably fall in with a different set of reports of the same size. Shares use the
            Wilson score interval; net scores use Newcombe&apos;s method, which combines the Wilson intervals of the
            &ldquo;better&rdquo; and &ldquo;worse&rdquo; shares. Both are worked out from the published (protected)
            counts and then widened for the small changes protection makes to each count (see below), so they stay
            honest about how uncertain the figure is. Wide intervals mean few reports: compare places only when their
            intervals do not overlap.
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Median and quartiles</dt>
          <dd>
            Half the hourly rates (or hours a week) reported are below the median and half above; a quarter are below
            the lower quartile and a quarter above the upper one. Computed like PostgreSQL&apos;s percentile_cont, from
            how many reports gave each value after each of those numbers has been protected (see below).
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Quarters</dt>
          <dd>
            Reports describe a quarter (January to March, and so on). The dashboard shows the last 12 quarters unless
            you choose a period of up to 20.
          </dd>
        </div>
      </dl>

      <h2 id="protecting-people">How we protect the people in the figures</h2>
      <p>
        The same rules apply to every chart, table, download and the API, because they all get their numbers from one
        place.
      </p>
      <ol>
        <li>
          <strong>Small groups are never shown.</strong> Any figure built from fewer than {MIN_REPORTS} reports is
          withheld and shown as &ldquo;fewer than {MIN_REPORTS}&rdquo;, including zero. A share or score built on such a
          figure is withheld too.
        </li>
        <li>
          <strong>Every count is slightly changed, then rounded</strong> to the nearest {ROUND_COUNTS_TO}. We use the{" "}
          <em>cell key method</em>, the one the Office for National Statistics used for Census 2021&apos;s flexible
          tables. Each report is given a random number from 0 to 255 when it is saved, which is never shown. For every
          count we publish, the numbers of the reports in it are added up, and that sum decides a small change between
          −3 and +3 (no change about a quarter of the time). The same reports always get the same change, so a figure
          never flickers and asking again teaches nothing; but two views that differ by a few reports (a period one
          quarter longer, or carers only against everyone) get unrelated changes, so subtracting one from the other does
          not give the few reports back.
        </li>
        <li>
          <strong>Percentages, intervals and net scores come from the published counts</strong>, never the exact ones,
          so working an interval backwards gives back only what the page already shows. Because of this, the parts of a
          total may not add up to it exactly, and a percentage can differ by a few points from one worked out from the
          exact counts.
        </li>
        <li>
          <strong>A filtered view is withheld when it leaves out 1 to {MIN_REPORTS - 1} reports</strong> of the view
          without that filter (carers only, when all but 2 reports in a council are from carers): the difference would
          describe those few people.
        </li>
        <li>
          <strong>Totals cannot be used to work out a withheld figure.</strong> When a total and all but one of its
          parts would be shown (a region&apos;s total and all but one of its councils, or a council&apos;s reports and
          all but one kind of support), a second figure is withheld as well, shown as &ldquo;withheld&rdquo;. A council
          withheld for that reason shows no figures at all, on any page.
        </li>
        <li>
          <strong>
            A net score is shown only when the &ldquo;better&rdquo;, &ldquo;the same&rdquo; and &ldquo;worse&rdquo;
            groups each have {MIN_REPORTS} or more reports.
          </strong>{" "}
          Since the score gives away each group&apos;s total, when one rating of a group is withheld (&ldquo;a lot
          worse&rdquo;), its partner (&ldquo;a bit worse&rdquo;) is withheld too. A score withheld this way, where the
          reports themselves are shown, reads &ldquo;fewer than {MIN_REPORTS} in a group&rdquo;, never &ldquo;fewer than{" "}
          {MIN_REPORTS}&rdquo;, which would read as the number of reports.
        </li>
        <li>
          <strong>Medians and quartiles need at least {MIN_VALUES_FOR_MEDIAN} values</strong>; with fewer they are shown
          as &ldquo;fewer than {MIN_VALUES_FOR_MEDIAN}&rdquo;.
        </li>
      </ol>
      <p>
        What these rules do not fully prevent: a determined reader comparing many overlapping views can still narrow
        down roughly how many reports a small group holds, but never to an exact number below {MIN_REPORTS}, and never
        to one person&apos;s answers. Medians can move when a single report joins a view; they are only shown for{" "}
        {MIN_VALUES_FOR_MEDIAN} or more values, and the counts behind them are protected too.
      </p>

      <h2>Using the data</h2>
      <p>{LICENCE_LINE}</p>
      <p>Please cite it as: {CITATION_FORM}</p>
      <p>
        Every dashboard view has CSV and JSON downloads with the same figures, and the{" "}
        <Link to="/api/v1/openapi.json">public API</Link> gives the same figures to programs.
      </p>
    </div>
  );
}
