/**
 * The server's certificate checker: the pure FK 7804 rules (`./rules`) with their context — the
 * patient's other certificates on the unit and the unit's gap (for the FMB total and the short-case
 * warning), ICD-10-SE and the FMB limits.
 */
import { unitParams } from "../cases/settings.ts";
import { unitSettingsOf } from "../coordination/store.ts";
import type { Tx } from "../db/client.ts";
import type { Fmb } from "../reference/fmb/fmb.ts";
import type { Icd10 } from "../reference/icd10/icd10.ts";
import { sjukfallHistory } from "./as-sjukfall.ts";
import { validateCertificate, type CertificateDraft, type RuleResult } from "./rules/index.ts";
import type { CertificateChecker } from "./service.ts";
import { patientOf, signedCertificatesOfPatient, type CertificateRow } from "./store.ts";

export interface CheckerReference {
  icd10: Pick<Icd10, "lookup">;
  fmb: Pick<Fmb, "limitDays">;
}

/**
 * Försäkringskassan pays from an earlier day for a patient with a förstadagsintyg valid today: the
 * employer's sjuklön days 1–14 give no reason to hold the certificate back (no SHORT_CASE).
 */
export function shortCaseExempt(
  patient: { firstDayCertificateUntil: string | null } | null,
  today: string,
): boolean {
  return patient?.firstDayCertificateUntil != null && patient.firstDayCertificateUntil >= today;
}

export function createCertificateChecker(reference: CheckerReference): CertificateChecker {
  return {
    async check(
      tx: Tx,
      row: CertificateRow,
      options: { today: string; forSending?: boolean },
    ): Promise<RuleResult> {
      const others = await signedCertificatesOfPatient(tx, row.unitId, row.patientId);
      const patient = await patientOf(tx, row.unitId, row.patientId);
      const { gap } = unitParams(await unitSettingsOf(tx, row.unitId));
      return validateCertificate(row.content as CertificateDraft, {
        shortCaseExempt: shortCaseExempt(patient, options.today),
        today: options.today,
        gap,
        history: sjukfallHistory(others, row.id),
        lookupDiagnosis: (code) => reference.icd10.lookup(code),
        fmbLimitDays: (codes) => reference.fmb.limitDays(codes),
        replaces: row.replacesId,
        completes: row.completesId,
      });
    },
  };
}
