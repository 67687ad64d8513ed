/**
 * Delivers due outbox messages through the transport. Each batch runs in one transaction that
 * holds the claimed rows, so a message is delivered by one process at a time and its delivery is
 * recorded atomically with the effect on the certificate (the hook).
 */
import type { Db, Tx } from "../db/client.ts";
import type { Logger } from "../server/logger.ts";
import { claimDue, markAttemptFailed, markSent, type OutboxRow } from "./store.ts";
import { PermanentTransportError, type Transport } from "./transport.ts";
import { startWorkerLoop } from "../server/worker-loop.ts";
import { clock } from "../dates/clock.ts";

export interface DeliveryHooks {
  /** Runs in the delivering transaction after the transport accepted the message. */
  onDelivered(tx: Tx, row: OutboxRow, now: Date): Promise<void>;
}

/** Minutes to wait before attempt n+1; after the last, the message is FAILED for a person to see. */
const retryMinutes = [1, 5, 15, 60, 180, 720];

export function nextAttempt(attemptsSoFar: number, now: Date): Date | null {
  const minutes = retryMinutes[attemptsSoFar];
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000);
}

export async function deliverDue(
  db: Db,
  transport: Transport,
  hooks: DeliveryHooks,
  now: Date,
  limit = 20,
): Promise<{ sent: number; failed: number }> {
  return db.transaction(async (tx) => {
    let sent = 0;
    let failed = 0;
    for (const row of await claimDue(tx, now, limit)) {
      try {
        const { externalRef } = await transport.deliver({
          messageId: row.id,
          kind: row.kind,
          createdAt: row.createdAt,
          payload: row.payload,
        });
        await markSent(tx, row.id, externalRef, now);
        await hooks.onDelivered(tx, row, now);
        sent++;
      } catch (error) {
        // The error text comes from the transport, never from the payload: no patient data.
        const message = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
        const retryAt = error instanceof PermanentTransportError ? null : nextAttempt(row.attempts, now);
        await markAttemptFailed(tx, row, message, retryAt);
        failed++;
      }
    }
    return { sent, failed };
  });
}

export interface OutboxWorker {
  /** Deliver now instead of at the next tick (after a user sends). */
  kick(): void;
  stop(): Promise<void>;
}

declare module "../server/env.ts" {
  interface AppDeps {
    /** Delivers queued messages; absent in tests that deliver by hand. */
    outbox?: OutboxWorker;
  }
}

export function startOutboxWorker(options: {
  db: Db;
  transport: Transport;
  hooks: DeliveryHooks;
  logger: Logger;
  intervalMs?: number;
  now?: () => Date;
}): OutboxWorker {
  const now = options.now ?? clock().now;
  const loop = startWorkerLoop({
    name: "outbox worker",
    logger: options.logger,
    intervalMs: options.intervalMs ?? 5_000,
    run: async () => {
      const { sent, failed } = await deliverDue(options.db, options.transport, options.hooks, now());
      if (sent || failed)
        options.logger.info({ sent, failed, transport: options.transport.name }, "outbox delivery");
    },
  });
  return { kick: () => void loop.runNow(), stop: loop.stop };
}
