/**
 * Login CSRF: before login there is no session token, yet a forged login (into the attacker's
 * account, or guessing from the victim's browser and address) must be refused. The login request
 * must pass all of:
 *
 * 1. Origin, when the browser sends it, is our own origin (the public URL's, or the one the request
 *    was addressed to); Sec-Fetch-Site, when sent, is "same-origin".
 * 2. Header X-CSRF-Token equals the `samsyn_csrf` cookie that GET /api/auth/config issues. A custom
 *    header makes a cross-site request need a CORS preflight, which this server never grants, so
 *    no other site can send it; the cookie equality (double submit) also binds the token to this
 *    browser. The cookie is readable by the page's script (not HttpOnly): it holds no secret
 *    beyond "came from our page", and SameSite=Strict keeps other sites from sending it.
 *
 * Once logged in, the session's own CSRF token takes over (auth/middleware.ts).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Config } from "../server/config.ts";
import { ApiError } from "../server/errors.ts";
import { csrfHeader } from "./middleware.ts";

export const loginCsrfCookie = "samsyn_csrf";
const tokenPattern = /^[A-Za-z0-9_-]{32,128}$/;

/** The browser's login token: the existing one (other tabs may be using it) or a new one. */
export function issueLoginCsrfToken(c: Context, config: Config): string {
  const existing = getCookie(c, loginCsrfCookie);
  if (existing && tokenPattern.test(existing)) return existing;
  const token = randomBytes(32).toString("base64url");
  setCookie(c, loginCsrfCookie, token, {
    path: "/",
    sameSite: "Strict",
    secure: config.secureCookies,
    httpOnly: false,
  });
  return token;
}

export function csrfRefused(): ApiError {
  return new ApiError(403, "CSRF", "Begäran saknar giltig säkerhetstoken. Ladda om sidan och försök igen.");
}

/** Throws 403 CSRF unless the login request comes from our own page (see above). */
export function checkLoginCsrf(c: Context, config: Config): void {
  const origin = c.req.header("origin");
  if (origin !== undefined && !ownOrigins(c, config).has(origin)) throw csrfRefused();
  const fetchSite = c.req.header("sec-fetch-site");
  if (fetchSite !== undefined && fetchSite !== "same-origin") throw csrfRefused();
  const cookie = getCookie(c, loginCsrfCookie);
  const header = c.req.header(csrfHeader);
  if (!cookie || !header || !tokenPattern.test(cookie) || !sameText(cookie, header)) throw csrfRefused();
}

function ownOrigins(c: Context, config: Config): Set<string> {
  return new Set([new URL(config.publicUrl).origin, new URL(c.req.url).origin]);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
