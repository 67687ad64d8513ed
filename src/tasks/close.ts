/**
 * Closing a task because of what a user did elsewhere (a decision recorded, a case reviewed): in
 * the caller's transaction, with the task's history and an audit event, never silently.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Tx } from "../db/client.ts";
import { task } from "../db/schema.ts";
import { taskKinds, type TaskKind } from "./rules.ts";
import { addTaskEvents, updateTask, type TaskRow } from "./store.ts";

export interface ClosingContext {
  tx: Tx;
  unitId: string;
  actor: Actor;
  grant: ActorAssignment;
  now: Date;
}

/** Marks the case's open (or postponed) tasks of the kind as done with the note; returns their ids. */
export async function completeOpenTasks(
  ctx: ClosingContext,
  target: { patientId: string; caseStart: string; kind: TaskKind },
  note: string,
): Promise<string[]> {
  const open = await ctx.tx
    .select()
    .from(task)
    .where(
      and(
        eq(task.unitId, ctx.unitId),
        eq(task.patientId, target.patientId),
        eq(task.caseStart, target.caseStart),
        eq(task.kind, target.kind),
        inArray(task.status, ["OPEN", "POSTPONED"]),
      ),
    );
  return complete(ctx, open, note);
}

/**
 * Marks the open (or postponed) tasks of the kind about one subject (an ärende, a meeting …) as
 * done with the note; returns their ids.
 */
export async function completeTasksOfSubject(
  ctx: ClosingContext,
  target: { kind: TaskKind; subject: string },
  note: string,
): Promise<string[]> {
  return complete(ctx, await openOfSubject(ctx, target), note);
}

function openOfSubject(ctx: ClosingContext, target: { kind: TaskKind; subject: string }) {
  return ctx.tx
    .select()
    .from(task)
    .where(
      and(
        eq(task.unitId, ctx.unitId),
        eq(task.kind, target.kind),
        eq(task.subject, target.subject),
        inArray(task.status, ["OPEN", "POSTPONED"]),
      ),
    );
}

/**
 * Marks the open (or postponed) tasks of the kind about one subject as not relevant with the
 * reason (what they were about was changed or removed); returns their ids.
 */
export async function dismissTasksOfSubject(
  ctx: ClosingContext,
  target: { kind: TaskKind; subject: string },
  reason: string,
): Promise<string[]> {
  return complete(ctx, await openOfSubject(ctx, target), reason, "NOT_RELEVANT");
}

async function complete(
  ctx: ClosingContext,
  open: TaskRow[],
  note: string,
  status: "DONE" | "NOT_RELEVANT" = "DONE",
): Promise<string[]> {
  const closed: TaskRow[] = [];
  for (const row of open) {
    const updated = await updateTask(ctx.tx, ctx.unitId, row.id, row.version, {
      status,
      reason: status === "NOT_RELEVANT" ? note : null,
      postponedTo: null,
      note: status === "DONE" ? note : null,
      closedAt: ctx.now.toISOString(),
      closedBy: ctx.actor.userId,
    });
    // Someone closed it in between: theirs stands.
    if (updated) closed.push(row);
  }
  await addTaskEvents(
    ctx.tx,
    closed.map((row) => ({
      unitId: ctx.unitId,
      taskId: row.id,
      userId: ctx.actor.userId,
      event: status,
      note,
      date: null,
    })),
  );
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, grant: ctx.grant },
    closed.map((row) => ({
      action: "UPDATE" as const,
      purpose: "Uppgift i sjukskrivningsprocessen",
      patientId: row.patientId,
      entity: "task",
      entityId: row.id,
      details: { kind: row.kind, label: taskKinds[row.kind as TaskKind] ?? row.kind, status },
    })),
  );
  return closed.map((row) => row.id);
}
