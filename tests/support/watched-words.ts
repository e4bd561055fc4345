// Watched words added as an admin adds them (/admin/watched-words), for tests of what they do.
import { expect } from "vitest";

import { send } from "./remix";

/** Adds each [pattern, action, replacement] through the admin page, with the admin's cookie. */
export async function addWatchedWords(adminCookie: string, words: [string, string, string][]) {
  for (const [pattern, action, replacement] of words) {
    const response = await send("/admin/watched-words", {
      form: { intent: "add", pattern, action, replacement },
      cookie: adminCookie,
    });
    expect(response.status).toBe(200);
  }
}
