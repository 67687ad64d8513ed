/**
 * Receiving ärenden from Försäkringskassan: a checked message is matched to the certificate it
 * concerns (and so to that certificate's unit and patient) and becomes an ärende through the same
 * command as a registration by hand. FK's message id is recorded on the ärende, so the same
 * message received twice creates one ärende.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { findCertificate, patientOf } from "../certificates/store.ts";
import type { Queryable, Tx } from "../db/client.ts";
import { certificate, fkArende, patient } from "../db/schema.ts";
import { ApiError } from "../server/errors.ts";
import type { InboundMessage } from "./inbound.ts";
import { registerArende } from "./service.ts";

export interface ReceiveContext {
  tx: Tx;
  today: string;
  /**
   * An upload: the user's unit, and the user who is recorded. The transport: no unit (the
   * certificate says which) and no actor (the system receives).
   */
  unitId: string | null;
  actor: Actor | null;
  grant: ActorAssignment | null;
}

export type ReceiveOutcome =
  | { outcome: "CREATED"; arendeId: string; patientId: string }
  | { outcome: "ALREADY_IMPORTED"; arendeId: string }
  | { outcome: "REJECTED"; reasons: string[] };

const reasons = {
  otherUnitDuplicate: "Meddelandet är redan mottaget av en annan enhet.",
  unknownCertificate: "Intyget finns inte i Samsyn.",
  certificateNotOnUnit: "Intyget finns inte på din enhet.",
  certificateOtherUnit: "Intyget hör till en annan enhet än den meddelandet anger.",
  otherUnit: "Meddelandet gäller en annan enhet än din.",
  noUnit: "Meddelandet saknar både intyg och enhet: ange certificateId eller unitId.",
  wrongPatient: "Personnumret stämmer inte med patienten på intyget.",
  unknownPatient: "Patienten finns inte på enheten.",
};

const notes = {
  transport: "Mottaget från Försäkringskassan",
  upload: "Mottaget från Försäkringskassan (inläst från fil)",
};

export async function arendeByExternalId(q: Queryable, externalId: string) {
  const [row] = await q
    .select({ id: fkArende.id, unitId: fkArende.unitId })
    .from(fkArende)
    .where(eq(fkArende.externalId, externalId));
  return row ?? null;
}

/**
 * Serializes receiving the same message ids in concurrent transactions (several server
 * processes, two uploads at once) until commit: the later one then sees the ärende and reports a
 * duplicate instead of failing on the unique column. Locks in sorted order, so batches never
 * wait on each other in a circle.
 */
export async function lockMessageIds(tx: Tx, messageIds: string[]) {
  for (const id of [...new Set(messageIds)].sort()) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`samsyn.fk-inbound:${id}`}))`);
  }
}

/** Receives one checked message in the transaction; the message id must be locked (lockMessageIds). */
export async function receiveMessage(ctx: ReceiveContext, message: InboundMessage): Promise<ReceiveOutcome> {
  const existing = await arendeByExternalId(ctx.tx, message.messageId);
  if (existing) {
    if (ctx.unitId && existing.unitId !== ctx.unitId) return rejected(reasons.otherUnitDuplicate);
    return { outcome: "ALREADY_IMPORTED", arendeId: existing.id };
  }

  const target = await targetOf(ctx, message);
  if ("reason" in target) return rejected(target.reason);

  // A savepoint: a refusal by the command leaves nothing behind for the rest of the batch.
  try {
    const row = await ctx.tx.transaction((tx) =>
      registerArende(
        { tx, unitId: target.unitId, today: ctx.today, actor: ctx.actor, grant: ctx.grant },
        target.patientId,
        {
          type: message.type,
          certificateId: message.certificateId,
          receivedDate: message.receivedDate,
          lastAnswerDate: message.lastAnswerDate,
          questionFields: message.questionFields,
          text: message.text,
        },
        { externalId: message.messageId, note: ctx.actor ? notes.upload : notes.transport },
      ),
    );
    return { outcome: "CREATED", arendeId: row.id, patientId: row.patientId };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return rejected(error.message);
    throw error;
  }
}

function rejected(reason: string): ReceiveOutcome {
  return { outcome: "REJECTED", reasons: [reason] };
}

/** The unit and patient the message belongs to, or why it belongs nowhere. */
async function targetOf(
  ctx: ReceiveContext,
  message: InboundMessage,
): Promise<{ unitId: string; patientId: string } | { reason: string }> {
  if (message.certificateId) {
    const cert = ctx.unitId
      ? await findCertificate(ctx.tx, ctx.unitId, message.certificateId)
      : await certificateAnywhere(ctx.tx, message.certificateId);
    if (!cert) return { reason: ctx.unitId ? reasons.certificateNotOnUnit : reasons.unknownCertificate };
    if (message.unitId && message.unitId !== cert.unitId) return { reason: reasons.certificateOtherUnit };
    const owner = await patientOf(ctx.tx, cert.unitId, cert.patientId);
    if (!owner || owner.personnummer !== message.personnummer) return { reason: reasons.wrongPatient };
    return { unitId: cert.unitId, patientId: owner.id };
  }
  const unitId = ctx.unitId ?? message.unitId;
  if (!unitId) return { reason: reasons.noUnit };
  if (message.unitId && message.unitId !== unitId) return { reason: reasons.otherUnit };
  const [found] = await ctx.tx
    .select({ id: patient.id })
    .from(patient)
    .where(and(eq(patient.unitId, unitId), eq(patient.personnummer, message.personnummer)));
  return found ? { unitId, patientId: found.id } : { reason: reasons.unknownPatient };
}

async function certificateAnywhere(q: Queryable, id: string) {
  const [row] = await q
    .select({ unitId: certificate.unitId, patientId: certificate.patientId })
    .from(certificate)
    .where(eq(certificate.id, id));
  return row ?? null;
}
