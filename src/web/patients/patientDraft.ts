/**
 * The editable part of a patient as a form holds it, and what a save sends: only the fields the
 * user changed. So applying one's change again after someone else saved keeps their other changes.
 */
import type { Patient, PatientChanges } from "../api/types.ts";

export interface PatientDraft {
  givenName: string;
  familyName: string;
  protectedIdentity: boolean;
  listed: boolean;
  /** ÅÅÅÅ-MM-DD, or "" when no förstadagsintyg is required. */
  firstDayCertificateUntil: string;
}

export type DraftField = keyof PatientDraft;
export const draftFields: readonly DraftField[] = [
  "givenName",
  "familyName",
  "protectedIdentity",
  "listed",
  "firstDayCertificateUntil",
];

export function draftOf(patient: Patient, activeUnitId: string): PatientDraft {
  return {
    givenName: patient.givenName,
    familyName: patient.familyName,
    protectedIdentity: patient.protectedIdentity,
    listed: patient.listingUnit?.id === activeUnitId,
    firstDayCertificateUntil: patient.firstDayCertificateUntil ?? "",
  };
}

function normalized(value: string | boolean) {
  return typeof value === "string" ? value.trim() : value;
}

export function changedFields(base: PatientDraft, draft: PatientDraft): DraftField[] {
  return draftFields.filter((field) => normalized(base[field]) !== normalized(draft[field]));
}

/** The PATCH body: the version the change builds on and the changed fields only. */
export function changesOf(base: PatientDraft, draft: PatientDraft, version: number): PatientChanges {
  const changes: PatientChanges = { version };
  for (const field of changedFields(base, draft)) {
    if (field === "protectedIdentity" || field === "listed") changes[field] = draft[field];
    else if (field === "firstDayCertificateUntil") changes[field] = draft[field].trim() || null;
    else changes[field] = draft[field].trim();
  }
  return changes;
}

/** The user's changes (relative to what they started from) applied to what is saved now. */
export function rebaseDraft(base: PatientDraft, draft: PatientDraft, saved: PatientDraft): PatientDraft {
  const mine = Object.fromEntries(changedFields(base, draft).map((field) => [field, draft[field]]));
  return { ...saved, ...mine };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDateInput(value: string): boolean {
  const text = value.trim();
  return text === "" || isoDate.test(text);
}
