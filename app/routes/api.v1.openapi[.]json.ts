import { OPENAPI } from "~/domain/api/openapi";
import { apiEndpoint, refuseWrites } from "~/server/api/endpoint.server";

export const loader = apiEndpoint("/openapi.json", { maxAgeSeconds: 3600 }, async () => ({ body: OPENAPI }));

export const action = refuseWrites;
