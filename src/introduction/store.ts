/** Substitutes' assignments and their ticked checklist items, scoped to one unit. */
import { and, asc, eq, gte, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, introductionTick } from "../db/schema.ts";
import type { Engagement } from "./rules.ts";

/** The unit's substitutes (an assignment in force today marked vikarie or hyrläkare), or one of them. */
export async function substitutesOn(q: Queryable, unitId: string, today: string, userId?: string) {
  const rows = await q
    .select({
      userId: appUser.id,
      name: appUser.displayName,
      role: assignment.role,
      engagement: assignment.engagement,
      since: assignment.validFrom,
      until: assignment.validTo,
    })
    .from(assignment)
    .innerJoin(appUser, eq(appUser.id, assignment.userId))
    .where(
      and(
        eq(assignment.unitId, unitId),
        isNotNull(assignment.engagement),
        eq(appUser.active, true),
        userId ? eq(assignment.userId, userId) : undefined,
        or(isNull(assignment.validFrom), lte(assignment.validFrom, today)),
        or(isNull(assignment.validTo), gte(assignment.validTo, today)),
      ),
    )
    .orderBy(asc(appUser.displayName), asc(appUser.id));
  const byUser = new Map<
    string,
    { userId: string; name: string; engagement: Engagement; since: string | null; until: string | null }
  >();
  for (const row of rows) {
    if (!byUser.has(row.userId)) byUser.set(row.userId, { ...row, engagement: row.engagement! });
  }
  return [...byUser.values()];
}

export async function ticksOf(q: Queryable, unitId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await q
    .select({
      userId: introductionTick.userId,
      item: introductionTick.item,
      tickedAt: introductionTick.tickedAt,
    })
    .from(introductionTick)
    .where(eq(introductionTick.unitId, unitId));
  return rows.filter((r) => userIds.includes(r.userId));
}

export async function setTick(q: Queryable, unitId: string, userId: string, item: string, done: boolean) {
  if (done) {
    await q.insert(introductionTick).values({ unitId, userId, item }).onConflictDoNothing();
  } else {
    await q
      .delete(introductionTick)
      .where(
        and(
          eq(introductionTick.unitId, unitId),
          eq(introductionTick.userId, userId),
          eq(introductionTick.item, item),
        ),
      );
  }
}
