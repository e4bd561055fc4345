import { unknownEndpoint } from "~/server/api/endpoint.server";

// Anything under /api/v1 that is not an endpoint: a problem document, not the site's HTML 404 page.
export const loader = unknownEndpoint;
export const action = unknownEndpoint;
