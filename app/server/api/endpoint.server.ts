// The public API's one request pipeline, shared by every app/routes/api.v1.* route: who is asking
// (an API key, or an anonymous client), their rate limit, the endpoint's known parameters, then the
// endpoint's own work. Every answer is JSON, or an RFC 9457 problem, and carries the rate-limit,
// CORS and caching headers.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";

import { can } from "~/domain/accounts/permissions";
import { presentedCredentials } from "~/domain/api/api-keys";
import { LICENCE_LINK } from "~/domain/datapackage";
import { type ApiPath, queryParameterNames } from "~/domain/api/openapi";
import { readParameters, unknownParameters } from "~/domain/api/parameters";
import { invalidParameters, type Problem, problemDocument, PROBLEM_TYPES } from "~/domain/api/problems";
import {
  RATE_LIMIT_POLICIES,
  type RateLimitPolicy,
  rateLimitField,
  rateLimitPolicyField,
} from "~/domain/api/rate-limits";

import { findApiKeyHolder } from "./api-keys.server";
import { isDatabaseUnavailable } from "../db/client.server";
import { publicOrigin } from "../process/env.server";
import { logger } from "../process/logger.server";
import { consumeAndReport, clientKey, type LimitName } from "../http/rate-limit.server";
import { API_CORS_HEADERS } from "./cors.server";

/** Thrown by an endpoint (or this pipeline) to answer with a problem instead of data. */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
  }
}

export interface ApiRequest {
  request: Request;
  params: LoaderFunctionArgs["params"];
  query: URLSearchParams;
  /** PUBLIC_URL's origin ("https://example.org"), for the absolute URLs in answers: never the request's Host. */
  origin: string;
}

export interface ApiReply {
  body: object;
  headers?: Record<string, string>;
}

interface EndpointOptions {
  /** How long browsers and caches may keep a successful answer. */
  maxAgeSeconds: number;
}

const RETRY_AFTER_OUTAGE_SECONDS = 5;

interface Client {
  policy: RateLimitPolicy;
  limit: LimitName;
  counter: string;
  keyed: boolean;
  /** Why the Authorization header was refused, when it was. */
  refusal: string | null;
}

async function identifyClient(request: Request, clientAddress: string | undefined): Promise<Client> {
  const presented = presentedCredentials(request.headers.get("Authorization"));
  if (presented.kind === "key") {
    const holder = await findApiKeyHolder(presented.key);
    // A member whose researcher role was taken away keeps their rows but not their access.
    if (holder && can(holder, "api:keys")) {
      return {
        policy: RATE_LIMIT_POLICIES.key,
        limit: "apiWithKey",
        counter: `member:${holder.id}`,
        keyed: true,
        refusal: null,
      };
    }
  }
  // A refused key still counts against the client's anonymous limit, so guessing keys is slow.
  return {
    policy: RATE_LIMIT_POLICIES.anonymous,
    limit: "apiAnonymous",
    counter: await clientKey(clientAddress),
    keyed: false,
    refusal:
      presented.kind === "none"
        ? null
        : presented.kind === "malformed"
          ? "The Authorization header must be Bearer followed by an API key (fo_ and 32 letters and digits)."
          : "This API key is not valid: it may have been revoked. Create a new one at /settings/api-keys, or send no Authorization header to use the API without a key.",
  };
}

function problemFor(error: unknown, path: string): ApiProblem {
  if (error instanceof ApiProblem) return error;
  // Connection errors reach here raw (the rate limiter's pool) or as the 503 Response that
  // app/server/db/client.server.ts makes of them (Prisma).
  if ((error instanceof Response && error.status === 503) || isDatabaseUnavailable(error)) {
    return new ApiProblem(
      { kind: "unavailable", detail: "We cannot reach our database at the moment. Please try again in a few seconds." },
      { "Retry-After": String(RETRY_AFTER_OUTAGE_SECONDS) },
    );
  }
  logger.error({ err: error, path }, "API request failed");
  return new ApiProblem({
    kind: "internal",
    detail: "Something went wrong on our side. It has been logged; please try again later.",
  });
}

function jsonResponse(body: object, status: number, contentType: string, headers: Headers): Response {
  headers.set("Content-Type", contentType);
  return new Response(JSON.stringify(body), { status, headers });
}

