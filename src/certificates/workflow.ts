/**
 * The certificate's life cycle (PRODUCT §2–§3) as pure rules: which step is allowed from which
 * status, what a renewal copies, and the columns derived from the FK 7804 content.
 */

import { mainDiagnosisCode, parseContent, wellFormedPeriods } from "./content.ts";

export const certificateStatuses = [
  "UTKAST",
  "KLAR_FOR_SIGNERING",
  "SIGNERAT",
  "SKICKAT",
  "MAKULERAT",
] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

export const statusLabels: Record<CertificateStatus, string> = {
  UTKAST: "Utkast",
  KLAR_FOR_SIGNERING: "Klar för signering",
  SIGNERAT: "Signerat",
  SKICKAT: "Skickat",
  MAKULERAT: "Makulerat",
};

export type CertificateStep =
  "edit" | "markReady" | "sign" | "send" | "revoke" | "renew" | "replace" | "complete";

const allowedFrom: Record<CertificateStep, readonly CertificateStatus[]> = {
  edit: ["UTKAST", "KLAR_FOR_SIGNERING"],
  markReady: ["UTKAST"],
  sign: ["UTKAST", "KLAR_FOR_SIGNERING"],
  send: ["SIGNERAT"],
  revoke: ["SIGNERAT", "SKICKAT"],
  renew: ["SIGNERAT", "SKICKAT"],
  replace: ["SIGNERAT", "SKICKAT"],
  complete: ["SIGNERAT", "SKICKAT"],
};

export function stepAllowed(step: CertificateStep, status: CertificateStatus): boolean {
  return allowedFrom[step].includes(status);
}

/** Why a step is refused, in Swedish, or null when it is allowed. */
export function stepRefusal(step: CertificateStep, status: CertificateStatus): string | null {
  if (stepAllowed(step, status)) return null;
  const labels: Record<CertificateStep, string> = {
    edit: "Intyget kan inte ändras",
    markReady: "Intyget kan inte markeras klart för signering",
    sign: "Intyget kan inte signeras",
    send: "Intyget kan inte skickas",
    revoke: "Intyget kan inte makuleras",
    renew: "Intyget kan inte förlängas",
    replace: "Intyget kan inte ersättas",
    complete: "Intyget kan inte kompletteras",
  };
  return `${labels[step]} när det har status ${statusLabels[status].toLowerCase()}.`;
}

/** Why a certificate is revoked (Försäkringskassan's two reasons; the text is required for the second). */
export const revocationReasons = {
  FEL_PATIENT: "Intyget har utfärdats på fel patient",
  ANNAT_ALLVARLIGT_FEL: "Annat allvarligt fel",
} as const;
export type RevocationReasonCode = keyof typeof revocationReasons;
export interface RevocationReason {
  code: RevocationReasonCode;
  text: string;
}

/** The FK 7804 content as stored: the contract's draft shape, every key optional. */
export type CertificateContent = Record<string, unknown>;

/**
 * Förlängning copies the certificate except what must be assessed anew: the basis, the periods,
 * the prognosis and the contact with Försäkringskassan (PRODUCT §3).
 */
export function renewalContent(content: CertificateContent): CertificateContent {
  return {
    ...structuredClone(content),
    grund: [],
    grundAnnat: null,
    perioder: [],
    prognos: null,
    kontaktFk: false,
    kontaktFkAnledning: null,
  };
}

/** Ersättning and komplettering start from a full copy that the doctor corrects. */
export function copyContent(content: CertificateContent): CertificateContent {
  return structuredClone(content);
}

/** Columns the lists and the sjukfall engine read without parsing the content. */
export function derivedColumns(content: CertificateContent) {
  const parsed = parseContent(content);
  const days = wellFormedPeriods(parsed)
    .flatMap((p) => [p.from, p.to])
    .sort();
  return {
    startDate: days[0] ?? null,
    endDate: days.at(-1) ?? null,
    mainDiagnosis: mainDiagnosisCode(parsed),
    smittbararpenning: parsed.smittbararpenning,
  };
}
