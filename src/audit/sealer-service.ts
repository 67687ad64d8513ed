/**
 * The sealer inside the server process, on the shared worker loop: a round every few seconds and
 * a last one at shutdown, so the unsealed window is bounded by the interval (plus a round's
 * duration) and reported by /api/health. Another process holding the sealer lock just means this
 * one skips the round. After failures it tries again at least once per checkpoint interval.
 */
import type { Database } from "../db/client.ts";
import { ownsAuditLog } from "../db/roles.ts";
import { ConfigError, type Config } from "../server/config.ts";
import type { Logger } from "../server/logger.ts";
import { AuditKeyError } from "./key.ts";
import { auditSealingOf } from "./setup.ts";
import { startWorkerLoop } from "../server/worker-loop.ts";
import { appendCheckpoint, type ChainHead } from "./checkpoint.ts";
import { sealAll, type AuditSealing } from "./sealer.ts";

export interface SealerStatus {
  /** When the last round finished with nothing committed left unsealed (ISO), or null. */
  sealedThrough: string | null;
  /** Seconds since then: how old the oldest unsealed event can be (at most, plus a round). */
  windowSeconds: number | null;
  intervalSeconds: number;
  /** False when the last round failed (the log says why). */
  healthy: boolean;
}

export interface AuditSealer {
  runNow(): Promise<void>;
  status(): SealerStatus;
  /** Stops the interval and seals what is left. */
  stop(): Promise<void>;
}

export function startAuditSealer(options: {
  database: Database;
  sealing: AuditSealing;
  logger: Logger;
  now: () => Date;
  intervalMs: number;
  /** At most this long between checkpoint lines (and one at shutdown). */
  checkpointMs: number;
}): AuditSealer {
  const { database, sealing, logger, now } = options;
  let fromXid = "0";
  // The last round at shutdown writes a checkpoint line whatever the interval.
  let stopping = false;
  let sealedThrough: Date | null = null;
  let lastError: string | null = null;
  // Heads sealed since the last checkpoint line: one line per checkpoint interval keeps the file small.
  const unwritten = new Map<string, ChainHead>();
  let lastCheckpoint = 0;
  const checkpoint = (at: Date) => {
    lastCheckpoint = at.getTime();
    if (unwritten.size === 0) return;
    const heads = [...unwritten.values()];
    appendCheckpoint(sealing.checkpointFile, sealing.keyring, heads, at.toISOString());
    unwritten.clear();
    // The log is the checkpoints' second copy (ship it to syslog).
    logger.info({ heads }, "audit checkpoint");
  };

  const round = async (): Promise<void> => {
    const started = now();
    try {
      const result = await sealAll(database, sealing, { fromXid });
      fromXid = result.fromXid;
      lastError = null;
      // Everything committed before the round started is sealed now (unless another process
      // held the lock: then that process is sealing it).
      if (result.ran) sealedThrough = started;
      for (const head of result.heads) unwritten.set(head.chain, head);
      if (stopping || started.getTime() - lastCheckpoint >= options.checkpointMs) checkpoint(started);
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      throw error;
    }
  };
  const loop = startWorkerLoop({
    name: "audit sealing",
    run: round,
    logger,
    intervalMs: options.intervalMs,
    maxDelayMs: options.checkpointMs,
    firstDelayMs: 0,
    finalRound: true,
  });
  return {
    runNow: loop.runNow,
    status: () => ({
      sealedThrough: sealedThrough?.toISOString() ?? null,
      windowSeconds: sealedThrough ? Math.max(0, (now().getTime() - sealedThrough.getTime()) / 1000) : null,
      intervalSeconds: options.intervalMs / 1000,
      healthy: lastError === null,
    }),
    async stop() {
      stopping = true;
      await loop.stop();
    },
  };
}

/**
 * What the server does at start: the audit key (created in demo mode on first start), a warning —
 * in production a refusal — when the server's database role could rewrite the audit log, and
 * the sealer.
 */
export async function startAuditSealing(options: {
  database: Database;
  config: Config;
  logger: Logger;
  now: () => Date;
}): Promise<AuditSealer> {
  const { database, config, logger } = options;
  const sealing = configured(() => auditSealingOf(config.audit, { create: true }));
  if (sealing.keyCreated) logger.warn({ file: config.audit.keyFile }, "created a new audit key: back it up");
  if (database.kind === "postgres" && (await ownsAuditLog(database.db))) {
    const message =
      "the server's database role owns the audit log and could rewrite it: run the server as a role that owns nothing (DATABASE_URL) and migrate as the owner (DATABASE_OWNER_URL)";
    if (config.authMode === "production") throw new ConfigError(`Refusing to start: ${message}.`);
    logger.warn(message);
  }
  return startAuditSealer({
    database,
    sealing,
    logger,
    now: options.now,
    intervalMs: config.audit.sealIntervalMs,
    checkpointMs: config.audit.checkpointMs,
  });
}

/** A missing or malformed key file stops the server with its message, like any configuration error. */
function configured<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AuditKeyError) throw new ConfigError(error.message);
    throw error;
  }
}

declare module "../server/env.ts" {
  interface AppDeps {
    /** Seals audit events; /api/health reports its window. Absent in tests that seal by hand. */
    auditSealer?: Pick<AuditSealer, "status">;
  }
}
