// Structured JSON logs (pino). One line per event; request-scoped lines carry `request_id`.
import pino from "pino";

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
// A bad LOG_LEVEL must not crash at import time: env() reports it, in one line, at boot.
const level = LEVELS.has(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL! : process.env.NODE_ENV === "test" ? "warn" : "info";

export const log = pino({
  level,
  base: { service: "sms" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: ["password", "*.password", "refresh", "access", "key", "*.key", "authorization"], censor: "[redacted]" },
});
