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
];

/** The columns to show: the saved choice (known ids, required ones added) or the default, in screen order. */
export function shownColumns(saved: readonly string[] | null | undefined): SortColumn[] {
  const chosen = new Set<string>(saved && saved.length > 0 ? saved : defaultColumns);
  for (const column of requiredColumns) chosen.add(column);
  return columnOrder.filter((c) => chosen.has(c) && (sortColumnIds as string[]).includes(c));
}
