import { apiEndpoint, refuseWrites } from "~/server/api/endpoint.server";
import { listTags } from "~/server/reference/reference.server";

export const loader = apiEndpoint("/tags", { maxAgeSeconds: 3600 }, async () => ({ body: { tags: await listTags() } }));

export const action = refuseWrites;
