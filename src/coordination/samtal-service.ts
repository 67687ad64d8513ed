/**
 * Kartläggande samtal: a draft with optimistic concurrency, completed into a decision and a next
 * step, then read-only.
 */
import type { Queryable } from "../db/client.ts";
import { ApiError, errors } from "../server/errors.ts";
import { createEventTask } from "../tasks/events.ts";
import { isDecision, samtalCompletionIssues, type SamtalContent, type SamtalOutcome } from "./rules.ts";
import { findSamtal, insertSamtal, samtalOf, updateSamtalDraft, userNames, type SamtalRow } from "./store.ts";
import { samtalView, userIdsOf } from "./view.ts";
import { type CoordinationContext, audit, auditPurpose, rejectIssues, requirePatient } from "./context.ts";
import { latestCaseStart, recordDecision, requireCase } from "./aktualisering-service.ts";

type SamtalInput = Partial<Omit<SamtalContent, "samtalDate">> & { samtalDate?: string | undefined };

function samtalChanges(input: SamtalInput) {
  const changes: Partial<SamtalRow> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
  }
  return changes;
}

async function samtalWithNames(q: Queryable, row: SamtalRow) {
  return samtalView(row, await userNames(q, userIdsOf({ samtal: [row] })));
}

function auditSamtal(
  ctx: CoordinationContext,
  row: SamtalRow,
  action: "CREATE" | "UPDATE",
  details: Record<string, unknown>,
) {
  return audit(ctx, [
    {
      action,
      purpose: auditPurpose,
      patientId: row.patientId,
      entity: "kartlaggande_samtal",
      entityId: row.id,
      details,
    },
  ]);
}

export async function createSamtal(ctx: CoordinationContext, patientId: string, input: SamtalInput) {
  await requirePatient(ctx.tx, ctx.unitId, patientId);
  const row = await insertSamtal(ctx.tx, {
    ...samtalChanges(input),
    unitId: ctx.unitId,
    patientId,
    samtalDate: input.samtalDate ?? ctx.today,
    heldBy: ctx.actor.userId,
  });
  await auditSamtal(ctx, row, "CREATE", {});
  return samtalWithNames(ctx.tx, row);
}

const completedError = () =>
  new ApiError(400, "SAMTAL_COMPLETED", "Samtalet är avslutat och kan inte ändras.");

async function openDraft(ctx: CoordinationContext, id: string, version: number) {
  const row = await findSamtal(ctx.tx, ctx.unitId, id);
  if (!row) throw errors.notFound();
  if (row.status !== "UTKAST") throw completedError();
  if (row.version !== version) throw errors.conflict(await samtalWithNames(ctx.tx, row));
  return row;
}

export async function updateSamtal(
  ctx: CoordinationContext,
  id: string,
  version: number,
  input: SamtalInput,
) {
  await openDraft(ctx, id, version);
  const updated = await updateSamtalDraft(ctx.tx, ctx.unitId, id, version, samtalChanges(input));
  if (!updated)
    throw errors.conflict(await samtalWithNames(ctx.tx, (await findSamtal(ctx.tx, ctx.unitId, id))!));
  await auditSamtal(ctx, updated, "UPDATE", {});
  return samtalWithNames(ctx.tx, updated);
}

/**
 * Completes a draft: the strict check, then — when the outcome is an aktualisering decision — that
 * decision is recorded for the case (with the consent it needs, on the samtal's date).
 */
export async function completeSamtal(ctx: CoordinationContext, id: string, version: number) {
  const row = await openDraft(ctx, id, version);
  rejectIssues(samtalCompletionIssues(row, ctx.today));
  const outcome = row.outcome as SamtalOutcome;
  let decisionId: string | null = null;
  if (isDecision(outcome)) {
    const patient = await requirePatient(ctx.tx, ctx.unitId, row.patientId);
    const cases = await requireCase(ctx.tx, ctx.unitId, patient, row.caseStart!, ctx.today);
    const decision = await recordDecision(
      ctx,
      row.patientId,
      {
        caseStart: row.caseStart!,
        decision: outcome,
        decidedDate: row.samtalDate,
        reason: row.outcomeReason,
        samtalId: row.id,
      },
      cases,
    );
    decisionId = decision.id;
  }
  const completed = await updateSamtalDraft(ctx.tx, ctx.unitId, id, version, {
    status: "KLAR",
    completedAt: ctx.now.toISOString(),
    completedBy: ctx.actor.userId,
  });
  if (!completed)
    throw errors.conflict(await samtalWithNames(ctx.tx, (await findSamtal(ctx.tx, ctx.unitId, id))!));
  await auditSamtal(ctx, completed, "UPDATE", { completed: true, outcome, decisionId });
  if (completed.nextStepDate) {
    const caseStart =
      completed.caseStart ??
      (await latestCaseStart(
        ctx.tx,
        ctx.unitId,
        await requirePatient(ctx.tx, ctx.unitId, completed.patientId),
        ctx.today,
        completed.samtalDate,
      ));
    await createEventTask(ctx, {
      patientId: completed.patientId,
      caseStart,
      kind: "SAMTAL_NEXT_STEP",
      subject: completed.id,
      dueDate: completed.nextStepDate,
      responsibleUserId: ctx.actor.userId,
      details: { samtalDate: completed.samtalDate },
    });
  }
  return { ...(await samtalWithNames(ctx.tx, completed)), decisionId };
}

export async function loadSamtal(q: Queryable, unitId: string, id: string) {
  const row = await findSamtal(q, unitId, id);
  if (!row) throw errors.notFound();
  return { view: await samtalWithNames(q, row), patientId: row.patientId };
}

export async function loadSamtalList(q: Queryable, unitId: string, patientId: string) {
  await requirePatient(q, unitId, patientId);
  const rows = await samtalOf(q, unitId, patientId);
  const names = await userNames(q, userIdsOf({ samtal: rows }));
  return rows.map((r) => samtalView(r, names));
}
