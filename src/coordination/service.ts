/**
 * Coordination commands (Lag 2019:1297). Each checks its rules, refuses without the consent the
 * step needs, writes, and records its audit event in the same transaction — a refusal writes
 * nothing. Reads are loaders the routes run inside `auditedRead`.
 */
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit, type AuditEntry } from "../audit/audit.ts";
import { buildPatientSjukfall } from "../cases/routes.ts";
import { unitParams } from "../cases/settings.ts";
import { certificatesOfPatient, patientOf } from "../certificates/store.ts";
import type { Queryable, Tx } from "../db/client.ts";
import { ApiError, errors } from "../server/errors.ts";
import { completeOpenTasks } from "../tasks/close.ts";
import { createEventTask } from "../tasks/events.ts";
import {
  aktualiseringDecisions,
  consentRefusal,
  consentIssues,
  consentsForDecision,
  consentsForMeasure,
  consentsForMeeting,
  decisionIssues,
  defaultConsentValidTo,
  isDecision,
  measureIssues,
  meetingIssues,
  pastAktualiseringDay,
  samtalCompletionIssues,
  withdrawalIssues,
  type AktualiseringDecision,
  type ConsentKind,
  type ConsentMethod,
  type Counterpart,
  type Issue,
  type MeasureType,
  type MeetingKind,
  type ParticipantParty,
  type SamtalContent,
  type SamtalOutcome,
} from "./rules.ts";
import {
  addWithdrawal,
  consentsOf,
  decisionsOf,
  findConsent,
  findSamtal,
  insertConsent,
  insertDecision,
  insertMeasure,
  insertMeeting,
  insertSamtal,
  measuresOf,
  meetingsOf,
  samtalOf,
  unitSettingsOf,
  updateSamtalDraft,
  userNames,
  type DecisionRow,
  type SamtalRow,
} from "./store.ts";
import {
  consentStates,
  consentView,
  coordinationLog,
  currentDecision,
  decisionView,
  decisionViews,
  measureView,
  meetingView,
  samtalView,
  userIdsOf,
} from "./view.ts";

/** What a command runs with; the certificates' CommandContext fits it too. */
export interface CoordinationContext {
  tx: Tx;
  actor: Actor;
  grant: ActorAssignment;
  unitId: string;
  now: Date;
  today: string;
}

export const auditPurpose = "Koordinering (lag 2019:1297)";

function audit(ctx: CoordinationContext, entries: AuditEntry[]) {
  return recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant }, entries);
}

function rejectIssues(issues: Issue[]) {
  if (issues.length === 0) return;
  throw new ApiError(
    400,
    "VALIDATION",
    issues.length === 1 ? issues[0]!.message : "Uppgifterna är inte giltiga.",
    {
      issues,
    },
  );
}

async function requirePatient(q: Queryable, unitId: string, patientId: string) {
  const found = await patientOf(q, unitId, patientId);
  if (!found) throw errors.notFound();
  return found;
}

/**
 * Refuses (400 CONSENT_REQUIRED, nothing written) unless each consent in `kinds` is valid on
 * `date`. For any module whose step needs consent, e.g. the team agenda: `["TEAM"]`.
 */
export async function assertConsent(
  q: Queryable,
  unitId: string,
  patientId: string,
  kinds: readonly ConsentKind[],
  date: string,
): Promise<void> {
  if (kinds.length === 0) return;
  const refusal = consentRefusal(await consentsOf(q, unitId, patientId), kinds, date);
  if (refusal) {
    throw new ApiError(400, "CONSENT_REQUIRED", refusal.message, {
      extra: { consent: { kind: refusal.kind, state: refusal.state } },
    });
  }
}

// ---- Samtycke ----

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

// ---- Aktualisering ----

/**
 * The patient's sjukfall on the unit, computed as the case list computes them but with the unit's
 * parameters (never a user's own gap): a decision's case identity is (patient, unit, case start)
 * and must be the same for every user of the unit.
 */
async function casesOf(
  q: Queryable,
  unitId: string,
  patient: { id: string; firstDayCertificateUntil: string | null },
  today: string,
) {
  const settings = unitParams(await unitSettingsOf(q, unitId));
  return buildPatientSjukfall({
    patientId: patient.id,
    firstDayCertificateUntil: patient.firstDayCertificateUntil,
    certificates: await certificatesOfPatient(q, unitId, patient.id),
    arenden: [],
    settings,
    today,
  }).cases;
}

