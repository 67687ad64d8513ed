/**
 * Aktualisering: the coordinator's decision on a case longer than 30 days, with the consent it needs; a
 * later decision supersedes, a concurrent one answers 409.
 */
import { linkedCase } from "../cases/case-link.ts";
import { isLongerThan30Days } from "../cases/length.ts";
import { buildPatientSjukfall } from "../cases/view.ts";
import { unitParams } from "../cases/settings.ts";
import { certificatesOfPatient } from "../certificates/store.ts";
import type { Queryable } from "../db/client.ts";
import { errors } from "../server/errors.ts";
import { completeOpenTasks } from "../tasks/close.ts";
import {
  aktualiseringDecisions,
  consentsForDecision,
  decisionIssues,
  type AktualiseringDecision,
} from "./rules.ts";
import { decisionsOf, insertDecision, unitSettingsOf, userNames, type DecisionRow } from "./store.ts";
import { currentDecision, decisionView, decisionViews, userIdsOf } from "./view.ts";
import type { CoordinationContext } from "./context.ts";
import { assertConsent, audit, auditPurpose, rejectIssues, requirePatient } from "./context.ts";

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
  }).cases.map((c) => ({ ...c, certificateIds: c.certificates.map((cert) => cert.id) }));
}

type PatientCase = Awaited<ReturnType<typeof casesOf>>[number];

/**
 * The patient's decisions, each keyed by the start of the case it is linked to today (its own
 * recorded start when no computed case holds it): a decision stays with its case when an earlier
 * certificate moves the start.
 */
function decisionsByCase(rows: DecisionRow[], cases: readonly PatientCase[]): DecisionRow[] {
  return rows.map((row) => {
    const found = linkedCase(cases, { certificateId: row.caseCertificateId, caseStart: row.caseStart });
    return found && found.start !== row.caseStart ? { ...row, caseStart: found.start } : row;
  });
}

async function decisionsOfCases(
  q: Queryable,
  unitId: string,
  patientId: string,
  cases: readonly PatientCase[],
) {
  return decisionsByCase(await decisionsOf(q, unitId, patientId), cases);
}

/** The start of the patient's current or latest case on the unit; `fallback` without a case. */
export async function latestCaseStart(
  q: Queryable,
  unitId: string,
  patient: { id: string; firstDayCertificateUntil: string | null },
  today: string,
  fallback: string,
): Promise<string> {
  return (await casesOf(q, unitId, patient, today))[0]?.start ?? fallback;
}

/** The case starting on `caseStart` with the patient's cases (400 naming the field when none does). */
export async function requireCase(
  q: Queryable,
  unitId: string,
  patient: { id: string; firstDayCertificateUntil: string | null },
  caseStart: string,
  today: string,
): Promise<{ found: PatientCase; cases: PatientCase[] }> {
  const cases = await casesOf(q, unitId, patient, today);
  const found = cases.find((c) => c.start === caseStart);
  if (!found) {
    rejectIssues([
      { path: "caseStart", message: "Patienten har inget sjukfall på enheten som börjar det datumet." },
    ]);
  }
  return { found: found!, cases };
}

async function decisionConflict(
  ctx: CoordinationContext,
  patientId: string,
  caseStart: string,
  cases: readonly PatientCase[],
) {
  const ofCase = (await decisionsOfCases(ctx.tx, ctx.unitId, patientId, cases)).filter(
    (d) => d.caseStart === caseStart,
  );
  const current = currentDecision(ofCase);
  const names = await userNames(ctx.tx, userIdsOf({ decisions: current ? [current] : [] }));
  return errors.conflict(current ? decisionView(current, names, true) : null);
}

/**
 * Records a decision on a case. `expectedCurrent` (when given) is the decision the user saw as
 * current; another one means someone decided meanwhile (409). Without it the new decision
 * supersedes whatever is current (a completed samtal).
 */
export async function recordDecision(
  ctx: CoordinationContext,
  patientId: string,
  input: {
    caseStart: string;
    decision: AktualiseringDecision;
    decidedDate: string;
    reason: string;
    samtalId: string | null;
  },
  cases: { found: PatientCase; cases: PatientCase[] },
  expectedCurrent?: string | null,
): Promise<DecisionRow> {
  const ofCase = (await decisionsOfCases(ctx.tx, ctx.unitId, patientId, cases.cases)).filter(
    (d) => d.caseStart === input.caseStart,
  );
  const current = currentDecision(ofCase);
  if (expectedCurrent !== undefined && (current?.id ?? null) !== expectedCurrent) {
    throw await decisionConflict(ctx, patientId, input.caseStart, cases.cases);
  }
  await assertConsent(ctx.tx, ctx.unitId, patientId, consentsForDecision(input.decision), input.decidedDate);
  const row = await insertDecision(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    caseStart: input.caseStart,
    caseCertificateId: cases.found.certificateIds[0] ?? null,
    decision: input.decision,
    reason: input.reason,
    decidedBy: ctx.actor.userId,
    decidedDate: input.decidedDate,
    supersedesId: current?.id ?? null,
    samtalId: input.samtalId,
  });
  if (!row) throw await decisionConflict(ctx, patientId, input.caseStart, cases.cases);
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
  const cases = await requireCase(ctx.tx, ctx.unitId, patient, input.caseStart, ctx.today);
  const row = await recordDecision(
    ctx,
    patientId,
    { ...input, decidedDate, samtalId: null },
    cases,
    input.supersedesId,
  );
  return decisionView(row, await userNames(ctx.tx, [row.decidedBy]), true);
}

export async function loadAktualisering(q: Queryable, unitId: string, patientId: string, today: string) {
  const patient = await requirePatient(q, unitId, patientId);
  const cases = await casesOf(q, unitId, patient, today);
  const rows = await decisionsOfCases(q, unitId, patientId, cases);
  const views = decisionViews(rows, await userNames(q, userIdsOf({ decisions: rows })));
  const newestFirst = (start: string) => views.filter((d) => d.caseStart === start).reverse();
  const starts = new Set(cases.map((c) => c.start));
  return {
    today,
    cases: cases.map((c) => {
      const history = newestFirst(c.start);
      const current = history.find((d) => d.current) ?? null;
      const longerThan30Days = isLongerThan30Days(c);
      return {
        start: c.start,
        end: c.end,
        days: c.days,
        dayInCase: c.dayInCase,
        ongoing: c.ongoing,
        longerThan30Days,
        needsDecision: longerThan30Days && current === null,
        current,
        history,
      };
    }),
    otherDecisions: views.filter((d) => !starts.has(d.caseStart)).reverse(),
  };
}
