/**
 * Writes generated rows in batches, one statement per batch (`insertRows`). Buffers are flushed in
 * foreign-key order, so a row never arrives before the rows it refers to.
 */
import type { Table } from "drizzle-orm";
import { insertRows } from "../db/bulk.ts";
import type { Queryable } from "../db/client.ts";
import {
  aktualiseringDecision,
  appUser,
  assignment,
  careProvider,
  certificate,
  consent,
  deviation,
  deviationAction,
  deviationEvent,
  fkArende,
  fkArendeEvent,
  listedPopulation,
  patient,
  patientHandout,
  region,
  task,
  team,
  teamAgendaItem,
  teamDecision,
  teamMeeting,
  teamMember,
  teamMinutes,
  routine,
  routineAdoption,
  routineConfirmation,
  routineText,
  rehabPlan,
  rehabPlanVersion,
  underlagRequest,
  unit,
} from "../db/schema.ts";
import type { DemoRecord, DemoTable } from "./generate.ts";
import { teamDemoTables } from "./team.ts";

const tables: Record<DemoTable, Table> = {
  region,
  careProvider,
  unit,
  listedPopulation,
  appUser,
  assignment,
  patient,
  certificate,
  fkArende,
  fkArendeEvent,
  consent,
  aktualiseringDecision,
  team,
  teamMember,
  teamMeeting,
  teamAgendaItem,
  teamMinutes,
  task,
  teamDecision,
  routine,
  routineText,
  routineAdoption,
  routineConfirmation,
  rehabPlan,
  rehabPlanVersion,
  patientHandout,
  underlagRequest,
  deviation,
  deviationAction,
  deviationEvent,
};

/** Parents before children. */
const insertOrder: readonly DemoTable[] = [
  "region",
  "careProvider",
  "unit",
  "listedPopulation",
  "appUser",
  "assignment",
  "routine",
  "routineText",
  "routineAdoption",
  "routineConfirmation",
  "patient",
  "certificate",
  "fkArende",
  "fkArendeEvent",
  ...teamDemoTables,
  "rehabPlan",
  "rehabPlanVersion",
  "patientHandout",
  "underlagRequest",
  "deviation",
  "deviationAction",
  "deviationEvent",
];

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
    await insertRows(this.#q, tables[name], rows);
  }
}
