// Counting sign-in and recovery attempts (rules: app/domain/accounts/sign-in-throttle.ts).
// Every count is taken before the password or code is checked, in one atomic statement each, so
// attempts sent at the same moment cannot all be checked against the same count.
import { setTimeout as sleep } from "node:timers/promises";

import { handleKey } from "~/domain/accounts/handle";
import { handleLimitKey, signInDelayMs } from "~/domain/accounts/sign-in-throttle";

import { clientKey, consume, countAttempt, giveBack, reset } from "../http/rate-limit.server";

export interface CountedAttempt {
  /** Call once the password or code was right: the attempt no longer counts against anyone. */
  succeeded: () => Promise<void>;
}

/**
 * Counts a sign-in attempt and waits as long as the handle's recent failures say; throws
 * RateLimited (checking nothing) when this client has used up its attempts, for the handle or at all.
 */
export async function countSignInAttempt(handle: string, clientAddress: string | undefined): Promise<CountedAttempt> {
  const handleLimit = handleLimitKey(handleKey(handle));
  const client = await clientKey(clientAddress);
  const handleFromClient = `${handleLimit}|${client}`;
  await consume("signInPerClient", client);
  await consume("signInPerHandleClient", handleFromClient);
  // Across every client a handle is never locked, only slowed.
  const failuresBefore = (await countAttempt("signInFailuresPerHandle", handleLimit)) - 1;
  const delay = signInDelayMs(failuresBefore);
  if (delay > 0) await sleep(delay);
  return {
    succeeded: async () => {
      await Promise.all([
        giveBack("signInPerClient", client),
        reset("signInPerHandleClient", handleFromClient),
        giveBack("signInFailuresPerHandle", handleLimit),
      ]);
    },
  };
}

/** Counts a recovery-code attempt; throws RateLimited when this client has used up its attempts. */
export async function countRecoveryAttempt(handle: string, clientAddress: string | undefined): Promise<CountedAttempt> {
  const handleLimit = handleLimitKey(handleKey(handle));
  const client = await clientKey(clientAddress);
  const handleFromClient = `${handleLimit}|${client}`;
  await consume("recoveryPerClient", client);
  await consume("recoveryPerHandleClient", handleFromClient);
  return {
    succeeded: async () => {
      await Promise.all([
        giveBack("recoveryPerClient", client),
        reset("recoveryPerHandleClient", handleFromClient),
        // The owner has proved who they are: this client may sign in again at once.
        reset("signInPerHandleClient", handleFromClient),
      ]);
    },
  };
}
