/**
 * Rehabplan commands: create, save (every save a version), fastställ with the patient, avsluta,
 * and `addPlanAction` for other modules (the team's decisions). Each runs in the caller's
 * transaction on the active unit, checks the patient is the unit's (else 404), writes an audit
 * event and keeps the plan's follow-up tasks in step.
 */
import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit/audit.ts";
import { latestCaseStart, requireCase } from "../coordination/aktualisering-service.ts";
import { rejectIssues, requirePatient, type CoordinationContext } from "../coordination/context.ts";
import { unitSettingsOf, userNames } from "../coordination/store.ts";
import { ApiError, errors } from "../server/errors.ts";
import { completeTasksOfSubject, dismissTasksOfSubject } from "../tasks/close.ts";
import { createEventTask } from "../tasks/events.ts";
import {
  comparePlans,
  completenessIssues,
  contentIssues,
  emptyContent,
  endedFollowUps,
  establishIssues,
  followUpTasks,
  missingMessage,
  revisionSubject,
  revisionWeeks,
  type AnchoringMethod,
  type PlanAction,
  type PlanContent,
  type VersionEvent,
} from "./rules.ts";
import type { ActionInput } from "./schema.ts";
import {
  findPlan,
  insertPlan,
  insertVersion,
  planOfCase,
  unitStaff,
  updatePlan,
  versionsOf,
  type PlanRow,
} from "./store.ts";
import { planView, snapshotOf, userIdsOf } from "./view.ts";

/** What a plan command runs with: the transaction, the actor and one clock reading. */
export type PlanContext = CoordinationContext;

export const auditPurpose = "Rehabplan (plan för återgång i arbete)";

/** An action as validated by `actionInput` (defaults applied). */
export type NewPlanAction = Omit<PlanAction, "id"> & { id?: string | undefined };

function toAction(input: NewPlanAction): PlanAction {
  return {
    id: input.id ?? randomUUID(),
    party: input.party,
    description: input.description,
    responsibleName: input.responsibleName,
    responsibleUserId: input.responsibleUserId,
    startDate: input.startDate,
    followUpDate: input.followUpDate,
    status: input.status,
  };
}

/** The content as validated by `contentInput` (defaults applied), new actions given ids. */
export type ValidContent = Omit<PlanContent, "actions"> & { actions: NewPlanAction[] };

function toContent(input: ValidContent): PlanContent {
  return { ...input, actions: input.actions.map(toAction) };
}

async function namesFor(ctx: PlanContext, rows: PlanRow[]) {
  return userNames(ctx.tx, userIdsOf({ plans: rows }));
}

export async function viewOf(ctx: PlanContext, row: PlanRow) {
  const weeks = revisionWeeks(await unitSettingsOf(ctx.tx, ctx.unitId));
  return planView(row, await namesFor(ctx, [row]), ctx.today, weeks);
}

/** 409 with the plan as saved now and what changed since the version the user had. */
async function staleError(ctx: PlanContext, current: PlanRow, seenVersion: number) {
  const seen = (await versionsOf(ctx.tx, ctx.unitId, current.id)).find((v) => v.version === seenVersion);
  const names = await userNames(ctx.tx, userIdsOf({ plans: [current] }));
  const changes = seen
    ? comparePlans(snapshotOf(seen), snapshotOf(current), (id) => names.get(id) ?? id)
    : [];
  return new ApiError(409, "CONFLICT", "Någon annan har ändrat planen. Se vad som ändrats.", {
    extra: { current: await viewOf(ctx, current), changes },
  });
}

async function checkContent(
  ctx: PlanContext,
  content: PlanContent,
  caseStart: string,
  mustBeComplete: boolean,
) {
  const issues = contentIssues(content, caseStart);
  const staff = new Set((await unitStaff(ctx.tx, ctx.unitId)).map((s) => s.id));
  content.actions.forEach((a, i) => {
    if (a.responsibleUserId !== null && !staff.has(a.responsibleUserId)) {
      issues.push({
        path: `actions.${i}.responsibleUserId`,
        message: `Åtgärd ${i + 1}: den ansvariga användaren arbetar inte på enheten.`,
      });
    }
  });
  rejectIssues(issues);
  const missing = mustBeComplete ? completenessIssues(content) : [];
  if (missing.length > 0) {
    throw new ApiError(
      400,
      "PLAN_INCOMPLETE",
      `En fastställd plan måste vara komplett. ${missing.map((m) => m.message).join(" ")}`,
      { issues: missing },
    );
  }
}

