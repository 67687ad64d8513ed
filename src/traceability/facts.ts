/**
 * The facts of each case of the unit list that spårbarhet and team status are computed from:
 * the current aktualisering decision linked to the case, consent valid today, a completed
 * kartläggande samtal, the team agenda, the rehab plan and the earliest open follow-up task.
 * Unit-wide reads, then matched per case: a plan, an agenda item or a task belongs to the case
 * whose span holds the case start it was recorded with (a start only moves earlier).
 */
import { linkedCase } from "../cases/case-link.ts";
import { consentState, type ConsentKind } from "../coordination/rules.ts";
import type { Queryable } from "../db/client.ts";
import { hasResponsible, isOpen, nextFollowUp } from "../rehabplan/rules.ts";
import { effectiveDue, type TaskKind } from "../tasks/rules.ts";
import type { UnitListRow } from "../worklist/rules.ts";
import { teamStatusOf, type CaseFacts, type PlanFacts, type TeamStatus } from "./rules.ts";
import type { PlanContent } from "../rehabplan/rules.ts";
import {
  unitAgendaItems,
  unitCompletedSamtal,
  unitConsents,
  unitDecisions,
  unitOpenFollowUps,
  unitPlans,
} from "./store.ts";

/** Tasks whose date is a follow-up the case owes (a passed one is a gap). */
export const followUpTaskKinds: readonly TaskKind[] = [
  "MEETING_FOLLOW_UP",
  "SAMTAL_NEXT_STEP",
  "TEAM_DECISION",
  "PLAN_FOLLOW_UP",
];

type CaseRef = Pick<UnitListRow, "patientId" | "start" | "end" | "days" | "anchorCertificateId">;

function byPatient<T extends { patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.patientId, [...(map.get(row.patientId) ?? []), row]);
  return map;
}

const within = (c: CaseRef, date: string | null) => date !== null && c.start <= date && date <= c.end;

function planFacts(plan: { status: PlanFacts["status"]; content: PlanContent } | null): PlanFacts | null {
  if (plan === null) return null;
  const open = plan.content.actions.filter(isOpen);
  return {
    status: plan.status,
    plannedEnd: plan.content.plannedEnd,
    actionsWithoutResponsible: open.filter((a) => !hasResponsible(a)).length,
    nextFollowUp: nextFollowUp(plan.content),
  };
}

/** Facts per case, in the order of `cases`. */
export async function caseFactsOf(
  q: Queryable,
  unitId: string,
  cases: readonly CaseRef[],
  today: string,
): Promise<CaseFacts[]> {
  if (cases.length === 0) return [];
  const [decisions, consents, samtal, followUps, plans, agenda] = await Promise.all([
    unitDecisions(q, unitId).then(byPatient),
    unitConsents(q, unitId).then(byPatient),
    unitCompletedSamtal(q, unitId).then(byPatient),
    unitOpenFollowUps(q, unitId, followUpTaskKinds).then(byPatient),
    unitPlans(q, unitId).then(byPatient),
    unitAgendaItems(q, unitId).then(byPatient),
  ]);
  return cases.map((c) => {
    const linkable = [{ start: c.start, end: c.end, certificateIds: [c.anchorCertificateId] }];
    const ofCase = (decisions.get(c.patientId) ?? []).filter((d) => linkedCase(linkable, d) !== null);
    const superseded = new Set(ofCase.map((d) => d.supersedesId));
    const current = ofCase.find((d) => !superseded.has(d.id)) ?? null;
    const patientConsents = consents.get(c.patientId) ?? [];
    const valid = (kind: ConsentKind) => consentState(patientConsents, kind, today).state === "valid";
    const due = (followUps.get(c.patientId) ?? [])
      .filter((t) => within(c, t.caseStart))
      .map((t) => effectiveDue(t))
      .sort();
    return {
      days: c.days,
      decision: current?.decision ?? null,
      consent: { KOORDINERING: valid("KOORDINERING"), TEAM: valid("TEAM") },
      samtalCompleted: (samtal.get(c.patientId) ?? []).some(
        (s) => within(c, s.caseStart) || within(c, s.samtalDate),
      ),
      onAgenda: (agenda.get(c.patientId) ?? []).some((item) => within(c, item.caseStart)),
      plan: planFacts((plans.get(c.patientId) ?? []).find((p) => within(c, p.caseStart)) ?? null),
      openFollowUpDue: due[0] ?? null,
    };
  });
}

/** The rows with their team status filled in (the unit list and its export). */
export async function withTeamStatus<R extends CaseRef & { teamStatus: TeamStatus | null }>(
  q: Queryable,
  unitId: string,
  rows: readonly R[],
  today: string,
): Promise<R[]> {
  const facts = await caseFactsOf(q, unitId, rows, today);
  return rows.map((row, i) => ({ ...row, teamStatus: teamStatusOf(facts[i]!, today) }));
}
