// What one HTTP request has already asked PostgreSQL, so that it asks once: the session behind its
// cookie (root and route loaders each want the member) and the change follower's sync (the page
// cache and every kept answer want the current versions). Remix hands each loader a Request object
// of its own, so a WeakMap of requests cannot tell that two loaders serve the same request; an
// AsyncLocalStorage begun by Express for each request can.
//
// Only reads are scoped: during a GET or HEAD nothing the page shows is written by the request
// itself, so what it learnt at its start stays true to its end. A POST may change the member
// (sign out, a new handle) or write what its loaders then read, so it asks afresh each time.
import { AsyncLocalStorage } from "node:async_hooks";

interface RequestScope {
  readonly memo: Map<string, unknown>;
}

declare global {
  // One store per process, shared by main.ts and the Remix build (which bundles its own copy of this module).
  var __fifthOptionRequestScope: AsyncLocalStorage<RequestScope> | undefined;
}

function storage(): AsyncLocalStorage<RequestScope> {
  globalThis.__fifthOptionRequestScope ??= new AsyncLocalStorage<RequestScope>();
  return globalThis.__fifthOptionRequestScope;
}

/** GET and HEAD: the requests that only read, and so have a scope of their own. */
export const isReadingRequest = (method: string) => method === "GET" || method === "HEAD";

/** Runs `next` (the rest of this request's handling) in a scope of its own when the request only reads. */
export function inRequestScope(method: string, next: () => void): void {
  if (isReadingRequest(method)) storage().run({ memo: new Map() }, next);
  else next();
}

/**
 * The value `make` gives, made once per reading request under this key; outside a reading request
 * (a POST, a script, a test calling the server directly) it is made every time.
 */
export function oncePerRequest<T>(key: string, make: () => T): T {
  const scope = storage().getStore();
  if (!scope) return make();
  if (scope.memo.has(key)) return scope.memo.get(key) as T;
  const made = make();
  scope.memo.set(key, made);
  return made;
}
