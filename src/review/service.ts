/**
 * Review sessions (genomgång) and handovers (överlämning): the operations behind the routes, each
 * inside the caller's transaction. The review list is the unit list of the reviewed doctor (which
 * includes the cases handed over to them today) narrowed to the cases ending within N days with no
 * renewal being written. The sjukfall parameters are the unit's (not a user's own), as for the
 * task job: both then agree on each case's start, the key of marks and tasks.
 */
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.ts";
import { resolveSjukfallSettings } from "../cases/settings.ts";
import type { Database, Tx } from "../db/client.ts";
import type { ReferenceData } from "../reference/index.ts";
import type { Handover, ReviewMark } from "./schema.ts";
import { ApiError, errors } from "../server/errors.ts";
import { applyAction, taskKinds } from "../tasks/rules.ts";
import { addTaskEvents, updateTask } from "../tasks/store.ts";
import { computeUnitList } from "../worklist/service.ts";
import type { UnitListRow } from "../worklist/rules.ts";
import { patientsWithDrafts, storedSettings, userNames } from "../worklist/store.ts";
import {
  checkEndEarly,
  checkHandover,
  checkMark,
  effectiveEnd,
  handoverState,
  handoverStates,
  inReview,
  markApplies,
  reviewMarks,
  reviewUntil,
  taskClosing,
  type MarkInput,
  type Problem,
} from "./rules.ts";
import {
  currentMark,
  endHandover,
  endingTask,
  endingTasksOf,
  findHandover,
  insertHandover,
  insertMark,
  listHandovers,
  lockHandovers,
  marksOf,
  unitDoctors,
  type HandoverRow,
  type ReviewMarkRow,
} from "./store.ts";

export interface ReviewContext {
  tx: Tx;
  actor: Actor;
  grant: ActorAssignment;
  unitId: string;
  now: Date;
  today: string;
  reference: ReferenceData;
  database: Database;
}

export const reviewPurpose = "Genomgång av pågående sjukskrivningar";
const handoverPurpose = "Överlämning av sjukfall vid frånvaro";

function invalid(problems: Problem[]): never {
  throw new ApiError(400, "BAD_REQUEST", problems[0]!.message, { issues: problems });
}

// ---- Views ----

export function markView(m: ReviewMarkRow, markedBy: string | null): ReviewMark {
  return {
    id: m.id,
    patientId: m.patientId,
    caseStart: m.caseStart,
    caseEnd: m.caseEnd,
    mark: m.mark,
    markLabel: reviewMarks[m.mark],
    visitDate: m.visitDate,
    note: m.note,
    markedBy,
    markedAt: m.createdAt,
    taskId: m.taskId,
    supersedesId: m.supersedesId,
  };
}

function handoverView(h: HandoverRow, names: Map<string, string>, today: string): Handover {
  const state = handoverState(h, today);
  return {
    id: h.id,
    fromDoctor: { id: h.fromDoctorId, name: names.get(h.fromDoctorId) ?? "" },
    toDoctor: { id: h.toDoctorId, name: names.get(h.toDoctorId) ?? "" },
    startDate: h.startDate,
    endDate: h.endDate,
    endedOn: h.endedOn,
    lastDay: effectiveEnd(h),
    state,
    stateLabel: handoverStates[state],
    reason: h.reason,
    recordedBy: names.get(h.recordedBy) ?? null,
    recordedAt: h.createdAt,
    endedBy: h.endedBy ? (names.get(h.endedBy) ?? null) : null,
    endedAt: h.endedAt,
    version: h.version,
  };
}

async function handoverViews(tx: Tx, rows: HandoverRow[], today: string) {
  const ids = new Set<string>();
  for (const h of rows) {
    ids.add(h.fromDoctorId).add(h.toDoctorId).add(h.recordedBy);
    if (h.endedBy) ids.add(h.endedBy);
  }
  const names = await userNames(tx, [...ids]);
  return rows.map((h) => handoverView(h, names, today));
}

// ---- The review list ----

/** The doctor under review: the requested one, else the user if a doctor, else the unit's first. */
export async function reviewedDoctor(ctx: ReviewContext, requested: string | undefined) {
  const doctors = await unitDoctors(ctx.tx, ctx.unitId, ctx.today);
  const id = requested ?? ctx.actor.userId;
  const doctor = doctors.find((d) => d.id === id) ?? (requested === undefined ? doctors[0] : undefined);
  // A doctor of another unit (or not a doctor) does not exist here.
  if (!doctor) {
    if (requested !== undefined) throw errors.notFound();
    return { doctor: null, doctors };
  }
  return { doctor, doctors };
}

