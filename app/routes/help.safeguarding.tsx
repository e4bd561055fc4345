import type { MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";

import { SuccessNotice } from "~/components/forms";
import { allHelplines, displayNumber, helplineHref } from "~/domain/help/helplines";

const SAFEGUARDING_HELPLINES = allHelplines().filter((h) =>
  ["samaritans", "111", "carers-uk", "domestic-abuse-england", "live-fear-free", "scotland-domestic-abuse"].includes(
    h.id,
  ),
);

export const meta: MetaFunction = () => [{ title: "Getting help if someone is at risk – Fifth Option" }];

// Shown to anyone who reports a safeguarding concern, and linked for the author of the post.
export default function SafeguardingHelp() {
  const [searchParams] = useSearchParams();
  return (
    <div className="prose">
      {searchParams.get("reported") ? (
        <SuccessNotice>Thank you. Every moderator has been told and will look at this first.</SuccessNotice>
      ) : null}
      <h1>Getting help if someone is at risk</h1>
      <h2>If someone is in danger right now</h2>
      <p>
        <strong>
          Call <a href="tel:999">999</a>.
        </strong>{" "}
        If you cannot speak, call 999 and then press 55 when asked, so the police know it is an emergency.
      </p>
      <h2>If you are worried about an adult being harmed or neglected</h2>
      <p>
        Contact the adult safeguarding team at the council where the person lives. Search for the council&apos;s name
        and &ldquo;adult safeguarding&rdquo;. You can do this even if you are not sure, and you do not need proof.
      </p>
      <h2>If you need to talk to someone</h2>
      <ul>
        {SAFEGUARDING_HELPLINES.map((helpline) => (
          <li key={helpline.id}>
            {helpline.name}: <a href={helplineHref(helpline)}>{displayNumber(helpline)}</a>. {helpline.hours}
            {helpline.free ? ", free" : ""}.
          </li>
        ))}
      </ul>
      <p>
        <Link to="/help">Every helpline, and what to do if caring has broken down</Link>.
      </p>
      <p>
        Fifth Option&apos;s moderators are volunteers. They cannot send help, but they will act on what you reported.
      </p>
    </div>
  );
}
