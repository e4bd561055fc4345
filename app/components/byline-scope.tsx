// The author's choice of how much of a post's place its byline shows, and the warning (with a
// one-click wider byline) when a council-level byline could point to few people. Both work
// without JavaScript: the buttons are ordinary form submits that re-render the page.
import { RadioGroup } from "~/components/forms";
import type { BylineScope, NarrowingWarning } from "~/domain/anonymity/byline";

const SCOPE_OPTIONS: { value: BylineScope; label: string; hint: string }[] = [
  { value: "council", label: "The council, and its region", hint: "For example “about Blackpool”." },
  {
    value: "region",
    label: "Only the region",
    hint: "For example “in the North West”; the council is not shown anywhere.",
  },
  {
    value: "nation",
    label: "Only the nation",
    hint: "For example “in England”; neither the council nor the region is shown.",
  },
];

export function BylineScopeField({ defaultValue, error }: { defaultValue: string | undefined; error?: string }) {
  return (
    <RadioGroup
      name="bylineScope"
      legend="If you name a council, how much of the place should readers see?"
      error={error}
      defaultValue={defaultValue || "council"}
      options={SCOPE_OPTIONS}
    />
  );
}

const OFFER_LABELS: Record<BylineScope, string> = {
  council: "Show the council",
  region: "Show only the region",
  nation: "Show only the nation",
};

/** Put inside a <Form> that carries the rest of the post in hidden fields (but not bylineScope). */
export function NarrowingNotice({ warning, headingLevel = 3 }: { warning: NarrowingWarning; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="notice notice--warning narrowing" role="status">
      <Heading>Your byline could point to a few people</Heading>
      <p>{warning.message}</p>
      <div className="button-row">
        {warning.offer.map((scope) => (
          <button key={scope} type="submit" name="bylineScope" value={scope} className="button button--secondary">
            {OFFER_LABELS[scope]}
          </button>
        ))}
      </div>
    </div>
  );
}
