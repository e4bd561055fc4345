// What an author has been shown of the identifying-details check. Kept apart from the detector so
// the page components that carry it through a form do not pull the detector into the browser.
import type { Finding } from "./identifying-details";

/** What the author was shown, carried through the form so "keep" means "keep what I saw". */
export function encodeSeen(findings: readonly { text: string }[]): string {
  return JSON.stringify([...new Set(findings.map((finding) => finding.text))]);
}

export function parseSeen(raw: string | undefined | null): string[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** Findings the author has not been shown: the text cannot be saved until they see them. */
export function unseenFindings<T extends { text: string }>(findings: readonly T[], seen: readonly string[]): T[] {
  const shown = new Set(seen);
  return findings.filter((finding) => !shown.has(finding.text));
}

const KIND_WORDS: Record<Finding["kind"], string> = {
  email: "an email address",
  phone: "a phone number",
  postcode: "a postcode",
  nhs_number: "an NHS number",
  ni_number: "a National Insurance number",
  address: "a street address",
  date_of_birth: "a date of birth",
  social_profile: "a social media profile",
  name: "a person's name",
};

/** "a phone number", for "in your body looks like a phone number". */
export function describeFindingKind(kind: string): string {
  return KIND_WORDS[kind as Finding["kind"]] ?? "an identifying detail";
}
