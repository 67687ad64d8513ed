/**
 * Many rows in one statement: `INSERT … SELECT FROM json_populate_recordset`, so a batch of
 * thousands of rows is one statement with one parameter (no 65,535-parameter limit, no per-row
 * round trip) and runs the same on PGlite and on a PostgreSQL server.
 */
import { getTableColumns, getTableName, sql, type Table } from "drizzle-orm";
import type { Queryable } from "./client.ts";

const columnNamesOf = new WeakMap<Table, Map<string, string>>();

/** Property name → column name of a table (cached). */
function columnNames(table: Table): Map<string, string> {
  let names = columnNamesOf.get(table);
  if (!names) {
    names = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name]));
    columnNamesOf.set(table, names);
  }
  return names;
}

/**
 * Inserts `rows` (objects keyed by the table's property names; a missing key is NULL, not the
 * column default) into `table` in one statement. The driver's error repeats the parameters —
 * possibly patient data — so a failure travels on with the driver's own message only.
 */
export async function insertRows(q: Queryable, table: Table, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columnNames(table);
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const key of keys) record[names.get(key)!] = row[key] ?? null;
    return record;
  });
  const name = sql.identifier(getTableName(table));
  const columns = sql.raw(keys.map((key) => `"${names.get(key)!}"`).join(", "));
  try {
    await q.execute(
      sql`INSERT INTO ${name} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${name}, ${JSON.stringify(records)}::json)`,
    );
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    const message = `Inserting ${rows.length} rows into ${getTableName(table)} failed: ${(cause as Error).message}`;
    // eslint-disable-next-line preserve-caught-error -- the driver's error, without the parameters
    throw new Error(message, { cause });
  }
}
