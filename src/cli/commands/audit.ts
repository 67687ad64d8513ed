/**
 * `samsyn audit verify|seal|rotate-key`: the audit log's integrity (PRODUCT §8). `verify` exits 1
 * when a problem is found — an edited, deleted or re-sealed event, a cut tail, a forged
 * checkpoint — so a scheduled job or script notices.
 */
import { auditSealingOf } from "../../audit/setup.ts";
import { rotateKey, AuditKeyError } from "../../audit/key.ts";
import { sealAndCheckpoint } from "../../audit/sealer.ts";
import { verifyAuditLog } from "../../audit/verify.ts";
import { clock } from "../../dates/clock.ts";
import { ConfigError, loadConfig } from "../../server/config.ts";
import { isMissingTable, withDatabase } from "../database.ts";
import {
  exitCodes,
  integerOption,
  parseOptions,
  UsageError,
  write,
  writeJson,
  type CommandIo,
} from "../io.ts";

export const auditUsage = "usage: samsyn audit verify [--limit N] | audit seal | audit rotate-key";

export const auditHelp = `${auditUsage}

verify      Verifies the audit log of the configured database with the audit key
            (SAMSYN_AUDIT_KEY_FILE, default $SAMSYN_DATA_DIR/audit/audit.key; created when
            missing outside production, as the server does) and the checkpoints
            (SAMSYN_AUDIT_CHECKPOINT_FILE, default $SAMSYN_DATA_DIR/audit/checkpoints.jsonl): every
            seal's HMAC must match its event and the previous seal of its chain (one chain per
            unit), positions must have no gaps, every chain must reach its checkpointed head, and
            no committed event may stay unsealed longer than the sealer's window.
            Prints {"ok", "events", "sealed", "chains", "unsealed": {count, oldestAt},
            "checkpoint": {file, lines, chains}, "problems": [{chain, seq, position, problem, detail?}]},
            problem being HASH_MISMATCH (edited, or re-sealed without the key), EVENT_DELETED,
            POSITION_GAP, TAIL_CUT, CHECKPOINT_MISMATCH (re-sealed chain), UNSEALED, UNKNOWN_KEY,
            CHECKPOINT_MISSING, CHECKPOINT_FORGED, CHECKPOINT_UNREADABLE or CHECKPOINT_UNKNOWN_KEY.
seal        Seals the committed events the sealer has not reached (the server does this itself
            every few seconds and at shutdown). Prints {"sealed": N}.
rotate-key  Appends a new key to the key file; older keys stay to verify what they sealed.
            Restart the server afterwards. Prints {"keyId": "…"}.

Exit code: 0 when the log is intact, 1 when problems were found, 2 on bad usage or no database.

  --limit N   report at most N problems (default 1000)
`;

export async function auditCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: "boolean", short: "h" }, limit: { type: "string" } },
    auditUsage,
    true,
  );
  if (values.help) {
    await write(io.stdout, auditHelp);
    return 0;
  }
  const sub = positionals.join(" ");
  if (!["verify", "seal", "rotate-key"].includes(sub)) {
    throw new UsageError(sub === "" ? "missing subcommand" : `unknown subcommand "${sub}"`, auditUsage);
  }
  const limit = integerOption(values.limit, "limit", { min: 1, max: 1_000_000 }, auditUsage) ?? 1000;
  const audit = auditConfig(io);
  if (sub === "rotate-key") {
    const keyId = keyed(() => rotateKey(audit.keyFile));
    await writeJson(io, { keyId });
    return exitCodes.ok;
  }
  const result = await withDatabase(io, { mustExist: true }, async (database) => {
    // Outside production a missing key is created, as the server does at its first start.
    const sealing = keyed(() => auditSealingOf(audit, { create: true }));
    try {
      if (sub === "seal") {
        return await sealAndCheckpoint(database, sealing, clock().now().toISOString());
      }
      return await verifyAuditLog(database.db, {
        keyring: sealing.keyring,
        checkpointFile: sealing.checkpointFile,
        maxUnsealedSeconds: audit.maxUnsealedSeconds,
        limit,
      });
    } catch (error) {
      if (isMissingTable(error)) {
        throw new UsageError("The database has no audit log yet: run samsyn migrate first.");
      }
      throw error;
    }
  });
  if ("ok" in result) {
    await writeJson(io, result);
    return result.ok ? exitCodes.ok : exitCodes.problems;
  }
  await writeJson(io, { sealed: result.sealed });
  return exitCodes.ok;
}

function auditConfig(io: CommandIo) {
  try {
    return loadConfig(io.env).audit;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function keyed<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AuditKeyError) throw new UsageError(error.message);
    throw error;
  }
}
