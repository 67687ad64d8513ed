/**
 * The multimodal team (PRODUCT §2, §5.5; issue #9): standing members by profession, recurring
 * meeting times, meetings with attendance, the agenda (only patients with TEAM consent on the
 * meeting date), minutes locked when the meeting closes (a correction is a new dated version) and
 * decisions that become a task or a rehab-plan action. Pure: shared by server and browser.
 */
import { addDays, dayNumber } from "../cases/days.ts";
import {
  requireConsent,
  type ConsentRecord,
  type ConsentRefusal,
  type Issue,
} from "../coordination/rules.ts";

export type { Issue } from "../coordination/rules.ts";

export const professions = {
  LAKARE: "Läkare",
  REHABKOORDINATOR: "Rehabkoordinator",
  FYSIOTERAPEUT: "Fysioterapeut",
  PSYKOLOG_KURATOR: "Psykolog/kurator",
  ARBETSTERAPEUT: "Arbetsterapeut",
  SJUKSKOTERSKA: "Sjuksköterska",
} as const;
export type Profession = keyof typeof professions;
export const professionIds = Object.keys(professions) as [Profession, ...Profession[]];

/** The profession a role suggests when a user is added to the team. */
export function professionOfRole(role: string): Profession | null {
  if (role === "LAKARE" || role === "REHABKOORDINATOR") return role;
  if (role === "FYSIOTERAPEUT" || role === "ARBETSTERAPEUT") return role;
  if (role === "KURATOR" || role === "PSYKOLOG") return "PSYKOLOG_KURATOR";
  if (role === "DISTRIKTSSKOTERSKA") return "SJUKSKOTERSKA";
  return null;
}

export const weekdays = {
  1: "måndag",
  2: "tisdag",
  3: "onsdag",
  4: "torsdag",
  5: "fredag",
  6: "lördag",
  7: "söndag",
} as const;

