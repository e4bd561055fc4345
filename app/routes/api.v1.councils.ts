import { z } from "zod";

import { NATIONS } from "~/domain/taxonomy";
import { ApiProblem, apiEndpoint, refuseWrites, requireParameters } from "~/server/api/endpoint.server";
import { listCouncils, regionExists } from "~/server/reference/reference.server";

const filters = z.object({
  nation: z
    .string()
    .transform((value) => NATIONS.find((nation) => nation.toLowerCase() === value.toLowerCase()))
    .refine((nation) => nation !== undefined, "Nation must be England, Scotland or Wales.")
    .optional(),
  region: z
    .string()
    .regex(
      /^[ENSW]\d{8}$/,
      "Region must be a 9-character ONS code such as E12000001 (Scotland is S92000003, Wales W92000004).",
    )
    .optional(),
});

export const loader = apiEndpoint("/councils", { maxAgeSeconds: 3600 }, async ({ query }) => {
  const { nation, region } = requireParameters(query, filters);
  if (region && !(await regionExists(region))) {
    const detail = `There is no region with the code ${region}.`;
    throw new ApiProblem({ kind: "not-found", detail, errors: [{ parameter: "region", detail }] });
  }
  const councils = await listCouncils({ nation, region });
  return {
    body: {
      councils: councils.map(({ code, name, regionCode, regionName, nation }) => ({
        code,
        name,
        region: { code: regionCode, name: regionName },
        nation,
      })),
    },
  };
});

export const action = refuseWrites;
