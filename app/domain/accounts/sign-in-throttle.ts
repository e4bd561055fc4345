// How sign-in slows down guessing without letting a guesser lock the owner out
// (docs/decisions/023-sign-in-throttling.md).
//
// - Per client (a salted hash of the address) and per handle from that client, attempts are
//   limited (app/server/http/rate-limit.server.ts: signInPerClient, signInPerHandleClient). Those
//   refuse only the client that made the attempts.
// - Per handle from everywhere, nothing is refused: each attempt waits a little longer the more
//   wrong passwords the handle has had lately, so guessing from many addresses gets slow while
//   the owner, wherever they are, still gets in after a short wait.
// - Recovery codes have their own limits, so /recover works however much sign-in is throttled.

/** Wrong passwords for one handle, from anywhere, before attempts start to wait. */
export const FREE_FAILURES_PER_HANDLE = 10;

/** The longest any attempt waits. */
export const MAX_SIGN_IN_DELAY_MS = 5_000;

const FIRST_DELAY_MS = 250;

/**
 * How long an attempt waits before its password is checked, given how many attempts for the
 * handle have failed in the window before this one: nothing at first, then doubling to the cap.
 */
export function signInDelayMs(recentFailures: number): number {
  if (!Number.isFinite(recentFailures) || recentFailures < FREE_FAILURES_PER_HANDLE) return 0;
  const doublings = Math.min(recentFailures - FREE_FAILURES_PER_HANDLE, 10);
  return Math.min(FIRST_DELAY_MS * 2 ** doublings, MAX_SIGN_IN_DELAY_MS);
}

/** The key for limits on one handle: its compared form, bounded so a huge form field stays small. */
export function handleLimitKey(handleKeyValue: string): string {
  return handleKeyValue.slice(0, 64);
}
