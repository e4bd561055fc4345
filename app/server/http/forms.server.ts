// Reading and answering forms: one pattern for every action (see app/components/forms.tsx).
import { randomUUID } from "node:crypto";

import { data, redirect } from "@remix-run/node";
import type { ZodError } from "zod";

import { type FieldErrors, isRefusal, type Refusal } from "~/domain/forms";

export type FormValues = Record<string, string>;

/** More fields than any form has (the longest has a few dozen checkboxes). */
export const MAX_FORM_FIELDS = 200;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

// NUL and the other C0 control characters (and DEL), except tab, line feed and carriage return:
// PostgreSQL refuses NUL in text (22021), and none of them is anything a person typed.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The text with control characters (all but tab and line breaks) removed. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

/**
 * What the root error boundary shows for a form that could not be read: the reason, and whatever
 * of the typed text could be read, so it can be copied back (app/root.tsx).
 */
export interface UnreadableForm {
  message: string;
  values: FormValues;
}

function unreadable(status: number, message: string, values: FormValues = {}) {
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !/password|website|token|key/i.test(key)));
  return data({ message, values: kept } satisfies UnreadableForm, {
    status,
    headers: { "Cache-Control": "private, no-store" },
  });
}

/** Best effort at the typed text of a body that is not a form: text/plain form encoding, or a JSON object. */
function valuesOf(text: string): FormValues {
  const values: FormValues = {};
  const add = (key: string, value: unknown) => {
    const name = withoutControlCharacters(key).slice(0, 100);
    if (
      name &&
      !(name in values) &&
      Object.keys(values).length < MAX_FORM_FIELDS &&
      (typeof value === "string" || typeof value === "number")
    ) {
      values[name] = withoutControlCharacters(String(value));
    }
  };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      for (const [key, value] of Object.entries(parsed)) add(key, value);
      return values;
    }
  } catch {
    // not JSON: try name=value lines below
  }
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf("=");
    if (at > 0) add(line.slice(0, at), line.slice(at + 1));
  }
  return values;
}

export async function readForm(request: Request): Promise<FormValues> {
  return (await readFormWithLists(request)).values;
}

/**
 * The first value of each field, plus every value of fields that repeat (checkboxes), with control
 * characters removed. Every action reads its form here, so a body that is not a form (another
 * Content-Type, an encoded body, broken multipart, too many fields) is refused in this one place
 * with a 4xx the root error boundary shows in the site's layout, keeping what could be read of
 * the typed text. The body's size was already limited before it was read (app/server/http/edge.server.ts).
 */
export async function readFormWithLists(
  request: Request,
): Promise<{ values: FormValues; list: (key: string) => string[] }> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const encoding = (request.headers.get("Content-Encoding") ?? "identity").trim().toLowerCase();
  if (!FORM_TYPES.has(type) || encoding !== "identity") {
    const text = encoding === "identity" ? await request.text().catch(() => "") : "";
    throw unreadable(
      415,
      "We could not read what was sent: this page only accepts its own form. Nothing was saved. If you typed something, it is below so you can copy it, then go back to the form and try again.",
      valuesOf(text),
    );
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw unreadable(
      400,
      "We could not read what was sent: the form arrived damaged. Nothing was saved. Go back to the form and try again.",
    );
  }
  const entries = [...form.entries()];
  if (entries.length > MAX_FORM_FIELDS) {
    throw unreadable(
      413,
      `That form had more than ${MAX_FORM_FIELDS} fields, which is more than any form here has. Nothing was saved.`,
    );
  }
  const values: FormValues = {};
  const lists = new Map<string, string[]>();
  for (const [rawKey, value] of entries) {
    if (typeof value !== "string") continue;
    const key = withoutControlCharacters(rawKey);
    const clean = withoutControlCharacters(value);
    if (!(key in values)) values[key] = clean;
    lists.set(key, [...(lists.get(key) ?? []), clean]);
  }
  return { values, list: (key) => lists.get(key) ?? [] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form's submission key (one post per submission) when it is a real UUID, as the form was given; otherwise a fresh one. */
export function submissionKeyFrom(value: string | undefined): string {
  return value !== undefined && UUID.test(value) ? value.toLowerCase() : randomUUID();
}

/** True when the database was unreachable (see toServiceUnavailable in db/client.server.ts). */
export function isUnavailable(error: unknown): error is Response {
  return error instanceof Response && error.status === 503;
}

/** Bots fill in the hidden "website" field; people never see it. */
export function isHoneypotFilled(values: FormValues): boolean {
  return (values.website ?? "").trim() !== "";
}

export function zodFieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export interface FailureOptions<Extra extends object> {
  /** The status when `failure` is a list of messages (a refusal carries its own); 400 unless given. */
  status?: number;
  /** Where a refusal's field is called something else in this form, e.g. `{ area: "council" }`. */
  fields?: Partial<Record<string, string>>;
  /** Anything else the page needs back (findings, the wizard's step…), beside errors and values. */
  extra?: Extra;
}

/**
 * The one answer to a failed form, in every route: the status, and `{ ok: false, errors, values,
 * ...extra }` with the messages and everything the person typed, so nothing is lost. `failure`
 * is either the messages by field or a refusal (app/domain/forms.ts), whose status and field are
 * used. Passwords and the honeypot are never sent back. The third argument may be just a status.
 */
export function formFailure<Extra extends object = Record<never, never>>(
  failure: FieldErrors | Refusal,
  values: FormValues,
  options: number | FailureOptions<Extra> = {},
) {
  const { status, fields = {}, extra } = typeof options === "number" ? { status: options } : options;
  let errors: FieldErrors;
  let answered = status ?? 400;
  if (isRefusal(failure)) {
    const field = failure.field ? (fields[failure.field] ?? failure.field) : "form";
    errors = { [field]: failure.message };
    answered = failure.status;
  } else {
    errors = failure;
  }
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !/password|website/i.test(key)));
  return data({ ...(extra as Extra), ok: false as const, errors, values: kept }, { status: answered });
}

/**
 * The second step of "remove one of your own things" (a draft, a report): the form must carry the
 * intent and a whole-number id in `idField`; `remove` answers whether the member had it. A 400 for
 * anything else, a 404 (with `gone`) when it was not theirs or is gone, else a redirect to `done`.
 */
export async function removeOwn(
  values: FormValues,
  options: { intent: string; idField: string; remove: (id: number) => Promise<boolean>; gone: string; done: string },
) {
  const id = /^\d{1,10}$/.test(values[options.idField] ?? "") ? Number(values[options.idField]) : null;
  if (values.intent !== options.intent || id === null) {
    return formFailure({ form: "Sorry, we did not understand that request. Please try again." }, values);
  }
  if (!(await options.remove(id))) return formFailure({ form: options.gone }, values, 404);
  return redirect(options.done);
}
