// Researchers' keys for the public API. A key is shown once when it is made; only a hash is kept.
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** Every key starts with this, so people (and secret scanners) can tell what a leaked string is. */
export const API_KEY_START = "fo_";
/** 20 random bytes: 160 bits, as 32 base32 characters. */
const SECRET_BYTES = 20;
const KEY_PATTERN = /^fo_[a-z2-7]{32}$/;
/** Enough characters for an owner to tell their keys apart, far too few to guess the rest. */
const PREFIX_LENGTH = API_KEY_START.length + 6;

export const MAX_ACTIVE_API_KEYS = 5;
export const LABEL_MAX = 80;

export function newApiKey(): string {
  return API_KEY_START + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

export type PresentedCredentials = { kind: "none" } | { kind: "malformed" } | { kind: "key"; key: string };

/** What an Authorization header offers: nothing, a well-formed key, or something we must refuse. */
export function presentedCredentials(header: string | null): PresentedCredentials {
  if (header === null) return { kind: "none" };
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match?.[1] || !KEY_PATTERN.test(match[1])) return { kind: "malformed" };
  return { kind: "key", key: match[1] };
}

/** Why a key's label cannot be used, or null. Labels are for their owner: "Thesis chapter 3". */
export function apiKeyLabelProblem(label: string): string | null {
  const trimmed = label.trim();
  if (trimmed === "")
    return "Enter a label so you can tell this key apart from others, for example the project it is for";
  if (trimmed.length > LABEL_MAX)
    return `Keep the label to ${LABEL_MAX} characters or fewer (this one is ${trimmed.length})`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return "Use letters, numbers and punctuation only";
  return null;
}
