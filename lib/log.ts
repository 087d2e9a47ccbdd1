// Structured JSON logs (pino). One line per event; request-scoped lines carry `request_id`.
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "sms" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: ["password", "*.password", "refresh", "access", "key", "*.key", "authorization"], censor: "[redacted]" },
});
