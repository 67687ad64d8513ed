/**
 * The last line behind edge validation: a PostgreSQL error that can only come from the request's
 * data (a data exception, class 22, or an integrity violation, class 23) is the client's mistake,
 * not the server's. Its transaction has rolled back, so it answers 400 (409 for a duplicate) in
 * Swedish, naming the column as the API's field, instead of a 500.
 */
import { ApiError } from "./errors.ts";

interface PgError {
  code?: unknown;
  column?: unknown;
  constraint?: unknown;
  detail?: unknown;
}

function pgErrorOf(error: unknown): PgError | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as PgError).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e as PgError;
  }
  return null;
}

/** care_provider_id → careProviderId: the API's name of a column. */
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function fieldOf(error: PgError): string | null {
  if (typeof error.column === "string") return camel(error.column);
  // "Key (care_provider_id)=(x) is not present …": the column, never the value.
  const key = typeof error.detail === "string" ? /^Key \(([a-z_]+)\)/.exec(error.detail) : null;
  return key ? camel(key[1]!) : null;
}

export function inputErrorFromDatabase(error: unknown): ApiError | null {
  const pg = pgErrorOf(error);
  if (!pg || typeof pg.code !== "string") return null;
  const field = fieldOf(pg);
  const named = (text: string) => (field ? `Fältet «${field}» ${text}.` : `Uppgifterna ${text}.`);
  const refuse = (status: 400 | 409, code: string, message: string) =>
    new ApiError(status, code, message, field ? { issues: [{ path: field, message }] } : {});
  switch (pg.code) {
    case "23505":
      return refuse(409, "DUPLICATE", named("har ett värde som redan finns"));
    case "23503":
      return refuse(400, "VALIDATION", named("hänvisar till något som inte finns"));
    case "23502":
      return refuse(400, "VALIDATION", named("saknas"));
    case "23514":
      return refuse(400, "VALIDATION", named("har ett otillåtet värde"));
  }
  if (pg.code.startsWith("22")) return refuse(400, "VALIDATION", named("har ett värde som inte kan sparas"));
  return null;
}
