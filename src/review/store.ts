/** Review marks and the ending tasks they close, always scoped to one unit. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { appUser, reviewMark, task } from "../db/schema.ts";

export type ReviewMarkRow = typeof reviewMark.$inferSelect;

/** Every mark of the patients' cases, oldest first (the last one of a case is the current one). */
export async function marksOf(q: Queryable, unitId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return q
    .select({ mark: reviewMark, markedByName: appUser.displayName })
    .from(reviewMark)
    .leftJoin(appUser, eq(appUser.id, reviewMark.markedBy))
    .where(and(eq(reviewMark.unitId, unitId), inArray(reviewMark.patientId, patientIds)))
    .orderBy(asc(reviewMark.createdAt), asc(reviewMark.id));
}

/** The case's current mark: the one no other mark supersedes. */
export async function currentMark(
  q: Queryable,
  unitId: string,
  patientId: string,
  caseStart: string,
): Promise<ReviewMarkRow | null> {
  const [row] = await q
    .select()
    .from(reviewMark)
    .where(
      and(
        eq(reviewMark.unitId, unitId),
        eq(reviewMark.patientId, patientId),
        eq(reviewMark.caseStart, caseStart),
        sql`NOT EXISTS (SELECT 1 FROM ${reviewMark} AS later WHERE later.unit_id = ${reviewMark.unitId}
          AND later.supersedes_id = ${reviewMark.id})`,
      ),
    );
  return row ?? null;
}

export async function insertMark(
  q: Queryable,
  values: typeof reviewMark.$inferInsert,
): Promise<ReviewMarkRow> {
  const [row] = await q.insert(reviewMark).values(values).returning();
  return row!;
}

/** The case's active "Intyget löper snart ut" task for the end date, if any. */
export async function endingTask(
  q: Queryable,
  unitId: string,
  c: { patientId: string; caseStart: string; caseEnd: string },
) {
  const [row] = await q
    .select()
    .from(task)
    .where(
      and(
        eq(task.unitId, unitId),
        eq(task.patientId, c.patientId),
        eq(task.caseStart, c.caseStart),
        eq(task.kind, "CERTIFICATE_ENDING"),
        eq(task.subject, c.caseEnd),
        inArray(task.status, ["OPEN", "POSTPONED"]),
      ),
    );
  return row ?? null;
}

/** The active ending tasks of the patients (shown beside the rows). */
export async function endingTasksOf(q: Queryable, unitId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return q
    .select({ id: task.id, patientId: task.patientId, caseStart: task.caseStart, subject: task.subject })
    .from(task)
    .where(
      and(
        eq(task.unitId, unitId),
        eq(task.kind, "CERTIFICATE_ENDING"),
        inArray(task.status, ["OPEN", "POSTPONED"]),
        inArray(task.patientId, patientIds),
      ),
    );
}
