// Counting sign-in and recovery attempts (rules: app/domain/accounts/sign-in-throttle.ts).
// Every count is taken before the password or code is checked, in one atomic statement each, so
// attempts sent at the same moment cannot all be checked against the same count.
import { setTimeout as sleep } from "node:timers/promises";

import { handleKey } from "~/domain/accounts/handle";
import { handleLimitKey, signInDelayMs } from "~/domain/accounts/sign-in-throttle";

import { clientKey, consume, countAttempt, giveBack, type LimitName, reset } from "../http/rate-limit.server";

export interface CountedAttempt {
  /** Call once the password or code was right: the attempt no longer counts against anyone. */
  succeeded: () => Promise<void>;
}

/**
 * Counts an attempt against this client's limit and the handle's limit from this client; throws
 * RateLimited when either is used up. `forgive` takes the attempt back once it proved right.
 */
async function countAgainstClient(
  limits: { perClient: LimitName; perHandleClient: LimitName },
  handle: string,
  clientAddress: string | undefined,
) {
  const handleLimit = handleLimitKey(handleKey(handle));
  const client = await clientKey(clientAddress);
  const handleFromClient = `${handleLimit}|${client}`;
  await consume(limits.perClient, client);
  await consume(limits.perHandleClient, handleFromClient);
  return {
    handleLimit,
    handleFromClient,
    forgive: () => [giveBack(limits.perClient, client), reset(limits.perHandleClient, handleFromClient)],
  };
}

/**
 * Counts a sign-in attempt and waits as long as the handle's recent failures say; throws
 * RateLimited (checking nothing) when this client has used up its attempts, for the handle or at all.
 */
export async function countSignInAttempt(handle: string, clientAddress: string | undefined): Promise<CountedAttempt> {
  const attempt = await countAgainstClient(
    { perClient: "signInPerClient", perHandleClient: "signInPerHandleClient" },
    handle,
    clientAddress,
  );
  // Across every client a handle is never locked, only slowed.
  const failuresBefore = (await countAttempt("signInFailuresPerHandle", attempt.handleLimit)) - 1;
  const delay = signInDelayMs(failuresBefore);
  if (delay > 0) await sleep(delay);
  return {
    succeeded: async () => {
      await Promise.all([...attempt.forgive(), giveBack("signInFailuresPerHandle", attempt.handleLimit)]);
    },
  };
}

/** Counts a recovery-code attempt; throws RateLimited when this client has used up its attempts. */
export async function countRecoveryAttempt(handle: string, clientAddress: string | undefined): Promise<CountedAttempt> {
  const attempt = await countAgainstClient(
    { perClient: "recoveryPerClient", perHandleClient: "recoveryPerHandleClient" },
    handle,
    clientAddress,
  );
  return {
    succeeded: async () => {
      await Promise.all([
        ...attempt.forgive(),
        // The owner has proved who they are: this client may sign in again at once.
        reset("signInPerHandleClient", attempt.handleFromClient),
      ]);
    },
  };
}
