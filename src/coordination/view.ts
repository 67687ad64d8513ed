/** Stored rows as the API shows them, and the coordination log built from them. Pure. */
import {
  aktualiseringDecisions,
  consentDaysLeft,
  consentExpiryDate,
  consentKindIds,
  consentKinds,
  consentMethods,
  consentState,
  consentStateLabels,
  counterparts,
  measureTypes,
  meetingKinds,
  participantParties,
  samtalOutcomes,
  samtalStatuses,
  timeOrder,
  type ParticipantParty,
} from "./rules.ts";
import type { ConsentRow, DecisionRow, MeasureRow, MeetingRow, SamtalRow } from "./store.ts";
import type { Consent, ConsentStatus, Decision, Measure, Meeting, Samtal } from "./schema.ts";

export type Names = ReadonlyMap<string, string>;
type ConsentEventType = "SAMTYCKE" | "SAMTYCKE_ATERKALLAT" | "SAMTYCKE_UTGANGET";

const person = (names: Names, id: string) => ({ id, name: names.get(id) ?? null });

/** Every user a set of rows refers to, for one name lookup. */
export function userIdsOf(rows: {
  consents?: ConsentRow[];
  decisions?: DecisionRow[];
  samtal?: SamtalRow[];
  measures?: MeasureRow[];
  meetings?: MeetingRow[];
}): (string | null)[] {
  return [
    ...(rows.consents ?? []).flatMap((c) => [c.obtainedBy, c.withdrawnBy]),
    ...(rows.decisions ?? []).map((d) => d.decidedBy),
    ...(rows.samtal ?? []).flatMap((s) => [s.heldBy, s.completedBy]),
    ...(rows.measures ?? []).map((m) => m.performedBy),
    ...(rows.meetings ?? []).map((m) => m.recordedBy),
  ];
}

export function consentView(row: ConsentRow, names: Names): Consent {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: consentKinds[row.kind],
    obtainedBy: person(names, row.obtainedBy),
    obtainedDate: row.obtainedDate,
    method: row.method,
    methodLabel: consentMethods[row.method],
    scope: row.scope,
    validTo: row.validTo,
    withdrawal:
      row.withdrawnDate === null
        ? null
        : {
            date: row.withdrawnDate,
            note: row.withdrawalNote ?? "",
            by: person(names, row.withdrawnBy ?? ""),
            at: row.withdrawnAt ?? "",
          },
    version: row.version,
    recordedAt: row.createdAt,
  };
}

/** The state of each consent kind on `today`. */
export function consentStates(rows: ConsentRow[], today: string): ConsentStatus[] {
  return consentKindIds.map((kind) => {
    const { state, consent } = consentState(rows, kind, today);
    return {
      kind,
      kindLabel: consentKinds[kind],
      state,
      stateLabel: consentStateLabels[state],
      consentId: consent?.id ?? null,
      validTo: consent?.validTo ?? null,
      daysLeft: state === "valid" && consent ? consentDaysLeft(consent, today) : null,
    };
  });
}

/** The decision no later one supersedes, among one case's decisions. */
export function currentDecision<T extends { id: string; supersedesId: string | null }>(
  decisions: readonly T[],
): T | null {
  const superseded = new Set(decisions.map((d) => d.supersedesId));
  return decisions.filter((d) => !superseded.has(d.id)).at(-1) ?? null;
}

export function decisionView(row: DecisionRow, names: Names, current: boolean): Decision {
  return {
    id: row.id,
    caseStart: row.caseStart,
    decision: row.decision,
    decisionLabel: aktualiseringDecisions[row.decision],
    reason: row.reason,
    decidedDate: row.decidedDate,
    decidedBy: person(names, row.decidedBy),
    supersedesId: row.supersedesId,
    samtalId: row.samtalId,
    current,
    recordedAt: row.createdAt,
  };
}

/** All decisions as views, each marked whether it is its case's current one. */
export function decisionViews(rows: DecisionRow[], names: Names) {
  const currentIds = new Set<string>();
  for (const start of new Set(rows.map((r) => r.caseStart))) {
    const current = currentDecision(rows.filter((r) => r.caseStart === start));
    if (current) currentIds.add(current.id);
  }
  return rows.map((r) => decisionView(r, names, currentIds.has(r.id)));
}

