import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "About Fifth Option" }];

export default function About() {
  return (
    <div className="prose">
      <h1>About Fifth Option</h1>
      <p>
        A father once listed the four options open to his son: become an employer of personal assistants, hand
        everything to agencies the council commissions, give up work and care unpaid, or a care home. He asked for a
        fifth. This site is where people look for it, by telling each other what actually happened.
      </p>
      <h2>Who it is for</h2>
      <ul>
        <li>Carers, and people who need support, telling their story and finding stories like theirs.</li>
        <li>Support planners, social workers, brokers and provider staff sharing practice without fear.</li>
        <li>Researchers, journalists and commissioners learning what the stories add up to.</li>
      </ul>
      <h2>How we keep you anonymous</h2>
      <ul>
        <li>You join with a made-up name. We never ask for your email or real name.</li>
        <li>Stories show the month and year, never the exact time.</li>
        <li>Before anything is posted we look for details that could identify someone and offer to remove them.</li>
        <li>Moderators read posts from new members before anyone else can see them.</li>
        <li>Numbers about fewer than 5 people are never shown.</li>
      </ul>
      <h2>Stories as data</h2>
      <p>
        Published stories, and the councils and tags they are filed under, can be read by programs too, under the CC BY
        4.0 licence: see <Link to="/about/api">the API guide</Link>.
      </p>
      <h2>Where the council list comes from</h2>
      <p>
        The list of councils with adult social care duties is derived from mySociety&apos;s &ldquo;UK local authority
        names and codes&rdquo; dataset, used under the Creative Commons Attribution 4.0 licence.
      </p>
    </div>
  );
}
