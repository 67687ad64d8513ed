/**
 * Figures per doctor (issue #10: "the same per doctor"): a case belongs to the doctor who signed
 * its anchor certificate (`Sjukfall.doctor`), as in the unit list's doctor filter. The komplettering
 * figures per doctor are in `./kompletteringar.ts` (by the doctor who signed each certificate).
 */
import { isLongerThan30Days } from "../cases/length.ts";
import type { Sjukfall } from "../cases/types.ts";
import { sexOfPatient } from "./sex.ts";
import { addTo, emptySplit, type Split } from "./split.ts";

export interface DoctorRow {
  doctor: string;
  /** Ongoing cases whose anchor the doctor signed. */
  ongoing: Split;
  /** Of those, the ones longer than 30 days. */
  longerThan30Days: Split;
}

/** One row per doctor with at least one ongoing case, by doctor id; cases without a doctor are left out. */
export function ongoingByDoctor(ongoingCases: readonly Sjukfall[]): DoctorRow[] {
  const rows = new Map<string, DoctorRow>();
  for (const c of ongoingCases) {
    if (c.doctor === null || c.doctor === "") continue;
    let row = rows.get(c.doctor);
    if (!row)
      rows.set(c.doctor, (row = { doctor: c.doctor, ongoing: emptySplit(), longerThan30Days: emptySplit() }));
    const sex = sexOfPatient(c.patient);
    addTo(row.ongoing, sex);
    if (isLongerThan30Days(c)) addTo(row.longerThan30Days, sex);
  }
  return [...rows.values()].sort((a, b) => (a.doctor < b.doctor ? -1 : a.doctor > b.doctor ? 1 : 0));
}
