// The corpus format: groups of "labels | sentence" lines, parsed into labelled sentences.
import type { FindingKind } from "../identifying-details";

export interface CorpusGroup {
  group: string;
  lines: string[];
}

export interface CorpusSentence {
  group: string;
  text: string;
  /** Kinds other than names, one entry per detail (a kind repeats when a sentence has two). */
  details: FindingKind[];
  /** The names in the sentence, as written. */
  names: string[];
}

const SHORT_KINDS: Record<string, FindingKind> = {
  email: "email",
  phone: "phone",
  postcode: "postcode",
  nhs: "nhs_number",
  ni: "ni_number",
  address: "address",
  dob: "date_of_birth",
  social: "social_profile",
};

export function parseCorpus(groups: readonly CorpusGroup[]): CorpusSentence[] {
  return groups.flatMap(({ group, lines }) =>
    lines.map((line) => {
      const bar = line.indexOf(" | ");
      if (bar < 0) throw new Error(`corpus line without " | ": ${line}`);
      const text = line.slice(bar + 3);
      const details: FindingKind[] = [];
      const names: string[] = [];
      for (const label of line.slice(0, bar).split(" ")) {
        if (label === "-") continue;
        if (label.startsWith("name:")) {
          const name = label.slice(5).replace(/_/g, " ");
          if (!text.includes(name)) throw new Error(`corpus name "${name}" is not in: ${text}`);
          names.push(name);
          continue;
        }
        const kind = SHORT_KINDS[label];
        if (!kind) throw new Error(`unknown corpus label "${label}" in: ${line}`);
        details.push(kind);
      }
      return { group, text, details, names };
    }),
  );
}
