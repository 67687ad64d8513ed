/**
 * Writing audit events. Reads of patient data go through `auditedRead`: the data is loaded and
 * the events written in one transaction, so if the audit write fails, the read fails with it and
 * no data leaves the server (fail closed).
 */
import type { Actor, ActorAssignment } from "../access/actor.ts";
import type { Db, Queryable, Tx } from "../db/client.ts";
import { sql } from "drizzle-orm";
import type { AuditAction } from "./actions.ts";

export interface AuditEntry {
  action: AuditAction;
  purpose: string;
  patientId?: string | null;
  entity?: string;
  entityId?: string;
  /** Never patient data: ids, counts, filters without free text. */
  details?: Record<string, unknown>;
}

export interface AuditContext {
  actor: Actor | null;
  grant: ActorAssignment | null;
  /** The unit the event belongs to (its chain); defaults to the actor's active unit. */
  unitId?: string | null;
}

/**
 * Writes the events in one statement with one JSON parameter, in the given order: a list view of
 * hundreds of patients costs one round trip, and the chain trigger numbers them in that order.
 */
export async function recordAudit(q: Queryable, ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const unitId = ctx.unitId !== undefined ? ctx.unitId : (ctx.actor?.unitId ?? null);
  const events = JSON.stringify(
    entries.map((entry) => ({
      patientId: entry.patientId ?? null,
      action: entry.action,
      purpose: entry.purpose,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
    })),
  );
  await q.execute(sql`
    INSERT INTO audit_event
      (user_id, assignment_id, role, unit_id, patient_id, action, purpose, entity, entity_id, details)
    SELECT ${ctx.actor?.userId ?? null}::uuid, ${ctx.grant?.id ?? null}::uuid, ${ctx.grant?.role ?? null},
      ${unitId}, (e ->> 'patientId')::uuid, e ->> 'action', e ->> 'purpose', e ->> 'entity',
      e ->> 'entityId', e -> 'details'
    FROM jsonb_array_elements(${events}::jsonb) WITH ORDINALITY AS a(e, n)
    ORDER BY n`);
}

/**
 * Load patient data and log who saw it, atomically. `entriesFor` derives the audit entries from
 * what was loaded (one per patient shown in a list).
 */
export async function auditedRead<T>(
  db: Db,
  ctx: AuditContext,
  load: (tx: Tx) => Promise<T>,
  entriesFor: (result: T) => AuditEntry[],
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await load(tx);
    await recordAudit(tx, ctx, entriesFor(result));
    return result;
  });
}

/** Write patient data and its audit event atomically. */
export async function auditedWrite<T>(
  db: Db,
  ctx: AuditContext,
  write: (tx: Tx) => Promise<T>,
  entriesFor: (result: T) => AuditEntry[],
): Promise<T> {
  return auditedRead(db, ctx, write, entriesFor);
}
