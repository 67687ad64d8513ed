/** The unit list's columns (each one a server sort column), their Swedish headers and the default set. */
import { sortColumnIds, type SortColumn } from "../../worklist/rules.ts";

export const columnLabels: Record<SortColumn, string> = {
  name: "Patient",
  personnummer: "Personnummer",
  age: "Ålder",
  sex: "Kön",
  status: "Status",
  diagnosis: "Diagnos",
  sysselsattning: "Sysselsättning",
  start: "Start",
  end: "Slutdatum",
  days: "Längd (dagar)",
  dayInCase: "Dag i sjukfallet",
  certificateCount: "Antal intyg",
  grade: "Grad",
  arenden: "Ärenden",
  risk: "Risk",
  doctor: "Läkare",
  fmb: "Över FMB",
  teamStatus: "Teamstatus",
  coordinatorStatus: "Koordinatorstatus",
};

/** "Om kolumnerna": what each column means, as Rehabstöd's description of its table headings. */
export const columnDescriptions: Record<SortColumn, string> = {
  name: "Patientens namn; länken öppnar patienten. Skyddad identitet visas aldrig med namn.",
  personnummer: "Personnummer eller samordningsnummer.",
  age: "Patientens ålder i dag.",
  sex: "Kvinna eller man, enligt personnumret.",
  status: "Pågående: ett intyg gäller i dag. Avslutat: sjukfallet slutade för högst några dagar sedan.",
  diagnosis: "Huvuddiagnosen på det senaste intyget, med kod och text.",
  sysselsattning: "Sysselsättning enligt det senaste intyget.",
  start: "Första dagen i sjukfallet.",
  end: "Sista dagen i det intyg som gäller längst.",
  dayInCase: "Vilken dag i sjukfallet det är i dag; första dagen är dag 1.",
  days: "Antal dagar med sjukskrivning; uppehåll mellan intygen räknas inte.",
  certificateCount: "Antal intyg i sjukfallet.",
  grade: "Sjukskrivningsgrad i dag enligt det senaste intyget.",
  arenden: "Öppna ärenden från Försäkringskassan, t.ex. kompletteringar.",
  risk: "Poäng för risk för långt sjukfall; knappen visar vilka faktorer som gav poängen.",
  fmb: "Om sjukfallet är längre än försäkringsmedicinska beslutsstödet rekommenderar för diagnosen.",
  doctor: "Läkaren som signerade det senaste intyget.",
  teamStatus:
    "Var sjukfallet står i det multimodala teamet: ej aktualiserad, aktualiserad, på agenda, plan upprättad, uppföljning försenad eller avslutad i team.",
  coordinatorStatus:
    "Rehabkoordinatorns arbete med sjukfallet: ej kontaktad, kontaktad, aktiv eller avslutad.",
};

/** In this order on screen, whatever order they were chosen in. */
export const columnOrder: SortColumn[] = [
  "name",
  "personnummer",
  "age",
  "sex",
  "status",
  "diagnosis",
  "sysselsattning",
  "start",
  "end",
  "dayInCase",
  "days",
  "certificateCount",
  "grade",
  "arenden",
  "risk",
  "fmb",
  "doctor",
  "teamStatus",
  "coordinatorStatus",
];

/** The patient column carries the link to the patient page: always shown. */
export const requiredColumns: SortColumn[] = ["name"];

export const defaultColumns: SortColumn[] = [
  "name",
  "personnummer",
  "age",
  "sex",
  "diagnosis",
  "end",
  "dayInCase",
  "days",
  "grade",
  "arenden",
  "risk",
  "doctor",
  "teamStatus",
  "coordinatorStatus",
];

/** The columns to show: the saved choice (known ids, required ones added) or the default, in screen order. */
export function shownColumns(saved: readonly string[] | null | undefined): SortColumn[] {
  const chosen = new Set<string>(saved && saved.length > 0 ? saved : defaultColumns);
  for (const column of requiredColumns) chosen.add(column);
  return columnOrder.filter((c) => chosen.has(c) && (sortColumnIds as string[]).includes(c));
}
