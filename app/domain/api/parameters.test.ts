import { describe, expect, it } from "vitest";
import { z } from "zod";

import { pageSize, readParameters, unknownParameters } from "./parameters";

const query = (text: string) => new URLSearchParams(text);

describe("query parameters", () => {
  it("names each parameter an endpoint does not know, once", () => {
    expect(unknownParameters(query("contry=England&tag=respite&contry=Wales"), ["tag", "council"])).toEqual([
      { parameter: "contry", detail: "Unknown parameter. This endpoint accepts tag, council." },
    ]);
    expect(unknownParameters(query("tag=respite"), ["tag"])).toEqual([]);
    expect(unknownParameters(query("x=1"), [])[0]?.detail).toBe(
      "Unknown parameter. This endpoint takes no query parameters.",
    );
  });

  it("reads a page size from 1 to 100, 20 when absent", () => {
    const schema = z.object({ limit: pageSize });
    expect(readParameters(query(""), schema)).toEqual({ ok: true, values: { limit: 20 } });
    expect(readParameters(query("limit="), schema)).toEqual({ ok: true, values: { limit: 20 } });
    expect(readParameters(query("limit=100"), schema)).toEqual({ ok: true, values: { limit: 100 } });
    expect(readParameters(query("limit=5&limit=5"), schema)).toEqual({ ok: true, values: { limit: 5 } });
    for (const bad of ["0", "101", "-1", "1.5", "ten", "1e2", "0100"]) {
      const read = readParameters(query(`limit=${bad}`), schema);
      expect(read.ok, bad).toBe(false);
      if (!read.ok) expect(read.errors[0]?.detail).toMatch(/^Limit must be a whole number from 1 to 100/);
    }
  });

  it("refuses a parameter given twice, and names every refused one", () => {
    const schema = z.object({ limit: pageSize, nation: z.enum(["England", "Wales"]).optional() });
    const read = readParameters(query("limit=5&limit=6&nation=Narnia"), schema);
    expect(read).toEqual({
      ok: false,
      errors: [
        { parameter: "limit", detail: "Give limit once." },
        { parameter: "nation", detail: expect.stringContaining("Invalid enum value") },
      ],
    });
  });
});
