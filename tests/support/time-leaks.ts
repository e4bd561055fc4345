// Finds anything in an output that says when something happened more precisely than the month:
// ISO timestamps, times of day, epoch milliseconds, and the exact days (or epoch seconds) of the
// times given. The only dates allowed are a month written as its first day (at midnight UTC, as
// Atom and RSS require: "2026-11-01T00:00:00Z", "Sun, 01 Nov 2026 00:00:00 GMT"; or "2026-10-01"
// for a quarter). So a post published on the 1st is not caught by its day: the others are.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A month as feeds must write it: its first day at midnight, UTC. Removed before scanning. */
const MONTH_AS_TIMESTAMP = [
  /\b\d{4}-(0[1-9]|1[0-2])-01T00:00:00(\.000)?(Z|\+00:00)/g,
  /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), 01 (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 00:00:00 (GMT|\+0000)/g,
  // The first day of a month or quarter standing for it (outcome figures' quarterStart).
  /\b\d{4}-(0[1-9]|1[0-2])-01(?![\dT])/g,
];

const GENERIC = [
  { kind: "ISO timestamp", pattern: /\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d/g },
  { kind: "time of day", pattern: /(?<![\d.:])([01]\d|2[0-3]):[0-5]\d(?![\d])/g },
  { kind: "time of day", pattern: /\b(1[0-2]|0?[1-9])(:[0-5]\d)?\s?[ap]\.?m\.?(?![a-z])/gi },
  { kind: "epoch milliseconds", pattern: /(?<!\d)1[5-9]\d{11}(?!\d)/g },
];

export interface Leak {
  kind: string;
  found: string;
  context: string;
}

/** Every way a page could write the day (and the exact second) of a moment, in UTC and UK time. */
export function daySpellings(moment: Date): { kind: string; text: string }[] {
  const spellings: { kind: string; text: string }[] = [
    { kind: "epoch seconds", text: String(Math.floor(moment.getTime() / 1000)) },
    { kind: "epoch milliseconds", text: String(moment.getTime()) },
  ];
  for (const timeZone of ["UTC", "Europe/London"]) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
        .formatToParts(moment)
        .map((p) => [p.type, p.value]),
    );
    const { year, month, day } = parts as { year: string; month: string; day: string };
    const name = MONTHS[Number(month) - 1] ?? "";
    const d = String(Number(day));
    spellings.push(
      { kind: "day", text: `${year}-${month}-${day}` },
      { kind: "day", text: `${day}/${month}/${year}` },
      { kind: "day", text: `${d} ${name} ${year}` },
      { kind: "day", text: `${d} ${name.slice(0, 3)} ${year}` },
      { kind: "day", text: `${name} ${d}, ${year}` },
      { kind: "day", text: `${day} ${name.slice(0, 3)} ${year}` },
    );
  }
  return spellings;
}

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 60), index + length + 60).replace(/\s+/g, " ");
}

/**
 * The leaks in a text. `days` are the exact days that must not appear (the moments posts, replies
 * and edits happened); `allowDays` lets day precision through (moderation pages) while still
 * refusing times of day.
 */
export function findTimeLeaks(raw: string, moments: Date[], options: { allowDays?: boolean } = {}): Leak[] {
  let text = raw;
  for (const pattern of MONTH_AS_TIMESTAMP) text = text.replace(pattern, "[month]");
  const leaks: Leak[] = [];
  for (const { kind, pattern } of GENERIC) {
    for (const match of text.matchAll(pattern))
      leaks.push({ kind, found: match[0], context: around(text, match.index, match[0].length) });
  }
  const seen = new Set<string>();
  for (const moment of moments) {
    for (const { kind, text: spelling } of daySpellings(moment)) {
      if ((options.allowDays && kind === "day") || seen.has(spelling)) continue;
      seen.add(spelling);
      let index = text.indexOf(spelling);
      while (index !== -1) {
        // A day inside a longer number is not that day.
        const before = text[index - 1] ?? "";
        const after = text[index + spelling.length] ?? "";
        if (!/\d/.test(before) && !/\d/.test(after))
          leaks.push({ kind, found: spelling, context: around(text, index, spelling.length) });
        index = text.indexOf(spelling, index + 1);
      }
    }
  }
  return leaks;
}

/** Every cursor in a text (query parameters and JSON fields), URL-decoded. */
export function cursorsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.replaceAll("&amp;", "&").matchAll(/[?&]cursor=([^&"'<>\s#]+)/g))
    found.add(decodeURIComponent(match[1] ?? ""));
  for (const match of text.matchAll(/"cursor"\s*:\s*"([^"]+)"/g)) found.add(match[1] ?? "");
  return [...found].filter(Boolean);
}

/** A cursor read every way someone might try: as base64url, base64 and as it is. */
export function cursorReadings(cursor: string): string {
  return [
    cursor,
    Buffer.from(cursor, "base64url").toString("latin1"),
    Buffer.from(cursor, "base64").toString("latin1"),
  ].join("\n");
}