function audit(
  ctx: PlanContext,
  row: PlanRow,
  action: "CREATE" | "UPDATE",
  details: Record<string, unknown>,
) {
  return recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant }, [
    {
      action,
      purpose: auditPurpose,
      patientId: row.patientId,
      entity: "rehab_plan",
      entityId: row.id,
      details,
    },
  ]);
}

/** Records the version row and brings the plan's tasks in step with it. */
async function afterWrite(ctx: PlanContext, before: PlanRow | null, row: PlanRow, event: VersionEvent) {
  await insertVersion(ctx.tx, {
    unitId: ctx.unitId,
    planId: row.id,
    version: row.version,
    event,
    status: row.status,
    content: row.content,
    anchoredDate: row.anchoredDate,
    anchoredMethod: row.anchoredMethod,
    anchoredBy: row.anchoredBy,
    savedBy: ctx.actor.userId,
    savedAt: row.savedAt,
  });
  if (before) {
    const ended = endedFollowUps(before.content, row.content, row.status);
    for (const subject of ended.done) {
      await completeTasksOfSubject(
        ctx,
        { kind: "PLAN_FOLLOW_UP", subject },
        "Åtgärden i rehabplanen är klar.",
      );
    }
    for (const { subject, reason } of ended.dismissed) {
      await dismissTasksOfSubject(ctx, { kind: "PLAN_FOLLOW_UP", subject }, reason);
    }
    await completeTasksOfSubject(
      ctx,
      { kind: "PLAN_REVISION", subject: revisionSubject(row.id, before.version) },
      `Rehabplanen reviderades (version ${row.version}).`,
    );
  }
  for (const planned of followUpTasks(row)) await createEventTask(ctx, planned);
}

/** The sjukfall a new plan is for: the one starting on `caseStart`, else the patient's latest. */
async function caseFor(ctx: PlanContext, patientId: string, caseStart: string | null) {
  const patient = await requirePatient(ctx.tx, ctx.unitId, patientId);
  if (caseStart !== null) {
    await requireCase(ctx.tx, ctx.unitId, patient, caseStart, ctx.today);
    return caseStart;
  }
  const latest = await latestCaseStart(ctx.tx, ctx.unitId, patient, ctx.today, "");
  if (latest === "") {
    rejectIssues([
      { path: "caseStart", message: "Patienten har inget sjukfall på enheten att göra en plan för." },
    ]);
  }
  return latest;
}

async function insertNewPlan(ctx: PlanContext, patientId: string, caseStart: string, content: PlanContent) {
  const row = await insertPlan(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    caseStart,
    content,
    createdBy: ctx.actor.userId,
    savedBy: ctx.actor.userId,
    savedAt: ctx.now.toISOString(),
  });
  if (!row) {
    const existing = (await planOfCase(ctx.tx, ctx.unitId, patientId, caseStart))!;
    throw new ApiError(409, "PLAN_EXISTS", "Sjukfallet har redan en rehabplan. Öppna den i stället.", {
      extra: { current: await viewOf(ctx, existing), changes: [] },
    });
  }
  await afterWrite(ctx, null, row, "SKAPAD");
  await audit(ctx, row, "CREATE", { version: row.version, caseStart });
  return row;
}

export async function createPlan(
  ctx: PlanContext,
  patientId: string,
  input: { caseStart: string | null; content?: ValidContent | undefined },
) {
  const caseStart = await caseFor(ctx, patientId, input.caseStart);
  const content = input.content ? toContent(input.content) : emptyContent();
  await checkContent(ctx, content, caseStart, false);
  return viewOf(ctx, await insertNewPlan(ctx, patientId, caseStart, content));
}

async function openPlan(ctx: PlanContext, id: string, version: number) {
  const row = await findPlan(ctx.tx, ctx.unitId, id);
  if (!row) throw errors.notFound();
  if (row.version !== version) throw await staleError(ctx, row, version);
  if (row.status === "AVSLUTAD") {
    throw new ApiError(400, "PLAN_CLOSED", "Planen är avslutad och kan inte ändras.");
  }
  return row;
}

