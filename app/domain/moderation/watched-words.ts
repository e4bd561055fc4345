// Watched words: admins list words or phrases that block, hold or flag content, or get replaced.
// "*" is a wildcard for any letters ("scam*" matches "scammer"); matching is whole-word and
// ignores case.

export type WatchedAction = "block" | "hold" | "flag" | "replace";

export interface WatchedWord {
  pattern: string;
  action: WatchedAction;
  replacement: string | null;
}

export interface WatchedResult {
  /** The first blocking word found, if any: the text is refused. */
  blockedBy: string | null;
  /** Held for a moderator whatever the author's trust level. */
  hold: boolean;
  /** Published as usual but reported to the moderators. */
  flag: boolean;
  /** The text after replacements. */
  text: string;
  matched: { pattern: string; action: WatchedAction }[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function compilePattern(pattern: string): RegExp {
  const body = pattern
    .trim()
    .split("*")
    .map((part) => escapeRegExp(part).replace(/\s+/g, "\\s+"))
    .join("[\\p{L}\\p{N}]*");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu");
}

/** Why a pattern cannot be used, or null. */
export function patternProblem(pattern: string): string | null {
  const trimmed = pattern.trim();
  if (!trimmed) return "Enter a word or phrase";
  if (trimmed.length > 100) return "Keep it to 100 characters or fewer";
  if (trimmed.replace(/\*/g, "").trim().length < 2) return "Use at least two letters besides the wildcard";
  return null;
}

export function applyWatchedWords(text: string, words: WatchedWord[]): WatchedResult {
  const result: WatchedResult = { blockedBy: null, hold: false, flag: false, text, matched: [] };
  for (const word of words) {
    const pattern = compilePattern(word.pattern);
    if (!pattern.test(result.text)) continue;
    pattern.lastIndex = 0;
    result.matched.push({ pattern: word.pattern, action: word.action });
    if (word.action === "block") result.blockedBy ??= word.pattern;
    if (word.action === "hold") result.hold = true;
    if (word.action === "flag") result.flag = true;
    if (word.action === "replace") result.text = result.text.replace(pattern, word.replacement ?? "[removed]");
  }
  return result;
}