export function samtalView(row: SamtalRow, names: Names): Samtal {
  return {
    id: row.id,
    status: row.status,
    statusLabel: samtalStatuses[row.status],
    caseStart: row.caseStart,
    samtalDate: row.samtalDate,
    heldBy: person(names, row.heldBy),
    workSituation: row.workSituation,
    health: row.health,
    socialSituation: row.socialSituation,
    ownGoals: row.ownGoals,
    obstacles: row.obstacles,
    coordinationNeed: row.coordinationNeed,
    outcome: row.outcome,
    outcomeLabel: row.outcome ? samtalOutcomes[row.outcome] : null,
    outcomeReason: row.outcomeReason,
    nextStep: row.nextStep,
    nextStepDate: row.nextStepDate,
    completedAt: row.completedAt,
    completedBy: row.completedBy ? person(names, row.completedBy) : null,
    version: row.version,
    recordedAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function measureView(row: MeasureRow, names: Names): Measure {
  return {
    id: row.id,
    type: row.type,
    typeLabel: measureTypes[row.type],
    date: row.measureDate,
    performedBy: person(names, row.performedBy),
    counterpart: row.counterpart,
    counterpartLabel: row.counterpart ? counterparts[row.counterpart] : null,
    counterpartOther: row.counterpartOther,
    note: row.note,
    recordedAt: row.createdAt,
  };
}

export function meetingView(row: MeetingRow, names: Names): Meeting {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: meetingKinds[row.kind],
    date: row.meetingDate,
    participants: row.participants.map((p) => ({
      ...p,
      partyLabel: participantParties[p.party as ParticipantParty] ?? p.party,
    })),
    notes: row.notes,
    followUpDate: row.followUpDate,
    recordedBy: person(names, row.recordedBy),
    recordedAt: row.createdAt,
  };
}

/**
 * The patient's coordination in time order: consents obtained, withdrawn and run out, decisions,
 * kartläggande samtal (drafts too), measures and meetings.
 */
export function coordinationLog(
  rows: {
    consents: ConsentRow[];
    decisions: DecisionRow[];
    samtal: SamtalRow[];
    measures: MeasureRow[];
    meetings: MeetingRow[];
  },
  names: Names,
  today: string,
) {
  const consentEvents = rows.consents.flatMap((row) => {
    const consent = consentView(row, names);
    const kind = consentKinds[row.kind].toLowerCase();
    const event = (type: ConsentEventType, date: string, recordedAt: string, label: string) => ({
      type,
      date,
      recordedAt,
      label: `${label}: ${kind}`,
      consent,
    });
    const events = [event("SAMTYCKE", row.obtainedDate, row.createdAt, "Samtycke")];
    if (row.withdrawnDate !== null) {
      events.push(
        event(
          "SAMTYCKE_ATERKALLAT",
          row.withdrawnDate,
          row.withdrawnAt ?? row.createdAt,
          "Samtycke återkallat",
        ),
      );
    }
    const expired = consentExpiryDate(row, today);
    if (expired !== null) {
      events.push(event("SAMTYCKE_UTGANGET", expired, row.createdAt, "Samtycke har gått ut"));
    }
    return events;
  });
  const decisions = decisionViews(rows.decisions, names).map((decision) => ({
    type: "AKTUALISERING" as const,
    date: decision.decidedDate,
    recordedAt: decision.recordedAt,
    label: `Aktualisering: ${decision.decisionLabel.toLowerCase()}`,
    decision,
  }));
  const samtal = rows.samtal.map((row) => ({
    type: "KARTLAGGANDE_SAMTAL" as const,
    date: row.samtalDate,
    recordedAt: row.createdAt,
    label: row.status === "KLAR" ? "Kartläggande samtal" : "Kartläggande samtal (utkast)",
    samtal: samtalView(row, names),
  }));
  const measures = rows.measures.map((row) => ({
    type: "KOORDINERINGSINSATS" as const,
    date: row.measureDate,
    recordedAt: row.createdAt,
    label: `Koordineringsinsats: ${measureTypes[row.type].toLowerCase()}`,
    measure: measureView(row, names),
  }));
  const meetings = rows.meetings.map((row) => ({
    type: "MOTE" as const,
    date: row.meetingDate,
    recordedAt: row.createdAt,
    label: meetingKinds[row.kind],
    meeting: meetingView(row, names),
  }));
  return [...consentEvents, ...decisions, ...samtal, ...measures, ...meetings].sort(timeOrder);
}
