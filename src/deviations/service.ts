/**
 * Deviation operations on the active unit. A deviation about a patient follows the patient rules:
 * the patient must be the unit's (another unit's answers 404), and every operation on it is
 * audited with the patient. Reporters see their own reports; the chief and MLU all of the unit's.
 */
import { grantFor, type Actor } from "../access/actor.ts";
import type { Tx } from "../db/client.ts";
import { isStaffOf, unitStaff } from "../routines/store.ts";
import { errors } from "../server/errors.ts";
import {
  deviationStatistics,
  isOpen,
  lastDayOf,
  MAX_STATISTICS_MONTHS,
  monthsBetween,
  transitionProblem,
  type DeviationStatus,
} from "./rules.ts";
import type {
  AddAction,
  CreateDeviation,
  DeviationDetail,
  DeviationList,
  UpdateDeviation,
} from "./schema.ts";
import {
  actionsOf,
  deviationsBetween,
  findDeviation,
  historyOf,
  insertAction,
  insertDeviation,
  insertEvent,
  isPatientCertificate,
  listDeviations,
  markActionDone,
  unitPatient,
  updateDeviationRow,
} from "./store.ts";
import { deviationDetailView, deviationSummaryView } from "./view.ts";

export interface DeviationContext {
  tx: Tx;
  actor: Actor;
  unitId: string;
  today: string;
}

const canManage = (ctx: DeviationContext) => grantFor(ctx.actor, "deviation.manage") !== null;
const mayFindPatients = (ctx: DeviationContext) =>
  grantFor(ctx.actor, "patient.read") !== null || grantFor(ctx.actor, "patient.search") !== null;

export async function deviationList(ctx: DeviationContext): Promise<DeviationList> {
  const manage = canManage(ctx);
  const rows = await listDeviations(ctx.tx, ctx.unitId, manage ? undefined : ctx.actor.userId);
  const owners = manage ? await unitStaff(ctx.tx, ctx.unitId, ctx.today) : [];
  return {
    deviations: rows.map((r) => deviationSummaryView(r.row, r.reporterName, r.openActions)),
    canManage: manage,
    owners: owners.map((o) => ({ id: o.userId, name: o.name })),
  };
}

/** The deviation as the user may see it: another unit's, or someone else's report for a reporter, is 404. */
export async function visibleDeviation(ctx: DeviationContext, id: string) {
  const found = await findDeviation(ctx.tx, ctx.unitId, id);
  if (!found || (!canManage(ctx) && found.row.reportedBy !== ctx.actor.userId)) throw errors.notFound();
  return found;
}

export async function deviationDetail(ctx: DeviationContext, id: string): Promise<DeviationDetail> {
  const found = await visibleDeviation(ctx, id);
  const patient =
    found.row.patientId && mayFindPatients(ctx)
      ? await unitPatient(ctx.tx, ctx.unitId, found.row.patientId)
      : null;
  return deviationDetailView(found, {
    actions: await actionsOf(ctx.tx, ctx.unitId, id),
    history: await historyOf(ctx.tx, ctx.unitId, id),
    patient,
    canManage: canManage(ctx),
  });
}

export async function createDeviation(ctx: DeviationContext, input: CreateDeviation) {
  if (input.occurredOn > ctx.today) {
    throw errors.badRequest("Datumet (occurredOn) ligger i framtiden.", [
      { path: "occurredOn", message: "Ange dagen då det hände, i dag eller tidigare." },
    ]);
  }
  if (input.certificateId && !input.patientId) {
    throw errors.badRequest("Ange patienten (patientId) för intyget.", [
      { path: "patientId", message: "Ett intyg kan bara anges tillsammans med patienten." },
    ]);
  }
  if (input.patientId) {
    if (!mayFindPatients(ctx)) throw errors.forbidden();
    if (!(await unitPatient(ctx.tx, ctx.unitId, input.patientId))) throw errors.notFound();
    if (
      input.certificateId &&
      !(await isPatientCertificate(ctx.tx, ctx.unitId, input.patientId, input.certificateId))
    ) {
      throw errors.badRequest("Intyget (certificateId) hör inte till patienten.", [
        { path: "certificateId", message: "Välj ett av patientens intyg." },
      ]);
    }
  }
  const row = await insertDeviation(ctx.tx, { ...input, unitId: ctx.unitId, reportedBy: ctx.actor.userId });
  await insertEvent(ctx.tx, {
    unitId: ctx.unitId,
    deviationId: row.id,
    userId: ctx.actor.userId,
    status: "NY",
  });
  return deviationDetail(ctx, row.id);
}

