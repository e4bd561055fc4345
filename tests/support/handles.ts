// Made-up members for tests and the load test: no Remix build needed to import these.

/** A made-up handle that passes the identifying-details check, unique within a run (random letters). */
export function uniqueHandle(prefix = "member"): string {
  const letters = [...crypto.getRandomValues(new Uint8Array(8))]
    .map((byte) => "abcdefghijklmnopqrstuvwxyz"[byte % 26])
    .join("");
  return `${prefix}_${letters}`;
}

export const GOOD_PASSWORD = "kettle orbit lantern nine";
