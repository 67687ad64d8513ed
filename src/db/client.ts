/**
 * One data layer for both storage kinds: embedded PGlite (default) and a PostgreSQL server
 * (DATABASE_URL). Both speak the same SQL and run the same migrations.
 *
 * PGlite has one connection: inside a transaction use only the transaction handle, never `db`,
 * or the query waits forever for the transaction to end.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema.ts";
import { acquireDataDirLock } from "./lock.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Embedded only: runs `read` and dumps the data directory (gzipped tar) in one transaction, so
   * both see the same committed state and no write runs in between (PGlite runs one at a time).
   */
  dumpDataDir?<T>(read: (tx: Tx) => Promise<T>): Promise<T & { dump: Buffer }>;
}

export const migrationsFolder = path.join(import.meta.dirname, "migrations");

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string | null; loadDataDir?: Blob };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === "postgres" ? openPostgres(options.url, options.poolSize) : openPglite(options);
}

function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder }),
    close: () => pool.end(),
  };
}

async function openPglite(options: { dataDir: string | null; loadDataDir?: Blob }): Promise<Database> {
  let releaseLock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(options.dataDir);
  }
  try {
    const client = new PGlite({
      ...(options.dataDir ? { dataDir: path.join(options.dataDir, "pg") } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder }),
      dumpDataDir: (read) =>
        db.transaction(async (tx) => {
          const result = await read(tx);
          // PGlite's dump waits for the running statement only; this transaction keeps the others out.
          const dump = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
          return { ...result, dump };
        }),
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Rows of a raw SQL query, whichever driver runs it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
