/**
 * Samtycke (Lag 2019:1297): recorded per kind, withdrawn with its history kept, never overwritten.
 */
import type { Queryable } from "../db/client.ts";
import { errors } from "../server/errors.ts";
import {
  consentIssues,
  defaultConsentValidTo,
  withdrawalIssues,
  type ConsentKind,
  type ConsentMethod,
} from "./rules.ts";
import { addWithdrawal, consentsOf, findConsent, insertConsent, userNames } from "./store.ts";
import { consentStates, consentView, userIdsOf } from "./view.ts";
import { type CoordinationContext, audit, auditPurpose, rejectIssues, requirePatient } from "./context.ts";

export async function recordConsent(
  ctx: CoordinationContext,
  patientId: string,
  input: {
    kind: ConsentKind;
    obtainedDate: string;
    method: ConsentMethod;
    scope: string;
    validTo: string | null;
  },
) {
  await requirePatient(ctx.tx, ctx.unitId, patientId);
  rejectIssues(consentIssues(input, ctx.today));
  const row = await insertConsent(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    kind: input.kind,
    obtainedBy: ctx.actor.userId,
    obtainedDate: input.obtainedDate,
    method: input.method,
    scope: input.scope,
    validTo: input.validTo ?? defaultConsentValidTo(input.obtainedDate),
  });
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: auditPurpose,
      patientId,
      entity: "consent",
      entityId: row.id,
      details: { kind: row.kind, defaultValidTo: input.validTo === null },
    },
  ]);
  return consentView(row, await userNames(ctx.tx, userIdsOf({ consents: [row] })));
}

export async function withdrawConsent(
  ctx: CoordinationContext,
  id: string,
  input: { version: number; withdrawnDate: string; note: string },
) {
  const row = await findConsent(ctx.tx, ctx.unitId, id);
  if (!row) throw errors.notFound();
  const names = async (r: typeof row) => userNames(ctx.tx, userIdsOf({ consents: [r] }));
  if (row.version !== input.version) throw errors.conflict(consentView(row, await names(row)));
  rejectIssues(withdrawalIssues(row, input.withdrawnDate, ctx.today));
  const updated = await addWithdrawal(ctx.tx, ctx.unitId, id, input.version, {
    withdrawnDate: input.withdrawnDate,
    withdrawalNote: input.note,
    withdrawnBy: ctx.actor.userId,
    withdrawnAt: ctx.now.toISOString(),
  });
  if (!updated) {
    const current = (await findConsent(ctx.tx, ctx.unitId, id))!;
    throw errors.conflict(consentView(current, await names(current)));
  }
  await audit(ctx, [
    {
      action: "UPDATE",
      purpose: auditPurpose,
      patientId: row.patientId,
      entity: "consent",
      entityId: id,
      details: { kind: row.kind, withdrawn: true },
    },
  ]);
  return consentView(updated, await names(updated));
}

export async function loadConsents(q: Queryable, unitId: string, patientId: string, today: string) {
  await requirePatient(q, unitId, patientId);
  const rows = await consentsOf(q, unitId, patientId);
  const names = await userNames(q, userIdsOf({ consents: rows }));
  return { today, states: consentStates(rows, today), consents: rows.map((r) => consentView(r, names)) };
}
