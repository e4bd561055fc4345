import { describe, expect, it } from "vitest";

import { ConfigError, isPublicHost, parseEnv } from "./env.server";

describe("configuration", () => {
  it("starts with sensible defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_POSTGRES_PORT).toBe(54329);
    expect(env.TRUST_PROXY).toBe(false);
  });

  it("works on two requests at once in a single process and one in each of several workers, unless told", () => {
    expect(parseEnv({}).REQUESTS_AT_ONCE).toBe(2);
    expect(parseEnv({ WEB_CONCURRENCY: "2" }).REQUESTS_AT_ONCE).toBe(1);
    expect(parseEnv({ WEB_CONCURRENCY: "4" }).REQUESTS_AT_ONCE).toBe(1);
    expect(parseEnv({ WEB_CONCURRENCY: "2", REQUESTS_AT_ONCE: "3" }).REQUESTS_AT_ONCE).toBe(3);
    expect(parseEnv({ REQUESTS_AT_ONCE: "" }).REQUESTS_AT_ONCE).toBe(2);
    expect(() => parseEnv({ REQUESTS_AT_ONCE: "0" })).toThrow(/REQUESTS_AT_ONCE/);
  });

  it("names the variable that is wrong, in one line", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/^Configuration error: PORT: /);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      "Configuration error: DATABASE_URL: must be a postgresql:// connection URL",
    );
    expect(() => parseEnv({ LOG_LEVEL: "chatty" })).toThrow(/LOG_LEVEL/);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });

  it("never repeats a secret in the error message", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://admin:hunter2hunter2@db/x" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
      expect((error as Error).message.split("\n")).toHaveLength(1);
    }
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("takes the public address from PUBLIC_URL, or http://localhost:PORT when unset", () => {
    expect(parseEnv({}).PUBLIC_URL).toBe("http://localhost:3000");
    expect(parseEnv({ PORT: "8080" }).PUBLIC_URL).toBe("http://localhost:8080");
    expect(parseEnv({ PUBLIC_URL: "https://fifth-option.example/some/path" }).PUBLIC_URL).toBe(
      "https://fifth-option.example",
    );
    expect(() => parseEnv({ PUBLIC_URL: "fifth-option.example" })).toThrow(/^Configuration error: PUBLIC_URL: /);
    expect(() => parseEnv({ PUBLIC_URL: "ftp://fifth-option.example" })).toThrow(/PUBLIC_URL/);
  });

  it("knows the configured host, and treats loopback names alike only for a loopback PUBLIC_URL", () => {
    expect(isPublicHost("fifth-option.example", "https://fifth-option.example")).toBe(true);
    expect(isPublicHost("evil.example", "https://fifth-option.example")).toBe(false);
    expect(isPublicHost("localhost", "https://fifth-option.example")).toBe(false);
    expect(isPublicHost(undefined, "https://fifth-option.example")).toBe(false);
    expect(isPublicHost("127.0.0.1:3000", "http://localhost:3000")).toBe(true);
    expect(isPublicHost("[::1]:3000", "http://localhost:3000")).toBe(true);
    expect(isPublicHost("127.0.0.1:3001", "http://localhost:3000")).toBe(false);
    expect(isPublicHost("evil.example:3000", "http://localhost:3000")).toBe(false);
  });

  it("takes a cursor secret of 32 characters or more, and never echoes a short one", () => {
    expect(parseEnv({}).CURSOR_SECRET).toBeUndefined();
    expect(parseEnv({ CURSOR_SECRET: "k".repeat(32) }).CURSOR_SECRET).toBe("k".repeat(32));
    expect(() => parseEnv({ CURSOR_SECRET: "shortsecret" })).toThrow(
      "Configuration error: CURSOR_SECRET: must be at least 32 characters",
    );
    expect(() => parseEnv({ CURSOR_SECRET: "shortsecret" })).not.toThrow(/shortsecret/);
  });
});
