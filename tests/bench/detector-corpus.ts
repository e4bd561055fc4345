// npx tsx tests/bench/detector-corpus.ts [--held-back] [--fresh] [--probe] [--unseen] [--recheck] — the identifying-details
// check's figures on its labelled corpus, and the tuning part's misses grouped by kind of
// sentence. The other parts' misses are listed only when asked for, so tuning does
// not lean on them.
import { ALL_SENTENCES, CORPUS_PARTS } from "../../app/domain/anonymity/corpus";
import { type Miss, scoreCorpus, summary } from "../../app/domain/anonymity/corpus/evaluate";

const parts = Object.entries(CORPUS_PARTS).map(([name, sentences]) => ({ name, score: scoreCorpus(sentences) }));
const whole = scoreCorpus(ALL_SENTENCES);

function printMisses(label: string, misses: Miss[]) {
  const byGroup = new Map<string, Miss[]>();
  for (const miss of misses) byGroup.set(miss.group, [...(byGroup.get(miss.group) ?? []), miss]);
  console.log(`\n${label}: ${misses.length} misses`);
  for (const [group, list] of [...byGroup].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\n  ${group} (${list.length})`);
    for (const miss of list) console.log(`    - ${miss.text}\n        ${miss.what}`);
  }
}

for (const part of parts) console.log(summary(part.name, part.score));
console.log(summary("whole", whole));
// The tuning part's misses always; the others' only when asked for (--held-back, --fresh, ...).
for (const part of parts) {
  if (part.name === "tuning" || process.argv.includes(`--${part.name.replace(" ", "-")}`))
    printMisses(part.name, part.score.misses);
}
