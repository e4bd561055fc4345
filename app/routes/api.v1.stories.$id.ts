import { z } from "zod";

import { ApiProblem, apiEndpoint, refuseWrites } from "~/server/api/endpoint.server";
import { storyWithBodyResource } from "~/server/api/resources.server";
import { getPublishedPost } from "~/server/posts/read.server";

// Post ids are PostgreSQL integers: anything else cannot name a story, so it is simply not found.
const storyId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((id) => id <= 2_147_483_647);

export const loader = apiEndpoint("/stories/{id}", { maxAgeSeconds: 60 }, async ({ params, origin }) => {
  const id = storyId.safeParse(params.id);
  const story = id.success ? await getPublishedPost(id.data) : null;
  if (!story) {
    throw new ApiProblem({
      kind: "not-found",
      detail: `There is no published story with the id ${String(params.id).slice(0, 40)}.`,
    });
  }
  return { body: storyWithBodyResource(story, origin) };
});

export const action = refuseWrites;
