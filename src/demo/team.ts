/**
 * The demo unit's multimodal team (issue #9): its clinical staff as standing members, Tuesday
 * meetings at 13:00, two closed meetings of the last weeks with minutes (one corrected after the
 * meeting) and decisions that became tasks, and a coming meeting with its agenda. The patients are
 * ongoing cases past day 30 of the unit, each with TEAM consent and the decision "aktualiseras i
 * teamet" from day 32 of the case (or 60 days ago); the ones left over wait as the agenda's suggestions. Pure and
 * deterministic, dated from `today`.
 */
import { isoDate } from "../cases/days.ts";
import { defaultConsentValidTo } from "../coordination/rules.ts";
import type {
  aktualiseringDecision,
  consent,
  task,
  team,
  teamAgendaItem,
  teamDecision,
  teamMeeting,
  teamMember,
  teamMinutes,
} from "../db/schema.ts";
import { professionOfRole } from "../team/rules.ts";
import type { Random } from "./random.ts";
import { swedishTimestamp, weekday } from "./time.ts";

export type TeamDemoRecord =
  | { table: "consent"; row: typeof consent.$inferInsert }
  | { table: "aktualiseringDecision"; row: typeof aktualiseringDecision.$inferInsert }
  | { table: "team"; row: typeof team.$inferInsert }
  | { table: "teamMember"; row: typeof teamMember.$inferInsert }
  | { table: "teamMeeting"; row: typeof teamMeeting.$inferInsert }
  | { table: "teamAgendaItem"; row: typeof teamAgendaItem.$inferInsert }
  | { table: "teamMinutes"; row: typeof teamMinutes.$inferInsert }
  | { table: "task"; row: typeof task.$inferInsert }
  | { table: "teamDecision"; row: typeof teamDecision.$inferInsert };

export const teamDemoTables = [
  "consent",
  "aktualiseringDecision",
  "team",
  "teamMember",
  "teamMeeting",
  "teamAgendaItem",
  "teamMinutes",
  "task",
  "teamDecision",
] as const;

/** An ongoing case past day 30 on the unit: a patient the team may take up. */
export interface TeamCandidate {
  patientId: string;
  /** Day number of the case's first day. */
  caseStart: number;
  certificateId: string;
}

export const teamCandidatesPerUnit = 8;

const minutesTexts = [
  "Långvarig ländryggssmärta, går på fysioterapi. Vill tillbaka till sitt arbete som lagerarbetare.",
  "Utmattning efter lång tid med hög arbetsbelastning. Sover bättre, orkar korta promenader.",
  "Depressiva symtom, träffar kurator varannan vecka. Arbetsgivaren är positiv till anpassning.",
  "Nacksmärta och huvudvärk. Arbetsterapeut har bedömt arbetsplatsen, höj- och sänkbart bord beställt.",
  "Ångest inför återgång. Önskar gradvis upptrappning, först 25 procent.",
];

const decisionTexts = [
  "Kontakta arbetsgivaren om arbetsträning på 25 procent.",
  "Boka fysioterapeut för bedömning av arbetsförmåga.",
  "Kurator erbjuder samtal om stresshantering, fyra tillfällen.",
  "Läkaren bedömer fortsatt sjukskrivning vid återbesök.",
  "Boka avstämningsmöte med Försäkringskassan och arbetsgivaren.",
];

interface Member {
  id: string;
  role: string;
}

/** The Tuesday on or before `day` (weekday(): 0 = Sunday … 2 = Tuesday). */
function tuesdayOnOrBefore(day: number): number {
  return day - ((weekday(day) - 2 + 7) % 7);
}

