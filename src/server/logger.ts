/**
 * Structured logs. Nothing that identifies a patient is ever logged: request logs carry method,
 * route pattern (never the concrete URL with its query), status and timing.
 */
import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "samsyn" },
    redact: {
      paths: ["*.personnummer", "*.password", "*.name", "*.givenName", "*.familyName"],
      censor: "[redacted]",
    },
  });
}
