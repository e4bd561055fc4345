// The RateLimit-Policy and RateLimit response headers of the IETF httpapi "RateLimit header fields
// for HTTP" draft. Both are Structured Field lists (RFC 9651): a policy is a String item with
// q (quota) and w (window, seconds); the current state names the same policy with r (remaining)
// and t (seconds until the quota resets).

export interface RateLimitPolicy {
  name: string;
  quota: number;
  windowSeconds: number;
}

/** Without a key, per client (a daily-salted hash of the address); with a key, per member. */
export const RATE_LIMIT_POLICIES = {
  anonymous: { name: "anonymous", quota: 60, windowSeconds: 60 },
  key: { name: "key", quota: 600, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export interface RateLimitState {
  remaining: number;
  resetSeconds: number;
}

/** A Structured Field String: quoted, with backslash and double quote escaped. */
function sfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`A rate-limit policy name must be printable ASCII: ${value}`);
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/** `"anonymous";q=60;w=60` */
export function rateLimitPolicyField(policy: RateLimitPolicy): string {
  return `${sfString(policy.name)};q=${policy.quota};w=${policy.windowSeconds}`;
}

/** `"anonymous";r=42;t=17`: never negative, and t rounded up so a client never retries a moment early. */
export function rateLimitField(policy: RateLimitPolicy, state: RateLimitState): string {
  const remaining = Math.max(0, Math.floor(state.remaining));
  const reset = Math.max(0, Math.ceil(state.resetSeconds));
  return `${sfString(policy.name)};r=${remaining};t=${reset}`;
}
