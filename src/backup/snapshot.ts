/**
 * A consistent snapshot of the embedded database: in one transaction (PGlite runs one at a time,
 * so no write can slip in) every table's row count and checksum are computed and the data
 * directory is dumped. The audit checkpoints are read after the dump: the sealer appends a
 * checkpoint only after its seals have committed, so they never name a seal the dump lacks. The
 * audit key goes along when it lives in the data directory (the default of the embedded mode).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf, type Database, type Queryable } from "../db/client.ts";
import type { Config } from "../server/config.ts";
import { encodeBackup, type BackupEntry, type TableSum } from "./format.ts";

export const entryNames = {
  database: "pg.tar.gz",
  auditKey: "audit/audit.key",
  checkpoints: "audit/checkpoints.jsonl",
} as const;

/** Row count and an order-independent checksum of every table in the public schema. */
export async function tableSums(q: Queryable): Promise<Record<string, TableSum>> {
  const tables = rowsOf<{ name: string }>(
    await q.execute(
      sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    ),
  );
  const sums: Record<string, TableSum> = {};
  for (const { name } of tables) {
    const table = sql.identifier(name);
    const [row] = rowsOf<{ rows: string; checksum: string }>(
      await q.execute(sql`
        SELECT count(*) AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS checksum
        FROM (SELECT md5(t::text) AS h FROM ${table} t) s`),
    );
    sums[name] = { rows: Number(row!.rows), checksum: row!.checksum };
  }
  return sums;
}

export async function appliedMigrations(q: Queryable): Promise<{ count: number; last: number | null }> {
  const [row] = rowsOf<{ count: string; last: string | null }>(
    await q.execute(sql`SELECT count(*) AS count, max(created_at) AS last FROM drizzle.__drizzle_migrations`),
  );
  return { count: Number(row?.count ?? 0), last: row?.last == null ? null : Number(row.last) };
}

async function postgresVersion(q: Queryable): Promise<string> {
  const [row] = rowsOf<{ version: string }>(
    await q.execute(sql`SELECT current_setting('server_version') AS version`),
  );
  return row?.version ?? "unknown";
}

export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

export async function createBackup(database: Database, config: Config, createdAt: string): Promise<Buffer> {
  const dumpDataDir = database.dumpDataDir;
  if (!dumpDataDir)
    throw new Error("only the embedded database is backed up by samsyn backup (PostgreSQL: pg_dump)");
  const { tables, migrations, version, dump } = await dumpDataDir(async (tx) => ({
    tables: await tableSums(tx),
    migrations: await appliedMigrations(tx),
    version: await postgresVersion(tx),
  }));
  const entries: BackupEntry[] = [{ name: entryNames.database, data: dump }];
  if (isInside(config.dataDir, config.audit.keyFile) && existsSync(config.audit.keyFile)) {
    entries.push({ name: entryNames.auditKey, data: readFileSync(config.audit.keyFile) });
  }
  if (existsSync(config.audit.checkpointFile)) {
    entries.push({ name: entryNames.checkpoints, data: readFileSync(config.audit.checkpointFile) });
  }
  return encodeBackup(
    { createdAt, database: "pglite", postgresVersion: version, migrations, tables },
    entries,
  );
}
