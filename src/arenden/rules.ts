/** Ärenden from Försäkringskassan (PRODUCT §2, §5.2): kinds, answers and what each may have. */

export const arendeTypes = {
  KOMPLT: "Komplettering",
  AVSTMN: "Avstämningsmöte",
  KONTKT: "Kontakt",
  OVRIGT: "Övrigt",
  PAMINN: "Påminnelse",
} as const;
export type ArendeType = keyof typeof arendeTypes;

export const arendeStatuses = { OPEN: "Öppet", ANSWERED: "Besvarat", CLOSED: "Avslutat" } as const;
export type ArendeStatus = keyof typeof arendeStatuses;

/**
 * How an ärende is answered: a komplettering by a completing certificate or "kan ej
 * komplettera" with a reason; the others with a written answer, or closed as handled.
 */
export const answerKinds = {
  KOMPLETTERING: "Besvarad med kompletterande intyg",
  KAN_EJ_KOMPLETTERA: "Kan ej komplettera",
  SVAR: "Besvarad",
  HANTERAT: "Hanterat utan svar",
} as const;
export type AnswerKind = keyof typeof answerKinds;

export function answerAllowed(type: ArendeType, kind: AnswerKind): boolean {
  return type === "KOMPLT"
    ? kind === "KOMPLETTERING" || kind === "KAN_EJ_KOMPLETTERA"
    : kind === "SVAR" || kind === "HANTERAT";
}

/** The FK 7804 question ids a komplettering may concern, with the form's Swedish headings. */
export const questionAreas: Record<string, string> = {
  "1": "Intyget baseras på",
  "27": "Smittbärarpenning",
  "28": "Sysselsättning",
  "29": "Yrke och arbetsuppgifter",
  "6": "Diagnos",
  "35": "Funktionsnedsättning",
  "17": "Aktivitetsbegränsning",
  "19": "Medicinsk behandling",
  "32": "Bedömning av arbetsförmåga",
  "33": "Arbetstidsförläggning",
  "34": "Resor till och från arbetet",
  "37": "Motivering FMB",
  "39": "Prognos",
  "44": "Åtgärder",
  "25": "Övriga upplysningar",
  "26": "Kontakt med Försäkringskassan",
};

/** Days left to answer, negative when late; null without a deadline. */
export function daysToDeadline(lastAnswerDate: string | null, today: string): number | null {
  if (!lastAnswerDate) return null;
  return Math.round(
    (Date.parse(`${lastAnswerDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}
