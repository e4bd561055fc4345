import { describe, expect, it } from "vitest";

import {
  addQuarters,
  quarterCode,
  quarterContaining,
  quarterLabel,
  quarterStartFromCode,
  quartersBetween,
} from "./quarters";

describe("quarters", () => {
  it("read and write the address form", () => {
    expect(quarterStartFromCode("2025-Q2")).toBe("2025-04-01");
    expect(quarterStartFromCode("2025-Q4")).toBe("2025-10-01");
    expect(quarterStartFromCode("2025-Q5")).toBeNull();
    expect(quarterStartFromCode("2025-04-01")).toBeNull();
    expect(quarterCode("2025-10-01")).toBe("2025-Q4");
  });

  it("are shown in words", () => {
    expect(quarterLabel("2025-01-01")).toBe("Jan to Mar 2025");
    expect(quarterLabel("2025-10-01")).toBe("Oct to Dec 2025");
  });

  it("step across years", () => {
    expect(addQuarters("2025-10-01", 1)).toBe("2026-01-01");
    expect(addQuarters("2025-01-01", -1)).toBe("2024-10-01");
    expect(addQuarters("2025-04-01", -11)).toBe("2022-07-01");
    expect(quarterContaining(new Date("2026-12-01T10:00:00Z"))).toBe("2026-10-01");
    expect(quartersBetween("2025-07-01", "2026-01-01")).toEqual(["2025-07-01", "2025-10-01", "2026-01-01"]);
    expect(quartersBetween("2026-01-01", "2025-07-01")).toEqual([]);
  });
});
