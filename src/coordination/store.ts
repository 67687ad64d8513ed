/** Storage of consents, decisions, samtal, measures and meetings; every query is scoped to a unit. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { insertUnlessDuplicate } from "../db/unique.ts";
import {
  aktualiseringDecision,
  appUser,
  consent,
  coordinationMeasure,
  coordinationMeeting,
  kartlaggandeSamtal,
  unit,
} from "../db/schema.ts";

export type ConsentRow = typeof consent.$inferSelect;
export type DecisionRow = typeof aktualiseringDecision.$inferSelect;
export type SamtalRow = typeof kartlaggandeSamtal.$inferSelect;
export type MeasureRow = typeof coordinationMeasure.$inferSelect;
export type MeetingRow = typeof coordinationMeeting.$inferSelect;

// ---- Consent ----

export async function consentsOf(q: Queryable, unitId: string, patientId: string): Promise<ConsentRow[]> {
  return q
    .select()
    .from(consent)
    .where(and(eq(consent.unitId, unitId), eq(consent.patientId, patientId)))
    .orderBy(desc(consent.obtainedDate), desc(consent.createdAt));
}

export async function findConsent(q: Queryable, unitId: string, id: string): Promise<ConsentRow | null> {
  const [row] = await q
    .select()
    .from(consent)
    .where(and(eq(consent.unitId, unitId), eq(consent.id, id)));
  return row ?? null;
}

export async function insertConsent(q: Queryable, values: typeof consent.$inferInsert): Promise<ConsentRow> {
  const [row] = await q.insert(consent).values(values).returning();
  return row!;
}

/** Adds the withdrawal to a consent not yet withdrawn, at `version`; null when stale. */
export async function addWithdrawal(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  withdrawal: { withdrawnDate: string; withdrawalNote: string; withdrawnBy: string; withdrawnAt: string },
): Promise<ConsentRow | null> {
  const [row] = await q
    .update(consent)
    .set({ ...withdrawal, version: sql`${consent.version} + 1` })
    .where(and(eq(consent.unitId, unitId), eq(consent.id, id), eq(consent.version, version)))
    .returning();
  return row ?? null;
}

// ---- Aktualisering ----

/** The patient's decisions in the order they were made. */
export async function decisionsOf(q: Queryable, unitId: string, patientId: string): Promise<DecisionRow[]> {
  return q
    .select()
    .from(aktualiseringDecision)
    .where(and(eq(aktualiseringDecision.unitId, unitId), eq(aktualiseringDecision.patientId, patientId)))
    .orderBy(asc(aktualiseringDecision.createdAt), asc(aktualiseringDecision.decidedDate));
}

/**
 * Inserts a decision in a savepoint. Null when the unique indexes refuse it: someone else decided
 * on the same case at the same moment (the caller answers 409; the transaction stays usable).
 */
export async function insertDecision(
  q: Queryable,
  values: typeof aktualiseringDecision.$inferInsert,
): Promise<DecisionRow | null> {
  return insertUnlessDuplicate(q, async (savepoint) => {
    const [row] = await savepoint.insert(aktualiseringDecision).values(values).returning();
    return row!;
  });
}

// ---- Kartläggande samtal ----

export async function samtalOf(q: Queryable, unitId: string, patientId: string): Promise<SamtalRow[]> {
  return q
    .select()
    .from(kartlaggandeSamtal)
    .where(and(eq(kartlaggandeSamtal.unitId, unitId), eq(kartlaggandeSamtal.patientId, patientId)))
    .orderBy(desc(kartlaggandeSamtal.samtalDate), desc(kartlaggandeSamtal.createdAt));
}

export async function findSamtal(q: Queryable, unitId: string, id: string): Promise<SamtalRow | null> {
  const [row] = await q
    .select()
    .from(kartlaggandeSamtal)
    .where(and(eq(kartlaggandeSamtal.unitId, unitId), eq(kartlaggandeSamtal.id, id)));
  return row ?? null;
}

export async function insertSamtal(
  q: Queryable,
  values: typeof kartlaggandeSamtal.$inferInsert,
): Promise<SamtalRow> {
  const [row] = await q.insert(kartlaggandeSamtal).values(values).returning();
  return row!;
}

/** Changes a draft at `version`; null when stale or no longer a draft. */
export async function updateSamtalDraft(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<typeof kartlaggandeSamtal.$inferInsert>,
): Promise<SamtalRow | null> {
  const [row] = await q
    .update(kartlaggandeSamtal)
    .set({ ...changes, version: sql`${kartlaggandeSamtal.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(kartlaggandeSamtal.unitId, unitId),
        eq(kartlaggandeSamtal.id, id),
        eq(kartlaggandeSamtal.version, version),
        eq(kartlaggandeSamtal.status, "UTKAST"),
      ),
    )
    .returning();
  return row ?? null;
}

// ---- Measures and meetings ----

export async function measuresOf(q: Queryable, unitId: string, patientId: string): Promise<MeasureRow[]> {
  return q
    .select()
    .from(coordinationMeasure)
    .where(and(eq(coordinationMeasure.unitId, unitId), eq(coordinationMeasure.patientId, patientId)))
    .orderBy(asc(coordinationMeasure.measureDate), asc(coordinationMeasure.createdAt));
}

export async function insertMeasure(
  q: Queryable,
  values: typeof coordinationMeasure.$inferInsert,
): Promise<MeasureRow> {
  const [row] = await q.insert(coordinationMeasure).values(values).returning();
  return row!;
}

export async function meetingsOf(q: Queryable, unitId: string, patientId: string): Promise<MeetingRow[]> {
  return q
    .select()
    .from(coordinationMeeting)
    .where(and(eq(coordinationMeeting.unitId, unitId), eq(coordinationMeeting.patientId, patientId)))
    .orderBy(asc(coordinationMeeting.meetingDate), asc(coordinationMeeting.createdAt));
}

export async function insertMeeting(
  q: Queryable,
  values: typeof coordinationMeeting.$inferInsert,
): Promise<MeetingRow> {
  const [row] = await q.insert(coordinationMeeting).values(values).returning();
  return row!;
}

// ---- Lookups ----

/** Display names of users (staff, not patient data). */
export async function userNames(q: Queryable, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(inArray(appUser.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function unitSettingsOf(q: Queryable, unitId: string): Promise<unknown> {
  const [row] = await q.select({ settings: unit.settings }).from(unit).where(eq(unit.id, unitId));
  return row?.settings ?? {};
}
