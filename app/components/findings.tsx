// Identifying details found in someone's text, each with a one-click replacement. Used inside a
// <Form> whose hidden fields carry the text, so it works without JavaScript. Every path that takes
// text (new posts, replies, edits, report comments, moderators' edits) shows findings this way.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { describeFindingKind, encodeSeen } from "~/domain/anonymity/shown-findings";

export interface ShownFinding {
  index: number;
  text: string;
  placeholder: string;
  kind?: string;
  field?: string;
  where?: string;
}

export function FindingItems({ findings }: { findings: ShownFinding[] }) {
  return (
    <ul>
      {findings.map((finding) => (
        <li key={finding.index}>
          <mark className="finding">{finding.text}</mark>
          {finding.where ? ` ${finding.where}.` : ""}{" "}
          <button type="submit" name="intent" value={`redact:${finding.index}`} className="button button--secondary">
            Replace with {finding.placeholder}
            <span className="visually-hidden"> ({finding.text})</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "in your title looks like a phone number". */
export function whereFound(
  finding: { field?: string; kind?: string },
  fieldNames: Record<string, string> = {},
): string | undefined {
  if (!finding.kind) return undefined;
  const field = finding.field ? (fieldNames[finding.field] ?? finding.field) : null;
  return `${field ? `in ${field} ` : ""}looks like ${describeFindingKind(finding.kind)}`;
}

/**
 * The findings, a "Replace them all" button and (where the text can be saved as it is) a keep
 * button. It also carries what the author was shown ("seen"), so keeping never covers a detail
 * they did not see. Put it inside a <Form> that carries the text in hidden fields.
 */
export function FindingsPanel({
  findings,
  heading,
  headingLevel = 2,
  intro = "Replace each with a neutral word, or keep it if you are sure it is safe to share.",
  fieldNames,
  keep,
  children,
}: {
  findings: ShownFinding[];
  heading: string;
  headingLevel?: 2 | 3;
  intro?: string;
  fieldNames?: Record<string, string>;
  keep?: { label: string; name: string; value: string };
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="findings" role="status">
      <Heading>{heading}</Heading>
      <p>{intro}</p>
      <input type="hidden" name="seen" value={encodeSeen(findings)} />
      <FindingItems
        findings={findings.map((finding) => ({ ...finding, where: finding.where ?? whereFound(finding, fieldNames) }))}
      />
      {children}
      <div className="button-row">
        {findings.length > 1 ? (
          <button type="submit" name="intent" value="redact-all" className="button button--secondary">
            Replace them all
          </button>
        ) : null}
        {keep ? (
          <button type="submit" name={keep.name} value={keep.value} className="button">
            {keep.label}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The panel in a form of its own, which sends the text again (the `fields`, as hidden inputs; an
 * undefined one is left out) together with the choice made: replace one, replace all, or keep.
 */
export function FindingsForm({
  fields,
  ...panel
}: { fields: Record<string, string | undefined> } & Parameters<typeof FindingsPanel>[0]) {
  return (
    <Form method="post" replace>
      {Object.entries(fields).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      <FindingsPanel {...panel} />
    </Form>
  );
}
