/**
 * The daily task job: for every active unit, computes today's unit list and inserts the tasks it
 * calls for that do not exist yet (INSERT … ON CONFLICT DO NOTHING on the task key), with a task
 * event and an audit event by the system for each task created — all in one transaction per unit.
 *
 * Several server processes may run it at once: each unit is taken under a transaction-scoped
 * advisory lock (pg_try_advisory_xact_lock), so one process works on a unit while the others skip
 * it; and should two ever both get there, the unique key still lets only one insert each task (and
 * only the inserted rows, RETURNING, get events). Running it again the same day creates nothing new.
 */
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit.ts";
import { resolveSjukfallSettings } from "../cases/settings.ts";
import { stockholmToday } from "../dates/today.ts";
import { rowsOf, type Database } from "../db/client.ts";
import { unit } from "../db/schema.ts";
import type { ReferenceData } from "../reference/index.ts";
import type { Logger } from "../server/logger.ts";
import { computeUnitList } from "../worklist/service.ts";
import { patientsWithDrafts, storedSettings } from "../worklist/store.ts";
import { planTasks, taskKinds, type PlannedTask } from "./rules.ts";
import { addTaskEvents, consentsOf, insertMissing } from "./store.ts";
import { receiversOnDay } from "../handover/store.ts";
import { startWorkerLoop } from "../server/worker-loop.ts";
import { rehabPlanTasks } from "../rehabplan/tasks.ts";
import { clock } from "../dates/clock.ts";

export interface TaskJobResult {
  today: string;
  units: number;
  /** Units another process was working on (skipped by this run). */
  skipped: number;
  created: number;
}

export interface TaskJobOptions {
  now: Date;
  reference: ReferenceData;
  /** Only these units (default: every active unit). */
  unitIds?: string[];
}

async function planUnit(
  database: Database,
  tx: Parameters<Parameters<Database["db"]["transaction"]>[0]>[0],
  unitId: string,
  today: string,
  reference: ReferenceData,
): Promise<PlannedTask[]> {
  const stored = await storedSettings(tx, unitId, null);
  const { gap, afterEnd } = resolveSjukfallSettings(stored.unit, {});
  const cases = await computeUnitList(tx, { unitId, today, gap, afterEnd, reference, database });
  const patientIds = cases.map((c) => c.row.patientId);
  const drafts = await patientsWithDrafts(tx, unitId, patientIds);
  const consents = await consentsOf(tx, unitId, patientIds, today);
  // An absent doctor's new tasks go to the doctor their cases are handed over to.
  const receivers = await receiversOnDay(tx, unitId, today);
  const revisions = await rehabPlanTasks(
    tx,
    unitId,
    cases.map((c) => c.row),
    today,
  );
  const planned = cases.flatMap(({ row, firstDayCertificate, openArenden }) =>
    planTasks(
      {
        patientId: row.patientId,
        caseStart: row.start,
        caseEnd: row.end,
        days: row.days,
        doctorId: row.doctorId === null ? null : (receivers.get(row.doctorId) ?? row.doctorId),
        firstDayCertificate,
        renewalInProgress: drafts.has(row.patientId),
        openKompletteringar: openArenden.filter((a) => a.type === "KOMPLT"),
        consents: consents.filter((c) => c.patientId === row.patientId),
      },
      today,
    ),
  );
  return [...planned, ...revisions];
}

/** Runs the job once (also what tests call). */
export async function runTaskJob(database: Database, options: TaskJobOptions): Promise<TaskJobResult> {
  const today = stockholmToday(options.now);
  const unitIds =
    options.unitIds ??
    (await database.db.select({ id: unit.id }).from(unit).where(eq(unit.active, true))).map((u) => u.id);
  const result: TaskJobResult = { today, units: 0, skipped: 0, created: 0 };
  for (const unitId of unitIds) {
    const created = await database.db.transaction(async (tx) => {
      const [lock] = rowsOf<{ locked: boolean }>(
        await tx.execute(
          sql`SELECT pg_try_advisory_xact_lock(hashtext('samsyn.task-job'), hashtext(${unitId})) AS locked`,
        ),
      );
      if (!lock?.locked) return null;
      const rows = await insertMissing(
        tx,
        unitId,
        await planUnit(database, tx, unitId, today, options.reference),
      );
      await addTaskEvents(
        tx,
        rows.map((r) => ({
          unitId,
          taskId: r.id,
          userId: null,
          event: "CREATED",
          note: null,
          date: r.dueDate,
        })),
      );
      await recordAudit(
        tx,
        { actor: null, grant: null, unitId },
        rows.map((r) => ({
          action: "CREATE" as const,
          purpose: "Uppgift skapad av det dagliga uppgiftsjobbet",
          patientId: r.patientId,
          entity: "task",
          entityId: r.id,
          details: { kind: r.kind, label: taskKinds[r.kind as keyof typeof taskKinds] ?? r.kind },
        })),
      );
      return rows.length;
    });
    if (created === null) result.skipped++;
    else {
      result.units++;
      result.created += created;
    }
  }
  return result;
}

export interface TaskJob {
  /** Run for every unit now, or right after the run going on; resolves when that run ends. */
  runNow(): Promise<void>;
  /**
   * Plan the unit's tasks soon rather than at the next hourly run: a certificate was signed or
   * imported, and a case may have started, grown past day 30 or reached a checkpoint. Kicks while
   * a run is going on are gathered into one run after it.
   */
  kick(unitId: string): void;
  stop(): Promise<void>;
}

declare module "../server/env.ts" {
  interface AppDeps {
    /** The task job, kicked after certificates change; absent in tests that run the job by hand. */
    taskJob?: Pick<TaskJob, "kick">;
  }
}

/**
 * Runs the job shortly after start and then every hour: a new day's tasks appear within the hour
 * after midnight, and a run missed while the server was down is caught up at the next start. A
 * kick runs it for one unit in between (one run at a time; what arrives meanwhile waits its turn).
 */
export function startTaskJob(options: {
  database: Database;
  reference: ReferenceData;
  logger: Logger;
  intervalMs?: number;
  /** Delay before the first run for every unit (default 5 s). */
  startDelayMs?: number;
  now?: () => Date;
}): TaskJob {
  const now = options.now ?? clock().now;
  // What the next run covers: every unit, or the units kicked since the last run began.
  let everyUnit = false;
  let kicked = new Set<string>();
  const loop = startWorkerLoop({
    name: "task job",
    logger: options.logger,
    intervalMs: options.intervalMs ?? 60 * 60 * 1000,
    firstDelayMs: options.startDelayMs ?? 5_000,
    run: async (trigger) => {
      if (trigger === "interval") everyUnit = true;
      if (!everyUnit && kicked.size === 0) return;
      const unitIds = everyUnit ? undefined : [...kicked];
      everyUnit = false;
      kicked = new Set();
      const r = await runTaskJob(options.database, {
        now: now(),
        reference: options.reference,
        ...(unitIds ? { unitIds } : {}),
      });
      if (r.created || r.skipped) options.logger.info({ ...r }, "task job");
    },
  });
  return {
    runNow() {
      everyUnit = true;
      return loop.runNow();
    },
    kick(unitId) {
      kicked.add(unitId);
      void loop.runNow();
    },
    stop: loop.stop,
  };
}
