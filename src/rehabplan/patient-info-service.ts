/**
 * The patient's documents: the plan's patient version and the sick-leave brochure, and the record
 * that one was handed out ("broschyr utlämnad", "plan utlämnad": dated, by whom).
 */
import { requirePatient, type CoordinationContext } from "../coordination/context.ts";
import { userNames } from "../coordination/store.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Queryable } from "../db/client.ts";
import { errors } from "../server/errors.ts";
import { brochureDocument, patientPlanDocument } from "./patient-info.ts";
import { requirePlan } from "./read.ts";
import { insertHandout, unitContact } from "./store.ts";
import { handoutView, userIdsOf } from "./view.ts";

export async function loadPlanDocument(q: Queryable, unitId: string, planId: string) {
  const plan = await requirePlan(q, unitId, planId);
  const patient = await requirePatient(q, unitId, plan.patientId);
  const names = await userNames(q, userIdsOf({ plans: [plan] }));
  const contactId = plan.anchoredBy ?? plan.createdBy;
  return {
    patientId: plan.patientId,
    document: patientPlanDocument({
      plan,
      patientName: `${patient.givenName} ${patient.familyName}`,
      unit: await unitContact(q, unitId),
      contactName: names.get(contactId) ?? null,
      responsibleName: (id) => names.get(id) ?? "",
    }),
  };
}

export async function loadBrochure(q: Queryable, unitId: string, patientId: string) {
  await requirePatient(q, unitId, patientId);
  return { patientId, document: brochureDocument(await unitContact(q, unitId)) };
}

/** Records that the brochure or the plan's patient version (its current version) was handed out. */
export async function recordHandout(
  ctx: CoordinationContext,
  patientId: string,
  input: { kind: "BROSCHYR" } | { kind: "PLAN"; planId: string },
) {
  await requirePatient(ctx.tx, ctx.unitId, patientId);
  const plan = input.kind === "PLAN" ? await requirePlan(ctx.tx, ctx.unitId, input.planId) : null;
  if (plan && plan.patientId !== patientId) throw errors.notFound();
  const row = await insertHandout(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    kind: input.kind,
    planId: plan?.id ?? null,
    planVersion: plan?.version ?? null,
    handedDate: ctx.today,
    handedBy: ctx.actor.userId,
  });
  await recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant }, [
    {
      action: "CREATE",
      purpose: "Patientinformation utlämnad",
      patientId,
      entity: "patient_handout",
      entityId: row.id,
      details: { kind: row.kind, planVersion: row.planVersion },
    },
  ]);
  return handoutView(row, await userNames(ctx.tx, [row.handedBy]));
}
