/**
 * Attaches the actor of the session cookie (or null) to every API request, and enforces CSRF
 * protection: a state-changing request of a logged-in session must carry the session's CSRF
 * token in the X-CSRF-Token header (a cross-site form cannot read it, so cannot send it).
 */
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Actor } from "../access/actor.ts";
import type { AppEnv } from "../server/env.ts";
import { ApiError, errors } from "../server/errors.ts";
import { loadSession, sessionCookie } from "./session.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
export const csrfHeader = "x-csrf-token";

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { database, config, now } = c.var.deps;
  const token = getCookie(c, sessionCookie);
  const loaded = token ? await loadSession(database.db, token, now(), config.sessionTtlMinutes) : null;
  c.set("actor", loaded?.actor ?? null);
  if (loaded && !safeMethods.has(c.req.method) && c.req.header(csrfHeader) !== loaded.csrfToken) {
    throw new ApiError(403, "CSRF", "Begäran saknar giltig säkerhetstoken. Ladda om sidan och försök igen.");
  }
  await next();
});

/** The logged-in actor, or 401. */
export function requireActor(c: { var: { actor: Actor | null } }): Actor {
  const actor = c.var.actor;
  if (!actor) throw errors.unauthenticated();
  return actor;
}
