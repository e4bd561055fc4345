// Password rules: long enough, and not one of the 10,000 most common passwords.
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

// zxcvbn-ts ships leaked-password lists ranked by frequency; we take the top 10,000.
const COMMON_PASSWORDS = new Set((dictionary["passwords-common"] as string[]).slice(0, 10_000));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** Why a new password cannot be used, or null. */
export function passwordProblem(password: string, handle?: string): string | null {
  if (password.length === 0) return "Enter a password";
  if (password.length < PASSWORD_MIN) return `Your password must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Your password must be ${PASSWORD_MAX} characters or fewer`;
  if (isCommonPassword(password)) {
    return "This password is one of the most common passwords, so it is easy to guess. Choose a different one";
  }
  if (handle && password.toLowerCase().includes(handle.trim().toLowerCase())) {
    return "Your password must not contain your name";
  }
  return null;
}
