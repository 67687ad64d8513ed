/**
 * A stored certificate (database row or API view) in the sjukfall engine's format, the
 * command-line contract's certificate (`../shared/contracts/README.md`). Pure: the server's checker
 * and the browser's live check build the same history from it.
 */
import type { SjukfallCertificate } from "../cases/types.ts";
import { mainDiagnosisCode, parseContent, wellFormedPeriods } from "./content.ts";

/** What both a `CertificateRow` and the API's certificate view carry. */
export interface StoredCertificateLike {
  id: string;
  unitId: string;
  patientId: string;
  doctorId?: string | null;
  signedAt?: string | null;
  status: string;
  content: unknown;
  replacesId?: string | null;
  completesId?: string | null;
}

/** Only these are signed; a revoked certificate stays in the input so that the engine can drop it. */
const signedStatuses = new Set(["SIGNERAT", "SKICKAT"]);

/**
 * The certificate in contract form; null for a certificate that was never signed (a draft, or one
 * ready for signing): it neither counts nor takes the place of the one it replaces.
 */
export function asSjukfallCertificate(stored: StoredCertificateLike): SjukfallCertificate | null {
  const revoked = stored.status === "MAKULERAT";
  if (!revoked && !signedStatuses.has(stored.status)) return null;
  const content = parseContent(stored.content);
  return {
    id: stored.id,
    patient: stored.patientId,
    unit: stored.unitId,
    doctor: stored.doctorId ?? null,
    signed: stored.signedAt ?? "",
    diagnosis: mainDiagnosisCode(content),
    periods: wellFormedPeriods(content),
    smittbararpenning: content.smittbararpenning,
    status: revoked ? "revoked" : "signed",
    replaces: stored.replacesId ?? null,
    completes: stored.completesId ?? null,
  };
}

/** The patient's other certificates as the rules' history: every one but `exceptId`, never-signed ones left out. */
export function sjukfallHistory(
  certificates: readonly StoredCertificateLike[],
  exceptId: string | null,
): SjukfallCertificate[] {
  return certificates.flatMap((stored) => {
    if (stored.id === exceptId) return [];
    const converted = asSjukfallCertificate(stored);
    return converted ? [converted] : [];
  });
}
