/**
 * The database a command works on, chosen as the server chooses: DATABASE_URL set → that
 * PostgreSQL server, else the embedded PGlite in SAMSYN_DATA_DIR (default ./data). The embedded
 * directory holds a lock file, so while a server runs on it the command refuses with a clear
 * message instead of corrupting it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../db/client.ts";
import { DataDirLockedError } from "../db/lock.ts";
import { ConfigError, loadConfig } from "../server/config.ts";
import { errorMessage, UsageError, type CommandIo } from "./io.ts";

export interface StorageOptions {
  /** Refuse an embedded data directory that does not exist yet instead of creating it. */
  mustExist?: boolean;
}

/** Opens the configured database, runs `work`, and closes it whatever happens. */
export async function withDatabase<T>(
  io: CommandIo,
  options: StorageOptions,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openConfigured(io, options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function openConfigured(io: CommandIo, options: StorageOptions): Promise<Database> {
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (!config.databaseUrl) {
    if (options.mustExist && !existsSync(path.join(config.dataDir, "pg"))) {
      throw new UsageError(
        `There is no database in ${config.dataDir} (set SAMSYN_DATA_DIR or DATABASE_URL, or run samsyn migrate).`,
      );
    }
    try {
      return await openDatabase({ kind: "pglite", dataDir: config.dataDir });
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new UsageError(error.message);
      throw error;
    }
  }
  const database = await openDatabase({ kind: "postgres", url: config.databaseUrl, poolSize: 2 });
  try {
    // The pool connects lazily: find out now, and say so plainly (never echo the URL: it may hold a password).
    await database.db.execute(sql`SELECT 1`);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw new UsageError(`Cannot connect to the PostgreSQL server in DATABASE_URL: ${errorMessage(error)}`);
  }
  return database;
}

/** True when the error says a table is missing: the database was never migrated. */
export function isMissingTable(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === "42P01" || cause?.code === "42P01";
}
