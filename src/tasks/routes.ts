/**
 * Task API (Uppgift): the user's tasks, the coordinator queue and the unit's tasks; ending a task
 * as done, not relevant (reason) or postponed (date), with optimistic concurrency (409 on a stale
 * version). Every list logs one read per patient shown; every change an update on the patient.
 */
import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { grantFor, type Actor } from "../access/actor.ts";
import { authorizeOnUnit } from "../access/authorize.ts";
import { auditedRead, recordAudit } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import { formatPersonnummer, listName } from "../patients/identity.ts";
import type { AppEnv } from "../server/env.ts";
import { ApiError, errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, patientRoute } from "../server/router.ts";
import { patientIdParam } from "../patients/schema.ts";
import { doctorsSeenBy } from "../handover/store.ts";
import { userNames } from "../worklist/store.ts";
import {
  applyAction,
  effectiveDue,
  isOverdue,
  taskKinds,
  taskStatuses,
  type TaskAction,
  type TaskKind,
} from "./rules.ts";
import {
  doneBody,
  notRelevantBody,
  postponeBody,
  taskIdParam,
  patientTaskQuery,
  taskListQuery,
  taskListResponse,
  type Task,
  taskWithHistory,
} from "./schema.ts";
import {
  addTaskEvents,
  findTask,
  historyOfTask,
  listTasks,
  patientSummary,
  updateTask,
  type TaskRow,
} from "./store.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Uppgifter");

const actionRoute = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  route({
    method: "post",
    path: `/tasks/{id}/${path}`,
    summary,
    request: { params: taskIdParam, body: jsonBody(body) },
    responses: { 200: jsonResponse(taskWithHistory, "The task") },
  });

const routes = {
  list: route({
    method: "get",
    path: "/tasks",
    summary: "Tasks: mine, the coordinator queue or the unit's, by the date they are due",
    request: { query: taskListQuery },
    responses: { 200: jsonResponse(taskListResponse, "Tasks") },
  }),
  ofPatient: route({
    method: "get",
    path: "/patients/{id}/tasks",
    summary: "The patient's tasks on the unit (for the patient page), by the date they are due",
    request: { params: patientIdParam, query: patientTaskQuery },
    responses: { 200: jsonResponse(taskListResponse, "Tasks") },
  }),
  done: actionRoute("done", "Mark the task done", doneBody),
  notRelevant: actionRoute(
    "not-relevant",
    "Mark the task not relevant (a reason is required)",
    notRelevantBody,
  ),
  postpone: actionRoute("postpone", "Postpone the task to a later date", postponeBody),
};

type PatientSummary = {
  id: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  protectedIdentity: boolean;
};

