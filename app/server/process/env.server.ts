import { z } from "zod";

// Every setting the app reads, validated once at start. README "Configuration" lists the same.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Unset: the app starts its own embedded PostgreSQL (see app/server/db/embedded-postgres.server.ts).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  EMBEDDED_POSTGRES_DIR: z.string().min(1).optional(),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  // Seals the "next page" cursors of /stories and the API (app/server/http/cursors.server.ts). Unset: a
  // random key is made once and kept in the database (app_secret), shared by every instance.
  CURSOR_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // Story lists and searches count, rank and count by filter at most this many matches, then say
  // "more than" (app/domain/posts/bounded-counts.ts, docs/story-search.md). Small values are for tests.
  STORY_COUNT_BOUND: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Set when a proxy in front of the app terminates TLS and sets X-Forwarded-Proto.
  // Longest a page rendered for a signed-out reader is served to the next ones while nothing in
  // what it shows changes (app/server/http/page-cache.server.ts); 0 turns the cache off.
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  // How many processes serve requests (Node's cluster module, main.ts): 1 serves from the main
  // process; more fork that many workers sharing the port, one per core being the usual choice.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  // Requests each process works on at once; the others wait their turn, writes first, and a read
  // or a write beyond REQUESTS_WAITING_AT_MOST of its kind is refused with a 503 (http/admission.server.ts).
  // Unset: 2 in a single process, 1 in each of several workers (decision 054).
  REQUESTS_AT_ONCE: z.coerce.number().int().min(1).max(1000).optional(),
  REQUESTS_WAITING_AT_MOST: z.coerce.number().int().min(1).max(100_000).default(200),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  // The site's public address: every absolute URL the app writes (feeds, API links, citations)
  // starts with it, never with the request's Host header (docs/hardening.md). Only its origin is
  // used. Unset: http://localhost:PORT, for development and the demo.
  PUBLIC_URL: z
    .string()
    .url("must be an absolute address such as https://fifth-option.example")
    .refine((value) => /^https?:\/\//i.test(value), "must start with http:// or https://")
    .optional(),
});

const withPublicUrl = envSchema.transform((env) => ({
  ...env,
  PUBLIC_URL: new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).origin,
  // About two requests in work on the machine: with two workers on two cores, two each put four
  // in work against PostgreSQL's share of the same cores, and every read and write paid for it.
  REQUESTS_AT_ONCE: env.REQUESTS_AT_ONCE ?? (env.WEB_CONCURRENCY > 1 ? 1 : 2),
}));

export type Env = z.infer<typeof withPublicUrl>;

export class ConfigError extends Error {}

/** Parses the environment; the error names the first bad variable in one line. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = withPublicUrl.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    // The value itself is never echoed: DATABASE_URL carries a password.
    throw new ConfigError(`Configuration error: ${name}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The origin every absolute URL in an answer starts with: PUBLIC_URL, e.g. "https://fifth-option.example". */
export function publicOrigin(): string {
  return getEnv().PUBLIC_URL;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether a request's Host (as the app sees it) is the configured public one. With the default
 * PUBLIC_URL (a loopback address) any loopback name on the same port counts, so
 * http://127.0.0.1:3000 and http://localhost:3000 are the same site in development.
 */
export function isPublicHost(host: string | undefined, origin = publicOrigin()): boolean {
  if (!host) return false;
  const expected = new URL(origin);
  if (host.toLowerCase() === expected.host) return true;
  if (!LOOPBACK.has(expected.hostname)) return false;
  const match = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d+))?$/i.exec(host);
  if (!match) return false;
  const defaultPort = expected.protocol === "https:" ? "443" : "80";
  return (match[2] ?? defaultPort) === (expected.port || defaultPort);
}
