/**
 * Spårbarhet (issue #9 item 3, PRODUCT §5.10) and team status (item 4): from what is recorded about
 * a sjukfall — the aktualisering decision, consent, kartläggande samtal, the team agenda and the
 * rehab plan — what is missing for the case to be traceable, and where it stands in the team.
 * Pure: the server gathers the facts (`./service.ts`); the unit list and the page show the result.
 *
 * What a case over 30 days needs:
 * - an aktualisering decision. "Ingen åtgärd" is a complete answer: nothing else is asked for.
 * - the consent the decision needs (TEAM for the team, KOORDINERING for coordination), valid
 *   today; undecided, either of the two.
 * - a completed kartläggande samtal.
 * - a rehab plan, with a responsible person for every open action, a planned end and a follow-up
 *   date on some open action.
 * - no follow-up date passed: an open plan action or follow-up task past its date.
 */
import { isLongerThan30Days } from "../cases/length.ts";

export type Decision = "AKTUALISERA_TEAM" | "KOORDINERA_UTAN_TEAM" | "INGEN_ATGARD";

export interface PlanFacts {
  status: "UTKAST" | "FASTSTALLD" | "AVSLUTAD";
  plannedEnd: string | null;
  /** Open actions (not done or cancelled) lacking a responsible person. */
  actionsWithoutResponsible: number;
  /** The earliest follow-up date of the plan's open actions (null: none). */
  nextFollowUp: string | null;
}

export interface CaseFacts {
  days: number;
  decision: Decision | null;
  consent: { KOORDINERING: boolean; TEAM: boolean };
  samtalCompleted: boolean;
  /** On a team meeting's agenda (planned or held) for this case. */
  onAgenda: boolean;
  plan: PlanFacts | null;
  /** The earliest due date of the case's open follow-up tasks (null: none). */
  openFollowUpDue: string | null;
}

export const gaps = {
  BESLUT: "Aktualiseringsbeslut saknas",
  SAMTYCKE: "Samtycke saknas",
  KARTLAGGNING: "Kartläggande samtal saknas",
  PLAN: "Rehabplan saknas",
  ANSVARIG: "Ansvarig saknas för en åtgärd",
  PLANERAT_SLUT: "Planerat slut saknas",
  UPPFOLJNINGSDATUM: "Uppföljningsdatum saknas",
  UPPFOLJNING_PASSERAD: "Uppföljningsdatum har passerat",
} as const;
export type Gap = keyof typeof gaps;
export const gapIds = Object.keys(gaps) as [Gap, ...Gap[]];

/** The consent kinds that count for a decision (any one of them). */
function consentCounts(facts: CaseFacts): boolean {
  switch (facts.decision) {
    case "AKTUALISERA_TEAM":
      return facts.consent.TEAM;
    case "KOORDINERA_UTAN_TEAM":
      return facts.consent.KOORDINERING;
    default:
      return facts.consent.TEAM || facts.consent.KOORDINERING;
  }
}

/** The date a follow-up is due first: the plan's or a task's, whichever is earlier. */
export function firstFollowUp(facts: Pick<CaseFacts, "plan" | "openFollowUpDue">): string | null {
  const dates = [facts.plan?.status === "AVSLUTAD" ? null : facts.plan?.nextFollowUp, facts.openFollowUpDue];
  const set = dates.filter((d): d is string => !!d).sort();
  return set[0] ?? null;
}

/** What the case lacks, in the order of the process; empty when traceable (or 30 days or less). */
export function missingOf(facts: CaseFacts, today: string): Gap[] {
  if (!isLongerThan30Days(facts)) return [];
  if (facts.decision === null) {
    return [
      "BESLUT",
      ...(consentCounts(facts) ? [] : (["SAMTYCKE"] as const)),
      ...(facts.samtalCompleted ? [] : (["KARTLAGGNING"] as const)),
      ...planGaps(facts, today),
    ];
  }
  if (facts.decision === "INGEN_ATGARD") return [];
  const missing: Gap[] = [];
  if (!consentCounts(facts)) missing.push("SAMTYCKE");
  if (!facts.samtalCompleted) missing.push("KARTLAGGNING");
  return [...missing, ...planGaps(facts, today)];
}

function planGaps(facts: CaseFacts, today: string): Gap[] {
  const missing: Gap[] = [];
  const plan = facts.plan;
  if (plan === null) missing.push("PLAN");
  else if (plan.status !== "AVSLUTAD") {
    if (plan.actionsWithoutResponsible > 0) missing.push("ANSVARIG");
    if (plan.plannedEnd === null) missing.push("PLANERAT_SLUT");
    if (plan.nextFollowUp === null) missing.push("UPPFOLJNINGSDATUM");
  }
  const due = firstFollowUp(facts);
  if (due !== null && due < today) missing.push("UPPFOLJNING_PASSERAD");
  return missing;
}

// ---- Team status (item 4) ----

export const teamStatuses = {
  EJ_AKTUALISERAD: "Ej aktualiserad",
  AKTUALISERAD: "Aktualiserad",
  PA_AGENDA: "På agenda",
  PLAN_UPPRATTAD: "Plan upprättad",
  UPPFOLJNING_FORSENAD: "Uppföljning försenad",
  AVSLUTAD_I_TEAM: "Avslutad i team",
} as const;
export type TeamStatus = keyof typeof teamStatuses;
export const teamStatusIds = Object.keys(teamStatuses) as [TeamStatus, ...TeamStatus[]];

/**
 * Where the case stands in the team, the furthest step reached: a closed plan ends it; a plan
 * fastställd is "plan upprättad" unless a follow-up date has passed; then the agenda; then a
 * decision to take the case up in the team. A case decided otherwise (or not at all) and never
 * put on an agenda or given a plan is "ej aktualiserad".
 */
export function teamStatusOf(
  facts: Pick<CaseFacts, "decision" | "onAgenda" | "plan" | "openFollowUpDue">,
  today: string,
): TeamStatus {
  if (facts.plan?.status === "AVSLUTAD") return "AVSLUTAD_I_TEAM";
  const due = firstFollowUp(facts);
  if (facts.plan !== null && due !== null && due < today) return "UPPFOLJNING_FORSENAD";
  if (facts.plan?.status === "FASTSTALLD") return "PLAN_UPPRATTAD";
  if (facts.onAgenda) return "PA_AGENDA";
  if (facts.decision === "AKTUALISERA_TEAM") return "AKTUALISERAD";
  return "EJ_AKTUALISERAD";
}