function view(row: TaskRow, p: PatientSummary, responsibleName: string | null, today: string): Task {
  const status = row.status;
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: listName(p),
    personnummer: formatPersonnummer(p.personnummer),
    caseStart: row.caseStart,
    kind: row.kind as TaskKind,
    kindLabel: taskKinds[row.kind as TaskKind] ?? row.kind,
    dueDate: row.dueDate,
    effectiveDue: effectiveDue(row),
    overdue: isOverdue(row, today),
    responsibleUserId: row.responsibleUserId,
    responsibleName,
    status,
    statusLabel: taskStatuses[status],
    reason: row.reason,
    postponedTo: row.postponedTo,
    note: row.note,
    details: row.details,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** The coordinator works every task; others their own and those of doctors who handed over to them. */
function mayWork(actor: Actor, row: TaskRow, coveredDoctors: ReadonlySet<string>): boolean {
  if (grantFor(actor, "task.unit")) return true;
  if (grantFor(actor, "task.work") === null || row.responsibleUserId === null) return false;
  return coveredDoctors.has(row.responsibleUserId);
}

async function act(c: Ctx, id: string, version: number, action: TaskAction) {
  const { actor, grant, unitId } = authorizeOnUnit(c, "task.work");
  const now = c.var.deps.now();
  const today = stockholmToday(now);
  return c.var.deps.database.db.transaction(async (tx) => {
    const row = await findTask(tx, unitId, id);
    // Someone else's task is not there for a user who only works on their own.
    if (!row || !mayWork(actor, row, await doctorsSeenBy(tx, unitId, actor.userId, today))) {
      throw errors.notFound();
    }
    const p = (await patientSummary(tx, unitId, row.patientId))!;
    const responsible = async (r: TaskRow) =>
      r.responsibleUserId
        ? ((await userNames(tx, [r.responsibleUserId])).get(r.responsibleUserId) ?? null)
        : null;
    if (row.version !== version) throw errors.conflict(view(row, p, await responsible(row), today));
    const change = applyAction(row.status, action, today, row.kind as TaskKind);
    if (!change.ok) {
      throw new ApiError(400, change.code, change.message, {
        ...(change.path ? { issues: [{ path: change.path, message: change.message }] } : {}),
      });
    }
    const closing = change.status === "DONE" || change.status === "NOT_RELEVANT";
    const updated = await updateTask(tx, unitId, id, version, {
      status: change.status,
      reason: change.reason,
      postponedTo: change.postponedTo,
      note: change.note,
      closedAt: closing ? now.toISOString() : null,
      closedBy: closing ? actor.userId : null,
    });
    if (!updated) {
      const current = (await findTask(tx, unitId, id))!;
      throw errors.conflict(view(current, p, await responsible(current), today));
    }
    await addTaskEvents(tx, [
      {
        unitId,
        taskId: id,
        userId: actor.userId,
        event: change.status,
        note: change.reason ?? change.note,
        date: change.postponedTo,
      },
    ]);
    await recordAudit(tx, { actor, grant }, [
      {
        action: "UPDATE",
        purpose: "Uppgift i sjukskrivningsprocessen",
        patientId: row.patientId,
        entity: "task",
        entityId: id,
        details: { kind: row.kind, status: change.status },
      },
    ]);
    return {
      ...view(updated, p, await responsible(updated), today),
      history: await historyOfTask(tx, unitId, id),
    };
  });
}

export function taskRoutes() {
  const router = createRouter();

  router.openapi(routes.list, async (c) => {
    const { scope, status, limit } = c.req.valid("query");
    const { actor, grant, unitId } = authorizeOnUnit(c, scope === "mine" ? "task.work" : "task.unit");
    const today = stockholmToday(c.var.deps.now());
    const rows = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) =>
        listTasks(tx, unitId, {
          status,
          // Mine: also the tasks of doctors who handed their cases to me for today.
          responsible:
            scope === "mine"
              ? [...(await doctorsSeenBy(tx, unitId, actor.userId, today))]
              : scope === "queue"
                ? "NONE"
                : "ANY",
          limit,
        }),
      (found) =>
        [...new Set(found.map((r) => r.patient.id))].map((patientId) => ({
          action: "READ_LIST" as const,
          purpose: "Uppgifter",
          patientId,
          entity: "tasks",
        })),
    );
    return c.json({ today, tasks: rows.map((r) => view(r.task, r.patient, r.responsibleName, today)) }, 200);
  });

  router.openapi(routes.ofPatient, async (c) => {
    const { id } = c.req.valid("param");
    const { status } = c.req.valid("query");
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.read");
    const today = stockholmToday(c.var.deps.now());
    const rows = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        if (!(await patientSummary(tx, unitId, id))) throw errors.notFound();
        return listTasks(tx, unitId, { status, responsible: "ANY", limit: 1000, patientId: id });
      },
      () => [{ action: "READ" as const, purpose: "Uppgifter", patientId: id, entity: "tasks" }],
    );
    return c.json({ today, tasks: rows.map((r) => view(r.task, r.patient, r.responsibleName, today)) }, 200);
  });

  router.openapi(routes.done, async (c) => {
    const { id } = c.req.valid("param");
    const { version, note } = c.req.valid("json");
    return c.json(await act(c, id, version, { kind: "DONE", note: note || null }), 200);
  });

  router.openapi(routes.notRelevant, async (c) => {
    const { id } = c.req.valid("param");
    const { version, reason } = c.req.valid("json");
    return c.json(await act(c, id, version, { kind: "NOT_RELEVANT", reason }), 200);
  });

  router.openapi(routes.postpone, async (c) => {
    const { id } = c.req.valid("param");
    const { version, date, note } = c.req.valid("json");
    return c.json(await act(c, id, version, { kind: "POSTPONE", date, note: note || null }), 200);
  });

  return router;
}
