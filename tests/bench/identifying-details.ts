// npm run bench:detector — how long the identifying-details check takes on a 1,500-word post.
// Prints median and 90th percentile over many runs, beside a floor measured in the same run:
// one pass of a simple regular expression over the same text (the least any scan can cost).
import { performance } from "node:perf_hooks";

import { findIdentifyingDetails } from "../../app/domain/anonymity/identifying-details";
import { buildDemoCommunity, DEMO_SEED } from "../../prisma/seed/demo-community";

const community = buildDemoCommunity({ seed: DEMO_SEED, areaCodes: ["E06000001"], today: new Date("2026-11-22") });
const words = community.posts.flatMap((p) => p.bodyMarkdown.split(/\s+/));
const details =
  " Call Mrs Okafor on 07700 900123 or write to 14 Acacia Avenue, SW1A 1AA. Her NHS number is 943 476 5919 and NI QQ 12 34 56 C. Born 03/04/1961. See facebook.com/some.person or email jo@example.com.";
const realistic = `${words.slice(0, 1_460).join(" ")}${details}`;
const plain = words.slice(0, 1_500).join(" ");

function measure(label: string, text: string, run: (t: string) => unknown, rounds = 300) {
  for (let i = 0; i < 20; i++) run(text); // warm up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { label, words: text.split(/\s+/).length, median: at(0.5), p90: at(0.9), max: at(1) };
}

const floorPattern = /\b\d{5,}\b|@|\b[A-Z][a-z]+\b/g;
const rows = [
  measure("floor: one regex pass", realistic, (t) => t.match(floorPattern)),
  measure("detector, post with details", realistic, findIdentifyingDetails),
  measure("detector, post without details", plain, findIdentifyingDetails),
];
console.log(`Identifying-details check, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
console.log("| case | words | median ms | p90 ms | max ms | median vs floor |");
console.log("| --- | --- | --- | --- | --- | --- |");
const floor = rows[0]?.median ?? 1;
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.words} | ${row.median.toFixed(2)} | ${row.p90.toFixed(2)} | ${row.max.toFixed(2)} | ${(row.median / floor).toFixed(0)}× |`,
  );
}
const found = findIdentifyingDetails(realistic).map((f) => f.kind);
console.log(`Found in the post with details: ${[...new Set(found)].sort().join(", ")}`);
