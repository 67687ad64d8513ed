/**
 * Överlämning (PRODUCT §5.7, seed 004: "uppföljning av sjukskrivning när läkaren har längre
 * frånvaro"): doctor A's cases are handed to doctor B from a start to an end date (inclusive).
 * Handovers never chain: A may not have two overlapping handovers, B may not be away (handing
 * over) during the period, and A may not be receiving someone else's cases during it. Pure:
 * shared by the server (the unit list, the review, the task job) and the browser.
 */
import { addDays } from "../cases/days.ts";

/** A handover longer than this is surely a typing error (two years). */
export const MAX_HANDOVER_DAYS = 731;

export interface Problem {
  path: string;
  message: string;
}

export interface HandoverPeriod {
  id: string;
  fromDoctorId: string;
  toDoctorId: string;
  startDate: string;
  endDate: string;
  endedOn: string | null;
}

/** The last day the handover applies: the planned end, or the day it was ended early. */
export function effectiveEnd(h: { endDate: string; endedOn: string | null }): string {
  return h.endedOn ?? h.endDate;
}

/** Withdrawn before it began (ended the day before its start). */
export function withdrawn(h: { startDate: string; endDate: string; endedOn: string | null }): boolean {
  return effectiveEnd(h) < h.startDate;
}

export function activeOn(h: { startDate: string; endDate: string; endedOn: string | null }, day: string) {
  return h.startDate <= day && day <= effectiveEnd(h);
}

export type HandoverState = "PLANNED" | "ACTIVE" | "ENDED" | "WITHDRAWN";
export const handoverStates: Record<HandoverState, string> = {
  PLANNED: "Planerad",
  ACTIVE: "Pågår",
  ENDED: "Avslutad",
  WITHDRAWN: "Återkallad",
};

export function handoverState(
  h: { startDate: string; endDate: string; endedOn: string | null },
  today: string,
): HandoverState {
  if (withdrawn(h)) return "WITHDRAWN";
  if (today < h.startDate) return "PLANNED";
  return today <= effectiveEnd(h) ? "ACTIVE" : "ENDED";
}

const overlaps = (a: { startDate: string; end: string }, b: HandoverPeriod) =>
  !withdrawn(b) && a.startDate <= effectiveEnd(b) && b.startDate <= a.end;

export interface NewHandover {
  fromDoctorId: string;
  toDoctorId: string;
  startDate: string;
  endDate: string;
}

/**
 * The problems of a new handover against the unit's existing ones (Swedish messages). `doctors`
 * are the ids of the unit's doctors.
 */
export function checkHandover(
  input: NewHandover,
  existing: readonly HandoverPeriod[],
  doctors: ReadonlySet<string>,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (!doctors.has(input.fromDoctorId)) {
    problems.push({ path: "fromDoctorId", message: "Välj en läkare på enheten som lämnar över." });
  }
  if (!doctors.has(input.toDoctorId)) {
    problems.push({ path: "toDoctorId", message: "Välj en läkare på enheten som tar emot." });
  } else if (input.toDoctorId === input.fromDoctorId) {
    problems.push({ path: "toDoctorId", message: "Välj en annan läkare än den som lämnar över." });
  }
  if (input.endDate < input.startDate) {
    problems.push({ path: "endDate", message: "Slutdatum kan inte vara före startdatum." });
  } else if (input.endDate < today) {
    problems.push({
      path: "endDate",
      message: "Perioden har redan passerat; slutdatum måste vara i dag eller senare.",
    });
  } else if (addDays(input.startDate, MAX_HANDOVER_DAYS) <= input.endDate) {
    problems.push({ path: "endDate", message: "En överlämning kan gälla högst två år." });
  }
  if (problems.length > 0) return problems;

  const period = { startDate: input.startDate, end: input.endDate };
  const clash = (pred: (h: HandoverPeriod) => boolean) =>
    existing.some((h) => pred(h) && overlaps(period, h));
  if (clash((h) => h.fromDoctorId === input.fromDoctorId)) {
    problems.push({
      path: "startDate",
      message: "Läkaren har redan en överlämning som överlappar perioden.",
    });
  } else if (clash((h) => h.toDoctorId === input.fromDoctorId)) {
    problems.push({
      path: "fromDoctorId",
      message: "Läkaren tar emot en annan läkares sjukfall under perioden. Avsluta den överlämningen först.",
    });
  }
  if (clash((h) => h.fromDoctorId === input.toDoctorId)) {
    problems.push({
      path: "toDoctorId",
      message: "Mottagande läkare är själv frånvarande (har lämnat över) under perioden.",
    });
  }
  return problems;
}

/**
 * Ending a handover early: `lastDay` is the last day it applies. It must be before the current
 * end, not before yesterday (what has been is not rewritten), and not before the day before the
 * start (that withdraws a handover that has not begun).
 */
export function checkEndEarly(
  h: { startDate: string; endDate: string; endedOn: string | null },
  lastDay: string,
  today: string,
): Problem[] {
  if (withdrawn(h) || effectiveEnd(h) < today) {
    return [{ path: "lastDay", message: "Överlämningen är redan avslutad." }];
  }
  if (lastDay >= effectiveEnd(h)) {
    return [{ path: "lastDay", message: `Välj en sista dag före ${effectiveEnd(h)}.` }];
  }
  if (lastDay < addDays(today, -1)) {
    return [{ path: "lastDay", message: "Sista dagen kan inte vara före i går." }];
  }
  if (lastDay < addDays(h.startDate, -1)) {
    return [
      { path: "lastDay", message: "Sista dagen kan vara tidigast dagen före startdatum (återkallad)." },
    ];
  }
  return [];
}

/** The last day to suggest when ending early: yesterday, or the day before a start not yet reached. */
export function suggestedLastDay(h: { startDate: string }, today: string): string {
  const yesterday = addDays(today, -1);
  const beforeStart = addDays(h.startDate, -1);
  return beforeStart > yesterday ? beforeStart : yesterday;
}

/** Who receives whose cases on a day: from-doctor → to-doctor. */
export function receiversOn(handovers: readonly HandoverPeriod[], day: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const h of handovers) if (activeOn(h, day)) map.set(h.fromDoctorId, h.toDoctorId);
  return map;
}
