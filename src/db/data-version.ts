/**
 * The unit data version: a number the database itself moves (triggers of migrations 0010 and
 * 0023) in every transaction that changes what a unit's list or statistics are computed from.
 * Caches keyed by it (`src/worklist/cache.ts`, `src/statistics/snapshot.ts`) stay exact.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "./client.ts";

/** The unit's data version, or null if it has none (then nothing is cached). */
export async function unitDataVersion(q: Queryable, unitId: string): Promise<string | null> {
  const [row] = rowsOf<{ version: unknown }>(
    await q.execute(sql`SELECT version FROM unit_data_version WHERE unit_id = ${unitId}`),
  );
  return row === undefined || row.version === null ? null : String(row.version);
}
