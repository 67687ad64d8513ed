/**
 * The patient page's sections, in tab order, and which one a user opens at: the one named in the
 * address (`?avsnitt=`, a section id, never patient data), else the one of their role, else
 * Översikt.
 */
import type { Capability } from "../../access/policy.ts";

export const patientSections = {
  oversikt: "Översikt",
  sjukfall: "Sjukfall och intyg",
  koordinering: "Koordinering",
  rehabplan: "Rehabplan",
  underlag: "Underlag",
  arenden: "Ärenden",
  uppgifter: "Uppgifter",
  logg: "Logg",
} as const;
export type PatientSectionId = keyof typeof patientSections;

/** The address parameter that names the open section. */
export const sectionParam = "avsnitt";

/**
 * The role's own section, by what the user may do (first match): the rehabkoordinator's
 * Koordinering, the doctor's Sjukfall och intyg, the secretary's Ärenden (registering what
 * Försäkringskassan sends), the log reviewer's Logg.
 */
const roleSections: [Capability, PatientSectionId][] = [
  ["coordination.write", "koordinering"],
  ["certificate.sign", "sjukfall"],
  ["arende.register", "arenden"],
  ["audit.review", "logg"],
  ["patient.log-extract", "logg"],
];

export function openSection(
  requested: string | null,
  available: readonly string[],
  capabilities: readonly Capability[],
): string {
  if (requested !== null && available.includes(requested)) return requested;
  const own = roleSections.find(
    ([capability, id]) => capabilities.includes(capability) && available.includes(id),
  );
  return own?.[1] ?? available[0] ?? "oversikt";
}
