// Guards for loaders and actions: each throws a ready response, so a loader reads as a list of
// requirements followed by the work.
import { redirect } from "@remix-run/node";
import { z, type ZodTypeAny } from "zod";

import { type Action, type ContentResource, type Resource, can, isSilenced } from "~/domain/accounts/permissions";
import type { FieldErrors } from "~/domain/forms";

import {
  readSessionToken,
  sessionCookie,
  type SessionUser,
  type ValidSession,
  validateSessionToken,
} from "./session.server";
import {
  formFailure,
  type FormValues,
  isHoneypotFilled,
  readForm,
  removeOwn,
  zodFieldErrors,
} from "../http/forms.server";
import { RateLimited } from "../http/rate-limit.server";
import { oncePerRequest } from "../http/request-scope.server";
import type { CountedAttempt } from "./throttle.server";

const sessions = new WeakMap<Request, Promise<ValidSession | null>>();

/**
 * The session behind this request's cookie, looked up once per request: once per reading request
 * however many loaders ask (http/request-scope.server.ts), and once per Request object otherwise.
 */
export function getSession(request: Request): Promise<ValidSession | null> {
  let found = sessions.get(request);
  if (!found) {
    const token = readSessionToken(request);
    found = token ? oncePerRequest(`session ${token}`, () => validateSessionToken(token)) : Promise.resolve(null);
    sessions.set(request, found);
  }
  return found;
}

/** Where the holder of a one-time password may go: choosing their own, signing out, and help in a crisis. */
const ONE_TIME_PASSWORD_PATHS = /^\/(settings|sign-out|help(\/[a-z-]+)?)$/;

/**
 * The signed-in member, if any. An account made with a one-time password (npm run admin:create)
 * is sent to choose its own from every page but those above, until it has: it cannot use the site
 * as itself before then.
 */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const user = (await getSession(request))?.user ?? null;
  if (user?.mustChangePassword && !ONE_TIME_PASSWORD_PATHS.test(new URL(request.url).pathname)) {
    throw redirect("/settings?must-change=1");
  }
  return user;
}

/** Where to come back to after signing in: only paths on this site (rules: app/domain/accounts/redirect.ts). */
export { safeRedirectPath } from "~/domain/accounts/redirect";

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export async function requirePermission(request: Request, action: Action, resource?: Resource): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, action, resource)) {
    if (isSilenced(user) && can({ ...user, silencedUntil: null }, action, resource)) {
      const until = user.silencedUntil?.toISOString().slice(0, 10) ?? "";
      throw new Response(`A moderator has paused your posting until ${until}. You can still read everything.`, {
        status: 403,
      });
    }
    throw new Response("You do not have permission to do that.", { status: 403 });
  }
  return user;
}

const contentId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * A post or reply its author is about to edit: signed in, the id in the address well formed, the
 * item there and not removed (404 otherwise), and theirs (the permission module says so, not the page).
 */
export async function requireOwnToEdit<Item extends ContentResource & { status: string }>(
  request: Request,
  rawId: string | undefined,
  find: (id: number) => Promise<Item | null>,
): Promise<{ user: SessionUser; item: Item }> {
  await requireUser(request);
  const id = contentId.safeParse(rawId);
  const item = id.success ? await find(id.data) : null;
  if (!item || item.status === "removed") throw new Response("Not found", { status: 404 });
  const user = await requirePermission(request, "content:edit", { authorId: item.authorId });
  return { user, item };
}

/**
 * The action of a page listing a member's own things, each removable after a confirmation (drafts,
 * reports): any signed-in member may remove theirs, even while silenced (it takes words away and
 * adds none). `remove(userId, id)` answers whether the member had it: someone else's, or one
 * already gone, is not there for them (404). The form and its answers: `removeOwn`.
 */
export async function removeOwnAction(
  request: Request,
  form: { intent: string; idField: string; gone: string; done: string },
  remove: (userId: number, id: number) => Promise<boolean>,
) {
  const user = await requireUser(request);
  return removeOwn(await readForm(request), { ...form, remove: (id) => remove(user.id, id) });
}

export async function requireSignedOut(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect("/settings");
}

/** The loader of a page only for visitors who are not signed in (join, sign in, recover). */
export async function signedOutPage({ request }: { request: Request }): Promise<null> {
  await requireSignedOut(request);
  return null;
}

/**
 * The form of a signed-out page, read and checked: what was typed and the parsed fields, or the
 * failed form's answer. A filled honeypot gets `botErrors`, so a bot learns nothing new.
 */
export async function readSignedOutForm<Schema extends ZodTypeAny>(
  request: Request,
  schema: Schema,
  botErrors: FieldErrors,
  botStatus = 400,
) {
  await requireSignedOut(request);
  const values = await readForm(request);
  if (isHoneypotFilled(values)) return { failure: formFailure(botErrors, values, botStatus) };
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { failure: formFailure(zodFieldErrors(parsed.error), values) };
  return { values, fields: parsed.data as z.infer<Schema> };
}

/** The Set-Cookie header to send when this request slid the session's expiry forward. */
export async function renewedSessionHeaders(request: Request): Promise<HeadersInit> {
  const session = await getSession(request);
  if (!session?.renewed) return {};
  const token = readSessionToken(request);
  return token ? { "Set-Cookie": sessionCookie(request, token, session.expiresAt) } : {};
}

/**
 * A signed-out form's attempt, counted against its limit: over the limit, the form comes back
 * (429) keeping what was typed, with the limit's message on `field`, then `addition`.
 */
export function countedAttempt<T>(attempt: Promise<T>, field: string, values: FormValues, addition = "") {
  return attempt.catch((error: unknown) => {
    if (!(error instanceof RateLimited)) throw error;
    return formFailure({ [field]: addition ? `${error.message} ${addition}` : error.message }, values, 429);
  });
}

/**
 * The form of a signed-out page that proves who someone is (sign in, recover): read and checked,
 * the try counted against `count`'s limit, then `check`ed. A filled honeypot or a wrong answer comes
 * back 401 with the one `wrong` message on `field` (so nobody learns which part was wrong), over the
 * limit 429 (then `addition`); a right one clears the count and gives what `check` found.
 */
export async function checkedCredentials<Schema extends ZodTypeAny, Found>(
  request: Request,
  schema: Schema,
  how: {
    field: string;
    wrong: string;
    addition?: string;
    count: (fields: z.infer<Schema>) => Promise<CountedAttempt>;
    check: (fields: z.infer<Schema>) => Promise<Found | null>;
  },
) {
  const form = await readSignedOutForm(request, schema, { [how.field]: how.wrong }, 401);
  if (form.failure) return { failure: form.failure };
  const attempt = await countedAttempt(how.count(form.fields), how.field, form.values, how.addition);
  if (!("succeeded" in attempt)) return { failure: attempt };
  const found = await how.check(form.fields);
  if (!found) return { failure: formFailure({ [how.field]: how.wrong }, form.values, 401) };
  await attempt.succeeded();
  return { fields: form.fields, found };
}