async function doctorCases(ctx: ReviewContext, doctorId: string): Promise<UnitListRow[]> {
  const stored = await storedSettings(ctx.tx, ctx.unitId, null);
  const { gap, afterEnd } = resolveSjukfallSettings(stored.unit, {});
  const cases = await computeUnitList(ctx.tx, {
    unitId: ctx.unitId,
    today: ctx.today,
    gap,
    afterEnd,
    reference: ctx.reference,
    database: ctx.database,
    doctorId,
  });
  return cases.map((c) => c.row);
}

export async function loadReview(
  ctx: ReviewContext,
  doctor: { id: string; name: string } | null,
  days: number,
) {
  const { tx, unitId, today } = ctx;
  const base = { today, days, until: reviewUntil(today, days) };
  if (!doctor) {
    return { ...base, receiving: [], renewalsInProgress: 0, counts: { total: 0, reviewed: 0 }, rows: [] };
  }
  const all = await doctorCases(ctx, doctor.id);
  const drafts = await patientsWithDrafts(
    tx,
    unitId,
    all.map((r) => r.patientId),
  );
  const window = all.filter((r) => inReview({ ...r, renewalInProgress: false }, today, days));
  const shown = window.filter((r) => !drafts.has(r.patientId));
  const patientIds = shown.map((r) => r.patientId);

  // The current mark of a case is the one no later mark supersedes.
  const marks = await marksOf(tx, unitId, patientIds);
  const superseded = new Set(marks.map((m) => m.mark.supersedesId));
  const current = new Map<string, ReturnType<typeof markView>>();
  for (const { mark, markedByName } of marks) {
    if (!superseded.has(mark.id))
      current.set(`${mark.patientId}|${mark.caseStart}`, markView(mark, markedByName));
  }
  const tasks = new Map(
    (await endingTasksOf(tx, unitId, patientIds)).map((t) => [
      `${t.patientId}|${t.caseStart}|${t.subject}`,
      t.id,
    ]),
  );
  const rows = shown
    .map((r) => {
      const mark = current.get(`${r.patientId}|${r.start}`) ?? null;
      return {
        patientId: r.patientId,
        personnummer: r.personnummer,
        name: r.name,
        protectedIdentity: r.protectedIdentity,
        sex: r.sex,
        diagnosis: r.diagnosis,
        diagnosisTitle: r.diagnosisTitle,
        start: r.start,
        end: r.end,
        days: r.days,
        dayInCase: r.dayInCase,
        currentGrade: r.currentGrade,
        anchorCertificateId: r.anchorCertificateId,
        doctorId: r.doctorId,
        doctorName: r.doctorName,
        handedOver: r.doctorId !== doctor.id,
        taskId: tasks.get(`${r.patientId}|${r.start}|${r.end}`) ?? null,
        mark,
        reviewed: markApplies(mark, r.end),
      };
    })
    .sort((a, b) => (a.end !== b.end ? (a.end < b.end ? -1 : 1) : a.name.localeCompare(b.name, "sv")));

  const receiving = (await listHandovers(tx, unitId)).filter(
    (h) => h.toDoctorId === doctor.id && handoverState(h, today) === "ACTIVE",
  );
  return {
    ...base,
    receiving: await handoverViews(tx, receiving, today),
    renewalsInProgress: window.length - shown.length,
    counts: { total: rows.length, reviewed: rows.filter((r) => r.reviewed).length },
    rows,
  };
}

// ---- Marking a case ----