/** The start of the patient's current or latest case on the unit; `fallback` without a case. */
async function latestCaseStart(
  q: Queryable,
  unitId: string,
  patient: { id: string; firstDayCertificateUntil: string | null },
  today: string,
  fallback: string,
): Promise<string> {
  return (await casesOf(q, unitId, patient, today))[0]?.start ?? fallback;
}

async function requireCase(
  q: Queryable,
  unitId: string,
  patient: { id: string; firstDayCertificateUntil: string | null },
  caseStart: string,
  today: string,
) {
  const found = (await casesOf(q, unitId, patient, today)).find((c) => c.start === caseStart);
  if (!found) {
    rejectIssues([
      { path: "caseStart", message: "Patienten har inget sjukfall på enheten som börjar det datumet." },
    ]);
  }
}

async function decisionConflict(ctx: CoordinationContext, patientId: string, caseStart: string) {
  const ofCase = (await decisionsOf(ctx.tx, ctx.unitId, patientId)).filter((d) => d.caseStart === caseStart);
  const current = currentDecision(ofCase);
  const names = await userNames(ctx.tx, userIdsOf({ decisions: current ? [current] : [] }));
  return errors.conflict(current ? decisionView(current, names, true) : null);
}

/**
 * Records a decision on a case. `expectedCurrent` (when given) is the decision the user saw as
 * current; another one means someone decided meanwhile (409). Without it the new decision
 * supersedes whatever is current (a completed samtal).
 */
async function recordDecision(
  ctx: CoordinationContext,
  patientId: string,
  input: {
    caseStart: string;
    decision: AktualiseringDecision;
    decidedDate: string;
    reason: string;
    samtalId: string | null;
  },
  expectedCurrent?: string | null,
): Promise<DecisionRow> {
  const ofCase = (await decisionsOf(ctx.tx, ctx.unitId, patientId)).filter(
    (d) => d.caseStart === input.caseStart,
  );
  const current = currentDecision(ofCase);
  if (expectedCurrent !== undefined && (current?.id ?? null) !== expectedCurrent) {
    throw await decisionConflict(ctx, patientId, input.caseStart);
  }
  await assertConsent(ctx.tx, ctx.unitId, patientId, consentsForDecision(input.decision), input.decidedDate);
  const row = await insertDecision(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    caseStart: input.caseStart,
    decision: input.decision,
    reason: input.reason,
    decidedBy: ctx.actor.userId,
    decidedDate: input.decidedDate,
    supersedesId: current?.id ?? null,
    samtalId: input.samtalId,
  });
  if (!row) throw await decisionConflict(ctx, patientId, input.caseStart);
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: auditPurpose,
      patientId,
      entity: "aktualisering_decision",
      entityId: row.id,
      details: { decision: row.decision, supersedes: row.supersedesId, samtalId: row.samtalId },
    },
  ]);
  // The case is decided: its "besluta om aktualisering" task is done.
  await completeOpenTasks(
    ctx,
    { patientId, caseStart: input.caseStart, kind: "AKTUALISERA" },
    `Beslut: ${aktualiseringDecisions[row.decision]}`,
  );
  return row;
}

export async function decide(
  ctx: CoordinationContext,
  patientId: string,
  input: {
    caseStart: string;
    decision: AktualiseringDecision;
    decidedDate?: string | undefined;
    reason: string;
    supersedesId: string | null;
  },
) {
  const patient = await requirePatient(ctx.tx, ctx.unitId, patientId);
  const decidedDate = input.decidedDate ?? ctx.today;
  rejectIssues(decisionIssues({ ...input, decidedDate }, ctx.today));
  await requireCase(ctx.tx, ctx.unitId, patient, input.caseStart, ctx.today);
  const row = await recordDecision(
    ctx,
    patientId,
    { ...input, decidedDate, samtalId: null },
    input.supersedesId,
  );
  return decisionView(row, await userNames(ctx.tx, [row.decidedBy]), true);
}

