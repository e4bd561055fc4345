// The given names and surnames name-data.ts reads come from @faker-js/faker's locale lists, saved
// in faker-names.json so the running site does not load nine whole faker locales (addresses,
// companies, lorem…: 3.4 MB more heap and 5 MB more memory) to read two lists from each. This test
// extracts the lists again from the installed faker and compares: updating faker without
// updating the file fails here, and `npx vitest run --config .config/vitest.config.ts --project
// unit -u app/domain/anonymity/faker-names.test.ts` writes the file afresh.
import { faker as en } from "@faker-js/faker/locale/en";
import { faker as enGh } from "@faker-js/faker/locale/en_GH";
import { faker as enIn } from "@faker-js/faker/locale/en_IN";
import { faker as enNg } from "@faker-js/faker/locale/en_NG";
import { faker as pl } from "@faker-js/faker/locale/pl";
import { faker as ro } from "@faker-js/faker/locale/ro";
import { faker as ur } from "@faker-js/faker/locale/ur";
import { faker as yoNg } from "@faker-js/faker/locale/yo_NG";
import { faker as zuZa } from "@faker-js/faker/locale/zu_ZA";
import { describe, expect, it } from "vitest";

import { GIVEN_NAMES, SURNAMES } from "./name-data";

/**
 * Why these locales: en is the broad English-language list (British and American names overlap
 * heavily); en_NG and yo_NG hold Nigerian (Yoruba, Igbo, Hausa) names, en_GH Akan and Ewe names,
 * en_IN and ur South Asian names, pl and ro the largest Eastern European communities in UK care
 * work, zu_ZA Southern African names. Locales written in other scripts add nothing here.
 */
const LOCALES = [en, enNg, yoNg, enGh, enIn, ur, pl, ro, zuZa];

/** Every name in a locale's lists (first_name or last_name: by sex, generic…), lower case, in Latin letters. */
function namesIn(kind: "first_name" | "last_name"): string[] {
  const names = new Set<string>();
  for (const locale of LOCALES) {
    const person: unknown = locale.rawDefinitions.person;
    if (typeof person !== "object" || person === null || !(kind in person)) continue;
    const lists: unknown = (person as Record<string, unknown>)[kind];
    if (typeof lists !== "object" || lists === null) continue;
    for (const list of Object.values(lists)) {
      if (!Array.isArray(list)) continue;
      for (const name of list) {
        // Latin letters only; multi-word entries ("Mary Ann") are kept whole.
        if (typeof name === "string" && /^[\p{Script=Latin}'’ -]+$/u.test(name)) names.add(name.toLowerCase());
      }
    }
  }
  return [...names].sort();
}

describe("faker-names.json", () => {
  it("holds exactly the names of the installed faker's chosen locales", async () => {
    const extracted = { given: namesIn("first_name"), surnames: namesIn("last_name") };
    expect(extracted.given.length).toBeGreaterThan(3_000);
    expect(extracted.surnames.length).toBeGreaterThan(1_000);
    await expect(`${JSON.stringify(extracted, null, 2)}\n`).toMatchFileSnapshot("./faker-names.json");
  });

  it("is what the check reads, with the names faker has no locale for", () => {
    for (const name of ["adebayo", "kowalski", "siobhán", "gruffydd"])
      expect(SURNAMES.has(name) || GIVEN_NAMES.has(name)).toBe(true);
    for (const name of namesIn("first_name").slice(0, 200)) expect(GIVEN_NAMES.has(name), name).toBe(true);
    for (const name of namesIn("last_name").slice(0, 200)) expect(SURNAMES.has(name), name).toBe(true);
  });
});