async function writePlan(
  ctx: PlanContext,
  before: PlanRow,
  changes: Partial<
    Pick<PlanRow, "status" | "content" | "anchoredDate" | "anchoredMethod" | "anchoredBy" | "anchoredVersion">
  >,
  event: VersionEvent,
) {
  const row = await updatePlan(ctx.tx, ctx.unitId, before.id, before.version, {
    ...changes,
    savedBy: ctx.actor.userId,
    savedAt: ctx.now.toISOString(),
  });
  if (!row) throw await staleError(ctx, (await findPlan(ctx.tx, ctx.unitId, before.id))!, before.version);
  await afterWrite(ctx, before, row, event);
  await audit(ctx, row, "UPDATE", { version: row.version, event });
  return row;
}

export async function savePlan(ctx: PlanContext, id: string, version: number, input: ValidContent) {
  const before = await openPlan(ctx, id, version);
  const content = toContent(input);
  await checkContent(ctx, content, before.caseStart, before.status === "FASTSTALLD");
  return viewOf(ctx, await writePlan(ctx, before, { content }, "SPARAD"));
}

/** Fastställ: refused (naming what is missing) unless complete and anchored with the patient. */
export async function establishPlan(
  ctx: PlanContext,
  id: string,
  version: number,
  anchoring: { anchoredDate: string; anchoredMethod: AnchoringMethod },
) {
  const before = await openPlan(ctx, id, version);
  const issues = establishIssues(
    before.content,
    { date: anchoring.anchoredDate, method: anchoring.anchoredMethod },
    ctx.today,
  );
  if (issues.length > 0) {
    throw new ApiError(400, "PLAN_INCOMPLETE", missingMessage(issues), { issues });
  }
  const row = await writePlan(
    ctx,
    before,
    {
      status: "FASTSTALLD",
      anchoredDate: anchoring.anchoredDate,
      anchoredMethod: anchoring.anchoredMethod,
      anchoredBy: ctx.actor.userId,
      anchoredVersion: before.version + 1,
    },
    "FASTSTALLD",
  );
  return viewOf(ctx, row);
}

export async function closePlan(ctx: PlanContext, id: string, version: number) {
  const before = await openPlan(ctx, id, version);
  return viewOf(ctx, await writePlan(ctx, before, { status: "AVSLUTAD" }, "AVSLUTAD"));
}

/**
 * Adds one action to the patient's plan for the sjukfall (`caseStart`; null: the patient's latest
 * case), creating the plan as a draft when there is none. For other modules, e.g. a team
 * meeting's decision. In the caller's transaction: checks the patient is the unit's (404), audits,
 * creates the follow-up task. A fastställd plan must stay complete (the action needs a responsible
 * person and a follow-up date); an avslutad plan refuses (400).
 */
export async function addPlanAction(
  ctx: PlanContext,
  patientId: string,
  caseStart: string | null,
  action: ActionInput,
): Promise<{ planId: string; version: number; actionId: string }> {
  const start = await caseFor(ctx, patientId, caseStart);
  const added = toAction({
    party: action.party,
    description: action.description.trim(),
    responsibleName: (action.responsibleName ?? "").trim(),
    responsibleUserId: action.responsibleUserId ?? null,
    startDate: action.startDate ?? null,
    followUpDate: action.followUpDate ?? null,
    status: action.status ?? "PLANERAD",
  });
  const existing = await planOfCase(ctx.tx, ctx.unitId, patientId, start);
  if (!existing) {
    const content = { ...emptyContent(), actions: [added] };
    await checkContent(ctx, content, start, false);
    const row = await insertNewPlan(ctx, patientId, start, content);
    return { planId: row.id, version: row.version, actionId: added.id };
  }
  const before = await openPlan(ctx, existing.id, existing.version);
  const content = { ...before.content, actions: [...before.content.actions, added] };
  await checkContent(ctx, content, before.caseStart, before.status === "FASTSTALLD");
  const row = await writePlan(ctx, before, { content }, "ATGARD_TILLAGD");
  return { planId: row.id, version: row.version, actionId: added.id };
}
