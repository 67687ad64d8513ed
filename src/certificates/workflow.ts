/**
 * The certificate's life cycle (PRODUCT §2–§3) as pure rules: which step is allowed from which
 * status, what a renewal copies, and the columns derived from the FK 7804 content.
 */

import { normalizeIcdCode } from "../reference/icd10/codes.ts";
import { isIsoDate } from "../cases/days.ts";

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

interface Period {
  from: string;
  tom: string;
  grad: number;
}

function periodsOf(content: CertificateContent): Period[] {
  const raw = content.perioder;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (p): p is Period =>
      typeof p === "object" &&
      p !== null &&
      typeof p.from === "string" &&
      typeof p.tom === "string" &&
      // A period still being written (an empty date) has no place in the date columns yet.
      isIsoDate(p.from) &&
      isIsoDate(p.tom) &&
      typeof p.grad === "number",
  );
}

/** Columns the lists and the sjukfall engine read without parsing the content. */
export function derivedColumns(content: CertificateContent) {
  const periods = periodsOf(content);
  const diagnoses = Array.isArray(content.diagnoser) ? content.diagnoser : [];
  const main = diagnoses[0] as { kod?: unknown } | undefined;
  return {
    startDate: periods.length ? periods.map((p) => p.from).sort()[0]! : null,
    endDate: periods.length
      ? periods
          .map((p) => p.tom)
          .sort()
          .at(-1)!
      : null,
    mainDiagnosis: typeof main?.kod === "string" && main.kod.trim() ? normalizeIcdCode(main.kod) : null,
    smittbararpenning: content.smittbararpenning === true,
  };
}
