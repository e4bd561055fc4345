// npx tsx tests/bench/detector-corpus.ts [--held-back] [--fresh] [--probe] [--unseen] [--recheck] — the identifying-details
// check's figures on its labelled corpus, and the tuning part's misses grouped by kind of
// sentence. The other parts' misses are listed only when asked for, so tuning does
// not lean on them.
import {
  ALL_SENTENCES,
  FRESH_SENTENCES,
  HELD_BACK_SENTENCES,
  PROBE_SENTENCES,
  RECHECK_SENTENCES,
  TUNING_SENTENCES,
  UNSEEN_SENTENCES,
} from "../../app/domain/anonymity/corpus";
import { type Miss, scoreCorpus, summary } from "../../app/domain/anonymity/corpus/evaluate";

const tuning = scoreCorpus(TUNING_SENTENCES);
const heldBack = scoreCorpus(HELD_BACK_SENTENCES);
const fresh = scoreCorpus(FRESH_SENTENCES);
const probe = scoreCorpus(PROBE_SENTENCES);
const unseen = scoreCorpus(UNSEEN_SENTENCES);
const recheck = scoreCorpus(RECHECK_SENTENCES);
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

console.log(summary("tuning", tuning));
console.log(summary("held back", heldBack));
console.log(summary("fresh", fresh));
console.log(summary("probe", probe));
console.log(summary("unseen", unseen));
console.log(summary("recheck", recheck));
console.log(summary("whole", whole));
printMisses("tuning", tuning.misses);
if (process.argv.includes("--held-back")) printMisses("held back", heldBack.misses);
if (process.argv.includes("--fresh")) printMisses("fresh", fresh.misses);
if (process.argv.includes("--probe")) printMisses("probe", probe.misses);
if (process.argv.includes("--unseen")) printMisses("unseen", unseen.misses);
if (process.argv.includes("--recheck")) printMisses("recheck", recheck.misses);
