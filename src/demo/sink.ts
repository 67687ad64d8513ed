/**
 * Writes generated rows in batches: one INSERT … SELECT FROM json_populate_recordset per batch,
 * so a batch of thousands of rows is one statement with one parameter (no 65,535-parameter limit,
 * no per-row round trip) and runs the same on PGlite and on a PostgreSQL server. Buffers are
 * flushed in foreign-key order, so a row never arrives before the rows it refers to.
 */
import { getTableColumns, getTableName, sql, type Table } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import {
  appUser,
  assignment,
  careProvider,
  certificate,
  fkArende,
  fkArendeEvent,
  patient,
  region,
  unit,
} from "../db/schema.ts";
import type { DemoRecord, DemoTable } from "./generate.ts";

const tables: Record<DemoTable, Table> = {
  region,
  careProvider,
  unit,
  appUser,
  assignment,
  patient,
  certificate,
  fkArende,
  fkArendeEvent,
};

/** Parents before children. */
const insertOrder: readonly DemoTable[] = [
  "region",
  "careProvider",
  "unit",
  "appUser",
  "assignment",
  "patient",
  "certificate",
  "fkArende",
  "fkArendeEvent",
];

/** Property name → column name, per table. */
const columnNames = Object.fromEntries(
  insertOrder.map((name) => [
    name,
    new Map(Object.entries(getTableColumns(tables[name])).map(([key, column]) => [key, column.name])),
  ]),
) as Record<DemoTable, Map<string, string>>;

export type RowCounts = Record<DemoTable, number>;

export class RowSink {
  readonly counts: RowCounts;
  #q: Queryable;
  #batchSize: number;
  #buffers = new Map<DemoTable, Record<string, unknown>[]>();

  constructor(q: Queryable, batchSize = 2_000) {
    this.#q = q;
    this.#batchSize = batchSize;
    this.counts = Object.fromEntries(insertOrder.map((name) => [name, 0])) as RowCounts;
    for (const name of insertOrder) this.#buffers.set(name, []);
  }

  /** Buffers a row; true when a buffer is full and `flush()` should be awaited. */
  push(record: DemoRecord): boolean {
    const buffer = this.#buffers.get(record.table)!;
    buffer.push(record.row as Record<string, unknown>);
    return buffer.length >= this.#batchSize;
  }

  /**
   * Writes every buffered row, parents first. The buffers are taken at once, so rows pushed while
   * this runs wait for the next flush: the caller may keep generating during the write (and must
   * await it before flushing again).
   */
  async flush(): Promise<void> {
    // Every buffer is replaced, even an empty one: rows pushed later must not join this flush.
    const batches = insertOrder.map((name) => {
      const rows = this.#buffers.get(name)!;
      this.#buffers.set(name, []);
      return [name, rows] as const;
    });
    for (const [name, rows] of batches) {
      if (rows.length === 0) continue;
      await this.#insert(name, rows);
      this.counts[name] += rows.length;
    }
  }

  async #insert(name: DemoTable, rows: Record<string, unknown>[]): Promise<void> {
    const names = columnNames[name];
    const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const records = rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const key of keys) record[names.get(key)!] = row[key] ?? null;
      return record;
    });
    const table = sql.identifier(getTableName(tables[name]));
    const columns = sql.raw(keys.map((key) => `"${names.get(key)!}"`).join(", "));
    try {
      await this.#q.execute(
        sql`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(records)}::json)`,
      );
    } catch (error) {
      // The query error repeats the parameters — patient data — so only the driver's own error travels on.
      const cause = (error as { cause?: unknown }).cause ?? error;
      const message = `Inserting ${rows.length} rows into ${getTableName(tables[name])} failed: ${(cause as Error).message}`;
      // eslint-disable-next-line preserve-caught-error -- the driver's error, without the parameters
      throw new Error(message, { cause });
    }
  }
}
