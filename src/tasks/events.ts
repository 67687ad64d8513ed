/**
 * Tasks created by events (PRODUCT §2) rather than by the daily job: a komplettering received from
 * Försäkringskassan, a samverkansmöte with a follow-up date, a kartläggande samtal completed with a
 * next step. Each is created in the transaction that records the event, through the same unique
 * task key as the job (INSERT … ON CONFLICT DO NOTHING), with a task event and an audit event by
 * whoever recorded the event — the system (no actor) for what arrives from Försäkringskassan.
 */
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.ts";
import { addDays } from "../cases/days.ts";
import { caseContaining } from "../cases/engine.ts";
import { unitParams } from "../cases/settings.ts";
import { sjukfallHistory } from "../certificates/as-sjukfall.ts";
import { signedCertificatesOfPatient } from "../certificates/store.ts";
import { unitSettingsOf } from "../coordination/store.ts";
import type { Queryable } from "../db/client.ts";
import { receiversOnDay } from "../handover/store.ts";
import { KOMPLETTERING_DAYS, taskKinds, type PlannedTask } from "./rules.ts";
import { addTaskEvents, insertMissing, type TaskRow } from "./store.ts";

export interface EventTaskContext {
  tx: Queryable;
  unitId: string;
  /** Null: the system (a message received from Försäkringskassan). */
  actor: Actor | null;
  grant: ActorAssignment | null;
}

/** Creates the task unless it exists (its key); returns the new row, or null when it existed. */
export async function createEventTask(ctx: EventTaskContext, planned: PlannedTask): Promise<TaskRow | null> {
  const [row] = await insertMissing(ctx.tx, ctx.unitId, [planned]);
  if (!row) return null;
  await addTaskEvents(ctx.tx, [
    {
      unitId: ctx.unitId,
      taskId: row.id,
      userId: ctx.actor?.userId ?? null,
      event: "CREATED",
      note: null,
      date: row.dueDate,
    },
  ]);
  await recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant, unitId: ctx.unitId }, [
    {
      action: "CREATE",
      purpose: "Uppgift i sjukskrivningsprocessen",
      patientId: row.patientId,
      entity: "task",
      entityId: row.id,
      details: { kind: planned.kind, label: taskKinds[planned.kind], subject: planned.subject },
    },
  ]);
  return row;
}

/**
 * "Besvara komplettering" for a registered komplettering: due on its last answer date (else
 * KOMPLETTERING_DAYS after it was received), to the doctor who signed the certificate — or the
 * doctor their cases are handed over to today, as the job does —, on the sjukfall that holds the
 * certificate (the certificate's own start when it does not count, e.g. replaced).
 */
export async function createKompletteringTask(
  ctx: EventTaskContext & { today: string },
  arende: { id: string; patientId: string; receivedDate: string; lastAnswerDate: string | null },
  cert: { id: string; doctorId: string | null; startDate: string | null },
): Promise<TaskRow | null> {
  const { gap } = unitParams(await unitSettingsOf(ctx.tx, ctx.unitId));
  const history = sjukfallHistory(
    await signedCertificatesOfPatient(ctx.tx, ctx.unitId, arende.patientId),
    null,
  );
  const found = caseContaining(history, cert.id, { gap });
  const receivers = cert.doctorId ? await receiversOnDay(ctx.tx, ctx.unitId, ctx.today) : null;
  return createEventTask(ctx, {
    patientId: arende.patientId,
    caseStart: found?.start ?? cert.startDate ?? arende.receivedDate,
    kind: "KOMPLETTERING_ANSWER",
    subject: arende.id,
    dueDate: arende.lastAnswerDate ?? addDays(arende.receivedDate, KOMPLETTERING_DAYS),
    responsibleUserId: cert.doctorId ? (receivers?.get(cert.doctorId) ?? cert.doctorId) : null,
    details: { receivedDate: arende.receivedDate, certificateId: cert.id },
  });
}
