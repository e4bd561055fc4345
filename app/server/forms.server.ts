// Reading and answering forms: one pattern for every action (see app/components/forms.tsx).
import { randomUUID } from "node:crypto";

import { data } from "@remix-run/node";
import type { ZodError } from "zod";

import type { FieldErrors } from "~/components/forms";

export type FormValues = Record<string, string>;

export async function readForm(request: Request): Promise<FormValues> {
  return (await readFormWithLists(request)).values;
}

/** The first value of each field, plus every value of fields that repeat (checkboxes). */
export async function readFormWithLists(request: Request): Promise<{ values: FormValues; list: (key: string) => string[] }> {
  const form = await request.formData();
  const values: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return { values, list: (key) => form.getAll(key).filter((v): v is string => typeof v === "string") };
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

/**
 * A refused form: 400 (or the given status) with the messages and what the person typed, so
 * nothing is lost. Passwords are never sent back.
 */
export function formFailure(errors: FieldErrors, values: FormValues, status = 400) {
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !/password|website/i.test(key)));
  return data({ ok: false as const, errors, values: kept }, { status });
}
