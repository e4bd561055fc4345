// Identifying details found in someone's text, each with a one-click replacement. Used inside a
// <Form> whose hidden fields carry the text, so it works without JavaScript.
export interface ShownFinding {
  index: number;
  text: string;
  placeholder: string;
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
