// Query parameters of the public API: what every endpoint checks before it does any work.
import { z } from "zod";

import type { ParameterError } from "./problems";

export const PAGE_SIZE = { default: 20, min: 1, max: 100 } as const;

const pageSizeRange = `a whole number from ${PAGE_SIZE.min} to ${PAGE_SIZE.max}`;

/** "limit": items per page. */
export const pageSize = z
  .string()
  .regex(/^\d{1,3}$/, `Limit must be ${pageSizeRange}.`)
  .transform(Number)
  .refine(
    (limit) => limit >= PAGE_SIZE.min && limit <= PAGE_SIZE.max,
    (limit) => ({ message: `Limit must be ${pageSizeRange} (it was ${limit}).` }),
  )
  .default(String(PAGE_SIZE.default));

/**
 * Parameters the endpoint does not know. A researcher who types contry= instead of council= must
 * be told, not handed every story in the country as if the filter had worked.
 */
export function unknownParameters(query: URLSearchParams, known: readonly string[]): ParameterError[] {
  return [...new Set(query.keys())]
    .filter((name) => !known.includes(name))
    .map((name) => ({
      parameter: name,
      detail:
        known.length > 0
          ? `Unknown parameter. This endpoint accepts ${known.join(", ")}.`
          : "Unknown parameter. This endpoint takes no query parameters.",
    }));
}

/**
 * Reads the parameters a schema names: each with one value (empty counts as absent), each value
 * checked, and every refusal named by its parameter.
 */
export function readParameters<Shape extends z.ZodRawShape>(
  query: URLSearchParams,
  schema: z.ZodObject<Shape>,
): { ok: true; values: z.output<z.ZodObject<Shape>> } | { ok: false; errors: ParameterError[] } {
  const errors: ParameterError[] = [];
  const raw: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    // The same value twice is harmless (and what some clients send); two different values are not.
    const values = [...new Set(query.getAll(name).filter((value) => value !== ""))];
    if (values.length > 1) errors.push({ parameter: name, detail: `Give ${name} once.` });
    else if (values[0] !== undefined) raw[name] = values[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const parameter = String(issue.path[0]);
      if (!errors.some((error) => error.parameter === parameter)) errors.push({ parameter, detail: issue.message });
    }
  }
  return parsed.success && errors.length === 0 ? { ok: true, values: parsed.data } : { ok: false, errors };
}
