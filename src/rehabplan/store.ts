/** Storage of rehab plans, their versions and handouts; every query is scoped to a unit. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { roleIds, roleKinds } from "../access/policy.ts";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, patientHandout, rehabPlan, rehabPlanVersion, unit } from "../db/schema.ts";

export type PlanRow = typeof rehabPlan.$inferSelect;
export type VersionRow = typeof rehabPlanVersion.$inferSelect;
export type HandoutRow = typeof patientHandout.$inferSelect;

export async function findPlan(q: Queryable, unitId: string, id: string): Promise<PlanRow | null> {
  const [row] = await q
    .select()
    .from(rehabPlan)
    .where(and(eq(rehabPlan.unitId, unitId), eq(rehabPlan.id, id)));
  return row ?? null;
}

export async function planOfCase(
  q: Queryable,
  unitId: string,
  patientId: string,
  caseStart: string,
): Promise<PlanRow | null> {
  const [row] = await q
    .select()
    .from(rehabPlan)
    .where(
      and(
        eq(rehabPlan.unitId, unitId),
        eq(rehabPlan.patientId, patientId),
        eq(rehabPlan.caseStart, caseStart),
      ),
    );
  return row ?? null;
}

/** The patient's plans on the unit, newest case first. */
export async function plansOfPatient(q: Queryable, unitId: string, patientId: string): Promise<PlanRow[]> {
  const rows = await q
    .select()
    .from(rehabPlan)
    .where(and(eq(rehabPlan.unitId, unitId), eq(rehabPlan.patientId, patientId)))
    .orderBy(desc(rehabPlan.caseStart));
  return rows;
}

/** The unit's plans that are not avslutade (for the revision task of the daily job). */
export async function openPlansOfUnit(q: Queryable, unitId: string): Promise<PlanRow[]> {
  const rows = await q
    .select()
    .from(rehabPlan)
    .where(and(eq(rehabPlan.unitId, unitId), inArray(rehabPlan.status, ["UTKAST", "FASTSTALLD"])));
  return rows;
}

/** Inserts a new plan; null when the case already has one (a concurrent creation). */
export async function insertPlan(
  q: Queryable,
  values: typeof rehabPlan.$inferInsert,
): Promise<PlanRow | null> {
  const [row] = await q
    .insert(rehabPlan)
    .values(values)
    .onConflictDoNothing({ target: [rehabPlan.unitId, rehabPlan.patientId, rehabPlan.caseStart] })
    .returning();
  return row ?? null;
}

/** Writes the plan's next version at `version`; null when stale. */
export async function updatePlan(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<typeof rehabPlan.$inferInsert>,
): Promise<PlanRow | null> {
  const [row] = await q
    .update(rehabPlan)
    .set({ ...changes, version: sql`${rehabPlan.version} + 1` })
    .where(and(eq(rehabPlan.unitId, unitId), eq(rehabPlan.id, id), eq(rehabPlan.version, version)))
    .returning();
  return row ?? null;
}

export async function insertVersion(
  q: Queryable,
  values: typeof rehabPlanVersion.$inferInsert,
): Promise<void> {
  await q.insert(rehabPlanVersion).values(values);
}

export async function versionsOf(q: Queryable, unitId: string, planId: string): Promise<VersionRow[]> {
  const rows = await q
    .select()
    .from(rehabPlanVersion)
    .where(and(eq(rehabPlanVersion.unitId, unitId), eq(rehabPlanVersion.planId, planId)))
    .orderBy(asc(rehabPlanVersion.version));
  return rows;
}

export async function insertHandout(
  q: Queryable,
  values: typeof patientHandout.$inferInsert,
): Promise<HandoutRow> {
  const [row] = await q.insert(patientHandout).values(values).returning();
  return row!;
}

export async function handoutsOf(q: Queryable, unitId: string, patientId: string): Promise<HandoutRow[]> {
  return q
    .select()
    .from(patientHandout)
    .where(and(eq(patientHandout.unitId, unitId), eq(patientHandout.patientId, patientId)))
    .orderBy(desc(patientHandout.handedDate), desc(patientHandout.createdAt));
}

/** Who can be responsible for an action: the unit's care and administrative staff. */
const careRoles = roleIds.filter((r) => roleKinds[r] === "clinical" || roleKinds[r] === "administrative");

/** The unit's active staff who can be responsible for an action. */
export async function unitStaff(q: Queryable, unitId: string) {
  const rows = await q
    .selectDistinct({ id: appUser.id, name: appUser.displayName, title: appUser.title })
    .from(appUser)
    .innerJoin(assignment, eq(assignment.userId, appUser.id))
    .where(and(eq(assignment.unitId, unitId), eq(appUser.active, true), inArray(assignment.role, careRoles)))
    .orderBy(asc(appUser.displayName), asc(appUser.id));
  return rows;
}

export async function unitContact(q: Queryable, unitId: string) {
  const [row] = await q
    .select({
      name: unit.name,
      phone: unit.phone,
      postalAddress: unit.postalAddress,
      postalCode: unit.postalCode,
      town: unit.town,
    })
    .from(unit)
    .where(eq(unit.id, unitId));
  return row!;
}
