/**
 * The one place the web app talks HTTP. Every answer that is not 2xx becomes an ApiError with the
 * server's Swedish message; a 401 outside /api/auth tells the app the session is gone.
 */

export interface ApiIssue {
  path: string;
  message: string;
}

const texts = {
  network: "Det gick inte att nå servern. Kontrollera anslutningen och försök igen.",
  unreadable: "Servern svarade med något som inte gick att tolka. Försök igen.",
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];
  /** On 409: what is saved now. */
  readonly current: unknown;

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = [], current?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.current = current;
  }

  /** The message of the first issue about a field (path "givenName", "body.givenName" …). */
  issueFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.path === field || issue.path.endsWith(`.${field}`))?.message;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

let csrfToken: string | null = null;
/** When the server last answered a request of the session (performance.now(): a duration, not a date). */
let lastAnswerAt = performance.now();

/** Milliseconds since the server last answered (each answer moves the session's idle expiry). */
export function sinceLastAnswer(): number {
  return performance.now() - lastAnswerAt;
}
let unauthorizedHandler: () => void = () => {};

/** The session's CSRF token (Me.csrfToken), sent on every state-changing request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler;
}

/** Before login there is no session: GET /api/auth/config sets this readable cookie instead. */
export const loginCsrfCookie = "samsyn_csrf";

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Overrides the session CSRF token (the login request uses the login cookie's token). */
  csrfToken?: string | null;
  /** A body sent as it is (an uploaded file) instead of as JSON. */
  rawBody?: { text: string; contentType: string };
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.rawBody) headers["content-type"] = options.rawBody.contentType;
  if (method !== "GET") {
    const token = options.csrfToken !== undefined ? options.csrfToken : csrfToken;
    if (token) headers["x-csrf-token"] = token;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.rawBody
        ? options.rawBody.text
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, "NETWORK", texts.network);
  }
  if (response.status !== 401) lastAnswerAt = performance.now();
  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (response.ok) return body as T;
  const error = toApiError(response.status, body);
  if (error.status === 401 && !path.startsWith("/api/auth/")) unauthorizedHandler();
  throw error;
}

function withQuery(path: string, query: RequestOptions["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error.message !== "string") {
    return new ApiError(status, "UNREADABLE", texts.unreadable);
  }
  const issues = Array.isArray(error.issues) ? (error.issues as ApiIssue[]) : [];
  return new ApiError(status, String(error.code ?? "ERROR"), error.message, issues, error.current);
}
