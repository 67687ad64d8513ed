/**
 * Underlag commands and reads: a request creates tasks for the receiving profession (or the named
 * receiver), the answer closes the request and its tasks; every step is audited with the patient.
 */
import { recordAudit, type AuditEntry } from "../audit/audit.ts";
import { latestCaseStart } from "../coordination/aktualisering-service.ts";
import { rejectIssues, requirePatient } from "../coordination/context.ts";
import { userNames } from "../coordination/store.ts";
import type { Queryable } from "../db/client.ts";
import { errors } from "../server/errors.ts";
import type { UnitCommandContext } from "../server/router.ts";
import { completeTasksOfSubject } from "../tasks/close.ts";
import { createEventTask } from "../tasks/events.ts";
import { mayAnswer, requestIssues, type Origin, type Profession, type UnderlagStatus } from "./rules.ts";
import {
  answerUnderlag,
  findUnderlag,
  insertUnderlag,
  membersOf,
  openTaskSubjects,
  underlagOfPatient,
  underlagQueue,
  type UnderlagWithPatient,
} from "./store.ts";
import { underlagView, userIdsOf } from "./view.ts";

export const auditPurpose = "Underlag om funktion och aktivitet från annan profession";

const rolesOf = (ctx: UnitCommandContext) => ctx.actor.assignments.map((a) => a.role);

async function views(q: Queryable, found: UnderlagWithPatient[], today: string) {
  const names = await userNames(q, userIdsOf(found.map((f) => f.row)));
  return found.map((f) => underlagView(f, names, today));
}

function audit(ctx: UnitCommandContext, entries: AuditEntry[]) {
  return recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant }, entries);
}

export async function createRequest(
  ctx: UnitCommandContext,
  patientId: string,
  input: {
    profession: Profession;
    origin: Origin;
    question: string;
    wantedBy: string;
    sickLeaveNeed: string;
    receiverId: string | null;
  },
) {
  const patient = await requirePatient(ctx.tx, ctx.unitId, patientId);
  rejectIssues(requestIssues(input, rolesOf(ctx), ctx.today));
  const members = await membersOf(ctx.tx, ctx.unitId, input.profession, ctx.today);
  if (input.receiverId !== null && !members.includes(input.receiverId)) {
    rejectIssues([
      { path: "receiverId", message: "Mottagaren arbetar inte som den valda professionen på enheten." },
    ]);
  }
  const row = await insertUnderlag(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    profession: input.profession,
    origin: input.origin,
    question: input.question,
    wantedBy: input.wantedBy,
    sickLeaveNeed: input.sickLeaveNeed,
    requestedBy: ctx.actor.userId,
    requestedDate: ctx.today,
    receiverId: input.receiverId,
  });
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: auditPurpose,
      patientId,
      entity: "underlag_request",
      entityId: row.id,
      details: { profession: row.profession, origin: row.origin },
    },
  ]);
  // The named receiver, else every member of the profession (each their own task), else the
  // coordinator queue when the unit has nobody of the profession.
  const receivers: (string | null)[] = input.receiverId
    ? [input.receiverId]
    : members.length
      ? members
      : [null];
  const caseStart = await latestCaseStart(ctx.tx, ctx.unitId, patient, ctx.today, ctx.today);
  for (const receiver of receivers) {
    await createEventTask(ctx, {
      patientId,
      caseStart,
      kind: "UNDERLAG_REQUEST",
      subject: input.receiverId || receiver === null ? row.id : `${row.id}:${receiver}`,
      dueDate: row.wantedBy,
      responsibleUserId: receiver,
      details: { profession: row.profession, origin: row.origin },
    });
  }
  const found = await findUnderlag(ctx.tx, ctx.unitId, row.id);
  return (await views(ctx.tx, [found!], ctx.today))[0]!;
}

export async function answerRequest(
  ctx: UnitCommandContext,
  id: string,
  input: { version: number; observations: string; funktion: string; aktivitet: string; methods: string },
) {
  const found = await findUnderlag(ctx.tx, ctx.unitId, id);
  if (!found) throw errors.notFound();
  if (!mayAnswer(rolesOf(ctx), found.row.profession)) throw errors.forbidden();
  const { version, ...answer } = input;
  const row = await answerUnderlag(ctx.tx, ctx.unitId, id, version, {
    ...answer,
    answeredBy: ctx.actor.userId,
    answeredDate: ctx.today,
  });
  if (!row) throw errors.conflict((await views(ctx.tx, [found], ctx.today))[0]);
  await audit(ctx, [
    {
      action: "UPDATE",
      purpose: auditPurpose,
      patientId: row.patientId,
      entity: "underlag_request",
      entityId: row.id,
      details: { status: row.status, profession: row.profession },
    },
  ]);
  for (const subject of await openTaskSubjects(ctx.tx, ctx.unitId, id)) {
    await completeTasksOfSubject(ctx, { kind: "UNDERLAG_REQUEST", subject }, "Underlaget är besvarat.");
  }
  return (await views(ctx.tx, [{ row, patient: found.patient }], ctx.today))[0]!;
}

export async function loadOne(q: Queryable, unitId: string, id: string, today: string) {
  const found = await findUnderlag(q, unitId, id);
  if (!found) throw errors.notFound();
  return (await views(q, [found], today))[0]!;
}

export async function loadOfPatient(q: Queryable, unitId: string, patientId: string, today: string) {
  await requirePatient(q, unitId, patientId);
  return views(q, await underlagOfPatient(q, unitId, patientId), today);
}

export async function loadQueue(
  q: Queryable,
  unitId: string,
  options: { profession: Profession | null; status: UnderlagStatus | "ALL" },
  today: string,
) {
  return views(q, await underlagQueue(q, unitId, { ...options, limit: 500 }), today);
}
