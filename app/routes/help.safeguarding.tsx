import type { MetaFunction } from "@remix-run/node";
import { useSearchParams } from "@remix-run/react";

import { SuccessNotice } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Getting help if someone is at risk – Fifth Option" }];

// Shown to anyone who reports a safeguarding concern, and linked for the author of the post.
export default function SafeguardingHelp() {
  const [searchParams] = useSearchParams();
  return (
    <div className="prose">
      {searchParams.get("reported") ? <SuccessNotice>Thank you. Every moderator has been told and will look at this first.</SuccessNotice> : null}
      <h1>Getting help if someone is at risk</h1>
      <h2>If someone is in danger right now</h2>
      <p>
        <strong>Call 999.</strong> If you cannot speak, call 999 and then press 55 when asked, so the police know it is an
        emergency.
      </p>
      <h2>If you are worried about an adult being harmed or neglected</h2>
      <p>
        Contact the adult safeguarding team at the council where the person lives. Search for the council&apos;s name and
        &ldquo;adult safeguarding&rdquo;. You can do this even if you are not sure, and you do not need proof.
      </p>
      <h2>If you need to talk to someone</h2>
      <ul>
        <li>Samaritans: call 116 123, free, any time, day or night.</li>
        <li>NHS 111: for urgent health advice, including mental health.</li>
        <li>Carers UK helpline: advice for carers about support and rights.</li>
        <li>National Domestic Abuse Helpline: 0808 2000 247, free, any time.</li>
      </ul>
      <p>Fifth Option&apos;s moderators are volunteers. They cannot send help, but they will act on what you reported.</p>
    </div>
  );
}
