import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { HOUSE_RULES } from "~/domain/moderation/house-rules";

export const meta: MetaFunction = () => [
  { title: "House rules – Fifth Option" },
  { name: "description", content: "The rules everyone on Fifth Option agrees to, in plain words." },
];

// One list (app/domain/moderation/house-rules.ts): moderators cite these numbers in their reasons.
export default function HouseRules() {
  return (
    <div className="prose">
      <h1>House rules</h1>
      <p>
        Fifth Option is a place to tell the truth about social care safely. These rules keep it that way. Moderators
        read what new members post before anyone else sees it, and read anything that is reported. When they turn
        something down or ask for a change, they tell you which rule it was and why.
      </p>
      <ol className="house-rules">
        {HOUSE_RULES.map((rule) => (
          <li key={rule.number} id={`rule-${rule.number}`} tabIndex={-1}>
            <h2>
              <span className="visually-hidden">Rule {rule.number}: </span>
              {rule.title}
            </h2>
            <p>{rule.text}</p>
          </li>
        ))}
      </ol>
      <h2>If something goes wrong</h2>
      <p>
        If you see something that breaks these rules, use “Report this to the moderators” under it. If someone is in
        danger, <Link to="/help">get help now</Link>. If a moderator turned down something of yours, you can edit it and
        send it again, or write it differently in a new post.
      </p>
    </div>
  );
}
