/** Underlag requests, always scoped to one unit, with the patient's identity for lists. */
import { and, asc, desc, eq, gte, inArray, isNull, like, lte, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, patient, task, underlagRequest } from "../db/schema.ts";
import type { Profession, UnderlagStatus } from "./rules.ts";

export type UnderlagRow = typeof underlagRequest.$inferSelect;

const patientColumns = {
  id: patient.id,
  personnummer: patient.personnummer,
  givenName: patient.givenName,
  familyName: patient.familyName,
  protectedIdentity: patient.protectedIdentity,
};

export interface PatientIdentity {
  id: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  protectedIdentity: boolean;
}
export type UnderlagWithPatient = { row: UnderlagRow; patient: PatientIdentity };

export async function insertUnderlag(
  q: Queryable,
  values: typeof underlagRequest.$inferInsert,
): Promise<UnderlagRow> {
  const [row] = await q.insert(underlagRequest).values(values).returning();
  return row!;
}

function withPatient(q: Queryable, where: SQL | undefined) {
  return q
    .select({ row: underlagRequest, patient: patientColumns })
    .from(underlagRequest)
    .innerJoin(
      patient,
      and(eq(patient.id, underlagRequest.patientId), eq(patient.unitId, underlagRequest.unitId)),
    )
    .where(where);
}

export async function findUnderlag(
  q: Queryable,
  unitId: string,
  id: string,
): Promise<UnderlagWithPatient | null> {
  const [found] = await withPatient(q, and(eq(underlagRequest.unitId, unitId), eq(underlagRequest.id, id)));
  return found ?? null;
}

export async function underlagOfPatient(q: Queryable, unitId: string, patientId: string) {
  return withPatient(
    q,
    and(eq(underlagRequest.unitId, unitId), eq(underlagRequest.patientId, patientId)),
  ).orderBy(desc(underlagRequest.requestedDate), desc(underlagRequest.createdAt));
}

/** A profession's queue (every profession when null), by wanted-by date. */
export async function underlagQueue(
  q: Queryable,
  unitId: string,
  options: { profession: Profession | null; status: UnderlagStatus | "ALL"; limit: number },
) {
  const conditions: (SQL | undefined)[] = [eq(underlagRequest.unitId, unitId)];
  if (options.profession) conditions.push(eq(underlagRequest.profession, options.profession));
  if (options.status !== "ALL") conditions.push(eq(underlagRequest.status, options.status));
  return withPatient(q, and(...conditions))
    .orderBy(asc(underlagRequest.wantedBy), asc(underlagRequest.createdAt))
    .limit(options.limit);
}

/** Records the answer at `version`; null when stale or already answered. */
export async function answerUnderlag(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  answer: Pick<
    typeof underlagRequest.$inferInsert,
    "observations" | "funktion" | "aktivitet" | "methods" | "answeredBy" | "answeredDate"
  >,
): Promise<UnderlagRow | null> {
  const [row] = await q
    .update(underlagRequest)
    .set({
      ...answer,
      status: "ANSWERED",
      version: sql`${underlagRequest.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(underlagRequest.unitId, unitId),
        eq(underlagRequest.id, id),
        eq(underlagRequest.version, version),
        eq(underlagRequest.status, "OPEN"),
      ),
    )
    .returning();
  return row ?? null;
}

/** Users holding the role on the unit on `today` (the receivers of a profession's request). */
export async function membersOf(
  q: Queryable,
  unitId: string,
  role: string,
  today: string,
): Promise<string[]> {
  const rows = await q
    .select({ userId: assignment.userId })
    .from(assignment)
    .innerJoin(appUser, eq(appUser.id, assignment.userId))
    .where(
      and(
        eq(assignment.unitId, unitId),
        eq(assignment.role, role),
        eq(appUser.active, true),
        or(isNull(assignment.validFrom), lte(assignment.validFrom, today)),
        or(isNull(assignment.validTo), gte(assignment.validTo, today)),
      ),
    )
    .orderBy(asc(assignment.userId));
  return rows.map((r) => r.userId);
}

/** The subjects of the request's tasks still open (one per receiver, or the request's own). */
export async function openTaskSubjects(q: Queryable, unitId: string, requestId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ subject: task.subject })
    .from(task)
    .where(
      and(
        eq(task.unitId, unitId),
        eq(task.kind, "UNDERLAG_REQUEST"),
        or(eq(task.subject, requestId), like(task.subject, `${requestId}:%`)),
        inArray(task.status, ["OPEN", "POSTPONED"]),
      ),
    );
  return rows.map((r) => r.subject);
}
