/**
 * `samsyn backup FILE` and `samsyn restore FILE`: the embedded database with its audit
 * checkpoints (and the audit key when it lives in the data directory). A backup is taken online:
 * while a server holds the data directory, the server takes it (the embedded database may be
 * opened by one process only); otherwise the command opens the directory itself.
 * PostgreSQL is backed up with pg_dump (README, Operations).
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { requestBackup } from "../../backup/control.ts";
import { BackupFormatError, decodeBackup } from "../../backup/format.ts";
import { restoreBackup, RestoreError } from "../../backup/restore.ts";
import { createBackup } from "../../backup/snapshot.ts";
import { AuditKeyError } from "../../audit/key.ts";
import { auditSealingOf } from "../../audit/setup.ts";
import { verifyAuditLog } from "../../audit/verify.ts";
import { clock } from "../../dates/clock.ts";
import { migrationsFolder, openDatabase } from "../../db/client.ts";
import { dataDirHolder, DataDirLockedError } from "../../db/lock.ts";
import { ConfigError, loadConfig, type Config } from "../../server/config.ts";
import { exitCodes, parseOptions, UsageError, write, writeJson, type CommandIo } from "../io.ts";

export const backupUsage = "usage: samsyn backup FILE";
export const restoreUsage = "usage: samsyn restore [--force] FILE";

export const backupHelp = `${backupUsage}

Writes a consistent backup of the embedded database (SAMSYN_DATA_DIR) to FILE, while the server
runs or not: a running server takes the snapshot itself (asked through its control socket). The
backup holds the database, each table's row count and checksum, the audit checkpoints and — when
it lives in the data directory — the audit key: keep backups as safe as the database itself.
Prints {"file", "bytes", "tables", "rows", "via": "server"|"direct"}.
With DATABASE_URL (PostgreSQL) use pg_dump instead (README, Operations).
`;

export const restoreHelp = `${restoreUsage}

Restores FILE (from samsyn backup) into the embedded database's data directory (SAMSYN_DATA_DIR)
while no server runs on it. Every table must come back with the row count and checksum the backup
recorded; then the audit log is verified. An existing database, checkpoint file or conflicting key
is never deleted: --force moves the database and checkpoints aside (*.before-restore-<time>).
Prints {"restored", "createdAt", "tables", "rows", "differing", "movedAside", "auditKey", "audit"}.
Exit code: 0 restored and verified, 1 tables differ or the audit log fails verification, 2 bad usage.
`;

function configOf(io: CommandIo, usage: string): Config {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (config.databaseUrl) {
    throw new UsageError(
      "DATABASE_URL is set: back up and restore PostgreSQL with pg_dump and pg_restore (README, Operations)",
      usage,
    );
  }
  return config;
}

export async function backupCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: "boolean", short: "h" } },
    backupUsage,
    true,
  );
  if (values.help) {
    await write(io.stdout, backupHelp);
    return exitCodes.ok;
  }
  if (positionals.length !== 1) throw new UsageError("give one FILE to write the backup to", backupUsage);
  const config = configOf(io, backupUsage);
  const file = path.resolve(positionals[0]!);
  const via = dataDirHolder(config.dataDir) === null ? "direct" : "server";
  const backup = via === "server" ? await requestBackup(config.dataDir) : await backupDirect(config);
  // Written beside and renamed: a half-written file never carries the name of a backup.
  const partial = `${file}.partial`;
  writeFileSync(partial, backup, { mode: 0o600 });
  renameSync(partial, file);
  const { manifest } = decodeBackup(backup);
  const tables = Object.values(manifest.tables);
  await writeJson(io, {
    file,
    bytes: backup.length,
    tables: tables.length,
    rows: tables.reduce((n, t) => n + t.rows, 0),
    via,
  });
  return exitCodes.ok;
}

async function backupDirect(config: Config): Promise<Buffer> {
  let database;
  try {
    database = await openDatabase({ kind: "pglite", dataDir: config.dataDir });
  } catch (error) {
    // The server started between the look and the open: ask it instead.
    if (error instanceof DataDirLockedError) return requestBackup(config.dataDir);
    throw error;
  }
  try {
    return await createBackup(database, config, clock().now().toISOString());
  } finally {
    await database.close();
  }
}

export async function restoreCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: "boolean", short: "h" }, force: { type: "boolean" } },
    restoreUsage,
    true,
  );
  if (values.help) {
    await write(io.stdout, restoreHelp);
    return exitCodes.ok;
  }
  if (positionals.length !== 1) throw new UsageError("give the backup FILE to restore", restoreUsage);
  const config = configOf(io, restoreUsage);
  let file: Buffer;
  try {
    file = readFileSync(positionals[0]!);
  } catch (error) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(error as Error).message}`);
  }
  const newestMigration = Math.max(...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  let result;
  try {
    result = await restoreBackup(file, config, {
      force: values.force ?? false,
      stamp: clock().now().toISOString().replaceAll(":", "-"),
      newestMigration,
    });
  } catch (error) {
    if (
      error instanceof BackupFormatError ||
      error instanceof RestoreError ||
      error instanceof AuditKeyError ||
      error instanceof DataDirLockedError
    ) {
      throw new UsageError(error.message);
    }
    throw error;
  }
  const audit = await verifyRestored(config);
  await writeJson(io, { restored: true, ...result, audit });
  return result.differing.length === 0 && audit.ok ? exitCodes.ok : exitCodes.problems;
}

/** Unsealed events count as stale by the backup's last event: the restored server seals them at start. */
async function verifyRestored(config: Config) {
  let sealing;
  try {
    sealing = auditSealingOf(config.audit, { create: false });
  } catch (error) {
    if (error instanceof AuditKeyError) return { ok: false, problem: error.message };
    throw error;
  }
  const database = await openDatabase({ kind: "pglite", dataDir: config.dataDir });
  try {
    const { ok, events, sealed, chains, unsealed, problems } = await verifyAuditLog(database.db, {
      keyring: sealing.keyring,
      checkpointFile: sealing.checkpointFile,
      maxUnsealedSeconds: config.audit.maxUnsealedSeconds,
      staleRelativeTo: "newest event",
    });
    return { ok, events, sealed, chains, unsealed, problems };
  } finally {
    await database.close();
  }
}
