/** Reading the audit log: for log review and a patient's access history. */
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { isRole, roles } from "../access/policy.ts";
import type { Queryable } from "../db/client.ts";
import { appUser, auditEvent } from "../db/schema.ts";
import { auditActions, type AuditAction } from "./actions.ts";

function labelOf(action: string): string {
  return action in auditActions ? auditActions[action as AuditAction] : action;
}

function roleLabel(role: string | null): string | null {
  return role && isRole(role) ? roles[role] : role;
}

/** Who has read or changed a patient's data on the unit, newest first. */
export async function patientAccessLog(q: Queryable, unitId: string, patientId: string, limit = 200) {
  const rows = await q
    .select({
      at: auditEvent.at,
      user: appUser.displayName,
      role: auditEvent.role,
      action: auditEvent.action,
      purpose: auditEvent.purpose,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.userId))
    .where(and(eq(auditEvent.unitId, unitId), eq(auditEvent.patientId, patientId)))
    .orderBy(desc(auditEvent.seq))
    .limit(limit);
  return rows.map((row) => ({
    at: row.at,
    user: row.user ?? "Okänd användare",
    role: roleLabel(row.role),
    action: row.action,
    actionLabel: labelOf(row.action),
    purpose: row.purpose,
  }));
}

export interface AuditQuery {
  unitId: string;
  userId?: string | undefined;
  patientId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Random sample size for systematic log review; absent = newest events. */
  sample?: number | undefined;
  limit: number;
}

/** Events of a unit for log review, newest first, or a random sample of them. */
export async function reviewAuditEvents(q: Queryable, query: AuditQuery) {
  const where = and(
    eq(auditEvent.unitId, query.unitId),
    query.userId ? eq(auditEvent.userId, query.userId) : undefined,
    query.patientId ? eq(auditEvent.patientId, query.patientId) : undefined,
    query.from ? gte(auditEvent.at, query.from) : undefined,
    // `to` is a date: include the whole day.
    query.to ? lt(auditEvent.at, sql`(${query.to}::date + 1)`) : undefined,
  );
  const rows = await q
    .select({
      seq: auditEvent.seq,
      at: auditEvent.at,
      userId: auditEvent.userId,
      user: appUser.displayName,
      role: auditEvent.role,
      patientId: auditEvent.patientId,
      action: auditEvent.action,
      purpose: auditEvent.purpose,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.userId))
    .where(where)
    .orderBy(query.sample ? sql`random()` : desc(auditEvent.seq))
    .limit(query.sample ?? query.limit);
  return rows.map((row) => ({
    ...row,
    user: row.user ?? "Okänd användare",
    role: roleLabel(row.role),
    actionLabel: labelOf(row.action),
  }));
}
