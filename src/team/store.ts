/** Storage of the team, its meetings, agenda, minutes and decisions; every query is scoped to a unit. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { insertUnlessDuplicate } from "../db/unique.ts";
import {
  aktualiseringDecision,
  appUser,
  assignment,
  coordinationMeeting,
  patient,
  team,
  teamAgendaItem,
  teamDecision,
  teamMeeting,
  teamMember,
  teamMinutes,
} from "../db/schema.ts";

export type TeamRow = typeof team.$inferSelect;
export type MemberRow = typeof teamMember.$inferSelect;
export type MeetingRow = typeof teamMeeting.$inferSelect;
export type ItemRow = typeof teamAgendaItem.$inferSelect;
export type MinutesRow = typeof teamMinutes.$inferSelect;
export type DecisionRow = typeof teamDecision.$inferSelect;

// ---- Team ----

export async function teamOf(q: Queryable, unitId: string): Promise<TeamRow | null> {
  const [row] = await q.select().from(team).where(eq(team.unitId, unitId));
  return row ?? null;
}

export async function membersOf(q: Queryable, unitId: string): Promise<MemberRow[]> {
  return q.select().from(teamMember).where(eq(teamMember.unitId, unitId)).orderBy(asc(teamMember.createdAt));
}

/**
 * Saves the team at `version` (0: not created yet) with its members replaced; null when stale.
 */