export async function markCase(
  ctx: ReviewContext,
  doctorId: string,
  input: MarkInput & { patientId: string; caseEnd: string },
) {
  const { tx, unitId, today, actor, grant } = ctx;
  const row = (await doctorCases(ctx, doctorId)).find(
    (r) => r.patientId === input.patientId && r.status === "ONGOING",
  );
  // Not an ongoing case of this doctor's review (or another unit's patient): not here.
  if (!row) throw errors.notFound();
  if (row.end !== input.caseEnd) {
    throw new ApiError(
      409,
      "CASE_CHANGED",
      "Sjukfallet har ändrats sedan listan hämtades (intyget har ett nytt slutdatum). Listan är uppdaterad; markera igen om det behövs.",
      { extra: { current: { caseEnd: row.end } } },
    );
  }
  const problems = checkMark(input, today);
  if (problems.length > 0) invalid(problems);

  // Close the case's "Intyget löper snart ut" task, as the task API would, in this transaction.
  let closedTask: { id: string; status: "DONE" | "NOT_RELEVANT" } | null = null;
  const open = await endingTask(tx, unitId, {
    patientId: row.patientId,
    caseStart: row.start,
    caseEnd: row.end,
  });
  if (open) {
    const closing = taskClosing(input);
    const change = applyAction(
      open.status,
      closing.kind === "DONE" ? { kind: "DONE", note: closing.note } : closing,
      today,
    );
    if (!change.ok) throw new ApiError(400, change.code, change.message);
    const updated = await updateTask(tx, unitId, open.id, open.version, {
      status: change.status,
      reason: change.reason,
      postponedTo: null,
      note: change.note,
      closedAt: ctx.now.toISOString(),
      closedBy: actor.userId,
    });
    if (!updated) throw errors.conflict(null);
    await addTaskEvents(tx, [
      {
        unitId,
        taskId: open.id,
        userId: actor.userId,
        event: change.status,
        note: change.reason ?? change.note,
        date: null,
      },
    ]);
    closedTask = { id: open.id, status: change.status as "DONE" | "NOT_RELEVANT" };
  }

  const previous = await currentMark(tx, unitId, row.patientId, row.start);
  const mark = await insertMark(tx, {
    unitId,
    patientId: row.patientId,
    caseStart: row.start,
    caseEnd: row.end,
    anchorCertificateId: row.anchorCertificateId,
    doctorId: row.doctorId,
    mark: input.mark,
    visitDate: input.mark === "ATERBESOK_BOKAT" ? input.visitDate : null,
    note: input.note.trim(),
    taskId: closedTask?.id ?? null,
    markedBy: actor.userId,
    supersedesId: previous?.id ?? null,
  });
  await recordAudit(tx, { actor, grant }, [
    {
      action: "CREATE",
      purpose: reviewPurpose,
      patientId: row.patientId,
      entity: "review-mark",
      entityId: mark.id,
      details: { mark: input.mark, supersedes: previous?.id ?? null },
    },
    ...(closedTask
      ? [
          {
            action: "UPDATE" as const,
            purpose: "Uppgift i sjukskrivningsprocessen",
            patientId: row.patientId,
            entity: "task",
            entityId: closedTask.id,
            details: {
              kind: "CERTIFICATE_ENDING",
              label: taskKinds.CERTIFICATE_ENDING,
              status: closedTask.status,
            },
          },
        ]
      : []),
  ]);
  return { mark: markView(mark, actor.displayName), closedTask };
}

// ---- Handovers ----

export async function loadHandovers(ctx: Pick<ReviewContext, "tx" | "unitId" | "today">) {
  const { tx, unitId, today } = ctx;
  return {
    today,
    doctors: await unitDoctors(tx, unitId, today),
    handovers: await handoverViews(tx, await listHandovers(tx, unitId), today),
  };
}

export async function createHandover(
  ctx: ReviewContext,
  input: { fromDoctorId: string; toDoctorId: string; startDate: string; endDate: string; reason: string },
) {
  const { tx, unitId, today, actor, grant } = ctx;
  await lockHandovers(tx, unitId);
  const doctors = new Set((await unitDoctors(tx, unitId, today)).map((d) => d.id));
  const problems = checkHandover(input, await listHandovers(tx, unitId), doctors, today);
  if (problems.length > 0) invalid(problems);
  const row = await insertHandover(tx, {
    ...input,
    unitId,
    reason: input.reason.trim(),
    recordedBy: actor.userId,
  });
  await recordAudit(tx, { actor, grant }, [
    {
      action: "ADMIN",
      purpose: handoverPurpose,
      entity: "handover",
      entityId: row.id,
      details: { event: "CREATED", startDate: row.startDate, endDate: row.endDate },
    },
  ]);
  return (await handoverViews(tx, [row], today))[0]!;
}

export async function endHandoverEarly(ctx: ReviewContext, id: string, version: number, lastDay: string) {
  const { tx, unitId, today, actor, grant } = ctx;
  await lockHandovers(tx, unitId);
  const row = await findHandover(tx, unitId, id);
  if (!row) throw errors.notFound();
  if (row.version !== version) throw errors.conflict((await handoverViews(tx, [row], today))[0]);
  const problems = checkEndEarly(row, lastDay, today);
  if (problems.length > 0) invalid(problems);
  const ended = await endHandover(tx, unitId, id, version, {
    endedOn: lastDay,
    endedBy: actor.userId,
    endedAt: ctx.now.toISOString(),
  });
  if (!ended)
    throw errors.conflict((await handoverViews(tx, [(await findHandover(tx, unitId, id))!], today))[0]);
  await recordAudit(tx, { actor, grant }, [
    {
      action: "ADMIN",
      purpose: handoverPurpose,
      entity: "handover",
      entityId: id,
      details: { event: "ENDED", lastDay },
    },
  ]);
  return (await handoverViews(tx, [ended], today))[0]!;
}
