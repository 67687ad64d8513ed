/**
 * Review sessions (genomgång): the operations behind the routes, each
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
import type { ReviewMark } from "./schema.ts";
import { ApiError, errors } from "../server/errors.ts";
import { applyAction, taskKinds } from "../tasks/rules.ts";
import { addTaskEvents, updateTask } from "../tasks/store.ts";
import { computeUnitList } from "../worklist/service.ts";
import type { UnitListRow } from "../worklist/rules.ts";
import { patientsWithDrafts, storedSettings } from "../worklist/store.ts";
import { handoverState } from "../handover/rules.ts";
import { listHandovers } from "../handover/store.ts";
import { handoverViews } from "../handover/view.ts";
import { unitDoctors } from "../org/store.ts";
import {
  checkMark,
  inReview,
  markApplies,
  reviewMarks,
  reviewUntil,
  taskClosing,
  type MarkInput,
  type Problem,
} from "./rules.ts";
import { currentMark, endingTask, endingTasksOf, insertMark, marksOf, type ReviewMarkRow } from "./store.ts";

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
