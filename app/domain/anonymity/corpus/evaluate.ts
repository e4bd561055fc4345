// Scores the identifying-details check against labelled sentences: how many structured details
// and names it finds, and how many clean sentences it leaves alone.
import { type Finding, findIdentifyingDetails } from "../identifying-details";
import type { CorpusSentence } from "./format";

export interface Miss {
  group: string;
  text: string;
  /** What was expected and not found ("phone", "name Siobhan"), or what was found in a clean sentence. */
  what: string;
}

export interface Score {
  sentences: number;
  details: { found: number; of: number };
  names: { found: number; of: number };
  clean: { leftAlone: number; of: number };
  misses: Miss[];
}

const overlaps = (f: Finding, start: number, end: number) => f.start < end && start < f.end;

export function scoreSentence(sentence: CorpusSentence, findings: Finding[] = findIdentifyingDetails(sentence.text)): Score {
  const score: Score = { sentences: 1, details: { found: 0, of: 0 }, names: { found: 0, of: 0 }, clean: { leftAlone: 0, of: 0 }, misses: [] };
  const miss = (what: string) => score.misses.push({ group: sentence.group, text: sentence.text, what });
  if (sentence.details.length === 0 && sentence.names.length === 0) {
    score.clean.of = 1;
    if (findings.length === 0) score.clean.leftAlone = 1;
    else miss(`flagged ${findings.map((f) => `${f.kind} "${f.text}"`).join(", ")}`);
    return score;
  }
  const wanted = new Map<string, number>();
  for (const kind of sentence.details) wanted.set(kind, (wanted.get(kind) ?? 0) + 1);
  for (const [kind, count] of wanted) {
    const found = Math.min(count, findings.filter((f) => f.kind === kind).length);
    score.details.of += count;
    score.details.found += found;
    if (found < count) miss(`${kind}${count > 1 ? ` (${found} of ${count})` : ""}; found ${describe(findings)}`);
  }
  for (const name of sentence.names) {
    score.names.of += 1;
    const start = sentence.text.indexOf(name);
    const end = start + name.length;
    if (findings.some((f) => f.kind === "name" && overlaps(f, start, end))) score.names.found += 1;
    else miss(`name "${name}"; found ${describe(findings)}`);
  }
  return score;
}

function describe(findings: Finding[]): string {
  return findings.length === 0 ? "nothing" : findings.map((f) => `${f.kind} "${f.text}"`).join(", ");
}

export function scoreCorpus(sentences: readonly CorpusSentence[]): Score {
  const total: Score = { sentences: 0, details: { found: 0, of: 0 }, names: { found: 0, of: 0 }, clean: { leftAlone: 0, of: 0 }, misses: [] };
  for (const sentence of sentences) {
    const one = scoreSentence(sentence);
    total.sentences += 1;
    total.details.found += one.details.found;
    total.details.of += one.details.of;
    total.names.found += one.names.found;
    total.names.of += one.names.of;
    total.clean.leftAlone += one.clean.leftAlone;
    total.clean.of += one.clean.of;
    total.misses.push(...one.misses);
  }
  return total;
}

export const ratio = ({ found, of }: { found: number; of: number }) => (of === 0 ? 1 : found / of);
export const cleanRatio = ({ leftAlone, of }: { leftAlone: number; of: number }) => (of === 0 ? 1 : leftAlone / of);

export function summary(label: string, score: Score): string {
  const pct = (value: number) => value.toFixed(2);
  return (
    `${label}: ${score.sentences} sentences; structured ${score.details.found}/${score.details.of} (${pct(ratio(score.details))}), ` +
    `names ${score.names.found}/${score.names.of} (${pct(ratio(score.names))}), ` +
    `clean left alone ${score.clean.leftAlone}/${score.clean.of} (${pct(cleanRatio(score.clean))})`
  );
}
