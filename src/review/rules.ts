/**
 * Genomgång av pågående sjukskrivningar (PRODUCT §5.7, seed 004: "genomgång pågående
 * sjukskrivningar – läkare och rehabkoordinator", "uppföljning av sjukskrivning när läkaren har
 * längre frånvaro"). Pure: shared by the server and the browser.
 *
 * - A review session lists a doctor's ongoing cases (own, and those handed over to the doctor
 *   today) whose certificate ends within N days (default 14, 1–60) and where no renewal is being
 *   written. "Renewal being written" is the task job's rule: a certificate of the patient in
 *   utkast or klar för signering (a förlängning is a new certificate) — such a case is already
 *   taken care of and left out (counted apart).
 * - Each case may be marked "Återbesök bokat" (optional visit date) or "Förlängning ej aktuell"
 *   (reason required). A mark belongs to the case and the end date it was made for: after a
 *   renewal the case has a new end and needs a new look. A new mark supersedes the previous one.
 * - An överlämning hands doctor A's cases to doctor B from a start to an end date (inclusive).
 *   Handovers never chain: A may not have two overlapping handovers, B may not be away (handing
 *   over) during the period, and A may not be receiving someone else's cases during it.
 */
import { addDays } from "../cases/days.ts";

export const DEFAULT_REVIEW_DAYS = 14;
export const MIN_REVIEW_DAYS = 1;
export const MAX_REVIEW_DAYS = 60;
/** A handover longer than this is surely a typing error (two years). */
export const MAX_HANDOVER_DAYS = 731;

export const reviewMarks = {
  ATERBESOK_BOKAT: "Återbesök bokat",
  FORLANGNING_EJ_AKTUELL: "Förlängning ej aktuell",
} as const;
export type ReviewMarkKind = keyof typeof reviewMarks;
export const reviewMarkKinds = Object.keys(reviewMarks) as [ReviewMarkKind, ...ReviewMarkKind[]];

export interface Problem {
  path: string;
  message: string;
}

// ---- The review list ----

export interface ReviewCandidate {
  status: "ONGOING" | "ENDED";
  end: string;
  renewalInProgress: boolean;
}

/** The last day a case's certificate may end to be in a session of `days` days from today. */
export function reviewUntil(today: string, days: number): string {
  return addDays(today, days);
}

/** Whether the case belongs in the session: ongoing, ending within the window, nothing being written. */
export function inReview(c: ReviewCandidate, today: string, days: number): boolean {
  return (
    c.status === "ONGOING" && c.end >= today && c.end <= reviewUntil(today, days) && !c.renewalInProgress
  );
}

/** A mark counts for the session when it was made for the case's current end date. */
export function markApplies(mark: { caseEnd: string } | null, caseEnd: string): boolean {
  return mark !== null && mark.caseEnd === caseEnd;
}

export function progressLabel(reviewed: number, total: number): string {
  return `${reviewed} av ${total} genomgångna`;
}

export interface MarkInput {
  mark: ReviewMarkKind;
  visitDate: string | null;
  note: string;
}

/** The problems of a mark (Swedish messages); empty when it may be saved. */
export function checkMark(input: MarkInput, today: string): Problem[] {
  const problems: Problem[] = [];
  if (input.mark === "FORLANGNING_EJ_AKTUELL") {
    if (input.note.trim() === "") {
      problems.push({ path: "note", message: "Ange varför förlängning inte är aktuell." });
    }
    if (input.visitDate !== null) {
      problems.push({ path: "visitDate", message: "Datum för återbesök anges bara när återbesök är bokat." });
    }
  }
  if (input.mark === "ATERBESOK_BOKAT" && input.visitDate !== null && input.visitDate < today) {
    problems.push({ path: "visitDate", message: "Återbesöket kan inte ligga före i dag." });
  }
  return problems;
}

/** What closing the case's "Intyget löper snart ut" task records. */
export function taskClosing(
  input: MarkInput,
): { kind: "DONE"; note: string } | { kind: "NOT_RELEVANT"; reason: string } {
  if (input.mark === "ATERBESOK_BOKAT") {
    const when = input.visitDate ? ` ${input.visitDate}` : "";
    const note = input.note.trim();
    return { kind: "DONE", note: `Återbesök bokat${when} (genomgång)${note ? `: ${note}` : ""}` };
  }
  return { kind: "NOT_RELEVANT", reason: `Förlängning ej aktuell (genomgång): ${input.note.trim()}` };
}

// ---- Handovers ----

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
