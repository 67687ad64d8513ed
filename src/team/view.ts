/** Shapes the team's rows into the API's answers (schema.ts). */
import { consentState, consentStateLabels, meetingKinds, type ConsentRecord } from "../coordination/rules.ts";
import { formatPersonnummer, listName } from "../patients/identity.ts";
import {
  agendaConsentRefusal,
  agendaSources,
  decisionOutcomes,
  meetingStatuses,
  meetingTimeLabel,
  professionOfRole,
  professions,
  type Profession,
} from "./rules.ts";
import type { AgendaItem, TeamDecision, TeamMeeting, TeamMeetingSummary } from "./schema.ts";
import type { DecisionRow, ItemRow, MeetingRow, MinutesRow, TeamRow } from "./store.ts";

export type Names = ReadonlyMap<string, string>;

const nameOf = (names: Names, id: string | null) => (id ? (names.get(id) ?? "Okänd användare") : "");

export interface PatientColumns {
  id: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  protectedIdentity: boolean;
}

export function patientLabel(p: PatientColumns) {
  return { patientId: p.id, patientName: listName(p), personnummer: formatPersonnummer(p.personnummer) };
}

export function consentOnDate(consents: readonly ConsentRecord[], date: string) {
  const { state } = consentState(consents, "TEAM", date);
  return {
    state,
    label: consentStateLabels[state],
    refusal: agendaConsentRefusal(consents, date)?.message ?? null,
  };
}

export function meetingTimesView(row: TeamRow | null) {
  return (row?.meetingTimes ?? []).map((t) => ({ ...t, label: meetingTimeLabel(t) }));
}

export function staffView(rows: { id: string; name: string; title: string; role: string }[]) {
  const byId = new Map<string, { id: string; name: string; title: string; roles: string[] }>();
  for (const r of rows) {
    const found = byId.get(r.id) ?? { id: r.id, name: r.name, title: r.title, roles: [] };
    found.roles.push(r.role);
    byId.set(r.id, found);
  }
  return [...byId.values()]
    .map((s) => ({
      ...s,
      suggestedProfession: s.roles.map(professionOfRole).find((p) => p !== null) ?? null,
    }))
    .filter((s) => s.suggestedProfession !== null);
}

function meetingFields(row: MeetingRow) {
  return {
    id: row.id,
    date: row.meetingDate,
    time: row.startTime,
    status: row.status,
    statusLabel: meetingStatuses[row.status],
    version: row.version,
  };
}

export function meetingSummary(row: MeetingRow, agendaCount: number): TeamMeetingSummary {
  return { ...meetingFields(row), agendaCount, participantCount: row.participants.length };
}

export function decisionView(
  row: DecisionRow,
  names: Names,
  samverkan: ReadonlyMap<string, { id: string; kind: string; meetingDate: string }>,
): TeamDecision {
  const linked = row.samverkanMeetingId ? samverkan.get(row.samverkanMeetingId) : undefined;
  return {
    id: row.id,
    itemId: row.itemId,
    text: row.text,
    outcome: row.outcome,
    outcomeLabel: decisionOutcomes[row.outcome],
    responsibleUserId: row.responsibleUserId,
    responsibleName: nameOf(names, row.responsibleUserId),
    dueDate: row.dueDate,
    taskId: row.taskId,
    planActionId: row.planActionId,
    samverkan: linked ? samverkanView(linked) : null,
    createdBy: nameOf(names, row.createdBy),
    createdAt: row.createdAt,
    version: row.version,
  };
}

export function samverkanView(m: { id: string; kind: string; meetingDate: string }) {
  return {
    id: m.id,
    kindLabel: meetingKinds[m.kind as keyof typeof meetingKinds] ?? m.kind,
    date: m.meetingDate,
  };
}

export function itemView(
  item: ItemRow,
  patient: PatientColumns,
  parts: {
    consents: readonly ConsentRecord[];
    meetingDate: string;
    minutes: readonly MinutesRow[];
    decisions: TeamDecision[];
    samverkan: { id: string; kind: string; meetingDate: string }[];
    names: Names;
  },
): AgendaItem {
  return {
    id: item.id,
    position: item.position,
    ...patientLabel(patient),
    caseStart: item.caseStart,
    source: item.source,
    sourceLabel: agendaSources[item.source],
    consent: consentOnDate(parts.consents, parts.meetingDate),
    minutes: parts.minutes.map((m) => ({
      version: m.version,
      text: m.text,
      writtenBy: nameOf(parts.names, m.writtenBy),
      writtenAt: m.writtenAt,
      correctionReason: m.correctionReason,
    })),
    decisions: parts.decisions,
    samverkansmoten: parts.samverkan.map(samverkanView),
  };
}

export function meetingView(
  row: MeetingRow,
  parts: {
    names: Names;
    professionOf: ReadonlyMap<string, string>;
    items: AgendaItem[];
    staff: { id: string; name: string }[];
    planActions: boolean;
    today: string;
  },
): TeamMeeting {
  return {
    ...meetingFields(row),
    closedAt: row.closedAt,
    closedBy: row.closedBy ? nameOf(parts.names, row.closedBy) : null,
    participants: row.participants.map((p) => {
      const profession = parts.professionOf.get(p.userId);
      return {
        userId: p.userId,
        name: nameOf(parts.names, p.userId),
        profession: profession ? (professions[profession as Profession] ?? null) : null,
        attended: p.attended,
      };
    }),
    items: parts.items,
    staff: parts.staff,
    planActions: parts.planActions,
    today: parts.today,
  };
}
