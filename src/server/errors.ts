/**
 * One error shape for the whole API: `{ error: { code, message, issues? } }`. Messages are
 * Swedish so the web app can show them as they are; they never contain patient data.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface ErrorIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: ErrorIssue[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { issues?: ErrorIssue[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = options.issues;
    this.extra = options.extra;
  }
}

export const errors = {
  unauthenticated: () => new ApiError(401, "UNAUTHENTICATED", "Du är inte inloggad."),
  forbidden: () => new ApiError(403, "FORBIDDEN", "Du har inte behörighet till detta."),
  noUnit: () => new ApiError(403, "NO_UNIT", "Välj en vårdenhet att arbeta på."),
  notFound: () => new ApiError(404, "NOT_FOUND", "Hittades inte."),
  /** A stale write: someone saved a newer version. `current` shows the user what changed. */
  conflict: (current: unknown) =>
    new ApiError(409, "CONFLICT", "Någon annan har ändrat uppgifterna. Se den senaste versionen.", {
      extra: { current },
    }),
  badRequest: (message: string, issues?: ErrorIssue[]) =>
    new ApiError(400, "BAD_REQUEST", message, issues ? { issues } : {}),
};

export function errorBody(error: ApiError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.extra ?? {}),
    },
  };
}
