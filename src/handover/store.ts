/**
 * Handovers, always scoped to one unit. `doctorsSeenBy` is what the unit list (and the ärende and
 * task lists) ask to show a doctor the cases handed over to them; `receiversOnDay` what the task
 * job asks to give an absent doctor's new tasks to the receiving doctor.
 */
import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { handover } from "../db/schema.ts";
import { receiversOn, type HandoverPeriod } from "./rules.ts";

export type HandoverRow = typeof handover.$inferSelect;

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
