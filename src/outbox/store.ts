/** Writing to and claiming from the outbox table. */
import { and, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Queryable, type Tx } from "../db/client.ts";
import { outboxMessage } from "../db/schema.ts";

export type OutboxRow = typeof outboxMessage.$inferSelect;

export async function enqueue(
  q: Queryable,
  message: {
    unitId: string;
    patientId: string;
    certificateId: string | null;
    kind: string;
    payload: Record<string, unknown>;
  },
  now: Date,
): Promise<OutboxRow> {
  // Due from the application's clock, the same clock the worker compares with.
  const [row] = await q
    .insert(outboxMessage)
    .values({ ...message, nextAttemptAt: now.toISOString() })
    .returning();
  return row!;
}

/**
 * Claims due messages for this transaction. SKIP LOCKED lets several server processes work the
 * same queue: a message claimed by one is invisible to the others until that one commits.
 */
export async function claimDue(tx: Tx, now: Date, limit: number): Promise<OutboxRow[]> {
  const ids = rowsOf<{ id: string }>(
    await tx.execute(sql`
      SELECT id FROM outbox_message
      WHERE status = 'PENDING' AND next_attempt_at <= ${now.toISOString()}
      ORDER BY next_attempt_at, created_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`),
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  return tx.select().from(outboxMessage).where(inArray(outboxMessage.id, ids));
}

export async function markSent(tx: Tx, id: string, externalRef: string, now: Date) {
  await tx
    .update(outboxMessage)
    .set({
      status: "SENT",
      externalRef,
      sentAt: now.toISOString(),
      attempts: sql`${outboxMessage.attempts} + 1`,
      lastError: null,
    })
    .where(and(eq(outboxMessage.id, id), eq(outboxMessage.status, "PENDING")));
}

export async function markAttemptFailed(tx: Tx, row: OutboxRow, error: string, retryAt: Date | null) {
  await tx
    .update(outboxMessage)
    .set({
      attempts: row.attempts + 1,
      lastError: error.slice(0, 500),
      ...(retryAt ? { nextAttemptAt: retryAt.toISOString() } : { status: "FAILED" as const }),
    })
    .where(eq(outboxMessage.id, row.id));
}

export async function pendingCount(q: Queryable, now: Date): Promise<number> {
  const [row] = rowsOf<{ n: string }>(
    await q.execute(
      sql`SELECT count(*) AS n FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= ${now.toISOString()}`,
    ),
  );
  return Number(row?.n ?? 0);
}

/** Whether the certificate already has a message on its way (or delivered); a failed one may be sent again. */
export async function deliveryUnderway(
  q: Queryable,
  unitId: string,
  certificateId: string,
): Promise<boolean> {
  const rows = await q
    .select({ id: outboxMessage.id })
    .from(outboxMessage)
    .where(
      and(
        eq(outboxMessage.unitId, unitId),
        eq(outboxMessage.certificateId, certificateId),
        inArray(outboxMessage.status, ["PENDING", "SENT"]),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
