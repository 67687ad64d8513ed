/**
 * The rehabkoordinator sets a case's status in the unit list (ej kontaktad, kontaktad, aktiv,
 * avslutad). The case is found as the unit computes it (the unit's sjukfall parameters, never a
 * user's own gap) from the anchor certificate the list showed; each change is a new record with
 * the next version, and a change made from an older version answers 409 with the status now.
 */
import { sjukfallHistory } from "../certificates/as-sjukfall.ts";
import { patientOf, signedCertificatesOfPatient } from "../certificates/store.ts";
import { patientHistory } from "../cases/engine.ts";
import { linkedCase } from "../cases/case-link.ts";
import { unitParams } from "../cases/settings.ts";
import { recordAudit } from "../audit/audit.ts";
import { errors } from "../server/errors.ts";
import type { UnitCommandContext } from "../server/router.ts";
import { coordinatorStatusOf } from "./rules.ts";
import type { CoordinatorStatusChange, CoordinatorStatusResult } from "./schema.ts";
import { coordinatorStatusRecords, insertCoordinatorStatus, storedSettings } from "./store.ts";

async function unitCasesOf(ctx: UnitCommandContext, patientId: string) {
  const stored = await storedSettings(ctx.tx, ctx.unitId, null);
  const certificates = await signedCertificatesOfPatient(ctx.tx, ctx.unitId, patientId);
  const { gap } = unitParams(stored.unit);
  return patientHistory(sjukfallHistory(certificates, null), { today: ctx.today, gap }).map((c) => ({
    start: c.start,
    end: c.end,
    certificateIds: c.certificates,
  }));
}

export async function setCoordinatorStatus(
  ctx: UnitCommandContext,
  patientId: string,
  change: CoordinatorStatusChange,
): Promise<CoordinatorStatusResult> {
  if (!(await patientOf(ctx.tx, ctx.unitId, patientId))) throw errors.notFound();
  const cases = await unitCasesOf(ctx, patientId);
  const target = linkedCase(cases, { certificateId: change.certificateId, caseStart: change.caseStart });
  if (!target)
    throw errors.badRequest("Sjukfallet finns inte längre för patienten.", [
      { path: "caseStart", message: "Ladda om listan och välj sjukfallet igen." },
    ]);
  const records = await coordinatorStatusRecords(ctx.tx, ctx.unitId, [patientId]);
  const current = coordinatorStatusOf(target, cases, records);
  if (current.version !== change.version) {
    throw errors.conflict({ patientId, caseStart: target.start, ...current });
  }
  const version = current.version + 1;
  await insertCoordinatorStatus(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    caseStart: target.start,
    // The link is a certificate of the case: the one named, else the case's latest.
    caseCertificateId: target.certificateIds.includes(change.certificateId)
      ? change.certificateId
      : (target.certificateIds.at(-1) ?? null),
    status: change.status,
    version,
    setBy: ctx.actor.userId,
    setAt: ctx.now.toISOString(),
  });
  await recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant }, [
    {
      action: "UPDATE",
      purpose: "Koordinering (lag 2019:1297)",
      patientId,
      entity: "coordinator_case_status",
      details: { version },
    },
  ]);
  return { patientId, caseStart: target.start, status: change.status, version };
}