export async function saveTeam(
  q: Queryable,
  unitId: string,
  version: number,
  values: { meetingTimes: TeamRow["meetingTimes"]; updatedBy: string },
  members: { userId: string; profession: string }[],
): Promise<TeamRow | null> {
  let saved: TeamRow | undefined;
  if (version === 0) {
    [saved] = await q
      .insert(team)
      .values({ unitId, ...values })
      .onConflictDoNothing()
      .returning();
  } else {
    [saved] = await q
      .update(team)
      .set({ ...values, version: sql`${team.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(team.unitId, unitId), eq(team.version, version)))
      .returning();
  }
  if (!saved) return null;
  await q.delete(teamMember).where(eq(teamMember.unitId, unitId));
  if (members.length > 0) await q.insert(teamMember).values(members.map((m) => ({ unitId, ...m })));
  return saved;
}

/** The unit's users with a clinical role (who may be members, participants and responsible). */
export async function unitStaff(q: Queryable, unitId: string) {
  const rows = await q
    .selectDistinct({
      id: appUser.id,
      name: appUser.displayName,
      title: appUser.title,
      role: assignment.role,
    })
    .from(assignment)
    .innerJoin(appUser, eq(appUser.id, assignment.userId))
    .where(and(eq(assignment.unitId, unitId), eq(appUser.active, true)))
    .orderBy(asc(appUser.displayName));
  return rows;
}

// ---- Meetings ----

export async function meetingsOf(q: Queryable, unitId: string): Promise<MeetingRow[]> {
  return q
    .select()
    .from(teamMeeting)
    .where(eq(teamMeeting.unitId, unitId))
    .orderBy(desc(teamMeeting.meetingDate), desc(teamMeeting.startTime));
}

/** Number of patients on each meeting's agenda. */
export async function agendaCounts(q: Queryable, unitId: string): Promise<Map<string, number>> {
  const rows = await q
    .select({ meetingId: teamAgendaItem.meetingId, n: sql<number>`count(*)::int` })
    .from(teamAgendaItem)
    .where(eq(teamAgendaItem.unitId, unitId))
    .groupBy(teamAgendaItem.meetingId);
  return new Map(rows.map((r) => [r.meetingId, Number(r.n)]));
}

export async function findMeeting(q: Queryable, unitId: string, id: string): Promise<MeetingRow | null> {
  const [row] = await q
    .select()
    .from(teamMeeting)
    .where(and(eq(teamMeeting.unitId, unitId), eq(teamMeeting.id, id)));
  return row ?? null;
}

export async function insertMeeting(
  q: Queryable,
  values: typeof teamMeeting.$inferInsert,
): Promise<MeetingRow> {
  const [row] = await q.insert(teamMeeting).values(values).returning();
  return row!;
}

/** Changes a meeting at `version` (the version goes up); null when stale. */
export async function updateMeeting(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<typeof teamMeeting.$inferInsert>,
): Promise<MeetingRow | null> {
  const [row] = await q
    .update(teamMeeting)
    .set({ ...changes, version: sql`${teamMeeting.version} + 1` })
    .where(and(eq(teamMeeting.unitId, unitId), eq(teamMeeting.id, id), eq(teamMeeting.version, version)))
    .returning();
  return row ?? null;
}

// ---- Agenda ----

const patientColumns = {
  id: patient.id,
  personnummer: patient.personnummer,
  givenName: patient.givenName,
  familyName: patient.familyName,
  protectedIdentity: patient.protectedIdentity,
};

export async function agendaOf(q: Queryable, unitId: string, meetingId: string) {
  return q
    .select({ item: teamAgendaItem, patient: patientColumns })
    .from(teamAgendaItem)
    .innerJoin(patient, eq(patient.id, teamAgendaItem.patientId))
    .where(and(eq(teamAgendaItem.unitId, unitId), eq(teamAgendaItem.meetingId, meetingId)))
    .orderBy(asc(teamAgendaItem.position));
}

export async function findItem(q: Queryable, unitId: string, id: string): Promise<ItemRow | null> {
  const [row] = await q
    .select()
    .from(teamAgendaItem)
    .where(and(eq(teamAgendaItem.unitId, unitId), eq(teamAgendaItem.id, id)));
  return row ?? null;
}

export async function insertItem(q: Queryable, values: typeof teamAgendaItem.$inferInsert): Promise<ItemRow> {
  const [row] = await q.insert(teamAgendaItem).values(values).returning();
  return row!;
}

export async function setPositions(q: Queryable, unitId: string, itemIds: readonly string[]) {
  for (const [position, id] of itemIds.entries()) {
    await q
      .update(teamAgendaItem)
      .set({ position })
      .where(and(eq(teamAgendaItem.unitId, unitId), eq(teamAgendaItem.id, id)));
  }
}

export async function deleteItems(q: Queryable, unitId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await q
    .delete(teamAgendaItem)
    .where(and(eq(teamAgendaItem.unitId, unitId), inArray(teamAgendaItem.id, [...ids])));
}

/**
 * The unit's current "aktualiseras i teamet" decisions (not superseded) whose patient is on no
 * agenda from that decision yet: the agenda's suggestions.
 */
export async function undecidedTeamCases(q: Queryable, unitId: string) {
  const superseding = q
    .select({ id: aktualiseringDecision.supersedesId })
    .from(aktualiseringDecision)
    .where(and(eq(aktualiseringDecision.unitId, unitId), isNotNull(aktualiseringDecision.supersedesId)));
  return q
    .select({
      decisionId: aktualiseringDecision.id,
      caseStart: aktualiseringDecision.caseStart,
      decidedDate: aktualiseringDecision.decidedDate,
      patient: patientColumns,
    })
    .from(aktualiseringDecision)
    .innerJoin(patient, eq(patient.id, aktualiseringDecision.patientId))
    .leftJoin(
      teamAgendaItem,
      and(eq(teamAgendaItem.unitId, unitId), eq(teamAgendaItem.decisionId, aktualiseringDecision.id)),
    )
    .where(
      and(
        eq(aktualiseringDecision.unitId, unitId),
        eq(aktualiseringDecision.decision, "AKTUALISERA_TEAM"),
        sql`${aktualiseringDecision.id} NOT IN (${superseding})`,
        isNull(teamAgendaItem.id),
      ),
    )
    .orderBy(asc(aktualiseringDecision.decidedDate), asc(aktualiseringDecision.createdAt));
}

/** The current aktualisering decision with the id, if it is the unit's and says "team". */
export async function findTeamDecision(q: Queryable, unitId: string, decisionId: string) {
  const [row] = await q
    .select()
    .from(aktualiseringDecision)
    .where(
      and(
        eq(aktualiseringDecision.unitId, unitId),
        eq(aktualiseringDecision.id, decisionId),
        eq(aktualiseringDecision.decision, "AKTUALISERA_TEAM"),
      ),
    );
  return row ?? null;
}

// ---- Minutes ----

export async function minutesOfItems(q: Queryable, unitId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return q
    .select()
    .from(teamMinutes)
    .where(and(eq(teamMinutes.unitId, unitId), inArray(teamMinutes.itemId, [...itemIds])))
    .orderBy(asc(teamMinutes.itemId), asc(teamMinutes.version));
}

/** Inserts a version; null when that version exists (a concurrent save: 409). */
export async function insertMinutes(
  q: Queryable,
  values: typeof teamMinutes.$inferInsert,
): Promise<MinutesRow | null> {
  return insertUnlessDuplicate(q, async (savepoint) => {
    const [row] = await savepoint.insert(teamMinutes).values(values).returning();
    return row!;
  });
}

// ---- Decisions ----

export async function decisionsOfMeeting(q: Queryable, unitId: string, meetingId: string) {
  return q
    .select()
    .from(teamDecision)
    .where(and(eq(teamDecision.unitId, unitId), eq(teamDecision.meetingId, meetingId)))
    .orderBy(asc(teamDecision.createdAt));
}

export async function findDecision(q: Queryable, unitId: string, id: string): Promise<DecisionRow | null> {
  const [row] = await q
    .select()
    .from(teamDecision)
    .where(and(eq(teamDecision.unitId, unitId), eq(teamDecision.id, id)));
  return row ?? null;
}

export async function insertDecision(
  q: Queryable,
  values: typeof teamDecision.$inferInsert,
): Promise<DecisionRow> {
  const [row] = await q.insert(teamDecision).values(values).returning();
  return row!;
}

export async function updateDecision(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<typeof teamDecision.$inferInsert>,
): Promise<DecisionRow | null> {
  const [row] = await q
    .update(teamDecision)
    .set({ ...changes, version: sql`${teamDecision.version} + 1` })
    .where(and(eq(teamDecision.unitId, unitId), eq(teamDecision.id, id), eq(teamDecision.version, version)))
    .returning();
  return row ?? null;
}

// ---- Samverkan ----

/** The samverkansmöten (trepartsmöte, avstämningsmöte) of the patients, newest first. */
export async function samverkanOf(q: Queryable, unitId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return [];
  return q
    .select({
      id: coordinationMeeting.id,
      patientId: coordinationMeeting.patientId,
      kind: coordinationMeeting.kind,
      meetingDate: coordinationMeeting.meetingDate,
    })
    .from(coordinationMeeting)
    .where(
      and(eq(coordinationMeeting.unitId, unitId), inArray(coordinationMeeting.patientId, [...patientIds])),
    )
    .orderBy(desc(coordinationMeeting.meetingDate), desc(coordinationMeeting.createdAt));
}
