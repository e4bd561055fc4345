import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { displayNumber, EMERGENCY, helplineHref, SECTIONS, type Helpline } from "~/domain/help/helplines";

export const meta: MetaFunction = () => [
  { title: "Get help now – Fifth Option" },
  {
    name: "description",
    content:
      "Who to call when you, or the person you care for, need help now: 999, NHS 111, Samaritans, carers', dementia, older people's and domestic abuse helplines.",
  },
];

const CHECKED = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function HelplineEntry({ helpline }: { helpline: Helpline }) {
  const action = helpline.kind === "sms" ? "Text" : "Call";
  return (
    <li className="helpline">
      <h3 className="helpline__name">{helpline.name}</h3>
      <p className="helpline__number">
        <a href={helplineHref(helpline)} aria-label={`${action} ${helpline.name} on ${helpline.number}`}>
          {displayNumber(helpline)}
        </a>
      </p>
      <p>{helpline.forWhom}</p>
      <p className="helpline__meta">
        {helpline.hours}
        {helpline.free ? ", free to call" : ""}
        {helpline.nations.length > 0 ? `. ${helpline.nations.join(" and ")} only` : ""}.
      </p>
    </li>
  );
}

// The crisis page, one tap from every page's header: plain words, numbers as tel: links, the
// most urgent first. Numbers live in app/domain/help/helplines.ts with their sources.
export default function GetHelpNow() {
  return (
    <div className="prose help-page">
      <h1>Get help now</h1>
      <section className="help-urgent" aria-labelledby="urgent">
        <h2 id="urgent">If someone is in danger or very unwell now</h2>
        <ul className="helpline-list">
          {EMERGENCY.map((helpline) => (
            <HelplineEntry key={helpline.id} helpline={helpline} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="breakdown">
        <h2 id="breakdown">If caring has broken down, or you cannot go on today</h2>
        <p>
          If you can no longer care safely (you are ill, exhausted, or something has happened), the person you care for
          still needs support, and the council has to help find it.
        </p>
        <ol>
          <li>
            <strong>Call the council&apos;s adult social care team</strong> where the person you care for lives. Search
            for the council&apos;s name and &ldquo;adult social care&rdquo;. Say clearly that caring has broken down and
            you need emergency support or respite today.
          </li>
          <li>
            <strong>Out of hours</strong> (evenings, nights, weekends), ask for the council&apos;s{" "}
            <em>emergency duty team</em>: the same number usually puts you through, or the council&apos;s website lists
            it.
          </li>
          <li>
            <strong>If you have a carer&apos;s emergency plan</strong> (who to call, medicines, routines), use it and
            share it with whoever steps in. If you do not have one, a carers&apos; helpline below can help you make one
            when things are calmer.
          </li>
          <li>
            <strong>Ask for a carer&apos;s assessment</strong> afterwards: it is your right, and it can lead to planned
            breaks.
          </li>
        </ol>
        <p>
          If you are worried an adult is being harmed or neglected, read{" "}
          <Link to="/help/safeguarding">getting help if someone is at risk</Link>.
        </p>
      </section>

      {SECTIONS.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id}>{section.heading}</h2>
          {section.intro ? <p>{section.intro}</p> : null}
          <ul className="helpline-list">
            {section.helplines.map((helpline) => (
              <HelplineEntry key={helpline.id} helpline={helpline} />
            ))}
          </ul>
        </section>
      ))}

      <section aria-labelledby="sources">
        <h2 id="sources">Where these numbers come from</h2>
        <p>
          Fifth Option is a peer-support community: we cannot send help ourselves. Every number here is the
          organisation&apos;s own. We checked each on the date shown against the organisation&apos;s page named below,
          or, where we could not, against other published sources, and we say so. If a number does not work, please tell
          us through <Link to="/about">the about page</Link>.
        </p>
        <ul className="helpline-sources">
          {[...EMERGENCY, ...SECTIONS.flatMap((s) => s.helplines)].map((helpline) => (
            <li key={helpline.id}>
              {helpline.name}: <a href={helpline.source}>{new URL(helpline.source).hostname.replace(/^www\./, "")}</a>
              {helpline.confirmedAtSource
                ? ""
                : " (number taken from other published sources; not yet confirmed on this page)"}
              , checked {CHECKED.format(new Date(`${helpline.checkedOn}T00:00:00Z`))}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
