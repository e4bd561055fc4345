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
  // Seals the "next page" cursors of /stories and the API (app/server/cursors.server.ts). Unset: a
  // random key is made once and kept in the database (app_secret), shared by every instance.
  CURSOR_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Set when a proxy in front of the app terminates TLS and sets X-Forwarded-Proto.
  // Longest a page rendered for a signed-out reader is served to the next ones while nothing in
  // the database changes (app/server/page-cache.server.ts); 0 turns the cache off.
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment; the error names the first bad variable in one line. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
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