/** Runs one API request through the pipeline; `work` runs once the client is known and within its limit. */
async function answer(
  { request, params, context }: LoaderFunctionArgs | ActionFunctionArgs,
  options: EndpointOptions,
  work: (request: ApiRequest) => Promise<ApiReply>,
): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers(API_CORS_HEADERS);
  // Answers differ by key (rate limits), so caches must not hand one client's answer to another.
  headers.set("Vary", "Authorization");
  try {
    const client = await identifyClient(request, context.clientAddress);
    const limit = await consumeAndReport(client.limit, client.counter);
    headers.set("RateLimit-Policy", rateLimitPolicyField(client.policy));
    headers.set(
      "RateLimit",
      rateLimitField(client.policy, { remaining: limit.remaining, resetSeconds: limit.msBeforeReset / 1000 }),
    );
    if (!limit.allowed) {
      const seconds = Math.max(1, Math.ceil(limit.msBeforeReset / 1000));
      throw new ApiProblem(
        {
          kind: "rate-limited",
          detail: `You have made ${client.policy.quota} requests in ${client.policy.windowSeconds} seconds${client.keyed ? " with your key" : " without a key"}. Try again in ${seconds} seconds.`,
        },
        { "Retry-After": String(seconds) },
      );
    }
    if (client.refusal) {
      throw new ApiProblem(
        { kind: "unauthorized", detail: client.refusal },
        {
          "WWW-Authenticate": 'Bearer realm="Fifth Option API", error="invalid_token"',
        },
      );
    }
    const reply = await work({ request, params, query: url.searchParams, origin: publicOrigin() });
    headers.set("Cache-Control", `${client.keyed ? "private" : "public"}, max-age=${options.maxAgeSeconds}`);
    for (const [name, value] of Object.entries(reply.headers ?? {})) headers.set(name, value);
    // Every answer names its licence; an endpoint's own links (next page, data package) come first.
    headers.set("Link", [reply.headers?.Link, LICENCE_LINK].filter(Boolean).join(", "));
    return jsonResponse(reply.body, 200, "application/json", headers);
  } catch (error) {
    const refused = problemFor(error, url.pathname);
    for (const [name, value] of Object.entries(refused.headers)) headers.set(name, value);
    headers.set("Cache-Control", "no-store");
    const status = PROBLEM_TYPES[refused.problem.kind].status;
    return jsonResponse(problemDocument(refused.problem, publicOrigin()), status, "application/problem+json", headers);
  }
}

/**
 * A loader for the API operation at `path` (a path of the OpenAPI document). Query parameters the
 * document does not list for it are refused before `work` runs.
 */
export function apiEndpoint(path: ApiPath, options: EndpointOptions, work: (request: ApiRequest) => Promise<ApiReply>) {
  const known = queryParameterNames(path);
  return (args: LoaderFunctionArgs) =>
    answer(args, options, async (request) => {
      const unknown = unknownParameters(request.query, known);
      if (unknown.length > 0) throw new ApiProblem(invalidParameters(unknown));
      return work(request);
    });
}

/** The parameters a schema names, or a 400 naming each refused one. */
export function requireParameters<Shape extends z.ZodRawShape>(query: URLSearchParams, schema: z.ZodObject<Shape>) {
  const read = readParameters(query, schema);
  if (!read.ok) throw new ApiProblem(invalidParameters(read.errors));
  return read.values;
}

/** Every API route's action: the API only reads. */
export function refuseWrites(args: ActionFunctionArgs) {
  return answer(args, { maxAgeSeconds: 0 }, async ({ request }) => {
    throw new ApiProblem(
      { kind: "method-not-allowed", detail: `The API is read-only: ${request.method} is not allowed. Use GET.` },
      { Allow: "GET, HEAD" },
    );
  });
}

/** Addresses under /api/v1 that are no endpoint. */
export function unknownEndpoint(args: LoaderFunctionArgs | ActionFunctionArgs) {
  return answer(args, { maxAgeSeconds: 0 }, async ({ request }) => {
    throw new ApiProblem({
      kind: "not-found",
      detail: `There is no API endpoint at ${new URL(request.url).pathname}. The endpoints are listed in /api/v1/openapi.json.`,
    });
  });
}