export function* teamDemo(
  random: Random,
  unitId: string,
  staff: readonly Member[],
  candidates: readonly TeamCandidate[],
  today: number,
): Generator<TeamDemoRecord, void, undefined> {
  const coordinator = staff.find((s) => s.role === "REHABKOORDINATOR");
  if (!coordinator) return;
  const members = staff.filter((s) => professionOfRole(s.role) !== null);
  yield {
    table: "team",
    row: { unitId, meetingTimes: [{ weekday: 2, time: "13:00" }], updatedBy: coordinator.id },
  };
  for (const m of members) {
    yield { table: "teamMember", row: { unitId, userId: m.id, profession: professionOfRole(m.role)! } };
  }

  // Every candidate is decided for the team on day 32 of the case (at most 60 days ago, so the
  // year-long consent of a very long case still holds), with TEAM consent that day.
  const decided = candidates.map((c) => ({
    ...c,
    decidedDay: Math.max(c.caseStart + 31, today - 60),
    decisionId: random.uuid(),
  }));
  for (const c of decided) {
    const date = isoDate(c.decidedDay);
    yield {
      table: "consent",
      row: {
        unitId,
        patientId: c.patientId,
        kind: "TEAM",
        obtainedBy: coordinator.id,
        obtainedDate: date,
        method: "SKRIFTLIGT",
        scope: "Aktualisering i det multimodala teamet under sjukskrivningen.",
        validTo: defaultConsentValidTo(date),
        createdAt: swedishTimestamp(c.decidedDay, 9 * 60),
      },
    };
    yield {
      table: "aktualiseringDecision",
      row: {
        id: c.decisionId,
        unitId,
        patientId: c.patientId,
        caseStart: isoDate(c.caseStart),
        caseCertificateId: c.certificateId,
        decision: "AKTUALISERA_TEAM",
        decidedBy: coordinator.id,
        decidedDate: date,
        createdAt: swedishTimestamp(c.decidedDay, 9 * 60 + 5),
      },
    };
  }

  const lastTuesday = tuesdayOnOrBefore(today - 1);
  const meetings = [
    { day: lastTuesday - 7, closed: true },
    { day: lastTuesday, closed: true },
    { day: lastTuesday + 7, closed: false },
  ];
  const used = new Set<string>();
  for (const [index, meeting] of meetings.entries()) {
    const meetingId = random.uuid();
    const items = decided.filter((c) => c.decidedDay <= meeting.day && !used.has(c.patientId)).slice(0, 3);
    for (const c of items) used.add(c.patientId);
    yield {
      table: "teamMeeting",
      row: {
        id: meetingId,
        unitId,
        meetingDate: isoDate(meeting.day),
        startTime: "13:00",
        status: meeting.closed ? "AVSLUTAT" : "PLANERAT",
        // One member was away at each held meeting.
        participants: members.map((m, i) => ({
          userId: m.id,
          attended: meeting.closed ? i !== (index + 3) % members.length : null,
        })),
        createdBy: coordinator.id,
        closedBy: meeting.closed ? coordinator.id : null,
        closedAt: meeting.closed ? swedishTimestamp(meeting.day, 15 * 60) : null,
        createdAt: swedishTimestamp(meeting.day - 7, 10 * 60),
      },
    };
    for (const [position, c] of items.entries()) {
      const itemId = random.uuid();
      yield {
        table: "teamAgendaItem",
        row: {
          id: itemId,
          unitId,
          meetingId,
          patientId: c.patientId,
          caseStart: isoDate(c.caseStart),
          position,
          source: "AKTUALISERING",
          decisionId: c.decisionId,
          addedBy: coordinator.id,
          createdAt: swedishTimestamp(meeting.day - 2, 11 * 60 + position),
        },
      };
      if (!meeting.closed) continue;
      yield* heldItem(random, { unitId, meetingId, itemId, meetingDay: meeting.day, today }, c, {
        coordinator: coordinator.id,
        responsible: members[(index + position) % members.length]!.id,
        text: random.pick(minutesTexts),
        decision: random.pick(decisionTexts),
        corrected: index === 0 && position === 0,
      });
    }
  }
}

/** Minutes (a correction after closing when `corrected`) and a decision that became a task. */
function* heldItem(
  random: Random,
  at: { unitId: string; meetingId: string; itemId: string; meetingDay: number; today: number },
  c: { patientId: string; caseStart: number },
  content: { coordinator: string; responsible: string; text: string; decision: string; corrected: boolean },
): Generator<TeamDemoRecord, void, undefined> {
  const { unitId, meetingId, itemId, meetingDay } = at;
  const minutes = { unitId, itemId, patientId: c.patientId, writtenBy: content.coordinator };
  yield {
    table: "teamMinutes",
    row: {
      ...minutes,
      version: 1,
      text: content.text,
      writtenAt: swedishTimestamp(meetingDay, 13 * 60 + 20),
    },
  };
  if (content.corrected) {
    yield {
      table: "teamMinutes",
      row: {
        ...minutes,
        version: 2,
        text: `${content.text} Arbetsgivaren har bekräftat arbetsträning.`,
        correctionReason: "Uppgiften om arbetsgivaren kom efter mötet.",
        writtenAt: swedishTimestamp(Math.min(meetingDay + 1, at.today), 9 * 60),
      },
    };
  }
  const decisionId = random.uuid();
  const taskId = random.uuid();
  const dueDate = isoDate(meetingDay + 14);
  yield {
    table: "task",
    row: {
      id: taskId,
      unitId,
      patientId: c.patientId,
      caseStart: isoDate(c.caseStart),
      kind: "TEAM_DECISION",
      subject: decisionId,
      dueDate,
      responsibleUserId: content.responsible,
      details: { meetingId, meetingDate: isoDate(meetingDay), decision: content.decision },
      createdBy: content.coordinator,
      createdAt: swedishTimestamp(meetingDay, 13 * 60 + 25),
    },
  };
  yield {
    table: "teamDecision",
    row: {
      id: decisionId,
      unitId,
      meetingId,
      itemId,
      patientId: c.patientId,
      text: content.decision,
      outcome: "UPPGIFT",
      responsibleUserId: content.responsible,
      dueDate,
      taskId,
      createdBy: content.coordinator,
      createdAt: swedishTimestamp(meetingDay, 13 * 60 + 25),
    },
  };
}
