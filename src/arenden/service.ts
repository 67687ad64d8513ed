/**
 * Ärende commands: register what Försäkringskassan sent, answer it. Every step adds to the
 * ärende's history in the same transaction as its audit event.
 */
import { recordAudit } from "../audit/audit.ts";
import * as certificates from "../certificates/service.ts";
import { findCertificate, patientOf } from "../certificates/store.ts";
import { ApiError, errors } from "../server/errors.ts";
import { completeTasksOfSubject } from "../tasks/close.ts";
import { createKompletteringTask } from "../tasks/events.ts";
import { answerAllowed, answerKinds, type AnswerKind, type ArendeType } from "./rules.ts";
import {
  addArendeEvent,
  arendenAnsweredBy,
  arendenAwaiting,
  findArende,
  insertArende,
  updateArende,
  type ArendeRow,
} from "./store.ts";

type Ctx = certificates.CommandContext;

/** Registering needs no user: the system records what arrives from Försäkringskassan (actor null). */
export type RegisterContext = Pick<Ctx, "tx" | "unitId" | "today"> & {
  actor: Ctx["actor"] | null;
  grant: Ctx["grant"] | null;
};

function audit(
  ctx: RegisterContext,
  row: ArendeRow,
  action: "CREATE" | "UPDATE",
  details: Record<string, unknown> = {},
) {
  return recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant, unitId: ctx.unitId }, [
    {
      action,
      purpose: "Ärende från Försäkringskassan",
      patientId: row.patientId,
      entity: "arende",
      entityId: row.id,
      details,
    },
  ]);
}

/** `received`: the ärende arrived from FK (its message id makes a second arrival a duplicate). */
export async function registerArende(
  ctx: RegisterContext,
  patientId: string,
  input: {
    type: ArendeType;
    certificateId: string | null;
    receivedDate: string;
    lastAnswerDate: string | null;
    questionFields: string[];
    text: string;
  },
  received?: { externalId: string; note: string },
) {
  if (!(await patientOf(ctx.tx, ctx.unitId, patientId))) throw errors.notFound();
  const cert = input.certificateId ? await findCertificate(ctx.tx, ctx.unitId, input.certificateId) : null;
  if (input.certificateId) {
    if (!cert || cert.patientId !== patientId) {
      throw errors.badRequest("Intyget finns inte hos patienten.", [
        { path: "certificateId", message: "Intyget finns inte hos patienten." },
      ]);
    }
    if (input.type === "KOMPLT" && cert.status !== "SIGNERAT" && cert.status !== "SKICKAT") {
      throw errors.badRequest("Bara ett signerat eller skickat intyg kan kompletteras.", [
        { path: "certificateId", message: "Intyget är inte signerat." },
      ]);
    }
  }
  if (input.receivedDate > ctx.today) {
    throw errors.badRequest("Mottagningsdatum kan inte vara i framtiden.", [
      { path: "receivedDate", message: "Datumet är i framtiden." },
    ]);
  }
  const row = await insertArende(ctx.tx, {
    ...input,
    unitId: ctx.unitId,
    patientId,
    externalId: received?.externalId ?? null,
  });
  await addArendeEvent(ctx.tx, {
    unitId: ctx.unitId,
    arendeId: row.id,
    userId: ctx.actor?.userId ?? null,
    event: "REGISTRERAT",
    note: received?.note ?? null,
    certificateId: input.certificateId,
  });
  await audit(ctx, row, "CREATE", received ? { externalId: received.externalId } : {});
  // A komplettering is the signing doctor's to answer: a task, done when it is answered.
  if (row.type === "KOMPLT" && cert) await createKompletteringTask(ctx, row, cert);
  return row;
}

/**
 * Answers an ärende. A komplettering answered with a certificate gets a completing draft now and
 * counts as answered when that certificate is sent.
 */
