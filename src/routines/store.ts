/**
 * The routine library's storage. A unit sees its own routines and the regional routines of its
 * region (adopted or offered); nothing of another unit's routines.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import {
  appUser,
  assignment,
  careProvider,
  routine,
  routineAdoption,
  routineConfirmation,
  routineText,
  unit,
} from "../db/schema.ts";

export type RoutineRow = typeof routine.$inferSelect;

/** The region of a unit. */
export async function regionOfUnit(q: Queryable, unitId: string): Promise<string> {
  const [row] = await q
    .select({ regionId: careProvider.regionId })
    .from(unit)
    .innerJoin(careProvider, eq(careProvider.id, unit.careProviderId))
    .where(eq(unit.id, unitId));
  if (!row) throw new Error(`unit ${unitId} has no care provider`);
  return row.regionId;
}

/** The unit's routines and its region's, each with owner name and whether the unit adopted it. */
export async function routinesVisibleTo(q: Queryable, unitId: string, regionId: string, id?: string) {
  return q
    .select({ row: routine, ownerName: appUser.displayName, adoptedAt: routineAdoption.adoptedAt })
    .from(routine)
    .innerJoin(appUser, eq(appUser.id, routine.ownerId))
    .leftJoin(
      routineAdoption,
      and(eq(routineAdoption.routineId, routine.id), eq(routineAdoption.unitId, unitId)),
    )
    .where(
      and(
        or(eq(routine.unitId, unitId), and(isNull(routine.unitId), eq(routine.regionId, regionId))),
        id ? eq(routine.id, id) : undefined,
      ),
    )
    .orderBy(asc(routine.topic), asc(routine.title), asc(routine.id));
}

export async function routineTextOf(q: Queryable, routineId: string, textVersion: number) {
  const [row] = await q
    .select()
    .from(routineText)
    .where(and(eq(routineText.routineId, routineId), eq(routineText.textVersion, textVersion)));
  return row ?? null;
}

/** Every text version with the saver's name, latest first. */
export async function routineTextVersions(q: Queryable, routineId: string) {
  return q
    .select({
      textVersion: routineText.textVersion,
      savedAt: routineText.savedAt,
      savedBy: appUser.displayName,
    })
    .from(routineText)
    .innerJoin(appUser, eq(appUser.id, routineText.savedBy))
    .where(eq(routineText.routineId, routineId))
    .orderBy(desc(routineText.textVersion));
}

export async function insertRoutine(q: Queryable, values: typeof routine.$inferInsert) {
  const [row] = await q.insert(routine).values(values).returning();
  return row!;
}

export async function insertRoutineText(q: Queryable, values: typeof routineText.$inferInsert) {
  await q.insert(routineText).values(values);
}

/** Applies the changes when `version` is current; null when another save came first. */
export async function updateRoutine(
  q: Queryable,
  id: string,
  version: number,
  changes: Partial<typeof routine.$inferInsert>,
) {
  const [row] = await q
    .update(routine)
    .set({ ...changes, version: sql`${routine.version} + 1` })
    .where(and(eq(routine.id, id), eq(routine.version, version)))
    .returning();
  return row ?? null;
}

/** Confirmations of the routines by the users (all users when `userIds` is omitted). */
export async function confirmationsOf(q: Queryable, routineIds: string[], userIds?: string[]) {
  if (routineIds.length === 0) return [];
  return q
    .select({
      routineId: routineConfirmation.routineId,
      userId: routineConfirmation.userId,
      textVersion: routineConfirmation.textVersion,
      confirmedAt: routineConfirmation.confirmedAt,
    })
    .from(routineConfirmation)
    .where(
      and(
        inArray(routineConfirmation.routineId, routineIds),
        userIds ? inArray(routineConfirmation.userId, userIds) : undefined,
      ),
    );
}

/** Records the confirmation; false when the user had already confirmed that version. */
export async function insertConfirmation(q: Queryable, values: typeof routineConfirmation.$inferInsert) {
  const rows = await q.insert(routineConfirmation).values(values).onConflictDoNothing().returning();
  return rows.length === 1;
}

export async function insertAdoption(q: Queryable, values: typeof routineAdoption.$inferInsert) {
  const rows = await q.insert(routineAdoption).values(values).onConflictDoNothing().returning();
  return rows.length === 1;
}

export async function deleteAdoption(q: Queryable, unitId: string, routineId: string) {
  const rows = await q
    .delete(routineAdoption)
    .where(and(eq(routineAdoption.unitId, unitId), eq(routineAdoption.routineId, routineId)))
    .returning();
  return rows.length === 1;
}

/** Active users with an assignment in force today on the unit, with their roles there. */
export async function unitStaff(q: Queryable, unitId: string, today: string) {
  const rows = await q
    .select({ userId: appUser.id, name: appUser.displayName, role: assignment.role })
    .from(assignment)
    .innerJoin(appUser, eq(appUser.id, assignment.userId))
    .where(
      and(
        eq(assignment.unitId, unitId),
        eq(appUser.active, true),
        or(isNull(assignment.validFrom), lte(assignment.validFrom, today)),
        or(isNull(assignment.validTo), gte(assignment.validTo, today)),
      ),
    )
    .orderBy(asc(appUser.displayName), asc(appUser.id));
  const staff = new Map<string, { userId: string; name: string; roles: string[] }>();
  for (const row of rows) {
    const member = staff.get(row.userId) ?? { userId: row.userId, name: row.name, roles: [] };
    member.roles.push(row.role);
    staff.set(row.userId, member);
  }
  return [...staff.values()];
}

/** Whether the user is active and holds an assignment on the unit, or on any unit of the region. */
export async function isStaffOf(
  q: Queryable,
  userId: string,
  where: { unitId: string } | { regionId: string },
) {
  const [row] = await q
    .select({ id: assignment.id })
    .from(assignment)
    .innerJoin(appUser, eq(appUser.id, assignment.userId))
    .innerJoin(unit, eq(unit.id, assignment.unitId))
    .innerJoin(careProvider, eq(careProvider.id, unit.careProviderId))
    .where(
      and(
        eq(assignment.userId, userId),
        eq(appUser.active, true),
        "unitId" in where ? eq(assignment.unitId, where.unitId) : eq(careProvider.regionId, where.regionId),
      ),
    )
    .limit(1);
  return row !== undefined;
}
