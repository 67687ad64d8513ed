/**
 * Authentication API: login (local password in demo mode, OIDC in production), logout, who is
 * logged in (Me) and the unit switch. Logins, failed logins and logouts are audited in the
 * unit-less chain ("-"); a failed login records whether the name was an account, never the name
 * or password (users do type passwords into the username field).
 */
import { randomBytes } from "node:crypto";
import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { capabilitiesOfActor, type Actor } from "../access/actor.ts";
import { roleIds, roles, isRole, type Role } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, session, unit } from "../db/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { ApiError, errors } from "../server/errors.ts";
import { errorResponses, errorSchema, jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData } from "../server/router.ts";
import { checkLoginCsrf, issueLoginCsrfToken } from "./login-csrf.ts";
import { authConfigSchema, loginBody, meSchema, unitBody, type Me } from "./schema.ts";
import { requireActor } from "./middleware.ts";
import { finishFlow, flowMinutes, oidcCookie, startFlow, type FlowResult } from "./oidc.ts";
import { verifyPassword, hashPassword } from "./password.ts";
import { assignmentInForce, createSession, deleteSession, loadSession, sessionCookie } from "./session.ts";
import {
  clientAddress,
  forgetOldAttempts,
  isKnownClient,
  knownAccountGuard,
  recordFailure,
  reserveAccountAttempt,
  reserveAddressAttempt,
  reservePairAttempt,
  rememberClient,
  unknownNameGuard,
} from "./throttle.ts";

type Ctx = Context<AppEnv>;

/** The login page of the web app, and the reasons it can be sent back there with. */
const loginPage = "/logga-in";
const loginProblems = { unknownUser: "okand-anvandare", failed: "oidc" } as const;

