// Finds what could identify someone in a post before it is submitted (docs/identifying-details.md; the
// anonymity rules in docs/architecture.md). The author sees each finding and can swap it for a placeholder; moderators
// see the same list in the queue. It is a safety net, not a guarantee: it leans towards flagging,
// because a needless highlight costs the author one click and a missed name can cost them a lot.
import nlp from "compromise";
import { findPhoneNumbersInText } from "libphonenumber-js/max";

import { isGivenName, isOrdinaryWord, isSurname, SECTOR_NAMES, WORD_NAMES } from "./name-data";
import WORD_LISTS from "./word-lists.json";

export type FindingKind =
  "email" | "phone" | "postcode" | "nhs_number" | "ni_number" | "address" | "date_of_birth" | "social_profile" | "name";

export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
  /** 0..1: how sure the detector is that this identifies someone. */
  confidence: number;
  placeholder: string;
}

export const PLACEHOLDERS: Record<FindingKind, string> = {
  email: "[email]",
  phone: "[phone number]",
  postcode: "[postcode]",
  nhs_number: "[NHS number]",
  ni_number: "[National Insurance number]",
  address: "[address]",
  date_of_birth: "[date of birth]",
  social_profile: "[social media link]",
  name: "[name]",
};

/** True for a 10-digit NHS number whose last digit is its modulus-11 check digit. */
export function isValidNhsNumber(digits: string): boolean {
  // People write NHS numbers as 3-3-4 groups; the grouping carries no meaning.
  const plain = digits.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(plain)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(plain[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false; // no number is ever issued with this remainder
  return (check === 11 ? 0 : check) === Number(plain[9]);
}

export function findIdentifyingDetails(text: string): Finding[] {
  // Placeholders left by an earlier redaction must not be found again ("[NHS number]" has capitals).
  const masked = text.replace(PLACEHOLDER_PATTERN, (placeholder) => " ".repeat(placeholder.length));
  const others: Finding[] = [
    ...findEmails(masked),
    ...findSocialProfiles(masked),
    ...findPhones(masked),
    ...findNhsNumbers(masked),
    ...findNiNumbers(masked),
    ...findPostcodes(masked),
    ...findAddresses(masked),
    ...findDates(masked),
  ];
  return keepBestOfOverlapping([...others, ...findNames(hideSectorNames(masked), others)]).map((finding) => ({
    ...finding,
    text: text.slice(finding.start, finding.end),
  }));
}

/** Replaces one finding's span with its placeholder. */
export function redactFinding(text: string, finding: Finding): string {
  let start = finding.start;
  // The text may have moved since the finding was made (a form round trip can turn "\n" into
  // "\r\n"); then the nearest copy of the same words is the one the author meant.
  if (text.slice(start, finding.end) !== finding.text) {
    start = nearestOccurrence(text, finding.text, finding.start);
    if (start < 0) return text;
  }
  return `${text.slice(0, start)}${finding.placeholder}${text.slice(start + finding.text.length)}`;
}

/**
 * Replaces every finding, working from the end so earlier offsets stay valid. Findings that
 * overlap (from two different runs, say) become one placeholder over both, so no part of either
 * is left showing; the more confident finding names it.
 */
export function redactAll(text: string, findings: Finding[]): string {
  const merged: Finding[] = [];
  for (const next of [...findings].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (!last || next.start >= last.end) {
      merged.push(next);
      continue;
    }
    const leader = next.confidence > last.confidence ? next : last;
    const end = Math.max(last.end, next.end);
    merged[merged.length - 1] = { ...leader, start: last.start, end, text: text.slice(last.start, end) };
  }
  let redacted = text;
  for (const finding of merged.reverse()) redacted = redactFinding(redacted, finding);
  return redacted;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

const PLACEHOLDER_PATTERN = new RegExp(
  Object.values(PLACEHOLDERS)
    .map((placeholder) => placeholder.replace(/[[\]]/g, "\\$&"))
    .join("|"),
  "g",
);

// Charities, schemes and assistants named like people ("Marie Curie", "Alexa"): for the name
// search their letters become "x", so they read as ordinary lower-case words of the same length.
const SECTOR_NAME = new RegExp(`(?<![\\w'’-])(?:${SECTOR_NAMES.join("|")})(?![\\w'’-])`, "g");

// The same names typed in lower case ("alexa tells him", "sue ryder took over"), for the rule
// that finds names typed in lower case; only looked for when that rule has a candidate.
const SECTOR_NAME_ANY_CASE = new RegExp(SECTOR_NAME.source, "gi");

function hideSectorNames(text: string): string {
  return text.replace(SECTOR_NAME, (name) => name.replace(/[^\s'’]/g, "x"));
}

function finding(kind: FindingKind, text: string, start: number, end: number, confidence: number): Finding {
  return { kind, start, end, text: text.slice(start, end), confidence, placeholder: PLACEHOLDERS[kind] };
}

function nearestOccurrence(text: string, needle: string, near: number): number {
  if (!needle) return -1;
  let best = -1;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/**
 * When one span holds another, the outer one wins, so nothing of it is left showing (an email
 * and the name inside it, a social link and its @handle). Otherwise the more confident one wins,
 * then the longer: "0161 496 0123" found by both phone rules is one finding.
 */
function keepBestOfOverlapping(candidates: Finding[]): Finding[] {
  const valid = candidates.filter((c) => c.end > c.start);
  const outermost = valid.filter(
    (c) =>
      !valid.some(
        (o) =>
          o !== c &&
          o.start <= c.start &&
          c.end <= o.end &&
          (o.end - o.start > c.end - c.start || o.confidence > c.confidence),
      ),
  );
  const ranked = outermost.sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const candidate of ranked) {
    if (kept.some((k) => candidate.start < k.end && k.start < candidate.end)) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function trimTrailingPunctuation(value: string): string {
  return value.replace(/[.,;:!?'"’)\]]+$/, "");
}

// ---------------------------------------------------------------------------------------------
// Emails and social profiles

const EMAIL =
  /(?<![\w.+%-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;

// Addresses written to get past filters: "jo at example dot com", "jo (at) example [dot] co [dot] uk".
const OBF_AT = String.raw`(?: ?[([{<] ?at ?[)\]}>] ?| (?:at|AT) |@)`;
const OBF_DOT = String.raw`(?: ?[([{<] ?dot ?[)\]}>] ?| (?:dot|DOT) |\.)`;
const OBF_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9_%+-]*[A-Za-z0-9])?";
// Country endings too: members write from Polish, Romanian, Indian or Nigerian providers.
const OBF_TLD =
  "(?:com|org|net|uk|ie|wales|cymru|scot|io|me|info|biz|eu|pl|ro|de|fr|es|it|pt|nl|lt|lv|bg|hu|cz|sk|in|pk|bd|lk|ng|gh|ke|za|zw|so|tr|au|nz|ca|us)";
// Found from the "at" forwards (cheap: few places in a post have one), then the local part backwards.
const OBFUSCATED_DOMAIN = new RegExp(
  `(?<at>${OBF_AT})(?<domain>${OBF_LABEL}(?:${OBF_DOT}${OBF_LABEL})*${OBF_DOT}${OBF_TLD})(?![\\w-]|\\.\\w)`,
  "g",
);
const OBFUSCATED_LOCAL = new RegExp(`(?<![\\w.@-])${OBF_LABEL}(?:${OBF_DOT}${OBF_LABEL})*$`);
// "jsmith at gmail": a big mail provider named without its ending is still an address.
const PROVIDER_ONLY =
  /(?: ?[([{<] ?at ?[)\]}>] ?| (?:at|AT) )(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|btinternet|aol|protonmail)(?![\w@-]|\.\w)/g;
const PROVIDER_LOCAL = /(?<![\w.@-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9])?$/;
const MAYBE_OBFUSCATED = /\b(?:dot|DOT)\b|[([{<] ?at ?[)\]}>]|\b(?:at|AT) [\w-]+\.[A-Za-z]/;
const MAIL_PROVIDERS =
  /^(?:gmail|googlemail|hotmail|outlook|live|yahoo|ymail|icloud|me|aol|btinternet|btopenworld|sky|virginmedia|talktalk|protonmail|proton|mail|example)\b/i;

function findEmails(text: string): Finding[] {
  const found = [...text.matchAll(EMAIL)].map((m) => finding("email", text, m.index, m.index + m[0].length, 0.99));
  // Most posts have no disguised address; one quick look decides whether to search for them.
  for (const m of MAYBE_OBFUSCATED.test(text) ? text.matchAll(OBFUSCATED_DOMAIN) : []) {
    const { at = "", domain = "" } = m.groups ?? {};
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const local = OBFUSCATED_LOCAL.exec(before)?.[0];
    if (!local) continue;
    const start = m.index - local.length;
    if (at === "@" && !/ |[([{<]/.test(domain)) continue; // a plain address, found above
    // "at" is an everyday word: besides it, ask for a sign that this is an address: the "at" or
    // a "dot" disguised, a known mail provider, or a local part no sentence would have.
    const disguised = /[([{<]|AT/.test(at) || /\b(?:dot|DOT)\b|[([{<]/.test(`${local} ${domain}`);
    const addressLike = /[._\d+]/.test(local) || MAIL_PROVIDERS.test(domain);
    if (!disguised && !addressLike) continue;
    if (!disguised && !/\./.test(domain)) continue;
    found.push(finding("email", text, start, m.index + m[0].length, disguised ? 0.9 : 0.8));
  }
  for (const m of text.matchAll(PROVIDER_ONLY)) {
    const local = PROVIDER_LOCAL.exec(text.slice(Math.max(0, m.index - 64), m.index))?.[0];
    if (!local) continue;
    const start = m.index - local.length;
    // "I was at Outlook" is not an address; "jsmith at gmail" or "jo.b at hotmail" is.
    if (
      !/[._\d]/.test(local) &&
      !/\b(?:email|e-mail|mail|me|contact|reach)\b[^.!?]{0,30}$/i.test(text.slice(Math.max(0, start - 40), start))
    )
      continue;
    found.push(finding("email", text, start, m.index + m[0].length, 0.75));
  }
  return found;
}

const SOCIAL_SITES = [
  "facebook\\.com",
  "fb\\.com",
  "instagram\\.com",
  "x\\.com",
  "twitter\\.com",
  "tiktok\\.com",
  "linkedin\\.com",
  "youtube\\.com",
  "threads\\.net",
  "bsky\\.app",
  "snapchat\\.com",
  "reddit\\.com",
];
const SOCIAL_URL = new RegExp(
  `(?<![\\w@.-])(?:https?://)?(?:(?:www|m|mobile|uk|en-gb)\\.)?(?:${SOCIAL_SITES.join("|")})/[^\\s<>()\\[\\]"'\`]+`,
  "gi",
);
// Links to groups, hashtags or searches point at many people, not one, but still narrow things down.
const NON_PROFILE_PATH = /^[^/]+\/(?:groups|pages|events|hashtag|search|help|watch|explore|policies)\b/i;
// "@ the day centre" is shorthand for "at"; a handle starts straight after the @.
const HANDLE = /(?<![\w@./])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])/g;
const NOT_HANDLES = new Set(["here", "everyone", "all", "channel", "mods", "moderators", "admin", "admins"]);

// Blogs and personal sites: any site on a blogging platform, or a domain of one's own.
const BLOG_PLATFORMS =
  "wordpress\\.com|blogspot\\.(?:com|co\\.uk)|substack\\.com|tumblr\\.com|wixsite\\.com|weebly\\.com|medium\\.com|ghost\\.io|squarespace\\.com";
const BLOG_URL = new RegExp(
  `(?<![\\w@.-])(?:https?://)?(?:www\\.)?(?<host>[a-z0-9-]{3,40})\\.(?:(?<platform>${BLOG_PLATFORMS})|co\\.uk|me\\.uk|org\\.uk|com|net|blog|me|uk|wales|scot|ie)(?:/[^\\s<>()\\[\\]"'\`]*)?(?![\\w@-])`,
  "gi",
);
const HAS_WEB_ENDING = /\.(?:com|co\.uk|me\.uk|org\.uk|net|blog|me|uk|wales|scot|ie)\b/i;
const SECTOR_HOSTS = new Set(SECTOR_NAMES.map((name) => name.toLowerCase().replace(/[^a-z0-9]/g, "")));

/** True when a host name begins with a given name and goes on ("grahamfosterwrites"). */
function startsWithGivenName(host: string): boolean {
  const plain = host.replace(/-/g, "");
  if (SECTOR_HOSTS.has(plain) || [...SECTOR_HOSTS].some((sector) => sector.length > 4 && plain.startsWith(sector)))
    return false;
  for (let length = Math.min(10, plain.length - 3); length >= 4; length -= 1) {
    const prefix = plain.slice(0, length);
    if (isGivenName(prefix) && !WORD_NAMES.has(prefix)) return true;
  }
  return false;
}

function findSocialProfiles(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(SOCIAL_URL)) {
    const url = trimTrailingPunctuation(m[0]);
    const path = url.replace(/^(?:https?:\/\/)?/i, "");
    if (!/\/[\w@.-]/.test(path)) continue;
    found.push(
      finding("social_profile", text, m.index, m.index + url.length, NON_PROFILE_PATH.test(path) ? 0.6 : 0.95),
    );
  }
  // Most posts hold no web address at all; the blog pattern is the costlier scan.
  for (const m of HAS_WEB_ENDING.test(text) ? text.matchAll(BLOG_URL) : []) {
    const url = trimTrailingPunctuation(m[0]);
    const host = (m.groups?.host ?? "").toLowerCase();
    const onPlatform = m.groups?.platform !== undefined;
    // A site of one's own is found when its name starts with a given name ("lucyhendersoncares").
    if (!onPlatform && !startsWithGivenName(host)) continue;
    found.push(finding("social_profile", text, m.index, m.index + url.length, onPlatform ? 0.8 : 0.7));
  }
  for (const m of text.matchAll(HANDLE)) {
    const handle = m[1] ?? "";
    if (!/[A-Za-z]/.test(handle) || NOT_HANDLES.has(handle.toLowerCase())) continue;
    found.push(finding("social_profile", text, m.index, m.index + m[0].length, 0.75));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

// Digit groups after a UK prefix; which groups belong to the number is decided by counting digits.
const UK_PHONE_CANDIDATE = /(?<![\w+£$€.,/:-])(?:(?:\+|00) ?44 ?(?:\(0\) ?)?|\(0|0)\d+(?:\)?[ -]?\d+|\.\d{3,}){0,4}/g;

// Digits with the separators people put in phone numbers, plus a leading "+" or "(".
const DIGIT_RUN = /[+(]*\d[\d ()./-]*\d/g;

function findPhones(text: string): Finding[] {
  const found: Finding[] = [];
  // Valid numbers by the library's metadata. Numbers without a "+" or a leading 0 are left out:
  // with GB as the default country, any 10-digit reference would otherwise count as a phone.
  // The library scans every character; giving it only the stretches with enough digits to be a
  // phone number keeps a long post fast.
  for (const region of text.matchAll(DIGIT_RUN)) {
    // Only stretches the results could come from: a "+", a "(" or a group starting with 0. A
    // stretch longer than two numbers side by side is a table of figures, left to the UK rule.
    const digits = region[0].replace(/\D/g, "").length;
    if (digits < 7 || region[0].length > 48 || !/[+(]|(?:^|\D)0/.test(region[0])) continue;
    for (const match of findPhoneNumbersInText(region[0], "GB")) {
      const start = region.index + match.startsAt;
      const end = region.index + match.endsAt;
      if (!/^(?:\+|\(?0)/.test(text.slice(start, end))) continue;
      found.push(finding("phone", text, start, end, 0.95));
    }
  }
  // The library rejects ranges Ofcom keeps for drama (07700 900xxx, 0161 496 0xxx), which are
  // exactly the numbers people use as examples; UK formats are simple enough to check by shape.
  for (const m of text.matchAll(UK_PHONE_CANDIDATE)) {
    const span = longestUkNumber(m[0]);
    if (span !== null) found.push(finding("phone", text, m.index, m.index + span, 0.85));
  }
  return found;
}

/** Length of the longest prefix of the candidate that is a well-formed UK number, or null. */
function longestUkNumber(candidate: string): number | null {
  const groups = [...candidate.matchAll(/\d+/g)];
  for (let count = groups.length; count >= 1; count -= 1) {
    const last = groups[count - 1];
    if (!last) continue;
    const end = last.index + last[0].length;
    const digits = candidate.slice(0, end).replace(/\D/g, "");
    const national = digits.startsWith("0044")
      ? digits.slice(4)
      : digits.startsWith("44") && /^\s*(?:\+|00)/.test(candidate)
        ? digits.slice(2)
        : digits;
    // A "(0)" after +44 is the trunk prefix written out; it is not part of the number.
    const significant = national.replace(/^0/, "");
    if (isUkSignificantNumber(significant)) return end;
  }
  return null;
}

function isUkSignificantNumber(digits: string): boolean {
  // 10 digits for almost every UK number; a few old rural exchanges (01xxx) have 9.
  if (digits.length === 10) return /^(?:1|2|3|5[56]|7[1-9]|8[0347]|9)/.test(digits);
  return digits.length === 9 && digits.startsWith("1");
}

// ---------------------------------------------------------------------------------------------
// NHS and National Insurance numbers

const NHS_CANDIDATE = /(?<![\w.,/-])\d{3}([ -]?)\d{3}\1\d{4}(?![\w/-]|[.,]\d)/g;
const NHS_CONTEXT = /\b(?:NHS|CHI|patient|hospital)\b/i;

function findNhsNumbers(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(NHS_CANDIDATE)) {
    if (!isValidNhsNumber(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    // With "NHS" nearby there is no doubt; a bare grouped number that passes the check is still
    // most likely one (a random number passes only 1 time in 11).
    const confidence = NHS_CONTEXT.test(before) ? 0.98 : m[1] ? 0.9 : 0.75;
    found.push(finding("nhs_number", text, m.index, m.index + m[0].length, confidence));
  }
  return found;
}

// HMRC: the first letter is never D, F, I, Q, U or V and the second never D, F, I, O, Q, U or V;
// some pairs are never issued. "QQ" is HMRC's own specimen prefix, used on forms and in guidance,
// so someone pasting it has pasted something in the shape of a real number: find it too.
const NI_CANDIDATE = /(?<![\w])([A-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])?(?![\w])/gi;
const NI_NEVER_ISSUED = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);
const NI_CONTEXT = /\b(?:national insurance|NI\b|NINO)/i;

function isNiPrefix(prefix: string): boolean {
  const upper = prefix.toUpperCase();
  if (upper === "QQ") return true;
  return /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/.test(upper) && !NI_NEVER_ISSUED.has(upper);
}

function findNiNumbers(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(NI_CANDIDATE)) {
    if (!isNiPrefix(m[1] ?? "")) continue;
    const hasSuffix = m[5] !== undefined;
    // People often leave the suffix letter off; then only say so when the words are nearby.
    if (!hasSuffix && !NI_CONTEXT.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    const value = m[0].trimEnd();
    found.push(finding("ni_number", text, m.index, m.index + value.length, hasSuffix ? 0.95 : 0.8));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Postcodes and street addresses

// A full postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A) and inward code (9AA, without
// the letters C, I, K, M, O and V). A district alone ("M1") covers thousands of homes.
const POSTCODE = /(?<![\w])((?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?(\d[ABD-HJLNP-UW-Z]{2}))(?![\w])/gi;
const ORDINAL = /^(?:1st|2nd|3rd|\dth)$/i;

function findPostcodes(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    const value = m[1] ?? "";
    const inward = m[2] ?? "";
    const upper = value === value.toUpperCase();
    // "y12 2nd" reads as a year group and an ordinal; written postcodes are nearly always capitals.
    if (!upper && ORDINAL.test(inward)) continue;
    found.push(finding("postcode", text, m.index, m.index + value.length, upper ? 0.95 : 0.8));
  }
  // An outward code alone ("we live in LS6", "the NG7 area") narrows a home down to a few
  // thousand; it counts when the words around it say it is where someone lives, and only for
  // the postcode areas that exist (so not "Y12" or "A1").
  let lastOutwardEnd = -1;
  for (const m of text.matchAll(OUTWARD_CODE)) {
    const end = m.index + m[0].length;
    if (found.some((f) => f.start <= m.index && end <= f.end)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(end, end + 30);
    if (NOT_OUTWARD_AFTER.test(after) || /(?:vitamin|low in|deficient in|lacking in)\s*$/i.test(before)) continue;
    // "covering M14 and M16": a code listed straight after one already found is as much a home.
    const listed = lastOutwardEnd >= 0 && /^\s*(?:,|\/|&|and|or)\s*$/.test(text.slice(lastOutwardEnd, m.index));
    if (!listed && !OUTWARD_BEFORE.test(before) && !OUTWARD_AFTER.test(after)) continue;
    // S1 to S6 are also Scottish school years ("she's in S4"): those need words about a home.
    if (
      /^S[1-6]$/.test(m[0]) &&
      !OUTWARD_AFTER.test(after) &&
      !/\b(?:live[sd]?|living|based|moved|postcode)\b[^.!?]*$/i.test(before)
    )
      continue;
    found.push(finding("postcode", text, m.index, end, 0.7));
    lastOutwardEnd = end;
  }
  return found;
}

const POSTCODE_AREAS =
  "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY " +
  "HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL " +
  "PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE";
const OUTWARD_CODE = new RegExp(
  `(?<![\\w£$€/.-])(?:${POSTCODE_AREAS.split(" ").join("|")})(?:\\d{1,2}|\\d[A-Z])(?![\\w/-]|[.,]\\d)`,
  "g",
);
const OUTWARD_BEFORE =
  /\b(?:in|near|around|covering|covers|cover|from|postcode(?: area| district)?(?: is| of)?|starts(?: with)?|begins(?: with)?|start with|begin with)\s+$/i;
const OUTWARD_AFTER = /^\s+(?:area|district|postcode|patch)\b/i;
const NOT_OUTWARD_AFTER = /^\s*(?:injections?|jabs?|deficien|levels?|vitamins?|tablets?|motorway|junction|road)\b/i;

const STREET_WORDS = [
  "Road",
  "Rd",
  "Street",
  "St",
  "Avenue",
  "Ave",
  "Lane",
  "Ln",
  "Close",
  "Drive",
  "Dr",
  "Way",
  "Crescent",
  "Cres",
  "Court",
  "Ct",
  "Place",
  "Pl",
  "Gardens",
  "Gdns",
  "Terrace",
  "Tce",
  "Grove",
  "Hill",
  "Walk",
  "Mews",
  "Row",
  "Square",
  "Sq",
  "Park",
  "Rise",
  "Parade",
  "Green",
  "Vale",
  "Croft",
  "Fold",
  "Chase",
  "Meadows",
  "Wharf",
  "Quay",
  "Boulevard",
  "Parkway",
  "Wynd",
  "Brae",
  "Loan",
  "Vennel",
  "Gait",
  "Gate",
  "Bank",
  "View",
  "Heights",
  "Mount",
  "Villas",
  "Cottages",
];
// Welsh streets put the street word first: "Heol y Nant", "Ffordd Las", "Lôn Glan Môr".
const STREET_WORD_SET = new Set(STREET_WORDS);
const WELSH_STREET_WORDS =
  "Heol|Ffordd|Lôn|Lon|Stryd|Rhodfa|Cilgant|Clos|Llys|Teras|Maes|Bryn|Parc|Cae|Coed|Plas|Bro|Penrhyn|Ystad";
// Words that make a capitalised phrase the name of a house ("Rose Cottage", "The Old Forge").
const HOUSE_WORDS =
  "Cottage|House|Farm|Farmhouse|Barn|Lodge|Villa|Bungalow|Forge|Mill|Manor|Grange|Hall|Croft|Nook|Haven|Rest|Retreat|Barns|Stables|Orchard|Tŷ|Ty|Bryn|Maes|Hafod|Plas|Llys|Bod|Cartref|Awel|Gwyn|Teg";
// A street word may be typed in lower case; the name before it is capitalised, which is what
// keeps "2 nights in the park" from looking like an address.
const STREET_WORD = STREET_WORDS.map(
  (word) => `[${word[0] ?? ""}${(word[0] ?? "").toLowerCase()}]${word.slice(1)}`,
).join("|");
const NAME_WORD =
  "(?:St\\.?|[A-ZÀ-ÖØ-ÞĀ-žȘ-ț][a-zß-öø-ÿĀ-žȘ-ț'’]+(?:-[A-Za-zÀ-ÖØ-Þß-öø-ÿĀ-žȘ-ț][a-zß-öø-ÿĀ-žȘ-ț'’]*){0,3})";
const WELSH_LINK = "(?:y|yr|'r|’r) ";
const ADDRESS = new RegExp(
  `(?<![\\w£$€.,/-])(?<flat>(?:[Ff]lat|[Aa]partment|[Aa]pt|[Uu]nit|[Rr]oom)\\.? ?\\d{1,4}[A-Za-z]?,? )?` +
    `(?<number>\\d{1,4})[A-Za-z]?,? (?:${NAME_WORD} (?:${WELSH_LINK})?){1,3}(?:${STREET_WORD})\\b`,
  "g",
);

const WELSH_STREET = `(?:${WELSH_STREET_WORDS})(?: ${WELSH_LINK.slice(0, -1)})?(?: ${NAME_WORD}){1,3}`;
const WELSH_ADDRESS = new RegExp(
  `(?<![\\w£$€.,/-])(?<flat>(?:[Ff]lat|[Aa]partment|[Aa]pt|[Uu]nit)\\.? ?\\d{1,4}[A-Za-z]?,? )?(?<number>\\d{1,4})[A-Za-z]?,? ${WELSH_STREET}(?![\\w'’-])`,
  "g",
);
// Without a number, only the unmistakable Welsh street words ("on Heol Penrhiw").
const WELSH_STREET_ALONE = new RegExp(
  `\\b(?:Heol|Ffordd|Lôn|Stryd|Rhodfa|Cilgant)(?: ${WELSH_LINK.slice(0, -1)})? ${NAME_WORD}(?![\\w'’-])`,
  "g",
);
// "Rose Cottage, Church Lane", "Bryn Awel, Ffordd y Parc": a house name, then its street.
const NAMED_HOUSE = new RegExp(
  `(?<![\\w-])(?:The )?(?:${NAME_WORD} ){0,2}(?:${HOUSE_WORDS})(?: ${NAME_WORD})?, (?:(?:${NAME_WORD} ){1,3}(?:${STREET_WORD})\\b|${WELSH_STREET}(?![\\w'’-]))`,
  "g",
);

function findAddresses(text: string): Finding[] {
  const found = [...text.matchAll(ADDRESS), ...text.matchAll(WELSH_ADDRESS)].map((m) => {
    const number = Number(m.groups?.number);
    // "In 2019 Park Lane…" is more likely a year than a house number; a flat number is sure.
    const confidence = m.groups?.flat ? 0.9 : number >= 1900 && number <= 2099 ? 0.55 : 0.85;
    return finding("address", text, m.index, m.index + m[0].length, confidence);
  });
  for (const m of text.matchAll(NAMED_HOUSE)) found.push(finding("address", text, m.index, m.index + m[0].length, 0.8));
  for (const m of text.matchAll(WELSH_STREET_ALONE))
    found.push(finding("address", text, m.index, m.index + m[0].length, 0.7));
  return found;
}

// ---------------------------------------------------------------------------------------------
// Dates of birth

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH =
  "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
const ORDINAL_SUFFIX = "(?:st|nd|rd|th)?";

// Each pattern captures day, month and year by name, so one routine can check them all.
const FULL_DATES: RegExp[] = [
  /(?<![\w/.-])(?<day>\d{1,2})(?<sep>[/.-])(?<month>\d{1,2})\k<sep>(?<year>(?:19|20)\d{2}|\d{2})(?![\w/-]|\.\d)/g,
  /(?<![\w/.-])(?<year>(?:19|20)\d{2})-(?<month>\d{1,2})-(?<day>\d{1,2})(?![\w/-])/g,
  new RegExp(
    `\\b(?:the )?(?<day>\\d{1,2})${ORDINAL_SUFFIX}(?: of)? (?<month>${MONTH})\\.?,? (?<year>(?:19|20)\\d{2})\\b`,
    "gi",
  ),
  new RegExp(
    `\\b(?<month>${MONTH})\\.? (?:the )?(?<day>\\d{1,2})${ORDINAL_SUFFIX},? (?<year>(?:19|20)\\d{2})\\b`,
    "gi",
  ),
  // "17-Jan-1947", "03.Feb.61"
  new RegExp(
    `(?<![\\w/.-])(?<day>\\d{1,2})(?<sep>[-/.])(?<month>${MONTH})\\k<sep>(?<year>(?:19|20)\\d{2}|\\d{2})(?![\\w/-])`,
    "gi",
  ),
  // "5th Mar '52"
  new RegExp(`\\b(?<day>\\d{1,2})${ORDINAL_SUFFIX}(?: of)? (?<month>${MONTH})\\.?,? ['’](?<year>\\d{2})\\b`, "gi"),
];
// Days people are born on that have names of their own; only with words about birth nearby.
const NAMED_DAY =
  /\b(?:Christmas (?:Day|Eve)|Boxing Day|New Year['’]s (?:Day|Eve)|Valentine['’]s Day|Bonfire Night|Hogmanay|Halloween|St\.? (?:David|Patrick|Andrew|George)['’]s Day)(?:,? (?:in |of )?(?:19|20)\d{2})?/g;
// Without a year a date says little, unless the words around it say it is a birthday.
const PARTIAL_DATES: RegExp[] = [
  new RegExp(`\\b(?:the )?(?<day>\\d{1,2})${ORDINAL_SUFFIX}(?: of)? (?<month>${MONTH})\\b`, "gi"),
  new RegExp(`\\b(?<month>${MONTH}) (?:the )?(?<day>\\d{1,2})${ORDINAL_SUFFIX}\\b(?![/.:]\\d)`, "gi"),
  new RegExp(`\\b(?<month>${MONTH}) (?<year>(?:19|20)\\d{2})\\b`, "gi"),
];
const BIRTH_WORDS =
  /\b(?:born|birth|birthday|d\.?o\.?b\b\.?|b\.|turns? \d{1,3}|(?:be|is|was) \d{1,3}(?= on\b)|\d{1,3}(?:st|nd|rd|th) birthday)/i;
// A full date with these nearby is when something happened to the care, not when someone was born.
const EVENT_WORDS =
  /\b(?:start(?:s|ed|ing)?|began|begin|from|since|until|till|review(?:ed)?|due|dated|meeting|meets|panel|hearing|tribunal|moved|discharged|admitted|appeal|lodged|deadline|appointment|assessment|invoice|paid|payments?|died|passed|funeral|diagnosed|stopped|cut|letter|applies|effective|booked|closed|opened|ends?|ended|married|wedding|anniversary|retired|joined|emigrated|arrived|happened|accident|operation|surgery|fell|fall|stroke|visit|visited|reviewed|issued|received|sent|signed|award(?:ed)?|decision|decided|inspection)\b/i;
// Without birth words, a date this recent is nearly always an event (a review, a start date).
const LATEST_UNCUED_BIRTH_YEAR = 1999;

function isRealDate(day: number | null, month: number, year: number | null): boolean {
  if (month < 1 || month > 12) return false;
  if (day !== null && (day < 1 || day > 31)) return false;
  return year === null || year >= 1900 || year < 100;
}

function monthNumber(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : (MONTHS[value.toLowerCase()] ?? 0);
}

/** The text around a span within its sentence: up to `reach` characters before and `reachAfter` after. */
function sentenceParts(text: string, start: number, end: number, reach: number, reachAfter = reach) {
  const before =
    text
      .slice(Math.max(0, start - reach), start)
      .split(/[.!?]\s+(?=[A-Z])|\n/)
      .pop() ?? "";
  const after = text.slice(end, end + reachAfter).split(/[.!?](?:\s|$)|\n/)[0] ?? "";
  return { before, after };
}

/** True when birth words sit just before the date, or just after it, within the same sentence. */
function hasBirthContext(text: string, start: number, end: number): boolean {
  // "D.O.B. 21/7/58": a full stop before a number does not end the sentence.
  const { before, after } = sentenceParts(text, start, end, 40, 30);
  return BIRTH_WORDS.test(before) || BIRTH_WORDS.test(after);
}

/** The sentence holding a span, roughly: up to 80 characters either side, cut at sentence ends. */
function sentenceAround(text: string, start: number, end: number): string {
  const { before, after } = sentenceParts(text, start, end, 80);
  return `${before} ${after}`;
}

function findDates(text: string): Finding[] {
  const found: Finding[] = [];
  const taken: [number, number][] = [];
  for (const pattern of FULL_DATES) {
    for (const m of text.matchAll(pattern)) {
      const groups = m.groups ?? {};
      let day = Number(groups.day);
      let month = monthNumber(groups.month ?? "");
      // 04/23/1961 is American; the date is no less a date for that.
      if (month > 12 && day <= 12) [day, month] = [month, day];
      if (!isRealDate(day, month, Number(groups.year))) continue;
      const end = m.index + m[0].length;
      if (taken.some(([s, e]) => m.index < e && s < end)) continue;
      taken.push([m.index, end]);
      if (hasBirthContext(text, m.index, end)) {
        found.push(finding("date_of_birth", text, m.index, end, 0.9));
        continue;
      }
      // A bare full date may still be a birth date ("Mum (12/03/1938) lives alone"), but not
      // a recent one, nor one the sentence says is a start, a review or a move.
      const year = Number(groups.year);
      const fullYear = year < 100 ? 1900 + year : year;
      if (fullYear > LATEST_UNCUED_BIRTH_YEAR || EVENT_WORDS.test(sentenceAround(text, m.index, end))) continue;
      found.push(finding("date_of_birth", text, m.index, end, 0.5));
    }
  }
  for (const m of text.matchAll(NAMED_DAY)) {
    const end = m.index + m[0].length;
    if (!hasBirthContext(text, m.index, end)) continue;
    taken.push([m.index, end]);
    found.push(finding("date_of_birth", text, m.index, end, 0.8));
  }
  for (const pattern of PARTIAL_DATES) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (taken.some(([s, e]) => m.index < e && s < end)) continue;
      const groups = m.groups ?? {};
      const day = groups.day === undefined ? null : Number(groups.day);
      // "may" is mostly the verb; only take it as a month beside a number.
      if (!isRealDate(day, monthNumber(groups.month ?? ""), null)) continue;
      if (!hasBirthContext(text, m.index, end)) continue;
      found.push(finding("date_of_birth", text, m.index, end, 0.7));
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// People's names

// Words that are capitalised in social care writing without being anyone's name: the law, the
// benefits, the services, the calendar, family words. Lower case; checked word by word.
const NOT_NAMES = new Set(WORD_LISTS.notNames);

// Towns and councils that are also surnames or first names; in a forum about councils the place
// is far the likelier reading, unless a title or a family word says otherwise.
const PLACES_THAT_ARE_NAMES = new Set(WORD_LISTS.placesThatAreNames);

// Words of UK council names (England, Wales, Scotland, Northern Ireland), for telling places from people.
const COUNCIL_WORDS = new Set(WORD_LISTS.councilWords);

const HONORIFICS =
  "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Nurse|Sister|Matron|Cllr|Councillor|Rev|Revd|Reverend|Father";
const FAMILY_TITLES = "Auntie|Aunty|Aunt|Uncle|Nan|Nana|Nanna|Nanny|Grandma|Grandad|Grandpa|Granny|Gran|Cousin";
// Letters as names are written in the UK and Ireland: "Siân", "Mairéad", "Llŷr".
const UPPER = "A-ZÀ-ÖØ-ÞĀ-žȘ-ț";
const LOWER = "a-zß-öø-ÿĀ-žȘ-ț";
const CAPITALISED = `(?:Ní|Nic|Ó|Ua|Mac|Mc) [${UPPER}][${LOWER}]+|[${UPPER}][${LOWER}'’]*[${LOWER}](?:-[${UPPER}]?[${LOWER}'’]+)?|O['’][${UPPER}][${LOWER}]+(?:-[${UPPER}][${LOWER}]+)?|Mc[${UPPER}][${LOWER}]+|Mac[${UPPER}][${LOWER}]+`;
const TITLED_NAME = new RegExp(
  `\\b(${HONORIFICS}|${FAMILY_TITLES})\\.? ((?:${CAPITALISED})(?: (?:${CAPITALISED})){0,2})`,
  "g",
);

// Who someone is to the writer, followed by their name: "my son Tom", "our PA Jade".
const RELATIONS =
  "son|daughter|husband|wife|partner|brother|sister|mum|mom|mam|mother|dad|father|grandson|granddaughter|" +
  "grandmother|grandfather|nan|gran|grandma|grandad|uncle|aunt|auntie|niece|nephew|cousin|friend|neighbour|" +
  "boyfriend|girlfriend|fianc[eé]e?|stepson|stepdaughter|stepdad|stepmum|twin|carer|PA|support worker|" +
  "key worker|keyworker|social worker|care worker|care coordinator|nurse|OT|GP|consultant|advocate|manager|" +
  "broker|planner|support planner|lodger|landlord|landlady|boss|colleague|therapist|psychiatrist|physio|" +
  "teacher|deputy|befriender|sitter|cleaner|keyworker|key worker|district nurse|interpreter|driver|sister-in-law|" +
  "brother-in-law|daughter-in-law|son-in-law|mother-in-law|father-in-law|husband's|wife's|mam|taid|nain|grandchild";
// "My Mum Alice": family words are often capitalised too.
const RELATIONS_ANY_CASE = RELATIONS.replace(
  /(^|\|)([a-z])/g,
  (_, bar: string, letter: string) => `${bar}[${letter}${letter.toUpperCase()}]`,
);
const RELATION_NAME = new RegExp(
  `\\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Tt]he|[Aa]n?|(?:[Mm]um|[Dd]ad|[Mm]am|[Nn]an|[Gg]ran)['’]s)(?: [a-z'’-]+){0,2}? (?:${RELATIONS_ANY_CASE})s?,? ((?:${CAPITALISED})(?: (?:${CAPITALISED}))?)`,
  "g",
);
// "Grace, his support worker" and "Michael at the day centre" name someone by their role.
const NAME_THEN_ROLE = new RegExp(
  `((?:${CAPITALISED})(?: (?:${CAPITALISED}))?), (?:my|our|his|her|their|the) (?:[a-z]+ ){0,2}(?:${RELATIONS})\\b`,
  "g",
);
// "my son tunde": a name typed in lower case, after a family word or a role.
const RELATION_LOWER = new RegExp(
  `\\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)(?: [a-z'’-]+){0,2}? (?:${RELATIONS_ANY_CASE}),? ([${LOWER}][${LOWER}'’-]+)\\b`,
  "g",
);
const LOWER_WORD = /(?<![\w'’@./-])([a-zß-öø-ÿĀ-žȘ-ț]+)(?![\w@]|\.\w)/g;
const LOWER_NAME_NEXT =
  /^,? (?:is|was|has|had|does|did|gets|got|goes|went|can|can['’]t|will|won['’]t|loves|lives|needs|starts|started|turned|turns|said|says|moved|uses|doesn['’]t|isn['’]t|wasn['’]t)\b/;
// Praise and thanks name the person thanked: "shout out to Adwoa", "huge credit to Chipo".
const PRAISE_NAME = new RegExp(
  `\\b(?:[Ss]hout[- ]?outs? (?:to )?|[Tt]hanks?(?: you)?(?: so much| very much| again)?,? (?:to )?|[Ss]pecial (?:mention|thanks) (?:to )?|[Cc]redit (?:to )?|[Kk]udos (?:to )?|[Hh]ats off (?:to )?|[Gg]rateful (?:to )?|[Bb]ig up (?:to )?|[Mm]ention (?:to )?)((?:${CAPITALISED}))(?![\\w'’-])`,
  "g",
);
const GREETING_NAME = new RegExp(
  `\\b(?:Hi|Hello|Hey|Dear|Thanks|Thank you|Cheers|Ask|Tell)(?: to)?,? ((?:${CAPITALISED}))\\b(?!['’]s)`,
  "g",
);
// "a PA called Shireen", "ask for Ngozi". One word only: organisations ("an agency called
// Bluebird Care") usually run to two or more capitalised words.
// The verb may start a sentence too: "Spoke to Temitayo in brokerage".
const INTRODUCING =
  "called|named|name is|name's|ask for|asked for|speak to|spoke to|talk to|talked to|ring|rang|phone|phoned|email|emailed|message|messaged|thank|thanked".replace(
    /(^|\|)([a-z])/g,
    (_, bar: string, letter: string) => `${bar}[${letter}${letter.toUpperCase()}]`,
  );
const INTRODUCED_NAME = new RegExp(`\\b(?:${INTRODUCING}) ((?:${CAPITALISED}))(?![\\w'’-]| [A-Z])`, "g");
// Two words after "called" are a name when both are names ("a nurse called Ngoc Anh").
const INTRODUCED_FULL_NAME = new RegExp(
  `\\b(?:called|named|name is|ask for|asked for|spoke to|speak to) ((?:${CAPITALISED}) (?:${CAPITALISED}))(?![\\w'’-])`,
  "g",
);

type Lexicon = Record<string, string | string[] | undefined>;

/** compromise's own word list: a cheap way to ask "is this word a first name or a surname?". */
const LEXICON: Lexicon = (() => {
  const model: unknown = nlp.model();
  if (typeof model !== "object" || model === null || !("one" in model)) return {};
  const one: unknown = model.one;
  if (typeof one !== "object" || one === null || !("lexicon" in one)) return {};
  const lexicon: unknown = one.lexicon;
  return typeof lexicon === "object" && lexicon !== null ? (lexicon as Lexicon) : {};
})();

const NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person", "Honorific"]);
// Words compromise knows as something other than a noun cannot be a name after "my son".
const NOT_NAME_TAGS =
  /^(?:Verb|Infinitive|PastTense|PresentTense|Gerund|Participle|Modal|Auxiliary|Copula|Adjective|Comparative|Superlative|Adverb|Preposition|Conjunction|Determiner|Pronoun|Possessive|QuestionWord|Expression|Month|WeekDay|Date|Place|City|Country|Region|Value|Cardinal|Ordinal)$/;

function lexiconTags(word: string): string[] {
  const key = word.toLowerCase();
  // Own keys only: "constructor" is not a word compromise knows.
  if (!Object.hasOwn(LEXICON, key)) return [];
  const tags = LEXICON[key];
  if (typeof tags === "string") return [tags];
  return Array.isArray(tags) ? tags.filter((tag) => typeof tag === "string") : [];
}

const isKnownName = (word: string) => lexiconTags(word).some((tag) => NAME_TAGS.has(tag));
// Word endings that belong to things, not people ("our PA Agreement", "the PA Handbook").
const THING_ENDING =
  /(?:ment|tion|sion|ness|ship|ance|ence|ity|ing|book|work|ism|ist|ology|ary|ory|ency|able|ible|ful|less|hood|dom|ure|ies)$/i;
const looksLikeThing = (word: string) => THING_ENDING.test(word) && !isKnownName(word);
const isFirstName = (word: string) => lexiconTags(word).some((tag) => /^(?:FirstName|MaleName|FemaleName)$/.test(tag));
const isOtherKnownWord = (word: string) => lexiconTags(word).some((tag) => NOT_NAME_TAGS.test(tag));

/**
 * Where a capitalised word stands decides how much evidence it needs to count as a name:
 * after a title almost anything does ("Mrs May"); after "my son" a first name beats the stop
 * list ("my son Grant"); elsewhere the stop lists and the places both apply.
 */
type NameContext = "title" | "relation" | "other";

// After "Nurse", "Sister" or "Father" these are roles or days, not surnames.
const AFTER_TITLE_NOT_NAMES = new Set(
  // "Dr Google", "Nurse YouTube": the web as a joke doctor.
  "men practitioner practitioners led lead specialist specialists manager managers team practice consultant prescriber associate assistant unit ward station christmas google youtube facebook tiktok internet wikipedia chatgpt alexa siri".split(
    " ",
  ),
);

function isNameWord(word: string, context: NameContext = "other"): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  if (context === "title") return !AFTER_TITLE_NOT_NAMES.has(lower);
  if (context === "relation") return isFirstName(word) || !NOT_NAMES.has(lower);
  return !NOT_NAMES.has(lower) && !PLACES_THAT_ARE_NAMES.has(lower);
}

const HONORIFIC = new RegExp(`^(?:${HONORIFICS})\\.?$`);

/** Confidence a name must have before its other mentions in the same post are found too. */
const SURE_ENOUGH_TO_REPEAT = 0.7;

/**
 * Names, by pattern and by compromise. A name found once is found wherever else the post uses
 * it: "our PA Jade" makes the later "Jade said" a name too, and spares compromise the work.
 */
function findNames(text: string, found: Finding[]): Finding[] {
  const names = findNamesByPattern(text);
  const known = new Set<string>();
  const remember = (name: Finding) => {
    if (name.confidence < SURE_ENOUGH_TO_REPEAT) return;
    for (const word of name.text.split(" ")) {
      const bare = word.replace(/['’]s?$/, "");
      if (/^[A-Z]/.test(bare) && !HONORIFIC.test(bare) && isNameWord(bare)) known.add(bare.toLowerCase());
    }
  };
  names.forEach(remember);
  names.push(...findNamesWithCompromise(text, [...found, ...names], known, remember));
  names.push(...namesAlongside(text, [...found, ...names], names));
  const taken = [...found, ...names];
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    const bare = m[0].replace(/['’]s?$/, "");
    const start = m.index;
    const end = start + bare.length;
    if (!known.has(bare.toLowerCase()) || taken.some((f) => start < f.end && f.start < end)) continue;
    names.push(finding("name", text, start, end, SURE_ENOUGH_TO_REPEAT));
  }
  return names
    .map((name) => {
      let end = name.end;
      // "Colin's number": the name is Colin; "[name]'s number" still reads well.
      const possessive = /['’]s?$/.exec(text.slice(name.start, end));
      if (possessive) end -= possessive[0].length;
      // A first name followed by a capitalised word is nearly always a full name ("Lucy Brennan"),
      // even when the surname is one compromise has never seen.
      const last = text.slice(name.start, end).split(" ").pop() ?? "";
      const surname = new RegExp(`^ (${CAPITALISED})\\b`).exec(text.slice(end))?.[1];
      if (
        surname &&
        !THING_AFTER_NAME.test(` ${surname}`) &&
        !PLACE_AFTER.test(` ${surname}`) &&
        (isFirstName(last) || isGivenName(last)) &&
        isNameWord(surname, "relation") &&
        !isOtherKnownWord(surname) &&
        !PLACE_AFTER.test(text.slice(end + 1 + surname.length))
      ) {
        end += 1 + surname.length;
      }
      return end === name.end ? name : finding("name", text, name.start, end, name.confidence);
    })
    .filter((name) => name.confidence >= 0.9 || !namesSomethingElse(text, name));
}

// What follows a name when it names an organisation, a building, an event or a law instead:
// "Joseph Rowntree Foundation", "Prince Philip Hospital", "Guy Fawkes night", "Martha's Rule".
const THING_AFTER_NAME =
  /^(?:['’]s)? (?:Foundation|Trust|Hospital|Hospice|House|Centre|Center|Court|School|Academy|Fund|Society|Association|Unit|Ward|Infirmary|Institute|College|University|Practice|Surgery|Medical|Health|Homes?|Partnership|Group|Ltd|Limited|Charity|Appeal|Protocol|Rule|Law|Act|Report|Award|Scheme|Programme|Bank|Library|Memorial|Clinic|Syndrome|Disease|Building|Wing|Suite|Stadium|Theatre|Farm|Place|Lodge|Gardens?|Cottage|Kitchen|Cafe|Café|Shop|Club|Project|Network|Hub|Centre|night|day|festival|protocol|syndrome|disease|scale|test|method|approach|model)\b/;

const STREET_AFTER = new RegExp(`^ (?:${STREET_WORD})\\b`);

/** True when the words around a name show it names a place or a thing, not a person. */
function namesSomethingElse(text: string, name: Finding): boolean {
  const after = text.slice(name.end, name.end + 60);
  // "the Joseph Rowntree report", "a Florence Nightingale award": a name used as a label for a thing.
  if (
    /^ (?:report|review|inquiry|enquiry|foundation|trust|fund|award|prize|medal|lecture|scheme|hospital|hospice|school|building|ward|unit|museum|library|stadium|statue|principle|effect|method|scale|test|criteria|guidelines|bequest|grant)\b/.test(
      after,
    )
  )
    return true;
  // "The Oliver Zangwill centre", "Raj Patel Road": more capitals, then the thing they name.
  if (THING_AFTER_NAME.test(after) || PLACE_AFTER.test(after)) return true;
  const capitals = new RegExp(`^ (?:${CAPITALISED})(?= )`);
  let rest = after;
  for (let words = 0; words < 2; words += 1) {
    const next = capitals.exec(rest);
    if (!next) break;
    rest = rest.slice(next[0].length);
    if (THING_AFTER_NAME.test(rest) || PLACE_AFTER.test(rest) || STREET_AFTER.test(rest)) return true;
  }
  if (name.text.includes(" ")) return false;
  // "from Beverley to Hull", "Shirley is where…": a place.
  const next = / (?:to|and|or) ([A-Z][a-z]+)/.exec(after)?.[1];
  if (
    next &&
    isPlace(next.toLowerCase()) &&
    /\b(?:from|in|between)\s+$/.test(text.slice(Math.max(0, name.start - 12), name.start))
  )
    return true;
  return /^ (?:is|was) where\b/.test(after);
}

function findNamesByPattern(text: string): Finding[] {
  const found: Finding[] = [];
  /** Keeps the leading words up to the first that is plainly not a name ("Dr Patel Monday"). */
  const add = (spanStart: number, wordsAt: number, words: string, confidence: number, context: NameContext) => {
    const kept: string[] = [];
    for (const word of words.split(" ")) {
      if (!isNameWord(word, context)) break;
      kept.push(word);
    }
    if (kept.length === 0) return;
    found.push(finding("name", text, spanStart, wordsAt + kept.join(" ").length, confidence));
  };
  // A word compromise knows only as something else ("Yesterday", "Anyway") is no name.
  const plausible = (word: string) => isKnownName(word) || (!isOtherKnownWord(word) && !looksLikeThing(word));

  for (const m of text.matchAll(TITLED_NAME)) {
    const words = m[2] ?? "";
    const wordsAt = m.index + m[0].length - words.length;
    // "Mr X's family": a placeholder letter with a possessive is still a placeholder.
    if (/^[A-Z]['’]s?$/.test(words.split(" ")[0] ?? "")) continue;
    // The title stays inside the span: "Dr [name]" still points at one person in a small practice.
    add(m.index, wordsAt, words, HONORIFIC.test(m[1] ?? "") ? 0.9 : 0.8, "title");
  }
  for (const m of text.matchAll(RELATION_NAME)) {
    const words = m[1] ?? "";
    const wordsAt = m.index + m[0].length - words.length;
    const first = words.split(" ")[0] ?? "";
    // "the social worker, Ms Y": a title is the titled-name rule's to judge.
    if (HONORIFIC.test(first)) continue;
    // "The interpreter, Xiaoling, came": set off by commas after a role, it is a name.
    const appositive = text[wordsAt - 2] === "," && text[wordsAt + words.length] === "," && !isOtherKnownWord(first);
    if (plausible(first) || appositive || (isGivenName(first) && !looksLikeThing(first)))
      add(wordsAt, wordsAt, words, 0.8, "relation");
  }
  for (const m of text.matchAll(RELATION_LOWER)) {
    const word = m[1] ?? "";
    const wordsAt = m.index + m[0].length - word.length;
    // Lower case, so only a word the name lists hold and no dictionary does: "my son tunde", not "my son usually".
    if (NOT_NAMES.has(word)) continue;
    const tags = lexiconTags(word);
    const given = isGivenName(word);
    if (given && !isOrdinaryWord(word) && tags.every((tag) => NAME_TAGS.has(tag))) {
      found.push(finding("name", text, wordsAt, wordsAt + word.length, 0.7));
      continue;
    }
    // A name that is also a word ("my son jack", "my son tom"), or a word no dictionary or list
    // knows ("my son tafari"), then what a person is or does: "is 14", "has autism".
    const after = text.slice(wordsAt + word.length, wordsAt + word.length + 20);
    const unknown = tags.length === 0 && word.length >= 3 && !/(?:ing|ed|ly|s)$/.test(word);
    if (
      (given || unknown) &&
      !/^(?:will|may|can|might|must|would|could|should)$/.test(word) &&
      LOWER_NAME_NEXT.test(after)
    ) {
      found.push(finding("name", text, wordsAt, wordsAt + word.length, 0.6));
    }
  }
  // Texting in lower case: "ngozi from church visits", "hamza's school", "honestly ffion is the
  // best". Only a word the name lists hold and no dictionary or everyday-word list does, and only
  // before a possessive or what a person does.
  let sectorSpans: (readonly [number, number])[] | undefined;
  for (const m of text.matchAll(LOWER_WORD)) {
    const word = m[1] ?? "";
    const wordsAt = m.index + m[0].length - word.length;
    // Cheapest test first: most lower-case words are in no name list.
    if (word.length < 3 || !isGivenName(word) || NOT_NAMES.has(word) || isOrdinaryWord(word) || isPlace(word)) continue;
    if (!lexiconTags(word).every((tag) => NAME_TAGS.has(tag))) continue;
    if (found.some((f) => wordsAt < f.end && f.start < wordsAt + word.length)) continue;
    sectorSpans ??= [...text.matchAll(SECTOR_NAME_ANY_CASE)].map((s) => [s.index, s.index + s[0].length] as const);
    if (sectorSpans.some(([from, to]) => wordsAt < to && from < wordsAt + word.length)) continue;
    const after = text.slice(wordsAt + word.length, wordsAt + word.length + 60);
    if (
      /^['’]s [a-z]/.test(after) ||
      LOWER_NAME_NEXT.test(after) ||
      PERSON_NEXT.test(after) ||
      verbFollows(after) ||
      /^ from (?:the )?(?:church|mosque|temple|gurdwara|chapel|work|school|college|next door|down the road|the agency|the council|the centre)\b/.test(
        after,
      )
    ) {
      found.push(finding("name", text, wordsAt, wordsAt + word.length, 0.6));
    }
  }
  for (const m of text.matchAll(PRAISE_NAME)) {
    const word = m[1] ?? "";
    const wordsAt = m.index + m[0].length - word.length;
    if (plausible(word) || isGivenName(word)) add(wordsAt, wordsAt, word, 0.75, "other");
  }
  for (const m of text.matchAll(INTRODUCED_FULL_NAME)) {
    const words = m[1] ?? "";
    const [first = "", second = ""] = words.split(" ");
    const wordsAt = m.index + m[0].length - words.length;
    if (isGivenName(first) && (isGivenName(second) || isSurname(second))) add(wordsAt, wordsAt, words, 0.75, "other");
  }
  found.push(...findNamesFromLists(text, found));
  for (const m of text.matchAll(NAME_THEN_ROLE)) {
    const words = m[1] ?? "";
    const first = words.split(" ")[0] ?? "";
    // Capitalised only because it starts the sentence ("Sadly, my son…") unless it is a known name.
    if (atSentenceStart(text, m.index) ? !isKnownName(first) : !plausible(first)) continue;
    add(m.index, m.index, words, 0.75, "other");
  }
  for (const m of text.matchAll(INTRODUCED_NAME)) {
    const word = m[1] ?? "";
    const wordsAt = m.index + m[0].length - word.length;
    if (plausible(word)) add(wordsAt, wordsAt, word, 0.65, "other");
  }
  for (const m of text.matchAll(GREETING_NAME)) {
    const word = m[1] ?? "";
    const wordsAt = m.index + m[0].length - word.length;
    if (plausible(word)) add(wordsAt, wordsAt, word, 0.7, "other");
  }
  return found;
}

// A capitalised word that is not a name's only reading but is followed by what people do:
// "Kwabena has been coming", "Lwazi took him", "Yaw from the agency".
const PERSON_NEXT = new RegExp(
  String.raw`^(?:['’]s (?:PA|carer|mum|dad|son|daughter|husband|wife|partner|number|phone|mobile)\b| (?:said|says|told|tells|took|takes|drives|drove|covers|covered|came|comes|rang|rings|phoned|texted|emailed|helped|helps|sorted|stayed|works|worked|visits|visited|brought|brings|sings|sang|cooks|noticed|explained|chaired|signed|listened|knows|knew|loves|asked|agreed|promised|wrote|cares|cared|supports|supported|washes|dresses|feeds|sits|popped|pops|arrived|arrives|turned up|turns up|stays|phones|messaged|bathes|showers|hoists|reads|plays|played|walks|walked|laughs|laughed|smiles|smiled|cried|understood|understands|fixed|managed|organised|arranged|booked|made|makes|gave|gives|can['’]t|couldn['’]t|won['’]t|didn['’]t|doesn['’]t|hasn['’]t|isn['’]t|wasn['’]t|and I|and me)\b| (?:is|was) (?:brilliant|amazing|fab|fantastic|lovely|wonderful|great|kind|so kind|a star|an angel|a godsend|the best)\b| (?:has been|is|was|has worked) (?:with us|with him|with her|with them|our|my|his|her|their|a lovely|brilliant|amazing|fab)\b| (?:is|was) (?:the|a|an) (?:only |best |new |other |main |lovely )?(?:nurse|carer|PA|one|person|OT|social worker|support worker|doctor|GP|manager|advocate)\b| (?:from|at) (?:the|our|my|his|her)\b|, (?:our|my|his|her|their|the) (?:${RELATIONS})\b)`,
);
// What people do to a person just before naming them: "I told Xiaoling", "we met Chiamaka".
const PERSON_BEFORE =
  /\b(?:told|tell|asked|ask|met|meet|saw|see|visited|thanked|introduced|hugged|trust|trusted|me and|and I)\s+$/;
// Fewer verbs for words that are also ordinary words ("Hope is", "Summer is"): only what a person does.
const PERSON_NEXT_STRICT =
  /^(?: and (?:I|me)\b|['’]s (?:PA|carer|mum|dad|son|daughter|husband|wife|partner|number)\b| (?:is|was|has been) (?:our|my|his|her|their|the|a) (?:new |old |lovely |main )?(?:PA|carer|nurse|OT|GP|social worker|support worker|advocate|manager|keyworker|key worker|neighbour|friend|sister|brother|daughter|son|wife|husband)\b| (?:said|says|told|tells|rang|phoned|texted|emailed|covers|covered|helped|sorted|stayed|came round|noticed|explained|chaired|listened|promised|agreed)\b| (?:from|at) (?:the|our|my|his|her) (?:agency|council|centre|day|carers|team|surgery|hospital|brokerage|office|review|home|group)\b|, (?:our|my|his|her|their|the) (?:PA|carer|nurse|OT|social worker|support worker|advocate|manager|keyworker|key worker)\b)/;

/**
 * "Olu and Bisi", "Kemi & Tunde": a capitalised word joined by "and" to a name is a name too,
 * unless a dictionary, the place lists or the sector names know it.
 */
function namesAlongside(text: string, taken: Finding[], names: Finding[]): Finding[] {
  const more: Finding[] = [];
  const unknownWord = (word: string) => {
    const lower = word.toLowerCase();
    return lexiconTags(word).length === 0 && !NOT_NAMES.has(lower) && !isPlace(lower) && !looksLikeThing(word);
  };
  const free = (start: number, end: number) => ![...taken, ...more].some((f) => start < f.end && f.start < end);
  for (const name of names) {
    if (name.confidence < 0.6) continue;
    const after = new RegExp(`^ (?:and|&) (${CAPITALISED})(?![\\w'’-])`).exec(text.slice(name.end, name.end + 40));
    if (after?.[1] && unknownWord(after[1])) {
      const start = name.end + after[0].length - after[1].length;
      if (free(start, start + after[1].length)) more.push(finding("name", text, start, start + after[1].length, 0.6));
    }
    const before = new RegExp(`(?<![\\w'’-])(${CAPITALISED}) (?:and|&) $`).exec(
      text.slice(Math.max(0, name.start - 40), name.start),
    );
    if (before?.[1] && unknownWord(before[1])) {
      const start = name.start - before[0].length;
      if (free(start, start + before[1].length)) more.push(finding("name", text, start, start + before[1].length, 0.6));
    }
  }
  return more;
}

// How British and Irish place names begin and end ("Aberystwyth", "Tamworth", "Lichfield",
// "Llandudno", "Inverurie", "Ballymena"). Only for words in no name list: names like Ashley or
// Stanley are in the lists and never reach the rules that use this.
const LIKE_A_PLACE =
  /^(?:aber|llan|pont|caer|inver|bally|strath|kirk|dun[bdfk]|glen|porth|tre[fv])|(?:ton|ham|ley|leigh|worth|field|ford|bury|borough|brough|burgh|by|thorpe|wick|wich|chester|caster|cester|mouth|bridge|stead|combe|minster|dale|pool|ness|hurst|wood|wyth|stow|stoke|haven|port|gate|mere|well|sey|sea|holm|ey|dudno|end|bourne|ock|head|ton-le-[a-z]+)$/;
// "the Hoyer needs servicing": after a determiner a capitalised word is a thing.
const DETERMINER_BEFORE = /\b(?:the|a|an|this|that|these|those|our|my|his|her|their|your|its|new|old)\s+$/i;
const VERB_NEXT =
  /^(?:,? (?:still|never|always|just|finally|already|now|also|really|then|only|often|usually|sometimes|even|actually|literally|basically))? ([a-z]+(?:['’](?:t|s|ll|d|ve))?)\b/;
const NEGATED_NEXT = /^(?:hasn|hadn|isn|wasn|doesn|didn|can|couldn|won|wouldn|shouldn)['’]t$/;
// Verbs shops, places, laws and programmes do as often as people ("Lidl had", "Brexit has made",
// "Heathrow was", "Primark sells", "Newsnight did a piece"): no evidence of a person.
const LIGHT_VERBS = new Set(
  "is was has had does did makes made goes went gets got keeps kept sells sold offers offered delivers delivered runs ran opens opened closes closed costs cost shows showed plays played means meant seems seemed looks looked".split(
    " ",
  ),
);

/**
 * True when what follows a word is a finite verb that people more than things do ("needs",
 * "lives", "rang", "refuses", "still hasn't"). The "-s" and "-ed" forms compromise does not list
 * are read from their stems.
 */
function verbFollows(after: string): boolean {
  const next = VERB_NEXT.exec(after)?.[1];
  if (!next) return false;
  if (NEGATED_NEXT.test(next)) return true;
  if (LIGHT_VERBS.has(next)) return false;
  const tags = lexiconTags(next);
  if (tags.some((tag) => tag === "PastTense" || tag === "PresentTense")) return true;
  const stems = /(?:es|s)$/.test(next)
    ? [next.slice(0, -1), next.slice(0, -2)]
    : /ed$/.test(next)
      ? [next.slice(0, -1), next.slice(0, -2)]
      : [];
  return (
    !tags.some((tag) => NOUN_TAGS.test(tag) && tag !== "Plural") &&
    stems.some((stem) => lexiconTags(stem).includes("Infinitive"))
  );
}

// Accents of Irish, Polish, Romanian, Turkish, Czech, Spanish and Portuguese names; not é or è
// alone, which English borrows ("Café", "Protégé").
const FOREIGN_ACCENT = /[áíóúÁÍÓÚłŁńŃśŚźŹżŻćĆęĘąĄșȘțȚşŞğĞıİñÑřŘčČšŠžŽőŐãÃõÕ]/;

/** A verb in the plural, the kind people do: "share", "take turns", "live", "visited". */
function pluralVerbFollows(after: string): boolean {
  const next = VERB_NEXT.exec(after)?.[1];
  if (!next || LIGHT_VERBS.has(next) || /^(?:are|were|have|do)$/.test(next)) return false;
  return next.endsWith("n't") || lexiconTags(next).some((tag) => tag === "Infinitive" || tag === "PastTense");
}

/** True when a capitalised word no list or dictionary knows, and no place, comes just before with "and". */
function unknownConjunctBefore(text: string, start: number): boolean {
  const other = new RegExp(`(?<![\\w'’-])(${CAPITALISED}) (?:and|&) $`).exec(
    text.slice(Math.max(0, start - 40), start),
  )?.[1];
  if (!other) return false;
  const lower = other.toLowerCase();
  return (
    lexiconTags(other).length === 0 &&
    !NOT_NAMES.has(lower) &&
    !isPlace(lower) &&
    !LIKE_A_PLACE.test(lower) &&
    !UNLIKE_A_NAME.test(lower)
  );
}

/** Place words from the UK's council names and towns: never a name without a title or family word. */
const isPlace = (word: string) =>
  PLACES_THAT_ARE_NAMES.has(word) ||
  COUNCIL_WORDS.has(word) ||
  lexiconTags(word).some((tag) => /^(?:Place|City|Country|Region|Town)$/.test(tag));

// Endings of plurals, firms and adverbs ("Paramedics", "Specsavers", "Afterwards"), which unknown
// names rarely have (names ending in -us, -is, -as are kept: Marcus, Doris, Tomas).
const UNLIKE_A_NAME = /(?:[^uia]s|ly|wards?|hand|how|ever|where|while)$/;

/**
 * Given names from the name lists (see name-data.ts), and capitalised words no dictionary knows
 * that are followed by what people do. Ordinary words that are also names ("Will", "May",
 * "Hope", "Grace") need a person's verb after them; places and sector words never count here.
 */
function findNamesFromLists(text: string, found: Finding[]): Finding[] {
  const names: Finding[] = [];
  const taken = [...found];
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    const raw = m[0].replace(/['’]s$/, "").replace(/[-'’]+$/, "");
    const start = m.index;
    let end = start + raw.length;
    if (raw.length < 2 || !/^[^a-z]*[A-ZÀ-ÖØ-ÞĀ-žȘ-ț][a-zß-öø-ÿĀ-žȘ-ț]/.test(raw) || /[A-Z]{2}/.test(raw)) continue;
    if (taken.some((f) => start < f.end && f.start < end)) continue;
    const lower = raw.toLowerCase();
    if (NOT_NAMES.has(lower) || isPlace(lower) || HONORIFIC.test(raw)) continue;
    // "Blessing rang", "Precious said": a given name that ends like a thing still counts when a
    // person's verb follows.
    if (looksLikeThing(raw) && !(isGivenName(raw) && PERSON_NEXT_STRICT.test(text.slice(end, end + 60)))) continue;
    // The second word of a run of capitals ("Wrexham Maelor", "Hawthorn House") is taken with the first.
    const previous = /([A-Za-zÀ-ÿŵŷ'’]+)\s$/.exec(text.slice(Math.max(0, start - 30), start))?.[1];
    if (
      previous &&
      /^[A-ZÀ-ÖØ-ÞĀ-žȘ-ț]/.test(previous) &&
      (!atSentenceStart(text, start - previous.length - 1) || lexiconTags(previous).length === 0)
    )
      continue;
    if (STREET_WORD_SET.has(raw)) continue;
    const after = text.slice(end, end + 60);
    const before = text.slice(Math.max(0, start - 40), start);
    // "Our Lady of Lourdes", "the Duke of Edinburgh": after a capitalised word and "of", part of a title or place.
    const ofBefore = /([A-Z][a-z]+) of (?:the )?$/.exec(before);
    if (ofBefore && !atSentenceStart(text, start - ofBefore[0].length)) continue;
    // "moved to Ashton", "we live in Ashton": a place, unless a possessive or a person's verb follows.
    if (
      (MOVED_TO_BEFORE.test(before) || PLACE_BEFORE.test(before)) &&
      !/^['’]s\b/.test(text.slice(start + raw.length)) &&
      !PERSON_NEXT_STRICT.test(after)
    )
      continue;
    const given = isGivenName(raw);
    const tags = lexiconTags(raw);
    const ordinaryWord = isOrdinaryWord(lower) || tags.some((tag) => !NAME_TAGS.has(tag));
    let confidence = 0;
    if (given && !ordinaryWord) confidence = 0.65;
    else if (given && PERSON_NEXT_STRICT.test(after)) confidence = 0.6;
    else if (!given && tags.length === 0) {
      // An unknown word, none of whose dictionary tags says what it is: its neighbours decide.
      const unlikeAName = UNLIKE_A_NAME.test(lower);
      const unlikeAPlace = () => !unlikeAName && !LIKE_A_PLACE.test(lower);
      const named =
        // Shops and firms often end like plurals ("Specsavers", "Morrisons"); given names rarely do.
        (!unlikeAName && (PERSON_NEXT.test(after) || PERSON_BEFORE.test(text.slice(Math.max(0, start - 20), start)))) ||
        // "Murugan needs two carers", "Rahima still hasn't": an unknown word as the subject of a verb.
        (verbFollows(after) && unlikeAPlace() && !DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 12), start))) ||
        // "Sat with Siobhán", "Grzegorz, Bożena": an accent English words do not carry, on a word no
        // dictionary knows, is a name's mark, unless the words around make it a place ("to Kraków").
        (FOREIGN_ACCENT.test(raw) &&
          !/\b(?:to|from|of|at|in|near|visit|visiting|visited)\s+$/i.test(before) &&
          !PLACE_AFTER.test(after) &&
          !STREET_AFTER.test(after)) ||
        // "Shahana and Rubel share the caring": two unknown words joined by "and", then a plural verb.
        (pluralVerbFollows(after) && unlikeAPlace() && unknownConjunctBefore(text, start));
      if (named) confidence = 0.6;
    }
    if (confidence === 0) continue;
    // "Temitope Adeyemi", "Padraig Ó Súilleabháin": a surname straight after.
    const surname = new RegExp(`^ (${CAPITALISED})(?![\\w'’-])`).exec(text.slice(end))?.[1];
    if (
      surname &&
      !NOT_NAMES.has(surname.toLowerCase()) &&
      !isPlace(surname.toLowerCase()) &&
      !PLACE_AFTER.test(` ${surname}`) &&
      !THING_AFTER_NAME.test(` ${surname}`) &&
      !PLACE_AFTER.test(text.slice(end + 1 + surname.length))
    ) {
      if (isSurname(surname) || isGivenName(surname) || lexiconTags(surname).length === 0) end += 1 + surname.length;
    }
    const name = finding("name", text, start, end, confidence);
    names.push(name);
    taken.push(name);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// compromise, on the parts of the text that could hold a name
//
// compromise tags about half a millisecond's worth per sentence here: 50 to 100 ms for a whole
// 1,500-word post, far too slow for every preview. So it sees only short windows around
// capitalised words that could be names, a few words either side for context, and never a
// name the post has already been found to use. Everything else is lower-case prose.

const WINDOW_WORDS = 3;
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "dr",
  "prof",
  "st",
  "cllr",
  "revd",
  "rev",
  "no",
  "eg",
  "e.g",
  "ie",
  "i.e",
  "etc",
  "vs",
]);
const CAPITALISED_WORD = /(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-žȘ-ț][A-Za-zÀ-ÖØ-Þß-öø-ÿĀ-žȘ-ț'’-]*/g;

/** True when a word ends its sentence: "care." but not "Dr." or "e.g.". */
function endsSentence(word: string): boolean {
  if (!/[.!?:]["'”’)*_]*$/.test(word)) return false;
  return !ABBREVIATIONS.has(
    word
      .replace(/^[("'“‘*_]+/, "")
      .replace(/[.:]["'”’)*_]*$/, "")
      .toLowerCase(),
  );
}

/** True when the word at index starts a sentence, a line, or a list item. */
function atSentenceStart(text: string, index: number): boolean {
  // Opening quotes, brackets and Markdown markers do not count as words.
  const before = text.slice(Math.max(0, index - 60), index).replace(/[("'“‘*_#>•-]+$/, "");
  if (index <= 60 && before.trim() === "") return true;
  if (/\n[ \t]*(?:[-*•#>]+[ \t]*|\d+[.)][ \t]*)?$/.test(before)) return true;
  const previous = /(\S+)\s+$/.exec(before)?.[1];
  if (previous === undefined) return before.trim() === "";
  return endsSentence(previous) || /^\d+[.)]$/.test(previous);
}

/** A capitalised word that compromise might take for a person (the cue for a window). */
function mightBeName(word: string, sentenceStart: boolean): boolean {
  const bare = word.replace(/[^A-Za-z]+$/, "").replace(/['’]s?$/, "");
  if (!/^[A-Z](?:[a-z]|['’][A-Z])/.test(bare)) return false;
  if (!isNameWord(bare)) return false;
  // Every sentence starts with a capital; there only a word compromise knows as a name counts.
  if (sentenceStart) return isKnownName(bare);
  return isKnownName(bare) || (!isOtherKnownWord(bare) && !looksLikeThing(bare));
}

/** The span from up to three words before to three words after, within one sentence. */
function windowAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  for (let i = 0; i < WINDOW_WORDS && !atSentenceStart(text, from); i += 1) {
    const previous = /(\S+)\s+$/.exec(text.slice(Math.max(0, from - 60), from));
    if (!previous) break;
    from -= previous[0].length;
  }
  let to = end;
  for (let i = 0; i < WINDOW_WORDS; i += 1) {
    const current = /\S*$/.exec(text.slice(Math.max(0, to - 60), to))?.[0] ?? "";
    if (endsSentence(current)) break;
    const next = /^[ \t]+(\S+)/.exec(text.slice(to, to + 60));
    if (!next) break;
    to += next[0].length;
  }
  return [from, to];
}

interface CompromiseTerm {
  text: string;
  offset: { start: number; length: number };
}

function isCompromiseTerm(value: unknown): value is CompromiseTerm {
  if (typeof value !== "object" || value === null || !("text" in value) || !("offset" in value)) return false;
  const offset: unknown = value.offset;
  return (
    typeof value.text === "string" &&
    typeof offset === "object" &&
    offset !== null &&
    "start" in offset &&
    typeof offset.start === "number" &&
    "length" in offset &&
    typeof offset.length === "number"
  );
}

function peopleIn(fragment: string): CompromiseTerm[][] {
  const people: unknown = nlp(fragment).people().json({ offset: true });
  if (!Array.isArray(people)) return [];
  return people.map((person: unknown) => {
    const terms: unknown = typeof person === "object" && person !== null && "terms" in person ? person.terms : [];
    return Array.isArray(terms) ? terms.filter(isCompromiseTerm) : [];
  });
}

const MOVED_TO_BEFORE =
  /\b(?:moved|move|moving|relocated|relocating|drove|drive|driving|travelled|travel|commute|commuting|lives?|living|based|grew up|holiday|holidays) (?:to|in|near|from|out to|back to|over to|up to|down to|round to)\s+$/;
const PLACE_BEFORE = /\b(?:in|near|around|across|outside|within|into|via|[Cc]ouncil of)\s+$/;
const PLACE_AFTER =
  /^\s+(?:council|borough|city|county|district|area|hospital|infirmary|general|road|street|station|library|town|centre|office|way|island|bay|beach|sands|pier|harbour|quay|valley)\b/i;
const NOUN_TAGS = /^(?:Noun|Singular|Plural|Uncountable)$/;

interface NameWindow {
  start: number;
  end: number;
  /** Lower-cased capitalised words that made the window worth a look. */
  cues: string[];
}

function findNamesWithCompromise(
  text: string,
  alreadyFound: Finding[],
  known: ReadonlySet<string>,
  remember: (name: Finding) => void,
): Finding[] {
  const windows: NameWindow[] = [];
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    // A word inside an earlier finding needs no second opinion, and each window costs time.
    if (alreadyFound.some((f) => start < f.end && f.start < end)) continue;
    if (!mightBeName(m[0], atSentenceStart(text, start))) continue;
    const [from, to] = windowAround(text, start, end);
    const cue = m[0]
      .replace(/[^A-Za-z]+$/, "")
      .replace(/['’]s?$/, "")
      .toLowerCase();
    const last = windows[windows.length - 1];
    // Windows stop at sentence ends, so overlapping ones share a sentence and can become one.
    if (last && from <= last.end) {
      last.end = Math.max(last.end, to);
      last.cues.push(cue);
    } else windows.push({ start: from, end: to, cues: [cue] });
  }

  const found: Finding[] = [];
  for (const window of windows) {
    // Names already known are found again without compromise (see findNames).
    if (window.cues.every((cue) => known.has(cue))) continue;
    for (const terms of peopleIn(text.slice(window.start, window.end))) {
      const head = terms[0];
      const tail = terms[terms.length - 1];
      if (!head || !tail) continue;
      const start = window.start + head.offset.start;
      const end = window.start + tail.offset.start + tail.offset.length;
      const confidence = judgePerson(
        text,
        start,
        end,
        terms.map((t) => t.text),
      );
      if (confidence === 0) continue;
      const name = finding("name", text, start, end, confidence);
      found.push(name);
      remember(name);
    }
  }
  return found;
}

/** How likely compromise's person is a real person's name; 0 when it is plainly not. */
function judgePerson(text: string, start: number, end: number, terms: string[]): number {
  const words = terms.map((t) => t.replace(/['’]s$/, ""));
  const honorific = HONORIFIC.test(words[0] ?? "");
  const nameWords = honorific ? words.slice(1) : words;
  if (nameWords.length === 0) return 0;
  // "Mrs X", "Mr A and Mr B": letters standing in for a name.
  if (nameWords.some((w) => w.replace(/[^A-Za-z]/g, "").length < 2)) return 0;
  // Lower-case words ("the carers", "my son") are compromise reading grammar, not a name.
  if (!nameWords.every((w) => /^[A-Z]/.test(w))) return 0;
  if (nameWords.some((w) => NOT_NAMES.has(w.toLowerCase()))) return 0;
  if (honorific) return 0.9;
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 20);
  if (PLACE_AFTER.test(after)) return 0;
  if (nameWords.length === 1) {
    const word = nameWords[0] ?? "";
    if (PLACES_THAT_ARE_NAMES.has(word.toLowerCase())) return 0;
    if (PLACE_BEFORE.test(before) || MOVED_TO_BEFORE.test(before) || looksLikeThing(word)) return 0;
    // "Grace periods", "Will anyone…": an ordinary word that is also a name needs a person's verb.
    if (WORD_NAMES.has(word.toLowerCase()) && !PERSON_NEXT_STRICT.test(after)) return 0;
    // "Grace period": a name straight before a common noun is being used as an adjective.
    const next = /^ ([a-z]+)\b/.exec(after)?.[1];
    if (
      next &&
      lexiconTags(next).some((tag) => NOUN_TAGS.test(tag)) &&
      !lexiconTags(next).some((tag) => /Verb|Tense|Infinitive/.test(tag))
    )
      return 0;
    return isKnownName(word) ? 0.7 : 0.6;
  }
  if (nameWords.every((w) => PLACES_THAT_ARE_NAMES.has(w.toLowerCase()))) return 0;
  return 0.85;
}
