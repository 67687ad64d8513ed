/**
 * The backup file: a header line, a manifest line (JSON) and the entries' bytes one after
 * another. The manifest lists each entry with its size and SHA-256, and each table's row count
 * and checksum as they were when the snapshot was taken, so a restore proves it got it all.
 */
import { createHash } from "node:crypto";

const header = "SAMSYN-BACKUP 1\n";

export interface TableSum {
  rows: number;
  checksum: string;
}

export interface BackupManifest {
  createdAt: string;
  database: "pglite";
  /** PGlite's PostgreSQL: its data directory format follows the major version. */
  postgresVersion: string;
  /** Migrations applied (the last one's journal time): an older Samsyn would not know the schema. */
  migrations: { count: number; last: number | null };
  tables: Record<string, TableSum>;
  entries: { name: string; bytes: number; sha256: string }[];
}

export interface BackupEntry {
  name: string;
  data: Buffer;
}

export class BackupFormatError extends Error {}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

export function encodeBackup(manifest: Omit<BackupManifest, "entries">, entries: BackupEntry[]): Buffer {
  const full: BackupManifest = {
    ...manifest,
    entries: entries.map((e) => ({ name: e.name, bytes: e.data.length, sha256: sha256(e.data) })),
  };
  return Buffer.concat([
    Buffer.from(`${header}${JSON.stringify(full)}\n`, "utf8"),
    ...entries.map((e) => e.data),
  ]);
}

export function decodeBackup(file: Buffer): { manifest: BackupManifest; entries: Map<string, Buffer> } {
  if (!file.subarray(0, header.length).equals(Buffer.from(header))) {
    throw new BackupFormatError("not a Samsyn backup (its first line is not SAMSYN-BACKUP 1)");
  }
  const end = file.indexOf(0x0a, header.length);
  if (end < 0) throw new BackupFormatError("the backup's manifest is cut off");
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(file.subarray(header.length, end).toString("utf8")) as BackupManifest;
  } catch {
    throw new BackupFormatError("the backup's manifest is not JSON");
  }
  const entries = new Map<string, Buffer>();
  let offset = end + 1;
  for (const entry of manifest.entries ?? []) {
    const data = file.subarray(offset, offset + entry.bytes);
    if (data.length !== entry.bytes || sha256(data) !== entry.sha256) {
      throw new BackupFormatError(`the backup's entry ${entry.name} is damaged (size or SHA-256 differ)`);
    }
    entries.set(entry.name, data);
    offset += entry.bytes;
  }
  if (offset !== file.length) throw new BackupFormatError("the backup has bytes after its last entry");
  return { manifest, entries };
}
