import { describe, expect, it } from "vitest";

import { applyWatchedWords, compilePattern, patternProblem, type WatchedWord } from "./watched-words";

const words: WatchedWord[] = [
  { pattern: "buy followers", action: "block", replacement: null },
  { pattern: "scam*", action: "hold", replacement: null },
  { pattern: "useless", action: "flag", replacement: null },
  { pattern: "idiot*", action: "replace", replacement: "[unkind word]" },
];

describe("watched words", () => {
  it("match whole words, ignoring case, with * as a wildcard", () => {
    expect(compilePattern("scam*").test("What a SCAMMER")).toBe(true);
    expect(compilePattern("scam*").test("the scampi was fine")).toBe(true);
    expect(compilePattern("cap").test("Mental Capacity Act")).toBe(false);
  });

  it("block, hold, flag and replace as their admin chose", () => {
    expect(applyWatchedWords("Want to buy  followers?", words).blockedBy).toBe("buy followers");
    const held = applyWatchedWords("This feels like a scam.", words);
    expect(held.hold).toBe(true);
    expect(held.blockedBy).toBeNull();
    expect(applyWatchedWords("The panel was useless", words).flag).toBe(true);
    expect(applyWatchedWords("They called him an idiot, idiots all", words).text).toBe(
      "They called him an [unkind word], [unkind word] all",
    );
  });

  it("leave ordinary text alone", () => {
    const result = applyWatchedWords("Our review went well.", words);
    expect(result).toEqual({ blockedBy: null, hold: false, flag: false, text: "Our review went well.", matched: [] });
  });

  it("refuse patterns that would match almost anything", () => {
    expect(patternProblem("*")).toMatch(/two letters/);
    expect(patternProblem("a*")).toMatch(/two letters/);
    expect(patternProblem("")).toBe("Enter a word or phrase");
    expect(patternProblem("scam*")).toBeNull();
  });
});
