/**
 * Ongoing cases by diagnosis chapter and by diagnosis group (issue #10: figures beyond the
 * contract). A case's diagnosis is its anchor certificate's main diagnosis (`Sjukfall.diagnoses[0]`).
 * The classification is an input — ICD-10-SE's chapters or the seven diagnosis groups of the
 * national sick-leave tools (`../reference/icd10/icd10.ts`) — so this module stays pure.
 */
import type { Sjukfall } from "../cases/types.ts";
import type { Icd10 } from "../reference/icd10/icd10.ts";
import { sexOfPatient } from "./sex.ts";
import { addTo, emptySplit, type Split } from "./split.ts";

/** Where a diagnosis code belongs: `key` orders the rows, `label` is shown. */
export interface DiagnosisClass {
  key: string;
  label: string;
}

export type DiagnosisClassifier = (code: string) => DiagnosisClass | null;

/** The key and label of the row for cases whose diagnosis is not a known code. */
export const UNKNOWN_DIAGNOSIS: DiagnosisClass = { key: "~", label: "Okänd diagnos" };

/** ICD-10-SE chapters: key and label "A00-B99", title as label ("A00-B99 Vissa infektionssjukdomar …"). */
export function chapterClassifier(icd10: Pick<Icd10, "chapterOf">): DiagnosisClassifier {
  return (code) => {
    const chapter = icd10.chapterOf(code);
    return chapter && { key: chapter.id, label: `${chapter.id} ${chapter.title}` };
  };
}

/** The seven diagnosis groups, ordered by their first code range (A00 Somatiska … Z00 Faktorer). */
export function groupClassifier(icd10: Pick<Icd10, "groupOf">): DiagnosisClassifier {
  return (code) => {
    const group = icd10.groupOf(code);
    return group && { key: group.ranges[0]?.from ?? group.name, label: group.name };
  };
}

export type DiagnosisRow = DiagnosisClass & Split;

/** The class of a case (by its anchor's main diagnosis); the unknown row when there is none. */
export function classOfCase(c: Sjukfall, classify: DiagnosisClassifier): DiagnosisClass {
  const code = c.diagnoses[0];
  return (code === undefined ? null : classify(code)) ?? UNKNOWN_DIAGNOSIS;
}

/** One row per class with at least one case, ordered by key (unknown diagnoses last). */
export function casesByDiagnosis(cases: readonly Sjukfall[], classify: DiagnosisClassifier): DiagnosisRow[] {
  const rows = new Map<string, DiagnosisRow>();
  for (const c of cases) {
    const { key, label } = classOfCase(c, classify);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, label, ...emptySplit() }));
    addTo(row, sexOfPatient(c.patient));
  }
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
