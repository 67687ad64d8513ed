/**
 * The edge check every API request passes before authentication, validation or SQL: text that
 * PostgreSQL cannot store (NUL, lone UTF-16 surrogates), JSON nested deeper than any request of
 * ours, strings longer than any field of ours and numbers outside PostgreSQL's `integer` answer
 * 400 with a Swedish message naming the field, so hostile input never becomes a 500.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";

export const inputLimits = {
  /** Our deepest request (an import row's diagnoses) is 4 levels; 32 leaves room, 5,000 does not. */
  maxDepth: 32,
  /** The longest free text of a certificate is a few thousand characters. */
  maxStringLength: 20_000,
  maxQueryValueLength: 2_000,
  /** PostgreSQL `integer` (int4): versions, degrees, counts. */
  maxInteger: 2_147_483_647,
} as const;

const nul = "\u0000";

/** Why a text cannot be stored, in Swedish, or null when it can. */
export function textProblem(text: string, maxLength: number): string | null {
  if (text.includes(nul)) return "innehåller ett otillåtet tecken (NUL)";
  if (!text.isWellFormed()) return "innehåller ogiltiga Unicode-tecken";
  if (text.length > maxLength) return `är för långt (högst ${maxLength.toLocaleString("sv-SE")} tecken)`;
  return null;
}

const refuse = (field: string, problem: string) =>
  new ApiError(400, "VALIDATION", `Fältet ${field} ${problem}.`, {
    issues: [{ path: field, message: `Fältet ${field} ${problem}.` }],
  });

/** The nesting depth of a JSON text, counted without parsing (parsing is what must not recurse). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) deepest = Math.max(deepest, ++depth);
    else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return deepest;
}

/** The first value in a parsed JSON body that cannot be stored, as [field path, problem]. */
export function jsonValueProblem(value: unknown, path: string[] = []): [string, string] | null {
  const field = () => (path.length > 0 ? path.join(".") : "(begäran)");
  if (typeof value === "string") {
    const problem = textProblem(value, inputLimits.maxStringLength);
    return problem ? [field(), problem] : null;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Math.abs(value) > inputLimits.maxInteger) {
      return [field(), `har ett för stort tal (högst ${inputLimits.maxInteger.toLocaleString("sv-SE")})`];
    }
    return null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = jsonValueProblem(item, [...path, String(index)]);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key, 200);
      if (keyProblem) return [field(), `har ett fältnamn som ${keyProblem}`];
      const problem = jsonValueProblem(item, [...path, key]);
      if (problem) return problem;
    }
  }
  return null;
}

function checkUrl(url: URL) {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw refuse("adress", "har en felaktig teckenkodning");
  }
  const pathProblem = textProblem(path, inputLimits.maxQueryValueLength);
  if (pathProblem) throw refuse("adress", pathProblem);
  for (const [key, value] of url.searchParams) {
    const problem = textProblem(key, 200) ?? textProblem(value, inputLimits.maxQueryValueLength);
    // A key that cannot be stored is not named back: it is the problem.
    if (problem) throw refuse(textProblem(key, 200) ? "(frågeparameter)" : key, problem);
  }
}

async function checkBody(request: Request, text: () => Promise<string>) {
  const contentType = request.headers.get("content-type") ?? "";
  const body = await text();
  if (body.length === 0) return;
  if (!/json/i.test(contentType)) {
    // CSV and other text: only what PostgreSQL cannot store (imports name the row themselves).
    if (body.includes(nul)) throw refuse("(innehållet)", "innehåller ett otillåtet tecken (NUL)");
    return;
  }
  if (jsonDepth(body) > inputLimits.maxDepth) {
    throw refuse("(begäran)", `är för djupt nästlad (högst ${inputLimits.maxDepth} nivåer)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError(400, "BAD_REQUEST", "Begäran är inte giltig JSON.");
  }
  const problem = jsonValueProblem(parsed);
  if (problem) throw refuse(...problem);
}

export const inputGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  checkUrl(new URL(c.req.url));
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    // Hono keeps the text, so the validators and handlers read the same body afterwards.
    await checkBody(c.req.raw, () => c.req.text());
  }
  await next();
};
