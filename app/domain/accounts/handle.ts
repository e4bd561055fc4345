// Handles are pseudonyms. We refuse ones that look like they could identify the person, and say why.
import nlp from "compromise";
import { findPhoneNumbersInText } from "libphonenumber-js/min";

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

/** The form handles are compared in: unique regardless of case. */
export function handleKey(handle: string): string {
  return handle.trim().toLowerCase();
}

/** "john_smith", "JohnSmith", "john.smith" → "John Smith" so the name finder can read it. */
function asWords(handle: string): string[] {
  return handle
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1).toLowerCase());
}

/**
 * Returns why a handle cannot be used, or null when it is fine. Checks shape first, then the
 * things that could identify someone: an email, a phone number, a year (often a birth year),
 * and a real-looking first name plus surname.
 */
export function handleProblem(raw: string): string | null {
  const handle = raw.trim();
  if (handle.length === 0) return "Enter a name to post under";
  if (handle.length < HANDLE_MIN) return `Your name must be at least ${HANDLE_MIN} characters`;
  if (handle.length > HANDLE_MAX) return `Your name must be ${HANDLE_MAX} characters or fewer`;
  if (/[^\s@.+]+@[^\s@]+\.[a-z]{2,}/i.test(handle)) {
    return "Your name looks like an email address. Choose a made-up name that does not identify you";
  }
  if (!/^[A-Za-z0-9_-]+$/.test(handle)) {
    return "Your name can only use letters, numbers, hyphens and underscores";
  }
  const digitsJoined = handle.replace(/(?<=\d)[_-]+(?=\d)/g, "");
  if (/\d{7,}/.test(digitsJoined) || findPhoneNumbersInText(handle.replace(/[_-]/g, " "), "GB").length > 0) {
    return "Your name looks like it contains a phone number. Choose a made-up name that does not identify you";
  }
  if (/(?<!\d)(19|20)\d{2}(?!\d)/.test(handle)) {
    return "Your name contains what looks like a year, which could be a birth year. Leave out the year";
  }
  const words = asWords(handle);
  if (words.length >= 2 && words.length <= 3) {
    const doc = nlp(words.join(" "));
    if (doc.has("#FirstName #LastName") || doc.has("#Honorific #LastName") || doc.has("#Honorific #FirstName")) {
      return "Your name looks like a real person's first name and surname. Choose a made-up name that does not identify you";
    }
  }
  return null;
}
