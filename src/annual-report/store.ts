/**
 * The annual report texts' storage: one row per saved version of a unit's report period.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { annualReportText, appUser } from "../db/schema.ts";

export type ReportTextRow = typeof annualReportText.$inferSelect;

const scope = (unitId: string, period: string) =>
  and(eq(annualReportText.unitId, unitId), eq(annualReportText.period, period));

/** Every version of the unit's texts for the period with the saver's name, latest first. */
export async function reportTextVersions(q: Queryable, unitId: string, period: string) {
  return q
    .select({ row: annualReportText, savedByName: appUser.displayName })
    .from(annualReportText)
    .innerJoin(appUser, eq(appUser.id, annualReportText.savedBy))
    .where(scope(unitId, period))
    .orderBy(desc(annualReportText.version));
}

/** The current (highest) version, or null before the first save. */
export async function currentReportText(
  q: Queryable,
  unitId: string,
  period: string,
): Promise<ReportTextRow | null> {
  const [row] = await q
    .select()
    .from(annualReportText)
    .where(scope(unitId, period))
    .orderBy(desc(annualReportText.version))
    .limit(1);
  return row ?? null;
}

/**
 * Adds a version; false when that version exists already (a concurrent save took it: the caller
 * answers 409). The key (unit, period, version) makes two saves of one version impossible.
 */
export async function insertReportText(q: Queryable, row: typeof annualReportText.$inferInsert) {
  const inserted = await q
    .insert(annualReportText)
    .values(row)
    .onConflictDoNothing()
    .returning({ version: annualReportText.version });
  return inserted.length === 1;
}
