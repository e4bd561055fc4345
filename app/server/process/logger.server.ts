import pino from "pino";

import { getEnv } from "./env.server";

// Structured logs. Never pass request bodies, passwords, cookies or IP addresses to these.
export const logger = pino({
  level: getEnv().LOG_LEVEL,
  base: { app: "fifth-option" },
  redact: {
    paths: ["password", "*.password", "cookie", "*.cookie", "headers.cookie", "ip", "*.ip", "body", "*.body"],
    censor: "[redacted]",
  },
});
