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
 *
 * The handovers (överlämning) whose cases a session includes are their own area: src/handover.
 */
import { addDays } from "../cases/days.ts";

export const DEFAULT_REVIEW_DAYS = 14;
export const MIN_REVIEW_DAYS = 1;
export const MAX_REVIEW_DAYS = 60;

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
