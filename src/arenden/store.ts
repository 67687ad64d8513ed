/** Ärenden and their history, scoped to one unit. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { appUser, certificate, fkArende, fkArendeEvent, patient } from "../db/schema.ts";
import type { ArendeStatus } from "./rules.ts";

export type ArendeRow = typeof fkArende.$inferSelect;

export async function findArende(q: Queryable, unitId: string, id: string): Promise<ArendeRow | null> {
  const [row] = await q
    .select()
    .from(fkArende)
    .where(and(eq(fkArende.unitId, unitId), eq(fkArende.id, id)));
  return row ?? null;
}

export async function arendenOfPatient(q: Queryable, unitId: string, patientId: string) {
  return q
    .select()
    .from(fkArende)
    .where(and(eq(fkArende.unitId, unitId), eq(fkArende.patientId, patientId)))
    .orderBy(desc(fkArende.receivedDate), desc(fkArende.createdAt));
}

export async function historyOf(q: Queryable, unitId: string, arendeIds: string[]) {
  if (arendeIds.length === 0) return [];
  return q
    .select({
      arendeId: fkArendeEvent.arendeId,
      at: fkArendeEvent.at,
      user: appUser.displayName,
      event: fkArendeEvent.event,
      note: fkArendeEvent.note,
      certificateId: fkArendeEvent.certificateId,
    })
    .from(fkArendeEvent)
    .leftJoin(appUser, eq(appUser.id, fkArendeEvent.userId))
    .where(and(eq(fkArendeEvent.unitId, unitId), inArray(fkArendeEvent.arendeId, arendeIds)))
    .orderBy(asc(fkArendeEvent.at), asc(fkArendeEvent.id));
}

/** The unit's ärenden with patient and signing doctor, optionally only on some doctors' certificates. */
export async function listArenden(
  q: Queryable,
  unitId: string,
  options: { status: ArendeStatus | "ALL"; doctorIds?: string[] },
) {
  return q
    .select({ arende: fkArende, patient, doctorName: appUser.displayName })
    .from(fkArende)
    .innerJoin(patient, eq(patient.id, fkArende.patientId))
    .leftJoin(certificate, eq(certificate.id, fkArende.certificateId))
    .leftJoin(appUser, eq(appUser.id, certificate.doctorId))
    .where(
      and(
        eq(fkArende.unitId, unitId),
        options.status === "ALL" ? undefined : eq(fkArende.status, options.status),
        options.doctorIds ? inArray(certificate.doctorId, options.doctorIds) : undefined,
      ),
    )
    .orderBy(sql`${fkArende.lastAnswerDate} ASC NULLS LAST`, asc(fkArende.receivedDate))
    .limit(500);
}

export async function insertArende(q: Queryable, values: typeof fkArende.$inferInsert): Promise<ArendeRow> {
  const [row] = await q.insert(fkArende).values(values).returning();
  return row!;
}

export async function updateArende(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<ArendeRow>,
) {
  const [row] = await q
    .update(fkArende)
    .set({ ...changes, version: sql`${fkArende.version} + 1` })
    .where(and(eq(fkArende.unitId, unitId), eq(fkArende.id, id), eq(fkArende.version, version)))
    .returning();
  return row ?? null;
}

export async function addArendeEvent(q: Queryable, values: typeof fkArendeEvent.$inferInsert) {
  await q.insert(fkArendeEvent).values(values);
}

/** Open kompletteringar waiting for this completing certificate. */
export async function arendenAwaiting(q: Queryable, unitId: string, certificateId: string) {
  return q
    .select()
    .from(fkArende)
    .where(
      and(
        eq(fkArende.unitId, unitId),
        eq(fkArende.answerCertificateId, certificateId),
        eq(fkArende.status, "OPEN"),
      ),
    );
}

/** Kompletteringar this certificate answers or is being written for (not closed by other means). */
export async function arendenAnsweredBy(q: Queryable, unitId: string, certificateId: string) {
  return q
    .select()
    .from(fkArende)
    .where(
      and(
        eq(fkArende.unitId, unitId),
        eq(fkArende.answerCertificateId, certificateId),
        eq(fkArende.type, "KOMPLT"),
        inArray(fkArende.status, ["OPEN", "ANSWERED"]),
      ),
    );
}
