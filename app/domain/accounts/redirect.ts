// Where to send someone after they sign in. The value arrives in a link anyone can craft, so only a
// path on this site is kept; anything else, or anything odd, goes to the fallback.
//
// Browsers are more forgiving than a "starts with one slash" check: they drop tabs and newlines
// from a URL, read "\" as "/", and so turn "/\t/evil.example" or "/\evil.example" into
// "//evil.example", another site. So the value is refused outright when it holds a control
// character or a backslash (also once percent-decoded), and what is kept is the path as the URL
// parser itself resolves it against this site, re-serialised: plain ASCII, never a bare header
// breaker, and checked to still be on the same origin.

/** Longer than any address the site makes; a longer one is refused rather than trimmed. */
export const MAX_REDIRECT_LENGTH = 2048;

// Any place used only to resolve the path; the origin check compares against it.
const BASE = "http://redirect-check.invalid";

// C0 controls (tab, CR, LF, NUL…), DEL, C1 controls, and Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Undoes percent-encoding, however many layers; null when the encoding is broken. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  // Still changing after five layers: nobody writes an address like that by accident.
  return null;
}

function looksLocal(value: string): boolean {
  if (CONTROL.test(value) || value.includes("\\")) return false;
  // Exactly one leading slash: "//host" is another site, and so is "/" followed by anything a
  // browser treats as a slash.
  return value.startsWith("/") && !value.startsWith("//");
}

/** A path on this site to redirect to, or the fallback. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_REDIRECT_LENGTH) return fallback;
  if (!looksLocal(value)) return fallback;
  const decoded = fullyDecoded(value);
  if (decoded === null || !looksLocal(decoded)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== BASE) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The serialised path is what goes into the Location header; check it once more as it will be sent.
  return looksLocal(path) && path.length <= MAX_REDIRECT_LENGTH ? path : fallback;
}