export async function answerArende(ctx: Ctx, id: string, version: number, kind: AnswerKind, text: string) {
  const row = await findArende(ctx.tx, ctx.unitId, id);
  if (!row) throw errors.notFound();
  if (row.status !== "OPEN") throw new ApiError(400, "ALREADY_ANSWERED", "Ärendet är redan besvarat.");
  if (!answerAllowed(row.type, kind)) {
    throw errors.badRequest(`${answerKinds[kind]} passar inte den här typen av ärende.`, [
      { path: "kind", message: "Fel svarstyp." },
    ]);
  }
  if (kind === "KOMPLETTERING") {
    if (row.answerCertificateId)
      throw new ApiError(400, "DRAFT_EXISTS", "Ett kompletterande intyg är redan påbörjat.");
    const draft = await certificates.derive(ctx, row.certificateId!, "complete");
    const updated = await updateArende(ctx.tx, ctx.unitId, id, version, { answerCertificateId: draft.id });
    if (!updated) throw errors.conflict(row);
    await addArendeEvent(ctx.tx, {
      unitId: ctx.unitId,
      arendeId: id,
      userId: ctx.actor.userId,
      event: "KOMPLETTERING_PABORJAD",
      note: null,
      certificateId: draft.id,
    });
    await audit(ctx, updated, "UPDATE", { answer: kind });
    return { arende: updated, draftId: draft.id };
  }
  const status = kind === "HANTERAT" ? "CLOSED" : "ANSWERED";
  const updated = await updateArende(ctx.tx, ctx.unitId, id, version, {
    status,
    answerKind: kind,
    answerText: text || null,
    answeredAt: ctx.now.toISOString(),
  });
  if (!updated) throw errors.conflict(row);
  await addArendeEvent(ctx.tx, {
    unitId: ctx.unitId,
    arendeId: id,
    userId: ctx.actor.userId,
    event: kind,
    note: text || null,
    certificateId: null,
  });
  await audit(ctx, updated, "UPDATE", { answer: kind });
  if (row.type === "KOMPLT") await completeKompletteringTasks(ctx, id, answerKinds[kind]);
  return { arende: updated, draftId: null };
}

/** An answered komplettering ends both its answer task and, if it was late, the overdue one. */
async function completeKompletteringTasks(ctx: Ctx, arendeId: string, note: string) {
  for (const kind of ["KOMPLETTERING_ANSWER", "KOMPLETTERING_OVERDUE"] as const) {
    await completeTasksOfSubject(ctx, { kind, subject: arendeId }, note);
  }
}

/**
 * Called when a certificate is signed or sent: the kompletteringar it answers are answered (once;
 * only open ones are touched).
 */
export async function certificateSent(ctx: Ctx, certificateId: string) {
  for (const row of await arendenAwaiting(ctx.tx, ctx.unitId, certificateId)) {
    await updateArende(ctx.tx, ctx.unitId, row.id, row.version, {
      status: "ANSWERED",
      answerKind: "KOMPLETTERING",
      answeredAt: ctx.now.toISOString(),
    });
    await addArendeEvent(ctx.tx, {
      unitId: ctx.unitId,
      arendeId: row.id,
      userId: ctx.actor.userId,
      event: "KOMPLETTERING",
      note: null,
      certificateId,
    });
    await completeKompletteringTasks(ctx, row.id, answerKinds.KOMPLETTERING);
  }
}

/**
 * Called when a certificate is revoked: the kompletteringar it answered (or was being written for)
 * are open again, so that Försäkringskassan still gets an answer.
 */
export async function certificateRevoked(ctx: Ctx, certificateId: string) {
  for (const row of await arendenAnsweredBy(ctx.tx, ctx.unitId, certificateId)) {
    const reopened = await updateArende(ctx.tx, ctx.unitId, row.id, row.version, {
      status: "OPEN",
      answerKind: null,
      answeredAt: null,
      answerCertificateId: null,
    });
    if (!reopened) throw errors.conflict(row);
    await addArendeEvent(ctx.tx, {
      unitId: ctx.unitId,
      arendeId: row.id,
      userId: ctx.actor.userId,
      event: "ATEROPPNAT",
      note: "Det kompletterande intyget makulerades.",
      certificateId,
    });
    await audit(ctx, reopened, "UPDATE", { reopened: true, revokedCertificate: certificateId });
  }
}
