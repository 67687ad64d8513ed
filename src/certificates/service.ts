/**
 * Certificate operations as named commands. Each runs inside the caller's transaction together
 * with its audit event, and refuses steps the status does not allow.
 */
import type { ActorAssignment, Actor } from "../access/actor.ts";
import { recordAudit, type AuditEntry } from "../audit/audit.ts";
import type { Tx } from "../db/client.ts";
import { deliveryUnderway, enqueue } from "../outbox/store.ts";
import { ApiError, errors } from "../server/errors.ts";
import { parseContent } from "./content.ts";
import { withoutHiddenAnswers } from "./rules/hidden.ts";
import {
  findCertificate,
  insertCertificate,
  openKompletteringar,
  patientOf,
  successorsOf,
  updateCertificate,
  type CertificateRow,
} from "./store.ts";
import {
  copyContent,
  renewalContent,
  stepRefusal,
  type CertificateContent,
  type CertificateStep,
  type RevocationReason,
} from "./workflow.ts";

export interface CheckResult {
  valid: boolean;
  errors: { field: string; message: string }[];
  warnings: { field: string; code: string; message: string }[];
}

/** Validates a stored certificate in its context (history on the unit, reference data, today). */
export interface CertificateChecker {
  check(tx: Tx, row: CertificateRow, options: { today: string; forSending?: boolean }): Promise<CheckResult>;
}

declare module "../server/env.ts" {
  interface AppDeps {
    /** The certificate rules with their context (history, reference data). */
    certificateChecker: CertificateChecker;
  }
}

export interface CommandContext {
  tx: Tx;
  actor: Actor;
  grant: ActorAssignment;
  unitId: string;
  now: Date;
  today: string;
  checker: CertificateChecker;
}

function audit(
  ctx: CommandContext,
  row: CertificateRow,
  entry: Omit<AuditEntry, "patientId" | "entity" | "entityId">,
) {
  return recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant }, [
    { ...entry, patientId: row.patientId, entity: "certificate", entityId: row.id },
  ]);
}

async function load(ctx: CommandContext, id: string, step: CertificateStep): Promise<CertificateRow> {
  const row = await findCertificate(ctx.tx, ctx.unitId, id);
  if (!row) throw errors.notFound();
  const refusal = stepRefusal(step, row.status);
  if (refusal) throw new ApiError(400, "STEP_NOT_ALLOWED", refusal);
  return row;
}

/** Applies a versioned change; a stale version answers 409 with what is saved now. */
async function change(
  ctx: CommandContext,
  row: CertificateRow,
  version: number,
  changes: Parameters<typeof updateCertificate>[4],
) {
  const updated = await updateCertificate(ctx.tx, ctx.unitId, row.id, version, changes);
  if (!updated) throw errors.conflict(await findCertificate(ctx.tx, ctx.unitId, row.id));
  return updated;
}

function unitContact(unit: {
  name: string;
  postalAddress: string;
  postalCode: string;
  town: string;
  phone: string;
}) {
  return {
    namn: unit.name,
    postadress: unit.postalAddress,
    postnummer: unit.postalCode,
    postort: unit.town,
    telefon: unit.phone,
  };
}

export async function createDraft(
  ctx: CommandContext,
  input: { patientId: string; content: CertificateContent; unit: Parameters<typeof unitContact>[0] },
) {
  const patient = await patientOf(ctx.tx, ctx.unitId, input.patientId);
  if (!patient) throw errors.notFound();
  const row = await insertCertificate(ctx.tx, {
    unitId: ctx.unitId,
    patientId: patient.id,
    createdBy: ctx.actor.userId,
    content: { smittbararpenning: false, ...input.content, enhet: unitContact(input.unit) },
  });
  await audit(ctx, row, { action: "CREATE", purpose: "Sjukintyg" });
  return row;
}

export async function saveDraft(
  ctx: CommandContext,
  id: string,
  version: number,
  content: CertificateContent,
) {
  const row = await load(ctx, id, "edit");
  // Editing a certificate marked ready makes it a draft again: the doctor signs what they last saw.
  const updated = await change(ctx, row, version, { content, status: "UTKAST" });
  await audit(ctx, updated, { action: "UPDATE", purpose: "Sjukintyg" });
  return updated;
}

export async function markReady(ctx: CommandContext, id: string, version: number) {
  const row = await load(ctx, id, "markReady");
  const result = await ctx.checker.check(ctx.tx, row, { today: ctx.today });
  if (!result.valid) throw invalid(result);
  const updated = await change(ctx, row, version, { status: "KLAR_FOR_SIGNERING" });
  await audit(ctx, updated, {
    action: "UPDATE",
    purpose: "Sjukintyg",
    details: { status: "KLAR_FOR_SIGNERING" },
  });
  return updated;
}

export async function sign(ctx: CommandContext, id: string, version: number) {
  const row = await load(ctx, id, "sign");
  const result = await ctx.checker.check(ctx.tx, row, { today: ctx.today });
  if (!result.valid) throw invalid(result);
  const updated = await change(ctx, row, version, {
    status: "SIGNERAT",
    doctorId: ctx.actor.userId,
    signedAt: ctx.now.toISOString(),
  });
  await audit(ctx, updated, { action: "SIGN", purpose: "Sjukintyg" });
  return updated;
}

