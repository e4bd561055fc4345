// The fields every account form shares (join, sign in, recover, settings), so each is labelled,
// filled in by password managers and spell-checked the same way everywhere.
import type { ReactNode } from "react";

import { safeRedirectPath } from "~/domain/accounts/redirect";

import { TextField } from "./forms";

export function HandleField({
  label = "The name you post under",
  hint,
  error,
  defaultValue,
}: {
  label?: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
}) {
  return (
    <TextField
      name="handle"
      label={label}
      hint={hint}
      error={error}
      defaultValue={defaultValue}
      autoComplete="username"
      spellCheck={false}
      width="medium"
    />
  );
}

/** A password box; a new password says how long it must be and asks password managers for a fresh one. */
export function PasswordField({
  name = "password",
  label,
  isNew = false,
  hint = isNew ? "At least 10 characters." : undefined,
  error,
}: {
  name?: string;
  label: string;
  isNew?: boolean;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <TextField
      name={name}
      type="password"
      label={label}
      hint={hint}
      error={error}
      autoComplete={isNew ? "new-password" : "current-password"}
      width="medium"
    />
  );
}

/** Where to go after signing in or joining; checked here too, so the page never carries an address off the site. */
export function RedirectToField({ value }: { value: string | null | undefined }) {
  return <input type="hidden" name="redirectTo" value={safeRedirectPath(value)} />;
}
