import { describe, expect, it } from "vitest";

import { allHelplines, EMERGENCY, helplineHref, SECTIONS } from "./helplines";

const DAY = 86_400_000;

describe("the helplines on the Get help now page", () => {
  const all = allHelplines();

  it("start with 999, NHS 111 and Samaritans", () => {
    expect(EMERGENCY.map((h) => h.dial)).toEqual(["999", "111", "116123"]);
  });

  it("cover carers, dementia, older people and domestic abuse in each of England, Wales and Scotland", () => {
    const covers = (sectionId: string, nation: "England" | "Wales" | "Scotland") =>
      SECTIONS.find((s) => s.id === sectionId)?.helplines.some(
        (h) => h.nations.length === 0 || h.nations.includes(nation),
      );
    for (const nation of ["England", "Wales", "Scotland"] as const) {
      for (const section of ["carers", "dementia", "older-people", "domestic-abuse"])
        expect(covers(section, nation), `${section} in ${nation}`).toBe(true);
    }
  });

  it("are dialled as written: a tel: link of the number's digits, or an sms: link with its text", () => {
    for (const helpline of all) {
      if (helpline.kind === "tel") {
        expect(helpline.dial, helpline.id).toBe(helpline.number.replace(/\D/g, ""));
        expect(helplineHref(helpline)).toBe(`tel:${helpline.dial}`);
        expect(helpline.dial, helpline.id).toMatch(/^(999|111|116\d{3}|0[358]\d{8,9})$/);
      } else {
        expect(helplineHref(helpline)).toBe(`sms:${helpline.dial}?body=${helpline.smsBody ?? ""}`);
      }
    }
  });

  it("each name where the number is published, and were checked within the last 400 days", () => {
    const ids = new Set<string>();
    for (const helpline of all) {
      expect(ids.has(helpline.id), helpline.id).toBe(false);
      ids.add(helpline.id);
      expect(new URL(helpline.source).protocol, helpline.id).toBe("https:");
      const age = Date.now() - Date.parse(`${helpline.checkedOn}T00:00:00Z`);
      // When this fails, look each number up again on its source page and update checkedOn.
      expect(age, `${helpline.id} was checked on ${helpline.checkedOn}`).toBeLessThan(400 * DAY);
      expect(age).toBeGreaterThanOrEqual(0);
    }
  });
});
