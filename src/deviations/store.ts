/** Deviations, their actions and history, always scoped to one unit. */
import { and, asc, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { appUser, certificate, deviation, deviationAction, deviationEvent } from "../db/schema.ts";

export type DeviationRow = typeof deviation.$inferSelect;

export async function insertDeviation(q: Queryable, values: typeof deviation.$inferInsert) {
  const [row] = await q.insert(deviation).values(values).returning();
  return row!;
}

/** The unit's deviations (only the reporter's own when `reportedBy` is given), latest first. */
export async function listDeviations(q: Queryable, unitId: string, reportedBy?: string) {
  const open = sql<number>`(SELECT count(*)::int FROM ${deviationAction} a
    WHERE a.unit_id = ${deviation.unitId} AND a.deviation_id = ${deviation.id} AND a.done_on IS NULL)`;
  return q
    .select({ row: deviation, reporterName: appUser.displayName, openActions: open })
    .from(deviation)
    .innerJoin(appUser, eq(appUser.id, deviation.reportedBy))
    .where(and(eq(deviation.unitId, unitId), reportedBy ? eq(deviation.reportedBy, reportedBy) : undefined))
    .orderBy(desc(deviation.occurredOn), desc(deviation.createdAt));
}

export async function findDeviation(q: Queryable, unitId: string, id: string) {
  const [found] = await q
    .select({ row: deviation, reporterName: appUser.displayName })
    .from(deviation)
    .innerJoin(appUser, eq(appUser.id, deviation.reportedBy))
    .where(and(eq(deviation.unitId, unitId), eq(deviation.id, id)));
  return found ?? null;
}

export async function updateDeviationRow(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<typeof deviation.$inferInsert>,
) {
  const [row] = await q
    .update(deviation)
    .set({ ...changes, version: sql`${deviation.version} + 1` })
    .where(and(eq(deviation.unitId, unitId), eq(deviation.id, id), eq(deviation.version, version)))
    .returning();
  return row ?? null;
}

export async function actionsOf(q: Queryable, unitId: string, deviationId: string) {
  return q
    .select({ action: deviationAction, ownerName: appUser.displayName })
    .from(deviationAction)
    .innerJoin(appUser, eq(appUser.id, deviationAction.ownerId))
    .where(and(eq(deviationAction.unitId, unitId), eq(deviationAction.deviationId, deviationId)))
    .orderBy(asc(deviationAction.dueDate), asc(deviationAction.createdAt));
}

export async function insertAction(q: Queryable, values: typeof deviationAction.$inferInsert) {
  await q.insert(deviationAction).values(values);
}

/** Marks the action done; false when it is not the deviation's or already done. */
export async function markActionDone(
  q: Queryable,
  unitId: string,
  deviationId: string,
  id: string,
  day: string,
) {
  const rows = await q
    .update(deviationAction)
    .set({ doneOn: day })
    .where(
      and(
        eq(deviationAction.unitId, unitId),
        eq(deviationAction.deviationId, deviationId),
        eq(deviationAction.id, id),
        isNull(deviationAction.doneOn),
      ),
    )
    .returning({ id: deviationAction.id });
  return rows.length === 1;
}

export async function insertEvent(q: Queryable, values: typeof deviationEvent.$inferInsert) {
  await q.insert(deviationEvent).values(values);
}

export async function historyOf(q: Queryable, unitId: string, deviationId: string) {
  return q
    .select({
      at: deviationEvent.at,
      user: appUser.displayName,
      status: deviationEvent.status,
      note: deviationEvent.note,
    })
    .from(deviationEvent)
    .innerJoin(appUser, eq(appUser.id, deviationEvent.userId))
    .where(and(eq(deviationEvent.unitId, unitId), eq(deviationEvent.deviationId, deviationId)))
    .orderBy(asc(deviationEvent.at), asc(deviationEvent.id));
}

/** The unit's patient (name parts, personnummer), or null: another unit's patient does not exist here. */
export { patientSummary as unitPatient } from "../tasks/store.ts";

/** Whether the certificate is the patient's on the unit. */
export async function isPatientCertificate(q: Queryable, unitId: string, patientId: string, id: string) {
  const [row] = await q
    .select({ id: certificate.id })
    .from(certificate)
    .where(and(eq(certificate.unitId, unitId), eq(certificate.patientId, patientId), eq(certificate.id, id)));
  return row !== undefined;
}

/** Category, day and lex Maria flag of the unit's deviations in the day range. */
export async function deviationsBetween(q: Queryable, unitId: string, from: string, to: string) {
  return q
    .select({ category: deviation.category, occurredOn: deviation.occurredOn, lexMaria: deviation.lexMaria })
    .from(deviation)
    .where(and(eq(deviation.unitId, unitId), gte(deviation.occurredOn, from), lte(deviation.occurredOn, to)));
}
