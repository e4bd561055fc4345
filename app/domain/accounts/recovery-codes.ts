// Recovery codes replace email-based password resets: ten single-use codes, shown once.
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_BYTES = 10;

// Crockford-style alphabet: no I, L, O or U, so codes survive being read aloud or copied by hand.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Formats 10 random bytes (80 bits) as "XXXX-XXXX-XXXX-XXXX". */
export function formatRecoveryCode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join("-") ?? out;
}

/** What a person types, made comparable: case, spaces, hyphens and look-alike letters forgiven. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

const CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/**
 * The text file "Download as a text file" gives: the codes sent back from the page that shows them
 * (nothing is looked up, so nothing makes the codes retrievable later). Null unless they are exactly
 * a set of codes as we make them.
 */
export function recoveryCodesFile(codes: string[]): string | null {
  if (codes.length !== RECOVERY_CODE_COUNT || !codes.every((code) => CODE_SHAPE.test(code))) return null;
  return [
    "Fifth Option recovery codes",
    "",
    "Each code works once. Use one at /recover if you forget your password.",
    "Keep this file somewhere safe and private.",
    "",
    ...codes,
    "",
  ].join("\r\n");
}
