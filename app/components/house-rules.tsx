// The house rules where moderators cite them (app/domain/moderation/house-rules.ts): the reason
// fields of every decision form, and a link to each rule a reason or notification names.
import { Link } from "@remix-run/react";

import { citedRules, HOUSE_RULES, ruleLink } from "~/domain/moderation/house-rules";

import { type FieldErrors, SelectField, TextArea } from "./forms";

const RULE_OPTIONS = [
  { value: "", label: "Choose a house rule" },
  ...HOUSE_RULES.map((rule) => ({ value: String(rule.number), label: `${rule.number}. ${rule.title}` })),
];

/** A house rule and an optional note: the reason for rejecting, removing or asking for changes. */
export function ReasonFields({ idSuffix, errors }: { idSuffix: string; errors: FieldErrors }) {
  return (
    <>
      <SelectField
        id={`rule-${idSuffix}`}
        name="rule"
        label="House rule it breaks (needed to reject, remove or ask for changes; the author sees it)"
        options={RULE_OPTIONS}
        error={errors[`rule-${idSuffix}`]}
      />
      <TextArea
        id={`note-${idSuffix}`}
        name="note"
        rows={2}
        label="Note to the author (optional)"
        error={errors[`note-${idSuffix}`]}
      />
    </>
  );
}

/** "Read house rule 2" for each rule the text names; nothing when it names none. */
export function RuleLinks({ text }: { text: string | null | undefined }) {
  const rules = citedRules(text);
  if (rules.length === 0) return null;
  return (
    <>
      {rules.map((rule) => (
        <span key={rule.number}>
          {" "}
          <Link to={ruleLink(rule)}>{`Read house rule ${rule.number}`}</Link>
        </span>
      ))}
    </>
  );
}
