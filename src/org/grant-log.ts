/**
 * Grants of roles that open patient data, read back from the audit log (the record that cannot be
 * edited), so the unit's chief sees who was given access to the unit's patients, and by whom.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../db/client.ts";
import { appUser, assignment, auditEvent } from "../db/schema.ts";

/** How far back the list looks: a quarter covers the chief's periodic review. */
const lookbackDays = 92;

/**
 * The lookback is measured on the database's clock, which stamps audit events, so the list stays
 * right when the application clock is moved (SAMSYN_NOW).
 */
export async function patientDataGrants(q: Queryable, unitId: string, limit = 100) {
  const target = alias(appUser, "target");
  const rows = await q
    .select({
      at: auditEvent.at,
      assignmentId: auditEvent.entityId,
      role: sql<string>`${auditEvent.details} ->> 'role'`,
      userId: sql<string | null>`${auditEvent.details} ->> 'userId'`,
      user: target.displayName,
      grantedById: auditEvent.userId,
      grantedBy: appUser.displayName,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.userId))
    .leftJoin(target, sql`${target.id}::text = ${auditEvent.details} ->> 'userId'`)
    .where(
      and(
        eq(auditEvent.unitId, unitId),
        eq(auditEvent.action, "ADMIN"),
        eq(auditEvent.entity, "assignment"),
        sql`${auditEvent.details} ->> 'readsPatientData' = 'true'`,
        sql`${auditEvent.at} > now() - make_interval(days => ${lookbackDays})`,
      ),
    )
    .orderBy(desc(auditEvent.seq))
    .limit(limit);
  const ids = rows.flatMap((r) => (r.assignmentId ? [r.assignmentId] : []));
  const present = new Set(
    ids.length === 0
      ? []
      : (
          await q
            .select({ id: assignment.id })
            .from(assignment)
            .where(inArray(sql`${assignment.id}::text`, ids))
        ).map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    user: row.user ?? "Okänd användare",
    grantedBy: row.grantedBy ?? "Okänd användare",
    removed: row.assignmentId === null || !present.has(row.assignmentId),
  }));
}