/**
 * Queues the certificate for Försäkringskassan. Warnings that concern sending (the employer pays
 * days 1–14) must be confirmed by the user first.
 */
export async function send(ctx: CommandContext, id: string, version: number, confirmedWarnings: string[]) {
  const row = await load(ctx, id, "send");
  const result = await ctx.checker.check(ctx.tx, row, { today: ctx.today, forSending: true });
  const unconfirmed = result.warnings.filter(
    (w) => w.code === "SHORT_CASE" && !confirmedWarnings.includes(w.code),
  );
  if (unconfirmed.length > 0) {
    throw new ApiError(400, "CONFIRMATION_REQUIRED", unconfirmed.map((w) => w.message).join(" "), {
      extra: { warnings: unconfirmed },
    });
  }
  const updated = await change(ctx, row, version, {});
  // The version bump above serialises concurrent sends; this refuses a second one after a reload.
  if (await deliveryUnderway(ctx.tx, ctx.unitId, row.id)) {
    throw new ApiError(
      400,
      "ALREADY_QUEUED",
      "Intyget är redan skickat och väntar på leverans till Försäkringskassan.",
    );
  }
  const patient = (await patientOf(ctx.tx, ctx.unitId, row.patientId))!;
  await enqueue(
    ctx.tx,
    {
      unitId: ctx.unitId,
      patientId: row.patientId,
      certificateId: row.id,
      kind: "FK7804",
      payload: {
        certificateId: row.id,
        type: row.type,
        personnummer: patient.personnummer,
        signedAt: row.signedAt,
        doctorId: row.doctorId,
        unitId: row.unitId,
        relations: { renews: row.renewsId, replaces: row.replacesId, completes: row.completesId },
        // A question hidden by an answer is never sent (FK 7804 v2).
        content: withoutHiddenAnswers(parseContent(row.content)),
      },
    },
    ctx.now,
  );
  await audit(ctx, updated, { action: "SEND", purpose: "Sjukintyg till Försäkringskassan" });
  return updated;
}

export async function revoke(ctx: CommandContext, id: string, version: number, reason: RevocationReason) {
  const row = await load(ctx, id, "revoke");
  const updated = await change(ctx, row, version, {
    status: "MAKULERAT",
    revokedAt: ctx.now.toISOString(),
    revokedReasonCode: reason.code,
    revokedReasonText: reason.text || null,
  });
  await audit(ctx, updated, {
    action: "REVOKE",
    purpose: "Sjukintyg",
    details: { reasonCode: reason.code, reasonLength: reason.text.length },
  });
  return updated;
}

/**
 * FK 7804 v2: a certificate that a newer live (signed, not revoked) certificate replaces or
 * completes is neither renewed nor replaced — that one is; and "Ersätt" waits for the answer to
 * an open komplettering (the answer is a completing certificate, not a replacement).
 */
async function successionRefusal(ctx: CommandContext, row: CertificateRow, kind: "renew" | "replace") {
  const live = (await successorsOf(ctx.tx, ctx.unitId, row.id)).filter(
    (s) => s.status === "SIGNERAT" || s.status === "SKICKAT",
  );
  if (live.length > 0) {
    const how = live[0]!.replacesId === row.id ? "ersatts" : "kompletterats";
    const step = kind === "renew" ? "förlängas" : "ersättas";
    return `Intyget kan inte ${step}: det har ${how} av ett nyare intyg. Utgå från det nyare intyget.`;
  }
  if (kind === "replace" && (await openKompletteringar(ctx.tx, ctx.unitId, row.id)) > 0) {
    return "Intyget har minst en obesvarad komplettering och kan inte ersättas. Besvara kompletteringen först.";
  }
  return null;
}

/** Förlängning, ersättning or komplettering: a new draft linked to the certificate it follows. */
export async function derive(ctx: CommandContext, id: string, kind: "renew" | "replace" | "complete") {
  const row = await load(ctx, id, kind);
  const refusal = kind === "complete" ? null : await successionRefusal(ctx, row, kind);
  if (refusal) throw new ApiError(400, "STEP_NOT_ALLOWED", refusal);
  const draft = await insertCertificate(ctx.tx, {
    unitId: ctx.unitId,
    patientId: row.patientId,
    createdBy: ctx.actor.userId,
    content: kind === "renew" ? renewalContent(row.content) : copyContent(row.content),
    renewsId: kind === "renew" ? row.id : null,
    replacesId: kind === "replace" ? row.id : null,
    completesId: kind === "complete" ? row.id : null,
  });
  await audit(ctx, draft, { action: "CREATE", purpose: "Sjukintyg", details: { [kind]: row.id } });
  return draft;
}

function invalid(result: CheckResult): ApiError {
  return new ApiError(
    400,
    "INVALID_CERTIFICATE",
    "Intyget har fel som måste rättas innan det kan signeras.",
    {
      issues: result.errors.map((e) => ({ path: e.field, message: e.message })),
    },
  );
}