const texts = {
  invalidCredentials: "Fel användarnamn eller lösenord.",
  locked:
    "För många misslyckade inloggningsförsök. Inloggningen är spärrad en stund (högst 15 minuter). Försök igen senare.",
  rateLimited:
    "För många inloggningsförsök från din dator eller ditt nätverk. Vänta en stund och försök igen.",
  passwordLoginOff: "Inloggning med lösenord är avstängd. Logga in med SITHS.",
  oidcOff: "Inloggning via identitetsleverantör är inte konfigurerad.",
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

const redirect = (description: string) => ({ 302: { description } });

const routes = {
  config: createRoute({
    method: "get",
    path: "/config",
    tags: ["Auth"],
    summary: "How users log in here; also sets the login CSRF cookie (samsyn_csrf)",
    ...noPatientData,
    responses: { 200: jsonResponse(authConfigSchema, "Login methods") },
  }),
  login: createRoute({
    method: "post",
    path: "/login",
    tags: ["Auth"],
    summary: "Password login (demo mode). Needs X-CSRF-Token equal to the samsyn_csrf cookie",
    ...noPatientData,
    request: { body: jsonBody(loginBody) },
    responses: {
      200: jsonResponse(meSchema, "Logged in; sets the session cookie"),
      400: errorResponses[400],
      401: errorResponse("Wrong username or password"),
      403: errorResponse("Password login is off, or the login CSRF check failed"),
      423: errorResponse("Too many failed attempts for this username; try later"),
      429: errorResponse("Too many failed attempts from this address; see Retry-After"),
    },
  }),
  logout: createRoute({
    method: "post",
    path: "/logout",
    tags: ["Auth"],
    summary: "End the session",
    ...noPatientData,
    responses: { 204: { description: "Logged out" }, 403: errorResponses[403] },
  }),
  session: createRoute({
    method: "get",
    path: "/session",
    tags: ["Auth"],
    summary: "Who is logged in, on which unit, with which roles and capabilities",
    ...noPatientData,
    responses: { 200: jsonResponse(meSchema, "The session"), 401: errorResponses[401] },
  }),
  switchUnit: createRoute({
    method: "put",
    path: "/session/unit",
    tags: ["Auth"],
    summary: "Work on another unit (one where the user has an assignment in force)",
    ...noPatientData,
    request: { body: jsonBody(unitBody) },
    responses: {
      200: jsonResponse(meSchema, "The session on the new unit"),
      400: errorResponses[400],
      401: errorResponses[401],
      403: errorResponses[403],
      404: errorResponses[404],
    },
  }),
  oidcStart: createRoute({
    method: "get",
    path: "/oidc/start",
    tags: ["Auth"],
    summary: "Start login at the identity provider (authorization code + PKCE)",
    ...noPatientData,
    responses: { ...redirect("To the identity provider"), 404: errorResponses[404] },
  }),
  oidcCallback: createRoute({
    method: "get",
    path: "/oidc/callback",
    tags: ["Auth"],
    summary: "The identity provider's answer: logs in and redirects to / (or back to the login page)",
    ...noPatientData,
    responses: {
      ...redirect("To the start page, or to the login page with ?fel=…"),
      404: errorResponses[404],
    },
  }),
};

export function authRoutes() {
  const router = createRouter();
  // Answers carry session tokens: never to be stored by a cache.
  router.use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  router.openapi(routes.config, (c) => {
    const { config } = c.var.deps;
    issueLoginCsrfToken(c, config);
    return c.json(
      { mode: config.authMode, passwordLogin: config.authMode === "demo", oidc: config.oidc !== null },
      200,
    );
  });

  router.openapi(routes.login, async (c) => {
    const { config } = c.var.deps;
    if (config.authMode !== "demo")
      throw new ApiError(403, "PASSWORD_LOGIN_DISABLED", texts.passwordLoginOff);
    checkLoginCsrf(c, config);
    const { username, password } = c.req.valid("json");
    const userId = await passwordLogin(c, username, password);
    await endPresentSession(c);
    const { token, me } = await openSession(c, userId, "password");
    setSessionCookie(c, token);
    return c.json(me, 200);
  });

  router.openapi(routes.logout, async (c) => {
    const { database } = c.var.deps;
    const actor = c.var.actor;
    if (actor) {
      await database.db.transaction(async (tx) => {
        await recordAudit(tx, { actor, grant: null, unitId: null }, [
          { action: "LOGOUT", purpose: "Utloggning", details: { method: await authMethodOf(tx, actor) } },
        ]);
        await deleteSession(tx, actor.sessionId);
      });
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  router.openapi(routes.session, async (c) => {
    const actor = requireActor(c);
    return c.json(await meOf(c, actor), 200);
  });

  router.openapi(routes.switchUnit, async (c) => {
    const actor = requireActor(c);
    const { unitId } = c.req.valid("json");
    const { database, config, now } = c.var.deps;
    const db = database.db;
    const [held] = await db
      .select({ id: assignment.id })
      .from(assignment)
      .where(
        and(eq(assignment.userId, actor.userId), eq(assignment.unitId, unitId), assignmentInForce(now())),
      )
      .limit(1);
    // Units the user has no assignment on do not exist for them.
    if (!held) throw errors.notFound();
    await db.update(session).set({ activeUnitId: unitId }).where(eq(session.id, actor.sessionId));
    const reloaded = await loadSession(
      db,
      getCookie(c, sessionCookie) ?? "",
      now(),
      config.sessionTtlMinutes,
    );
    if (!reloaded) throw errors.unauthenticated();
    return c.json(await meOf(c, reloaded.actor), 200);
  });

  router.openapi(routes.oidcStart, async (c) => {
    const { database, config, now } = c.var.deps;
    if (!config.oidc) throw new ApiError(404, "NOT_FOUND", texts.oidcOff);
    let started: Awaited<ReturnType<typeof startFlow>>;
    try {
      started = await startFlow(database, config, config.oidc, now());
    } catch (error) {
      c.var.deps.logger.error({ reason: (error as Error).message }, "oidc start failed");
      return c.redirect(`${loginPage}?fel=${loginProblems.failed}`, 302);
    }
    setCookie(c, oidcCookie, started.cookie, {
      path: "/api/auth/oidc",
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET from another site.
      sameSite: "Lax",
      secure: config.secureCookies,
      maxAge: flowMinutes * 60,
    });
    return c.redirect(started.url, 302);
  });

  router.openapi(routes.oidcCallback, async (c) => {
    const { database, config, now, logger } = c.var.deps;
    if (!config.oidc) throw new ApiError(404, "NOT_FOUND", texts.oidcOff);
    const sealed = getCookie(c, oidcCookie);
    // One use only, whatever the outcome.
    deleteCookie(c, oidcCookie, { path: "/api/auth/oidc", secure: config.secureCookies });
    let result: FlowResult;
    try {
      result = await finishFlow(database, config, config.oidc, new URL(c.req.url).search, sealed, now());
    } catch (error) {
      // The provider unreachable, userinfo refused …: the browser goes back to the login page.
      result = { outcome: "failed", reason: error instanceof Error ? error.message : "unknown error" };
    }
    if (result.outcome === "failed") {
      logger.warn({ reason: result.reason }, "oidc login failed");
      return c.redirect(`${loginPage}?fel=${loginProblems.failed}`, 302);
    }
    if (result.outcome === "unknown-user") {
      await auditFailedLogin(c, null, { method: "oidc", knownUser: false, reason: "unknown-user" });
      return c.redirect(`${loginPage}?fel=${loginProblems.unknownUser}`, 302);
    }
    await endPresentSession(c);
    const { token } = await openSession(c, result.userId, "oidc");
    setSessionCookie(c, token);
    return c.redirect("/", 302);
  });

  return router;
}

/**
 * Checks username and password under the address rate limit and the account lockout; answers the
 * user's id or throws 401/423/429. An unknown name costs the same scrypt work as a wrong password.
 */
async function passwordLogin(c: Ctx, username: string, password: string): Promise<string> {
  const { database, now } = c.var.deps;
  const db = database.db;
  const at = now();
  const client = clientAddress(c);
  const address = await reserveAddressAttempt(db, client, at);
  if (!address.allowed) {
    c.var.deps.logger.warn({ retryAfterSeconds: address.retryAfterSeconds }, "login rate limited");
    c.header("Retry-After", String(address.retryAfterSeconds));
    throw new ApiError(429, "RATE_LIMITED", texts.rateLimited, {
      extra: { retryAfterSeconds: address.retryAfterSeconds },
    });
  }
  const [user] = await db
    .select({ id: appUser.id, passwordHash: appUser.passwordHash })
    .from(appUser)
    .where(and(eq(appUser.username, username), eq(appUser.active, true)));
  const guard = user ? knownAccountGuard(db, user.id, at) : unknownNameGuard(db, username, at);
  const failure = { method: "password", knownUser: Boolean(user) };

  // This client's own budget on this account: its failures never stop another client.
  const pair = await reservePairAttempt(db, user?.id ?? `name:${username}`, client, at);
  if (!pair.allowed) {
    await auditFailedLogin(c, user?.id ?? null, { ...failure, reason: "locked-client" });
    throw lockedError();
  }
  // The account's lock stops unknown clients only: the user's own computer still gets in.
  const known = user ? await isKnownClient(db, user.id, client, at) : false;
  const attempt = await reserveAccountAttempt(guard);
  if (attempt === "locked" && !known) {
    await auditFailedLogin(c, user?.id ?? null, { ...failure, reason: "locked" });
    throw lockedError();
  }
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (user && user.passwordHash && valid) {
    await guard.succeeded();
    await pair.release();
    await address.release();
    await rememberClient(db, user.id, client, at);
    return user.id;
  }
  const locked = attempt !== "locked" && (await recordFailure(guard, attempt));
  await forgetOldAttempts(db, at);
  await auditFailedLogin(c, user?.id ?? null, {
    ...failure,
    reason: locked ? "locked-now" : "wrong-password",
  });
  if (locked && !known) throw lockedError();
  throw new ApiError(401, "INVALID_CREDENTIALS", texts.invalidCredentials);
}

function lockedError(): ApiError {
  return new ApiError(423, "LOCKED", texts.locked);
}

let dummy: Promise<string> | null = null;
/** A hash with the real parameters, for names without one, so both paths cost the same. */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummy;
}

async function auditFailedLogin(c: Ctx, userId: string | null, details: Record<string, unknown>) {
  await recordAudit(
    c.var.deps.database.db,
    { actor: userId ? auditActor(userId) : null, grant: null, unitId: null },
    [{ action: "LOGIN_FAILED", purpose: "Inloggning", details }],
  );
}

/** The audit log names the user of a failed login by id; there is no session to take it from. */
function auditActor(userId: string): Actor {
  return { userId, username: "", displayName: "", sessionId: "", unitId: null, assignments: [] };
}

/** A login replaces the browser's current session (no session fixation, no orphaned rows). */
async function endPresentSession(c: Ctx) {
  if (c.var.actor) await deleteSession(c.var.deps.database.db, c.var.actor.sessionId);
}

/** Creates the session and its LOGIN audit event together. */
async function openSession(c: Ctx, userId: string, method: "password" | "oidc") {
  const { database, config, now } = c.var.deps;
  const at = now();
  const opened = await database.db.transaction(async (tx) => {
    const created = await createSession(tx, {
      userId,
      authMethod: method,
      ttlMinutes: config.sessionTtlMinutes,
      now: at,
    });
    const loaded = await loadSession(tx, created.token, at, config.sessionTtlMinutes);
    if (!loaded) throw new Error("a session just created could not be loaded");
    await recordAudit(tx, { actor: loaded.actor, grant: null, unitId: null }, [
      { action: "LOGIN", purpose: "Inloggning", details: { method } },
    ]);
    return { token: created.token, actor: loaded.actor };
  });
  return { token: opened.token, me: await meOf(c, opened.actor) };
}

async function authMethodOf(q: Queryable, actor: Actor): Promise<string | null> {
  const [row] = await q
    .select({ method: session.authMethod })
    .from(session)
    .where(eq(session.id, actor.sessionId));
  return row?.method ?? null;
}

/**
 * The session cookie: HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site
 * requests other than top-level navigation), Secure behind TLS. No Max-Age: it ends with the
 * browser, and the server's sliding expiry ends it sooner on a forgotten computer.
 */
function setSessionCookie(c: Ctx, token: string) {
  setCookie(c, sessionCookie, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: c.var.deps.config.secureCookies,
  });
}

function clearSessionCookie(c: Ctx) {
  deleteCookie(c, sessionCookie, { path: "/", secure: c.var.deps.config.secureCookies });
}

async function meOf(c: Ctx, actor: Actor): Promise<Me> {
  const { database, config, now } = c.var.deps;
  const db = database.db;
  const [user] = await db
    .select({ username: appUser.username, displayName: appUser.displayName, title: appUser.title })
    .from(appUser)
    .where(eq(appUser.id, actor.userId));
  const [current] = await db
    .select({ csrfToken: session.csrfToken })
    .from(session)
    .where(eq(session.id, actor.sessionId));
  if (!user || !current) throw errors.unauthenticated();
  const units = await unitsWithRoles(db, actor.userId, now());
  const active = units.find((u) => u.id === actor.unitId);
  const activeRoles = [...new Set(actor.assignments.map((a) => a.role))].sort(byRoleOrder);
  return {
    user: { id: actor.userId, ...user },
    unit: active ? { id: active.id, name: active.name } : null,
    units,
    roles: activeRoles,
    capabilities: capabilitiesOfActor(actor),
    csrfToken: current.csrfToken,
    authMode: config.authMode,
    today: stockholmToday(now()),
    idleMinutes: config.sessionTtlMinutes,
  };
}

function byRoleOrder(a: Role, b: Role): number {
  return roleIds.indexOf(a) - roleIds.indexOf(b);
}

/** The units the user may work on now, each with the user's roles there. */
async function unitsWithRoles(q: Queryable, userId: string, now: Date) {
  const rows = await q
    .select({ id: unit.id, name: unit.name, role: assignment.role })
    .from(assignment)
    .innerJoin(unit, eq(unit.id, assignment.unitId))
    .where(and(eq(assignment.userId, userId), assignmentInForce(now)));
  const byUnit = new Map<string, { id: string; name: string; roles: Role[] }>();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const entry = byUnit.get(row.id) ?? { id: row.id, name: row.name, roles: [] };
    entry.roles.push(row.role);
    byUnit.set(row.id, entry);
  }
  return [...byUnit.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((u) => ({
      id: u.id,
      name: u.name,
      roles: u.roles.sort(byRoleOrder).map((role) => ({ role, label: roles[role] })),
    }));
}