export async function loadAktualisering(q: Queryable, unitId: string, patientId: string, today: string) {
  const patient = await requirePatient(q, unitId, patientId);
  const cases = await casesOf(q, unitId, patient, today);
  const rows = await decisionsOf(q, unitId, patientId);
  const views = decisionViews(rows, await userNames(q, userIdsOf({ decisions: rows })));
  const newestFirst = (start: string) => views.filter((d) => d.caseStart === start).reverse();
  const starts = new Set(cases.map((c) => c.start));
  return {
    today,
    cases: cases.map((c) => {
      const history = newestFirst(c.start);
      const current = history.find((d) => d.current) ?? null;
      const pastDay30 = pastAktualiseringDay(c, today);
      return {
        start: c.start,
        end: c.end,
        days: c.days,
        dayInCase: c.dayInCase,
        ongoing: c.ongoing,
        pastDay30,
        needsDecision: pastDay30 && current === null,
        current,
        history,
      };
    }),
    otherDecisions: views.filter((d) => !starts.has(d.caseStart)).reverse(),
  };
}

// ---- Kartläggande samtal ----

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
    await requireCase(ctx.tx, ctx.unitId, patient, row.caseStart!, ctx.today);
    const decision = await recordDecision(ctx, row.patientId, {
      caseStart: row.caseStart!,
      decision: outcome,
      decidedDate: row.samtalDate,
      reason: row.outcomeReason,
      samtalId: row.id,
    });
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

// ---- Koordineringsinsatser and meetings ----

export async function recordMeasure(
  ctx: CoordinationContext,
  patientId: string,
  input: {
    type: MeasureType;
    date: string;
    counterpart: Counterpart | null;
    counterpartOther: string;
    note: string;
  },
) {
  await requirePatient(ctx.tx, ctx.unitId, patientId);
  rejectIssues(measureIssues(input, ctx.today));
  await assertConsent(
    ctx.tx,
    ctx.unitId,
    patientId,
    consentsForMeasure(input.type, input.counterpart),
    input.date,
  );
  const row = await insertMeasure(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    type: input.type,
    measureDate: input.date,
    performedBy: ctx.actor.userId,
    counterpart: input.counterpart,
    counterpartOther: input.counterpartOther,
    note: input.note,
  });
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: auditPurpose,
      patientId,
      entity: "coordination_measure",
      entityId: row.id,
      details: { type: row.type, counterpart: row.counterpart },
    },
  ]);
  const names = await userNames(ctx.tx, [row.performedBy]);
  return measureView(row, names);
}

export async function recordMeeting(
  ctx: CoordinationContext,
  patientId: string,
  input: {
    kind: MeetingKind;
    date: string;
    participants: { name: string; role: string; party: ParticipantParty }[];
    notes: string;
    followUpDate: string | null;
  },
) {
  const patient = await requirePatient(ctx.tx, ctx.unitId, patientId);
  rejectIssues(meetingIssues(input, ctx.today));
  const parties = input.participants.map((p) => p.party);
  await assertConsent(ctx.tx, ctx.unitId, patientId, consentsForMeeting(input.kind, parties), input.date);
  const row = await insertMeeting(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    kind: input.kind,
    meetingDate: input.date,
    participants: input.participants,
    notes: input.notes,
    followUpDate: input.followUpDate,
    recordedBy: ctx.actor.userId,
  });
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: auditPurpose,
      patientId,
      entity: "coordination_meeting",
      entityId: row.id,
      details: { kind: row.kind, participants: row.participants.length },
    },
  ]);
  if (row.followUpDate) {
    await createEventTask(ctx, {
      patientId,
      caseStart: await latestCaseStart(ctx.tx, ctx.unitId, patient, ctx.today, row.meetingDate),
      kind: "MEETING_FOLLOW_UP",
      subject: row.id,
      dueDate: row.followUpDate,
      responsibleUserId: ctx.actor.userId,
      details: { meetingDate: row.meetingDate, meetingKind: row.kind },
    });
  }
  const names = await userNames(ctx.tx, [row.recordedBy]);
  return meetingView(row, names);
}

// ---- The coordination log ----

export async function loadLog(q: Queryable, unitId: string, patientId: string, today: string) {
  await requirePatient(q, unitId, patientId);
  const rows = {
    consents: await consentsOf(q, unitId, patientId),
    decisions: await decisionsOf(q, unitId, patientId),
    samtal: await samtalOf(q, unitId, patientId),
    measures: await measuresOf(q, unitId, patientId),
    meetings: await meetingsOf(q, unitId, patientId),
  };
  const names = await userNames(q, userIdsOf(rows));
  return { today, consent: consentStates(rows.consents, today), events: coordinationLog(rows, names, today) };
}
