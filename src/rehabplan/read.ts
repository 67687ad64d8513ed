/** Reading a patient's plans, their versions and handouts (the routes log each read). */
import { latestCaseStart } from "../coordination/aktualisering-service.ts";
import { requirePatient } from "../coordination/context.ts";
import { unitSettingsOf, userNames } from "../coordination/store.ts";
import type { Queryable } from "../db/client.ts";
import { errors } from "../server/errors.ts";
import { comparePlans, revisionWeeks } from "./rules.ts";
import { findPlan, handoutsOf, plansOfPatient, unitStaff, versionsOf } from "./store.ts";
import { handoutView, planView, snapshotOf, userIdsOf, versionViews } from "./view.ts";

export async function loadPlans(q: Queryable, unitId: string, patientId: string, today: string) {
  const patient = await requirePatient(q, unitId, patientId);
  const plans = await plansOfPatient(q, unitId, patientId);
  const handouts = await handoutsOf(q, unitId, patientId);
  const names = await userNames(q, userIdsOf({ plans, handouts }));
  const weeks = revisionWeeks(await unitSettingsOf(q, unitId));
  const current = await latestCaseStart(q, unitId, patient, today, "");
  return {
    plans: plans.map((p) => planView(p, names, today, weeks)),
    currentCaseStart: current === "" ? null : current,
    handouts: handouts.map((h) => handoutView(h, names)),
    staff: await unitStaff(q, unitId),
  };
}

/** The plan (404 when not the unit's). */
export async function requirePlan(q: Queryable, unitId: string, id: string) {
  const row = await findPlan(q, unitId, id);
  if (!row) throw errors.notFound();
  return row;
}

export async function loadVersions(q: Queryable, unitId: string, planId: string) {
  const plan = await requirePlan(q, unitId, planId);
  const versions = await versionsOf(q, unitId, planId);
  const names = await userNames(q, userIdsOf({ versions }));
  return { patientId: plan.patientId, versions: versionViews(versions, names).reverse() };
}

export async function loadComparison(q: Queryable, unitId: string, planId: string, from: number, to: number) {
  const plan = await requirePlan(q, unitId, planId);
  const versions = await versionsOf(q, unitId, planId);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) {
    throw errors.badRequest("Planen har ingen sådan version.", [
      { path: a ? "to" : "from", message: "Planen har ingen sådan version." },
    ]);
  }
  const names = await userNames(q, userIdsOf({ versions: [a, b] }));
  return {
    patientId: plan.patientId,
    comparison: {
      from,
      to,
      changes: comparePlans(snapshotOf(a), snapshotOf(b), (id) => names.get(id) ?? id),
    },
  };
}
