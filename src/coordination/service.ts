/**
 * Coordination commands (Lag 2019:1297). Each checks its rules, refuses without the consent the
 * step needs, writes, and records its audit event in the same transaction — a refusal writes
 * nothing. Reads are loaders the routes run inside `auditedRead`.
 */
export * from "./context.ts";
export * from "./consent-service.ts";
export * from "./aktualisering-service.ts";
export * from "./samtal-service.ts";
export * from "./measure-service.ts";
export * from "./log-service.ts";
