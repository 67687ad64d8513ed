/**
 * Which certificates count in sick-leave cases (PRODUCT §4): signed, not revoked, not
 * smittbärarpenning, with a main diagnosis, and not replaced or completed by a later valid certificate.
 *
 * "Valid" for the replacing certificate means signed and not revoked — nothing more:
 * - a revoked replacement takes nothing away: the original counts again;
 * - in a chain A ← B ← C (B replaces A, C replaces B) only C counts. Requiring the replacement to
 *   count itself would bring A back as soon as C replaced B;
 * - a smittbärarpenning certificate or one without a diagnosis still takes the place of the one it
 *   replaces ("the newer one takes its place") although it does not count itself.
 * A certificate naming itself is ignored. References are by id across the whole input, whatever
 * the unit or patient.
 */
import type { SjukfallCertificate } from "./types.ts";

export function isSignedNotRevoked(cert: SjukfallCertificate): boolean {
  return cert.status === undefined || cert.status === null || cert.status === "signed";
}

export function hasMainDiagnosis(cert: SjukfallCertificate): boolean {
  const diagnosis = cert.diagnosis;
  if (typeof diagnosis !== "string" || diagnosis.length === 0) return false;
  // Fast path: codes start with a letter; only odd input needs the whitespace scan.
  return diagnosis.charCodeAt(0) > 32 || diagnosis.trim().length > 0;
}

/** Ids taken over by a signed, not revoked certificate; null when nothing is replaced or completed. */
export function supersededIds(certs: readonly SjukfallCertificate[]): Set<string> | null {
  let superseded: Set<string> | null = null;
  for (const cert of certs) {
    const replaces = cert.replaces;
    const completes = cert.completes;
    if ((replaces == null && completes == null) || !isSignedNotRevoked(cert)) continue;
    superseded ??= new Set();
    if (replaces != null && replaces !== cert.id) superseded.add(replaces);
    if (completes != null && completes !== cert.id) superseded.add(completes);
  }
  return superseded;
}

/** Whether a certificate counts, replacements aside (those need the whole input: `supersededIds`). */
export function countsByItself(cert: SjukfallCertificate): boolean {
  return isSignedNotRevoked(cert) && cert.smittbararpenning !== true && hasMainDiagnosis(cert);
}

/** Whether one certificate counts, given the ids superseded in the whole input. */
export function counts(cert: SjukfallCertificate, superseded: Set<string> | null): boolean {
  return countsByItself(cert) && (superseded === null || !superseded.has(cert.id));
}

/** The certificates that count, in input order. */
export function countingCertificates(certs: SjukfallCertificate[]): SjukfallCertificate[] {
  const superseded = supersededIds(certs);
  return certs.filter((cert) => counts(cert, superseded));
}