export interface MeetingTime {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:MM". */
  time: string;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The next meeting dates of the schedule, as { date, time }. */
export function upcomingMeetingSlots(
  times: readonly MeetingTime[],
  today: string,
  count: number,
): { date: string; time: string }[] {
  const slots: { date: string; time: string }[] = [];
  const sorted = [...times].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  for (let day = 0; slots.length < count && day < 7 * (count + 1) && sorted.length > 0; day++) {
    const date = addDays(today, day);
    const weekday = weekdayOf(date);
    for (const t of sorted) {
      if (t.weekday === weekday && slots.length < count) slots.push({ date, time: t.time });
    }
  }
  return slots;
}

export function meetingTimeLabel(t: MeetingTime): string {
  return `${weekdays[t.weekday as keyof typeof weekdays] ?? "?"}ar kl. ${t.time}`;
}

export function teamIssues(input: {
  members: readonly { userId: string }[];
  meetingTimes: readonly MeetingTime[];
}): Issue[] {
  const issues: Issue[] = [];
  const ids = input.members.map((m) => m.userId);
  if (new Set(ids).size !== ids.length) {
    issues.push({ path: "members", message: "En medarbetare kan bara finnas en gång i teamet." });
  }
  const times = input.meetingTimes.map((t) => `${t.weekday} ${t.time}`);
  if (new Set(times).size !== times.length) {
    issues.push({ path: "meetingTimes", message: "Samma mötestid finns två gånger." });
  }
  return issues;
}

// ---- Meetings ----

export const meetingStatuses = { PLANERAT: "Planerat", AVSLUTAT: "Avslutat" } as const;
export type MeetingStatus = keyof typeof meetingStatuses;

export interface Participant {
  userId: string;
  /** Null until attendance is recorded. */
  attended: boolean | null;
}

export function participantIssues(participants: readonly Participant[]): Issue[] {
  const ids = participants.map((p) => p.userId);
  return new Set(ids).size === ids.length
    ? []
    : [{ path: "participants", message: "En deltagare kan bara finnas en gång." }];
}

/** What closing a meeting needs: its day has come and every participant's attendance is recorded. */
export function closeIssues(
  meeting: { meetingDate: string; status: MeetingStatus; participants: readonly Participant[] },
  today: string,
): Issue[] {
  if (meeting.status === "AVSLUTAT") return [{ path: "status", message: "Mötet är redan avslutat." }];
  const issues: Issue[] = [];
  if (meeting.meetingDate > today) {
    issues.push({ path: "meetingDate", message: "Mötet kan inte avslutas före mötesdagen." });
  }
  if (meeting.participants.some((p) => p.attended === null)) {
    issues.push({
      path: "participants",
      message: "Registrera närvaro för alla deltagare innan mötet avslutas.",
    });
  } else if (!meeting.participants.some((p) => p.attended)) {
    issues.push({ path: "participants", message: "Minst en deltagare måste ha varit närvarande." });
  }
  return issues;
}

// ---- Agenda ----

/**
 * Whether a patient may be on the agenda of a meeting on `meetingDate`: null when the patient's
 * TEAM consent (Lag 2019:1297) is valid that day, else why not (coordination's consent rules).
 */
export function agendaConsentRefusal(
  consents: readonly ConsentRecord[],
  meetingDate: string,
): ConsentRefusal | null {
  return requireConsent("TEAM")(consents, meetingDate);
}

export const agendaSources = { AKTUALISERING: "Aktualiserad", MANUELL: "Tillagd för hand" } as const;
export type AgendaSource = keyof typeof agendaSources;

/** The ids in order after moving `id` one step up or down (unchanged at either end). */
export function moveItem(ids: readonly string[], id: string, direction: "up" | "down"): string[] {
  const result = [...ids];
  const at = result.indexOf(id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= result.length) return result;
  [result[at], result[to]] = [result[to]!, result[at]!];
  return result;
}

/**
 * A new agenda order: every id once, only ids of the agenda; an item left out is removed, which is
 * refused once it has minutes or decisions (they belong to the meeting's record).
 */
export function agendaOrderIssues(
  items: readonly { id: string; documented: boolean }[],
  itemIds: readonly string[],
  status: MeetingStatus,
): Issue[] {
  if (status === "AVSLUTAT")
    return [{ path: "itemIds", message: "Mötet är avslutat: dagordningen är låst." }];
  if (new Set(itemIds).size !== itemIds.length) {
    return [{ path: "itemIds", message: "En punkt finns två gånger i ordningen." }];
  }
  const known = new Set(items.map((i) => i.id));
  if (itemIds.some((id) => !known.has(id))) {
    return [{ path: "itemIds", message: "Ordningen innehåller en punkt som inte finns på dagordningen." }];
  }
  const kept = new Set(itemIds);
  if (items.some((i) => !kept.has(i.id) && i.documented)) {
    return [
      {
        path: "itemIds",
        message: "En punkt med anteckningar eller beslut kan inte tas bort från dagordningen.",
      },
    ];
  }
  return [];
}

// ---- Minutes and decisions ----

/**
 * Saving minutes: before the meeting closes every save is a new version; after closing the minutes
 * are locked and a save is a correction, which needs its reason.
 */
export function minutesIssues(status: MeetingStatus, correctionReason: string): Issue[] {
  if (status === "AVSLUTAT" && !correctionReason.trim()) {
    return [
      {
        path: "correctionReason",
        message: "Mötet är avslutat och anteckningen låst: ange varför den rättas.",
      },
    ];
  }
  if (status === "PLANERAT" && correctionReason.trim()) {
    return [{ path: "correctionReason", message: "Rättelse anges bara för ett avslutat möte." }];
  }
  return [];
}

export const decisionOutcomes = {
  UPPGIFT: "Uppgift",
  PLANATGARD: "Åtgärd i rehabplanen",
} as const;
export type DecisionOutcome = keyof typeof decisionOutcomes;

export function decisionIssues(
  input: { text: string; dueDate: string },
  meeting: { meetingDate: string; status: MeetingStatus },
): Issue[] {
  if (meeting.status === "AVSLUTAT") {
    return [{ path: "status", message: "Mötet är avslutat: beslut kan inte längre läggas till." }];
  }
  const issues: Issue[] = [];
  if (!input.text.trim()) issues.push({ path: "text", message: "Beskriv beslutet." });
  if (input.dueDate < meeting.meetingDate) {
    issues.push({ path: "dueDate", message: "Datum för beslutet kan inte vara före mötet." });
  }
  return issues;
}
