/**
 * The incident timeline for the data protection officer (GDPR art. 33: a breach is reported within
 * 72 hours): every audit event of one patient, or of one user, on the unit over a period, oldest
 * first. Served by the indexes audit_event (unit_id, patient_id, at) and (user_id, at) (0011).
 */
import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { isRole, roles } from "../access/policy.ts";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, auditEvent, patient } from "../db/schema.ts";
import { csvCell } from "../worklist/export.ts";
import { auditActions, type AuditAction } from "./actions.ts";

/** More rows than this: the answer asks for a shorter period (a breach report needs them all). */
export const timelineMaxEvents = 50_000;

/** Events without a unit that still belong to a user's timeline: how they logged in and out. */
const sessionActions: AuditAction[] = ["LOGIN", "LOGOUT", "LOGIN_FAILED"];

export interface TimelineQuery {
  unitId: string;
  subject: { patientId: string } | { userId: string };
  /** ISO dates, both inclusive. */
  from: string;
  to: string;
}

export interface TimelineEvent {
  seq: number;
  at: string;
  userId: string | null;
  user: string;
  role: string | null;
  patientId: string | null;
  personnummer: string | null;
  patientName: string | null;
  action: string;
  actionLabel: string;
  purpose: string;
  entity: string | null;
  entityId: string | null;
}

export async function incidentTimeline(q: Queryable, query: TimelineQuery) {
  const period = and(gte(auditEvent.at, query.from), lt(auditEvent.at, sql`(${query.to}::date + 1)`));
  const who =
    "patientId" in query.subject
      ? and(eq(auditEvent.unitId, query.unitId), eq(auditEvent.patientId, query.subject.patientId))
      : and(
          eq(auditEvent.userId, query.subject.userId),
          or(
            eq(auditEvent.unitId, query.unitId),
            and(isNull(auditEvent.unitId), inArray(auditEvent.action, sessionActions)),
          ),
        );
  const rows = await q
    .select({
      seq: auditEvent.seq,
      at: auditEvent.at,
      userId: auditEvent.userId,
      user: appUser.displayName,
      role: auditEvent.role,
      patientId: auditEvent.patientId,
      personnummer: patient.personnummer,
      givenName: patient.givenName,
      familyName: patient.familyName,
      action: auditEvent.action,
      purpose: auditEvent.purpose,
      entity: auditEvent.entity,
      entityId: auditEvent.entityId,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.userId))
    // Only the unit's own patient rows: another unit's patient is never named here.
    .leftJoin(patient, and(eq(patient.id, auditEvent.patientId), eq(patient.unitId, query.unitId)))
    .where(and(who, period))
    .orderBy(asc(auditEvent.at), asc(auditEvent.seq))
    .limit(timelineMaxEvents + 1);
  const events: TimelineEvent[] = rows.slice(0, timelineMaxEvents).map((row) => ({
    seq: row.seq,
    at: row.at,
    userId: row.userId,
    user: row.user ?? "Okänd användare",
    role: row.role && isRole(row.role) ? roles[row.role] : row.role,
    patientId: row.patientId,
    personnummer: row.personnummer,
    patientName: row.familyName === null ? null : `${row.givenName} ${row.familyName}`,
    action: row.action,
    actionLabel: row.action in auditActions ? auditActions[row.action as AuditAction] : row.action,
    purpose: row.purpose,
    entity: row.entity,
    entityId: row.entityId,
  }));
  return { events, truncated: rows.length > timelineMaxEvents };
}

/** A user belongs to the unit's timeline if they hold or held a role there, or acted there. */
export async function userKnownOnUnit(q: Queryable, unitId: string, userId: string): Promise<boolean> {
  const [held] = await q
    .select({ id: assignment.id })
    .from(assignment)
    .where(and(eq(assignment.unitId, unitId), eq(assignment.userId, userId)))
    .limit(1);
  if (held) return true;
  const [acted] = await q
    .select({ seq: auditEvent.seq })
    .from(auditEvent)
    .where(and(eq(auditEvent.userId, userId), eq(auditEvent.unitId, unitId)))
    .limit(1);
  return acted !== undefined;
}

const csvColumns: [string, (e: TimelineEvent) => string | number | null][] = [
  ["Löpnummer", (e) => e.seq],
  ["Tidpunkt", (e) => e.at],
  ["Användare", (e) => e.user],
  ["Användar-id", (e) => e.userId],
  ["Roll", (e) => e.role],
  ["Personnummer", (e) => e.personnummer],
  ["Patient", (e) => e.patientName],
  ["Patient-id", (e) => e.patientId],
  ["Händelse", (e) => e.actionLabel],
  ["Ändamål", (e) => e.purpose],
  ["Objekt", (e) => e.entity],
  ["Objekt-id", (e) => e.entityId],
];

export function timelineCsv(head: [string, string][], events: TimelineEvent[]): string {
  const lines = [
    ...head.map((cells) => cells.map(csvCell).join(";")),
    "",
    csvColumns.map(([header]) => csvCell(header)).join(";"),
    ...events.map((e) => csvColumns.map(([, value]) => csvCell(value(e))).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
