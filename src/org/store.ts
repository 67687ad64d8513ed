/** Units, users and assignments. */
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { isRole, roles } from "../access/policy.ts";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, careProvider, unit } from "../db/schema.ts";

export type UnitRow = typeof unit.$inferSelect;
export type UserRow = typeof appUser.$inferSelect;

export function toUnit(row: UnitRow) {
  return {
    id: row.id,
    name: row.name,
    hsaId: row.hsaId,
    postalAddress: row.postalAddress,
    postalCode: row.postalCode,
    town: row.town,
    phone: row.phone,
    active: row.active,
    version: row.version,
  };
}

export async function listUnits(q: Queryable, onlyIds?: string[]) {
  if (onlyIds && onlyIds.length === 0) return [];
  return q
    .select()
    .from(unit)
    .where(onlyIds ? inArray(unit.id, onlyIds) : undefined)
    .orderBy(asc(unit.name));
}

export async function findUnit(q: Queryable, id: string) {
  const [row] = await q.select().from(unit).where(eq(unit.id, id));
  return row ?? null;
}

/** The unit's care provider, or the region's only one when a single provider exists. */
export async function defaultCareProvider(q: Queryable): Promise<string | null> {
  const rows = await q.select({ id: careProvider.id }).from(careProvider).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

export async function unitsOfUser(q: Queryable, userId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ unitId: assignment.unitId })
    .from(assignment)
    .where(eq(assignment.userId, userId));
  return rows.map((r) => r.unitId);
}

export async function updateUnitRow(q: Queryable, id: string, version: number, changes: Partial<UnitRow>) {
  const [row] = await q
    .update(unit)
    .set({ ...changes, version: sql`${unit.version} + 1` })
    .where(and(eq(unit.id, id), eq(unit.version, version)))
    .returning();
  return row ?? null;
}

/** Users with their assignments; `unitId` limits to users holding an assignment on that unit. */
export async function listUsers(q: Queryable, now: Date, unitId?: string, userIds?: string[]) {
  const scoped = unitId
    ? (
        await q
          .selectDistinct({ id: assignment.userId })
          .from(assignment)
          .where(
            and(eq(assignment.unitId, unitId), userIds ? inArray(assignment.userId, userIds) : undefined),
          )
      ).map((r) => r.id)
    : userIds;
  if (scoped && scoped.length === 0) return [];
  const users = await q
    .select()
    .from(appUser)
    .where(scoped ? inArray(appUser.id, scoped) : undefined)
    .orderBy(asc(appUser.displayName), asc(appUser.username));
  const assignments = await q
    .select({
      id: assignment.id,
      userId: assignment.userId,
      unitId: assignment.unitId,
      unitName: unit.name,
      role: assignment.role,
      engagement: assignment.engagement,
    })
    .from(assignment)
    .innerJoin(unit, eq(unit.id, assignment.unitId))
    .where(
      and(
        users.length > 0
          ? inArray(
              assignment.userId,
              users.map((u) => u.id),
            )
          : sql`false`,
        unitId ? eq(assignment.unitId, unitId) : undefined,
      ),
    )
    .orderBy(asc(unit.name), asc(assignment.role));
  return users.map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    title: user.title,
    hsaId: user.hsaId,
    active: user.active,
    locked: user.lockedUntil !== null && new Date(user.lockedUntil) > now,
    version: user.version,
    assignments: assignments
      .filter((a) => a.userId === user.id)
      .map((a) => ({
        id: a.id,
        unitId: a.unitId,
        unitName: a.unitName,
        role: a.role,
        roleLabel: isRole(a.role) ? roles[a.role] : a.role,
        engagement: a.engagement,
      })),
  }));
}

export async function findUserByUsername(q: Queryable, username: string) {
  const [row] = await q.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username));
  return row ?? null;
}

/** A user's name and profession (befattning), e.g. the doctor who signed a certificate. */
export async function findUserName(q: Queryable, id: string) {
  const [row] = await q
    .select({ name: appUser.displayName, title: appUser.title })
    .from(appUser)
    .where(eq(appUser.id, id));
  return row ?? null;
}

export async function findUserByHsaId(q: Queryable, hsaId: string) {
  const [row] = await q.select({ id: appUser.id }).from(appUser).where(eq(appUser.hsaId, hsaId));
  return row ?? null;
}

export async function updateUserRow(q: Queryable, id: string, version: number, changes: Partial<UserRow>) {
  const [row] = await q
    .update(appUser)
    .set({ ...changes, version: sql`${appUser.version} + 1` })
    .where(and(eq(appUser.id, id), eq(appUser.version, version)))
    .returning();
  return row ?? null;
}

/** Every assignment the user holds, in force or not (authority over a user covers them all). */
export async function assignmentsOfUser(q: Queryable, userId: string) {
  return q
    .select({ unitId: assignment.unitId, role: assignment.role })
    .from(assignment)
    .where(eq(assignment.userId, userId));
}

export async function findAssignment(q: Queryable, id: string) {
  const [row] = await q.select().from(assignment).where(eq(assignment.id, id));
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
