/**
 * Sessions live in the database (every server process sees the same ones). The cookie holds a
 * random token; the table stores only its sha256, so a copy of the table cannot be replayed.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { isRole } from "../access/policy.ts";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, session } from "../db/schema.ts";

export const sessionCookie = "samsyn_session";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export interface NewSession {
  token: string;
  csrfToken: string;
  sessionId: string;
}

export async function createSession(
  q: Queryable,
  input: { userId: string; authMethod: "password" | "oidc"; ttlMinutes: number; now: Date },
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const sessionId = hashToken(token);
  const unitId = await defaultUnitOf(q, input.userId, input.now);
  await q.insert(session).values({
    id: sessionId,
    userId: input.userId,
    activeUnitId: unitId,
    csrfToken,
    authMethod: input.authMethod,
    createdAt: input.now.toISOString(),
    lastSeenAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + input.ttlMinutes * 60_000).toISOString(),
  });
  return { token, csrfToken, sessionId };
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Assignments in force on a date: no bounds, or bounds that include the date. */
export function assignmentInForce(now: Date) {
  const day = today(now);
  return and(
    or(isNull(assignment.validFrom), lte(assignment.validFrom, day)),
    or(isNull(assignment.validTo), sql`${assignment.validTo} >= ${day}`),
  );
}

async function defaultUnitOf(q: Queryable, userId: string, now: Date): Promise<string | null> {
  const [first] = await q
    .select({ unitId: assignment.unitId })
    .from(assignment)
    .where(and(eq(assignment.userId, userId), assignmentInForce(now)))
    .orderBy(assignment.createdAt, assignment.unitId)
    .limit(1);
  return first?.unitId ?? null;
}

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  authMethod: string;
}

/** The session for a cookie token, or null when unknown, expired or the user is deactivated. */
export async function loadSession(
  q: Queryable,
  token: string,
  now: Date,
  ttlMinutes: number,
): Promise<LoadedSession | null> {
  const sessionId = hashToken(token);
  const [row] = await q
    .select({
      userId: session.userId,
      activeUnitId: session.activeUnitId,
      csrfToken: session.csrfToken,
      authMethod: session.authMethod,
      username: appUser.username,
      displayName: appUser.displayName,
      lastSeenAt: session.lastSeenAt,
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(
      and(eq(session.id, sessionId), gt(session.expiresAt, now.toISOString()), eq(appUser.active, true)),
    );
  if (!row) return null;
  const assignments = row.activeUnitId
    ? await q
        .select({ id: assignment.id, role: assignment.role })
        .from(assignment)
        .where(
          and(
            eq(assignment.userId, row.userId),
            eq(assignment.unitId, row.activeUnitId),
            assignmentInForce(now),
          ),
        )
        .orderBy(assignment.role)
    : [];
  // Sliding expiry, written at most once a minute (an eighth of a shorter idle time) to keep reads
  // cheap; the web app's warning before the end comes later than that, so "stay" always slides.
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > Math.min(60_000, (ttlMinutes * 60_000) / 8)) {
    await q
      .update(session)
      .set({
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(),
      })
      .where(eq(session.id, sessionId));
  }
  return {
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      sessionId,
      unitId: assignments.length > 0 ? row.activeUnitId : null,
      assignments: assignments.flatMap((a) => (isRole(a.role) ? [{ id: a.id, role: a.role }] : [])),
    },
    csrfToken: row.csrfToken,
    authMethod: row.authMethod,
  };
}

/** Ends every session of the user (new credentials, deactivation); answers how many ended. */
export async function endSessionsOf(q: Queryable, userId: string): Promise<number> {
  const ended = await q.delete(session).where(eq(session.userId, userId)).returning({ id: session.id });
  return ended.length;
}

export async function deleteSession(q: Queryable, sessionId: string): Promise<void> {
  await q.delete(session).where(eq(session.id, sessionId));
}
