/**
 * Restores a backup into the embedded data directory: checks every entry's SHA-256, loads the
 * database dump, proves every table has the row count and checksum the backup recorded, brings the
 * audit key along (merging it into an existing key file, never replacing a key) and puts the
 * backup's checkpoints in place. Whatever it replaces is moved aside, never deleted.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client.ts";
import { acquireDataDirLock } from "../db/lock.ts";
import { AuditKeyError, parseKeyring } from "../audit/key.ts";
import type { Config } from "../server/config.ts";
import { decodeBackup, type BackupManifest } from "./format.ts";
import { entryNames, tableSums } from "./snapshot.ts";

export class RestoreError extends Error {}

export interface RestoreResult {
  createdAt: string;
  tables: number;
  rows: number;
  /** Tables whose row count or checksum differ from the backup's (empty when restored whole). */
  differing: string[];
  movedAside: string[];
  auditKey: "restored" | "merged" | "kept";
}

export async function restoreBackup(
  file: Buffer,
  config: Config,
  options: { force: boolean; stamp: string; newestMigration: number },
): Promise<RestoreResult> {
  const { manifest, entries } = decodeBackup(file);
  if (manifest.migrations.last !== null && manifest.migrations.last > options.newestMigration) {
    throw new RestoreError(
      "the backup comes from a newer Samsyn (its schema has migrations this one lacks): upgrade first",
    );
  }
  const dump = entries.get(entryNames.database);
  if (!dump) throw new RestoreError("the backup holds no database");
  mkdirSync(config.dataDir, { recursive: true });
  const release = acquireDataDirLock(config.dataDir);
  try {
    const movedAside: string[] = [];
    const aside = (target: string) => {
      if (!existsSync(target)) return;
      const moved = `${target}.before-restore-${options.stamp}`;
      renameSync(target, moved);
      movedAside.push(moved);
    };
    const pgDir = path.join(config.dataDir, "pg");
    if (existsSync(pgDir)) {
      if (!options.force) {
        throw new RestoreError(
          `${config.dataDir} already holds a database: restore into an empty data directory, or add --force to move it aside`,
        );
      }
      aside(pgDir);
    }
    const auditKey = mergeKey(config.audit.keyFile, entries.get(entryNames.auditKey));
    const checkpoints = entries.get(entryNames.checkpoints);
    aside(config.audit.checkpointFile);
    if (checkpoints) {
      mkdirSync(path.dirname(config.audit.checkpointFile), { recursive: true, mode: 0o700 });
      writeFileSync(config.audit.checkpointFile, checkpoints, { mode: 0o600 });
    }
    const database = await openDatabase({
      kind: "pglite",
      dataDir: config.dataDir,
      loadDataDir: new Blob([new Uint8Array(dump)]),
    });
    try {
      const sums = await tableSums(database.db);
      return {
        createdAt: manifest.createdAt,
        tables: Object.keys(sums).length,
        rows: Object.values(sums).reduce((n, t) => n + t.rows, 0),
        differing: differingTables(manifest, sums),
        movedAside,
        auditKey,
      };
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

function differingTables(manifest: BackupManifest, sums: Record<string, { rows: number; checksum: string }>) {
  const names = new Set([...Object.keys(manifest.tables), ...Object.keys(sums)]);
  return [...names].filter((name) => {
    const a = manifest.tables[name];
    const b = sums[name];
    return !a || !b || a.rows !== b.rows || a.checksum !== b.checksum;
  });
}

/** The backup's keys join the configured key file; a key id with other key material stops the restore. */
function mergeKey(keyFile: string, backedUp: Buffer | undefined): RestoreResult["auditKey"] {
  if (!backedUp) return "kept";
  const incoming = parseKeyring(backedUp.toString("utf8"), "the backup's audit key");
  if (!existsSync(keyFile)) {
    mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, backedUp, { mode: 0o600 });
    return "restored";
  }
  const present = parseKeyring(readFileSync(keyFile, "utf8"), keyFile);
  const missing: string[] = [];
  for (const [id, key] of incoming.byId) {
    const mine = present.byId.get(id);
    if (mine && !mine.secret.equals(key.secret)) {
      throw new AuditKeyError(
        `the key ${id} in ${keyFile} differs from the backup's: move one of them aside first`,
      );
    }
    if (!mine) missing.push(`${id} ${key.secret.toString("base64")}\n`);
  }
  if (missing.length === 0) return "kept";
  // The backup's keys only verify: they go before the file's last line, which stays the current key.
  const lines = readFileSync(keyFile, "utf8").trimEnd().split("\n");
  const current = lines.pop()!;
  writeFileSync(keyFile, `${[...lines, ...missing.map((l) => l.trimEnd()), current].join("\n")}\n`, {
    mode: 0o600,
  });
  return "merged";
}
