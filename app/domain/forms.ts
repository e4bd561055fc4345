// What a form that failed carries back to the page: one message per field (by the field's name),
// plus `form` for a message about the whole form. Server modules fill it, components show it.
import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string>>;

/** A query parameter a page can do without: missing or malformed, it is left out rather than refused. */
export function ignoredIfBad<T extends z.ZodTypeAny>(schema: T) {
  return schema.optional().catch(undefined);
}

/**
 * The statuses a refusal may carry (docs/architecture.md, "Forms and errors"): 400 what was sent
 * cannot be used, 401 wrong name, password or code, 403 not yours or not allowed, 404 not there,
 * 409 it changed or was already done, 413 too much, 429 too many tries, 503 the database is away.
 */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;

/**
 * The one error shape for "we will not do that, and here is why": a message written for the
 * person, the HTTP status it answers with, and the field it belongs to (none: the whole form).
 * Thrown by server modules (and the domain); a route answers it with formFailure
 * (app/server/http/forms.server.ts), and one it does not catch becomes the same status in the
 * site's layout (app/server/http/edge.server.ts), never a 500.
 */
// The app's build and the server process each load their own copy of this module, so a refusal
// is recognised by a shared symbol rather than by instanceof alone.
const REFUSAL = Symbol.for("fifth-option.refusal");

export class Refusal extends Error {
  override readonly name: string = "Refusal";
  readonly [REFUSAL] = true;
  constructor(
    message: string,
    readonly status: RefusalStatus = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A refusal, whichever copy of this module made it. */
export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal || (typeof error === "object" && error !== null && REFUSAL in error);
}
