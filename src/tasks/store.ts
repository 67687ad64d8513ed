/** Task rows and their history, always scoped to one unit. */
import { and, asc, eq, gte, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { appUser, consent, patient, task, taskEvent } from "../db/schema.ts";
import type { PlannedTask, TaskStatus } from "./rules.ts";

export type TaskRow = typeof task.$inferSelect;

/** Inserts the planned tasks that do not exist yet (the unique key); returns the new rows. */
export async function insertMissing(
  q: Queryable,
  unitId: string,
  planned: PlannedTask[],
): Promise<TaskRow[]> {
  if (planned.length === 0) return [];
  const created: TaskRow[] = [];
  for (let i = 0; i < planned.length; i += 500) {
    const rows = await q
      .insert(task)
      .values(planned.slice(i, i + 500).map((p) => ({ ...p, unitId })))
      .onConflictDoNothing()
      .returning();
    created.push(...rows);
  }
  return created;
}

export async function addTaskEvents(q: Queryable, values: (typeof taskEvent.$inferInsert)[]) {
  if (values.length) await q.insert(taskEvent).values(values);
}

export async function findTask(q: Queryable, unitId: string, id: string): Promise<TaskRow | null> {
  const [row] = await q
    .select()
    .from(task)
    .where(and(eq(task.unitId, unitId), eq(task.id, id)));
  return row ?? null;
}

export async function updateTask(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<TaskRow>,
): Promise<TaskRow | null> {
  const [row] = await q
    .update(task)
    .set({ ...changes, version: sql`${task.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(task.unitId, unitId), eq(task.id, id), eq(task.version, version)))
    .returning();
  return row ?? null;
}

export type TaskStatusFilter = TaskStatus | "ACTIVE" | "ALL";

/** Tasks with patient and responsible user, by the date they are due now. */
export async function listTasks(
  q: Queryable,
  unitId: string,
  options: {
    status: TaskStatusFilter;
    /** ANY, NONE (the coordinator queue), or these users' tasks. */
    responsible: "ANY" | "NONE" | readonly string[];
    limit: number;
    patientId?: string;
  },
) {
  const conditions: (SQL | undefined)[] = [eq(task.unitId, unitId)];
  if (options.patientId) conditions.push(eq(task.patientId, options.patientId));
  if (options.status === "ACTIVE") conditions.push(inArray(task.status, ["OPEN", "POSTPONED"]));
  else if (options.status !== "ALL") conditions.push(eq(task.status, options.status));
  if (options.responsible === "NONE") conditions.push(isNull(task.responsibleUserId));
  else if (options.responsible !== "ANY") {
    conditions.push(inArray(task.responsibleUserId, [...options.responsible]));
  }
  return q
    .select({
      task,
      patient: {
        id: patient.id,
        personnummer: patient.personnummer,
        givenName: patient.givenName,
        familyName: patient.familyName,
        protectedIdentity: patient.protectedIdentity,
      },
      responsibleName: appUser.displayName,
    })
    .from(task)
    .innerJoin(patient, eq(patient.id, task.patientId))
    .leftJoin(appUser, eq(appUser.id, task.responsibleUserId))
    .where(and(...conditions))
    .orderBy(sql`coalesce(${task.postponedTo}, ${task.dueDate})`, asc(task.kind), asc(task.id))
    .limit(options.limit);
}

export async function historyOfTask(q: Queryable, unitId: string, taskId: string) {
  return q
    .select({
      at: taskEvent.at,
      user: appUser.displayName,
      event: taskEvent.event,
      note: taskEvent.note,
      date: taskEvent.date,
    })
    .from(taskEvent)
    .leftJoin(appUser, eq(appUser.id, taskEvent.userId))
    .where(and(eq(taskEvent.unitId, unitId), eq(taskEvent.taskId, taskId)))
    .orderBy(asc(taskEvent.at), asc(taskEvent.id));
}

export async function patientSummary(q: Queryable, unitId: string, patientId: string) {
  const [row] = await q
    .select({
      id: patient.id,
      personnummer: patient.personnummer,
      givenName: patient.givenName,
      familyName: patient.familyName,
      protectedIdentity: patient.protectedIdentity,
    })
    .from(patient)
    .where(and(eq(patient.unitId, unitId), eq(patient.id, patientId)));
  return row ?? null;
}

/** Consents in force (not withdrawn) ending on or after `from`, of the given patients. */
export async function consentsOf(q: Queryable, unitId: string, patientIds: string[], from: string) {
  if (patientIds.length === 0) return [];
  return q
    .select({ id: consent.id, patientId: consent.patientId, kind: consent.kind, validTo: consent.validTo })
    .from(consent)
    .where(
      and(
        eq(consent.unitId, unitId),
        inArray(consent.patientId, patientIds),
        isNull(consent.withdrawnDate),
        gte(consent.validTo, from),
      ),
    );
}
