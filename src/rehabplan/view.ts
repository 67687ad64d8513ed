/** Stored plans, versions and handouts as the API shows them. Pure. */
import { addDays } from "../cases/days.ts";
import { stockholmToday } from "../dates/today.ts";
import {
  actionStatuses,
  anchoringMethods,
  comparePlans,
  completenessIssues,
  emptyContent,
  nextFollowUp,
  parties,
  plannedLengthDays,
  planState,
  planStates,
  versionEvents,
  type PlanSnapshot,
} from "./rules.ts";
import type { Handout, PlanVersion, RehabPlan } from "./schema.ts";
import type { HandoutRow, PlanRow, VersionRow } from "./store.ts";

export type Names = ReadonlyMap<string, string>;

const person = (names: Names, id: string) => ({ id, name: names.get(id) ?? null });

/** Every user the rows refer to, for one name lookup. */
export function userIdsOf(rows: {
  plans?: PlanRow[];
  versions?: VersionRow[];
  handouts?: HandoutRow[];
}): string[] {
  return [
    ...(rows.plans ?? []).flatMap((p) => [
      p.savedBy,
      p.createdBy,
      ...(p.anchoredBy ? [p.anchoredBy] : []),
      ...p.content.actions.flatMap((a) => (a.responsibleUserId ? [a.responsibleUserId] : [])),
    ]),
    ...(rows.versions ?? []).flatMap((v) => [
      v.savedBy,
      ...v.content.actions.flatMap((a) => (a.responsibleUserId ? [a.responsibleUserId] : [])),
    ]),
    ...(rows.handouts ?? []).map((h) => h.handedBy),
  ];
}

/** The Swedish calendar date of a stored timestamp. */
export function stockholmDate(timestamp: string): string {
  // PostgreSQL writes "2026-12-02 13:40:00.123+00"; Date.parse wants "T" and "+00:00".
  const iso = timestamp.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00");
  return stockholmToday(new Date(iso));
}

export function planView(row: PlanRow, names: Names, today: string, revisionWeeks: number): RehabPlan {
  const { content } = row;
  return {
    id: row.id,
    patientId: row.patientId,
    caseStart: row.caseStart,
    status: row.status,
    state: planState(row, today),
    stateLabel: planStates[planState(row, today)],
    goal: content.goal,
    purpose: content.purpose,
    plannedEnd: content.plannedEnd,
    plannedLengthDays: plannedLengthDays(row.caseStart, content.plannedEnd),
    patientWords: content.patientWords,
    actions: content.actions.map((a) => ({
      ...a,
      partyLabel: parties[a.party],
      statusLabel: actionStatuses[a.status],
      responsibleUser: a.responsibleUserId ? person(names, a.responsibleUserId) : null,
    })),
    nextFollowUp: nextFollowUp(content),
    missing: completenessIssues(content),
    anchoring:
      row.anchoredDate && row.anchoredMethod && row.anchoredBy && row.anchoredVersion
        ? {
            date: row.anchoredDate,
            method: row.anchoredMethod,
            methodLabel: anchoringMethods[row.anchoredMethod],
            by: person(names, row.anchoredBy),
            version: row.anchoredVersion,
          }
        : null,
    revisionDue: row.status === "AVSLUTAD" ? null : addDays(stockholmDate(row.savedAt), revisionWeeks * 7),
    savedBy: person(names, row.savedBy),
    savedAt: row.savedAt,
    version: row.version,
  };
}

export function snapshotOf(row: PlanRow | VersionRow): PlanSnapshot {
  return {
    status: row.status,
    content: row.content,
    anchoredDate: row.anchoredDate,
    anchoredMethod: row.anchoredMethod,
  };
}

const emptySnapshot: PlanSnapshot = {
  status: "UTKAST",
  content: emptyContent(),
  anchoredDate: null,
  anchoredMethod: null,
};

/** Each version with what changed from the one before it. */
export function versionViews(rows: VersionRow[], names: Names): PlanVersion[] {
  const nameOf = (id: string) => names.get(id) ?? id;
  return rows.map((row, i) => ({
    version: row.version,
    event: row.event,
    eventLabel: versionEvents[row.event],
    status: row.status,
    savedBy: person(names, row.savedBy),
    savedAt: row.savedAt,
    changes: comparePlans(i === 0 ? emptySnapshot : snapshotOf(rows[i - 1]!), snapshotOf(row), nameOf),
  }));
}

export function handoutView(row: HandoutRow, names: Names): Handout {
  return {
    id: row.id,
    kind: row.kind,
    label:
      row.kind === "BROSCHYR"
        ? "Broschyr om sjukskrivning utlämnad"
        : `Patientens version av rehabplanen utlämnad (version ${row.planVersion})`,
    planId: row.planId,
    planVersion: row.planVersion,
    date: row.handedDate,
    by: person(names, row.handedBy),
  };
}
