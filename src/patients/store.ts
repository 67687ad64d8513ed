/** Patient rows, always scoped to one unit: a row of another unit is never found. */
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { patient, unit } from "../db/schema.ts";

export type PatientRow = typeof patient.$inferSelect;

/**
 * Digits match the start of the personnummer, with or without century (ÅÅMMDD or ÅÅÅÅMMDD);
 * words match the start of given or family name.
 */
function searchCondition(query: string) {
  const digits = query.replace(/[-+\s]/g, "");
  if (/^\d+$/.test(digits)) {
    const prefix = `${digits}%`;
    return or(
      sql`${patient.personnummer} LIKE ${prefix}`,
      sql`substr(${patient.personnummer}, 3) LIKE ${prefix}`,
    );
  }
  const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
  return and(
    ...words.map((word) => {
      const pattern = `${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      return or(ilike(patient.givenName, pattern), ilike(patient.familyName, pattern));
    }),
  );
}

export async function searchPatients(q: Queryable, unitId: string, query: string, limit: number) {
  const where = and(eq(patient.unitId, unitId), searchCondition(query));
  const rows = await q
    .select()
    .from(patient)
    .where(where)
    .orderBy(asc(patient.familyName), asc(patient.givenName), asc(patient.personnummer))
    .limit(limit);
  const [total] = await q.select({ n: count() }).from(patient).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findPatient(q: Queryable, unitId: string, id: string) {
  const [row] = await q
    .select({ patient, listingUnitName: unit.name })
    .from(patient)
    .leftJoin(unit, eq(unit.id, patient.listingUnitId))
    .where(and(eq(patient.unitId, unitId), eq(patient.id, id)));
  return row ?? null;
}

export async function findPatientByPersonnummer(q: Queryable, unitId: string, personnummer: string) {
  const [row] = await q
    .select({ id: patient.id })
    .from(patient)
    .where(and(eq(patient.unitId, unitId), eq(patient.personnummer, personnummer)));
  return row ?? null;
}

export async function insertPatient(q: Queryable, values: typeof patient.$inferInsert) {
  const [row] = await q.insert(patient).values(values).returning();
  return row!;
}

/** Optimistic concurrency: the update applies only to the version the user saw. */
export async function updatePatient(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<
    Pick<
      PatientRow,
      "givenName" | "familyName" | "protectedIdentity" | "listingUnitId" | "firstDayCertificateUntil"
    >
  >,
) {
  const [row] = await q
    .update(patient)
    .set({ ...changes, version: sql`${patient.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(patient.unitId, unitId), eq(patient.id, id), eq(patient.version, version)))
    .returning();
  return row ?? null;
}
