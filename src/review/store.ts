/**
 * Handovers and review marks, always scoped to one unit. `doctorsSeenBy` is what the unit list
 * asks to show a doctor the cases handed over to them; `receiversOnDay` what the task job asks to
 * give an absent doctor's new tasks to the receiving doctor.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, handover, reviewMark, task } from "../db/schema.ts";
import { receiversOn, type HandoverPeriod } from "./rules.ts";

export type HandoverRow = typeof handover.$inferSelect;
export type ReviewMarkRow = typeof reviewMark.$inferSelect;

/** Handovers that may apply on `day`: started, and not planned to end before it. */
const mayApplyOn = (day: string) => and(lte(handover.startDate, day), gte(handover.endDate, day));

async function handoversOn(q: Queryable, unitId: string, day: string): Promise<HandoverPeriod[]> {
  return q
    .select({
      id: handover.id,
      fromDoctorId: handover.fromDoctorId,
      toDoctorId: handover.toDoctorId,
      startDate: handover.startDate,
      endDate: handover.endDate,
      endedOn: handover.endedOn,
    })
    .from(handover)
    .where(and(eq(handover.unitId, unitId), mayApplyOn(day)));
}

/** The doctors whose cases `doctorId` follows on `day`: themself and those who handed over to them. */
export async function doctorsSeenBy(
  q: Queryable,
  unitId: string,
  doctorId: string,
  day: string,
): Promise<Set<string>> {
  const seen = new Set([doctorId]);
  for (const [from, to] of receiversOn(await handoversOn(q, unitId, day), day)) {
    if (to === doctorId) seen.add(from);
  }
  return seen;
}

/** From-doctor → receiving doctor for the handovers in force on `day`. */
export async function receiversOnDay(
  q: Queryable,
  unitId: string,
  day: string,
): Promise<Map<string, string>> {
  return receiversOn(await handoversOn(q, unitId, day), day);
}

/** Serializes handover changes on a unit (the overlap rules read, then write). */
export async function lockHandovers(q: Queryable, unitId: string): Promise<void> {
  await q.execute(sql`SELECT pg_advisory_xact_lock(hashtext('samsyn.handover'), hashtext(${unitId}))`);
}

export async function listHandovers(q: Queryable, unitId: string): Promise<HandoverRow[]> {
  return q
    .select()
    .from(handover)
    .where(eq(handover.unitId, unitId))
    .orderBy(desc(handover.startDate), desc(handover.createdAt));
}

export async function findHandover(q: Queryable, unitId: string, id: string): Promise<HandoverRow | null> {
  const [row] = await q
    .select()
    .from(handover)
    .where(and(eq(handover.unitId, unitId), eq(handover.id, id)));
  return row ?? null;
}

export async function insertHandover(
  q: Queryable,
  values: typeof handover.$inferInsert,
): Promise<HandoverRow> {
  const [row] = await q.insert(handover).values(values).returning();
  return row!;
}

export async function endHandover(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: { endedOn: string; endedBy: string; endedAt: string },
): Promise<HandoverRow | null> {
  const [row] = await q
    .update(handover)
    .set({ ...changes, version: sql`${handover.version} + 1` })
    .where(and(eq(handover.unitId, unitId), eq(handover.id, id), eq(handover.version, version)))
    .returning();
  return row ?? null;
}

/** The unit's doctors (an active LAKARE assignment valid today), by name. */
export async function unitDoctors(q: Queryable, unitId: string, today: string) {
  return q
    .selectDistinct({ id: appUser.id, name: appUser.displayName })
    .from(assignment)
    .innerJoin(appUser, eq(appUser.id, assignment.userId))
    .where(
      and(
        eq(assignment.unitId, unitId),
        eq(assignment.role, "LAKARE"),
        eq(appUser.active, true),
        or(isNull(assignment.validFrom), lte(assignment.validFrom, today)),
        or(isNull(assignment.validTo), gte(assignment.validTo, today)),
      ),
    )
    .orderBy(asc(appUser.displayName), asc(appUser.id));
}

// ---- Marks ----

/** Every mark of the patients' cases, oldest first (the last one of a case is the current one). */
export async function marksOf(q: Queryable, unitId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return q
    .select({ mark: reviewMark, markedByName: appUser.displayName })
    .from(reviewMark)
    .leftJoin(appUser, eq(appUser.id, reviewMark.markedBy))
    .where(and(eq(reviewMark.unitId, unitId), inArray(reviewMark.patientId, patientIds)))
    .orderBy(asc(reviewMark.createdAt), asc(reviewMark.id));
}

/** The case's current mark: the one no other mark supersedes. */
export async function currentMark(
  q: Queryable,
  unitId: string,
  patientId: string,
  caseStart: string,
): Promise<ReviewMarkRow | null> {
  const [row] = await q
    .select()
    .from(reviewMark)
    .where(
      and(
        eq(reviewMark.unitId, unitId),
        eq(reviewMark.patientId, patientId),
        eq(reviewMark.caseStart, caseStart),
        sql`NOT EXISTS (SELECT 1 FROM ${reviewMark} AS later WHERE later.unit_id = ${reviewMark.unitId}
          AND later.supersedes_id = ${reviewMark.id})`,
      ),
    );
  return row ?? null;
}

export async function insertMark(
  q: Queryable,
  values: typeof reviewMark.$inferInsert,
): Promise<ReviewMarkRow> {
  const [row] = await q.insert(reviewMark).values(values).returning();
  return row!;
}

/** The case's active "Intyget löper snart ut" task for the end date, if any. */
export async function endingTask(
  q: Queryable,
  unitId: string,
  c: { patientId: string; caseStart: string; caseEnd: string },
) {
  const [row] = await q
    .select()
    .from(task)
    .where(
      and(
        eq(task.unitId, unitId),
        eq(task.patientId, c.patientId),
        eq(task.caseStart, c.caseStart),
        eq(task.kind, "CERTIFICATE_ENDING"),
        eq(task.subject, c.caseEnd),
        inArray(task.status, ["OPEN", "POSTPONED"]),
      ),
    );
  return row ?? null;
}

/** The active ending tasks of the patients (shown beside the rows). */
export async function endingTasksOf(q: Queryable, unitId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return q
    .select({ id: task.id, patientId: task.patientId, caseStart: task.caseStart, subject: task.subject })
    .from(task)
    .where(
      and(
        eq(task.unitId, unitId),
        eq(task.kind, "CERTIFICATE_ENDING"),
        inArray(task.status, ["OPEN", "POSTPONED"]),
        inArray(task.patientId, patientIds),
      ),
    );
}