/** Writes the deviation's new version; 409 with the current one when `version` is stale. */
async function bump(
  ctx: DeviationContext,
  id: string,
  version: number,
  changes: Parameters<typeof updateDeviationRow>[4],
) {
  const updated = await updateDeviationRow(ctx.tx, ctx.unitId, id, version, changes);
  if (!updated) throw errors.conflict(await deviationDetail(ctx, id));
  return updated;
}

async function openForChange(ctx: DeviationContext, id: string, version: number) {
  const found = await visibleDeviation(ctx, id);
  if (!canManage(ctx)) throw errors.forbidden();
  if (found.row.version !== version) throw errors.conflict(await deviationDetail(ctx, id));
  if (!isOpen(found.row.status as DeviationStatus)) {
    throw errors.badRequest("Avvikelsen är avslutad och kan inte ändras (status).", [
      { path: "status", message: "En avslutad avvikelse kan inte ändras." },
    ]);
  }
  return found;
}

export async function updateDeviation(ctx: DeviationContext, id: string, input: UpdateDeviation) {
  const found = await openForChange(ctx, id, input.version);
  const to = input.status && input.status !== found.row.status ? input.status : null;
  if (to) {
    const problem = transitionProblem(
      {
        status: found.row.status as DeviationStatus,
        investigation: input.investigation,
        actions: (await actionsOf(ctx.tx, ctx.unitId, id)).map((a) => a.action),
      },
      to,
    );
    if (problem)
      throw errors.badRequest(problem.message, [{ path: problem.field, message: problem.message }]);
  }
  await bump(ctx, id, input.version, {
    investigation: input.investigation,
    lexMaria: input.lexMaria,
    ...(to ? { status: to, closedOn: to === "AVSLUTAD" ? ctx.today : null } : {}),
  });
  if (to) {
    await insertEvent(ctx.tx, {
      unitId: ctx.unitId,
      deviationId: id,
      userId: ctx.actor.userId,
      status: to,
      note: input.note ?? null,
    });
  }
  return { deviation: await deviationDetail(ctx, id), patientId: found.row.patientId, status: to };
}

export async function addAction(ctx: DeviationContext, id: string, input: AddAction) {
  const found = await openForChange(ctx, id, input.version);
  if (!(await isStaffOf(ctx.tx, input.ownerId, { unitId: ctx.unitId }))) {
    throw errors.badRequest("Den ansvariga (ownerId) ska vara en aktiv medarbetare på enheten.", [
      { path: "ownerId", message: "Välj en medarbetare på enheten." },
    ]);
  }
  await insertAction(ctx.tx, {
    unitId: ctx.unitId,
    deviationId: id,
    description: input.description,
    ownerId: input.ownerId,
    dueDate: input.dueDate,
    createdBy: ctx.actor.userId,
  });
  await bump(ctx, id, input.version, {});
  return { deviation: await deviationDetail(ctx, id), patientId: found.row.patientId };
}

export async function completeAction(ctx: DeviationContext, id: string, actionId: string, version: number) {
  const found = await openForChange(ctx, id, version);
  if (!(await markActionDone(ctx.tx, ctx.unitId, id, actionId, ctx.today))) throw errors.notFound();
  await bump(ctx, id, version, {});
  return { deviation: await deviationDetail(ctx, id), patientId: found.row.patientId };
}

export async function statistics(ctx: DeviationContext, from: string, to: string) {
  if (from > to) {
    throw errors.badRequest("Perioden börjar efter att den slutar (from, to).", [
      { path: "from", message: "Välj en startmånad före eller lika med slutmånaden." },
    ]);
  }
  if (monthsBetween(from, to).length > MAX_STATISTICS_MONTHS) {
    throw errors.badRequest(`Perioden (to) får vara högst ${MAX_STATISTICS_MONTHS} månader.`, [
      { path: "to", message: `Välj högst ${MAX_STATISTICS_MONTHS} månader.` },
    ]);
  }
  const rows = await deviationsBetween(ctx.tx, ctx.unitId, `${from}-01`, lastDayOf(to));
  return { from, to, ...deviationStatistics(rows, from, to) };
}
