/**
 * Turns what arrives from Försäkringskassan into ärenden: each message is checked, matched to
 * its certificate and registered by the system (no user), in one transaction per delivery. The
 * delivery is acknowledged only after that transaction committed; a failure releases it for a
 * later attempt, and a message that can never become an ärende is rejected with the reasons.
 */
import { checkInboundMessage, InboundFormatError, inboundMessagesOf } from "../arenden/inbound.ts";
import { lockMessageIds, receiveMessage, type ReceiveOutcome } from "../arenden/inbound-store.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Db } from "../db/client.ts";
import type { Logger } from "../server/logger.ts";
import type { InboundEnvelope, InboundTransport } from "./transport.ts";
import { loggableError } from "../server/loggable-error.ts";
import { startWorkerLoop } from "../server/worker-loop.ts";
import { clock } from "../dates/clock.ts";

export interface InboxResult {
  created: number;
  alreadyImported: number;
  rejected: number;
  /** Deliveries put back after an error (retried on a later tick). */
  failed: number;
}

export async function processInbox(
  db: Db,
  transport: InboundTransport,
  options: { now: Date; limit?: number; logger?: Logger },
): Promise<InboxResult> {
  const { now, limit = 20, logger } = options;
  const result: InboxResult = { created: 0, alreadyImported: 0, rejected: 0, failed: 0 };
  for (const envelope of await transport.receive(limit)) {
    let outcomes: Outcomes;
    try {
      outcomes = await handle(db, envelope, now);
    } catch (error) {
      await transport.release(envelope.id);
      result.failed++;
      logger?.error({ err: loggableError(error) }, "inbox: delivery released after an error");
      continue;
    }
    const refused = outcomes.filter((o) => o.outcome.outcome === "REJECTED");
    for (const { outcome } of outcomes) {
      if (outcome.outcome === "CREATED") result.created++;
      else if (outcome.outcome === "ALREADY_IMPORTED") result.alreadyImported++;
      else result.rejected++;
    }
    if (refused.length === 0) {
      await transport.acknowledge(envelope.id);
    } else {
      const lines = refused.flatMap(({ label, outcome }) =>
        outcome.outcome === "REJECTED" ? outcome.reasons.map((reason) => `${label}: ${reason}`) : [],
      );
      if (refused.length < outcomes.length) lines.push("Övriga meddelanden i filen är mottagna.");
      await transport.reject(envelope.id, lines);
    }
  }
  return result;
}

type Outcomes = { label: string; outcome: ReceiveOutcome }[];

async function handle(db: Db, envelope: InboundEnvelope, now: Date): Promise<Outcomes> {
  let values: unknown[];
  try {
    values = inboundMessagesOf(envelope.body);
  } catch (error) {
    if (error instanceof InboundFormatError) {
      return [{ label: "Filen", outcome: { outcome: "REJECTED", reasons: [error.message] } }];
    }
    throw error;
  }
  const checks = values.map(checkInboundMessage);
  const label = (index: number, messageId: string | null) =>
    `Meddelande ${index + 1}${messageId ? ` (${messageId})` : ""}`;
  return db.transaction(async (tx) => {
    await lockMessageIds(
      tx,
      checks.flatMap((c) => (c.ok ? [c.message.messageId] : [])),
    );
    const outcomes: Outcomes = [];
    for (const [index, check] of checks.entries()) {
      if (!check.ok) {
        outcomes.push({
          label: label(index, check.messageId),
          outcome: { outcome: "REJECTED", reasons: check.reasons },
        });
        continue;
      }
      const outcome = await receiveMessage(
        { tx, today: stockholmToday(now), unitId: null, actor: null, grant: null },
        check.message,
      );
      outcomes.push({ label: label(index, check.message.messageId), outcome });
    }
    return outcomes;
  });
}

export interface InboxWorker {
  /** Look now instead of at the next tick. */
  kick(): void;
  stop(): Promise<void>;
}

export function startInboxWorker(options: {
  db: Db;
  transport: InboundTransport;
  logger: Logger;
  intervalMs?: number;
  now?: () => Date;
}): InboxWorker {
  const now = options.now ?? clock().now;
  const loop = startWorkerLoop({
    name: "inbox worker",
    logger: options.logger,
    intervalMs: options.intervalMs ?? 10_000,
    run: async () => {
      const result = await processInbox(options.db, options.transport, {
        now: now(),
        logger: options.logger,
      });
      // Counts only: never what a message says.
      if (result.created || result.alreadyImported || result.rejected || result.failed)
        options.logger.info({ ...result, transport: options.transport.name }, "inbox received");
    },
  });
  return { kick: () => void loop.runNow(), stop: loop.stop };
}
