// The identifying-details check against its labelled corpus (app/domain/anonymity/corpus): the
// figures it must keep on the whole corpus. `npx tsx tests/bench/detector-corpus.ts` lists the misses.
import { describe, expect, it } from "vitest";

import { ALL_SENTENCES as ALL, CORPUS_PARTS, type CorpusPart, PARTS_IN_ALL, PARTS_NOT_IN_ALL } from "./corpus";
import { cleanRatio, ratio, scoreCorpus, summary } from "./corpus/evaluate";

describe("identifying-details corpus", () => {
  it("has at least 500 sentences, at least 40% of them clean", () => {
    expect(ALL.length).toBeGreaterThanOrEqual(500);
    const clean = ALL.filter((s) => s.details.length === 0 && s.names.length === 0).length;
    expect(clean / ALL.length).toBeGreaterThanOrEqual(0.4);
  });

  it("finds 95% of structured details and 90% of names, and leaves 95% of clean sentences alone", () => {
    const score = scoreCorpus(ALL);
    const part = (name: CorpusPart, label: string = name) => summary(label, scoreCorpus(CORPUS_PARTS[name]));
    const report = [
      ...PARTS_IN_ALL.map((name) => part(name)),
      summary("whole", score),
      // Printed, never held to a threshold: these parts judge how the check does on new writing.
      ...PARTS_NOT_IN_ALL.map((name) => part(name, `${name} (not in whole)`)),
    ].join("\n");
    console.log(report);
    expect(ratio(score.details), report).toBeGreaterThanOrEqual(0.95);
    expect(ratio(score.names), report).toBeGreaterThanOrEqual(0.9);
    expect(cleanRatio(score.clean), report).toBeGreaterThanOrEqual(0.95);
  });
});
