/**
 * The server's certificate checker: the pure FK 7804 rules (`./rules`) with their context — the
 * patient's other certificates on the unit (for the FMB total and the short-case warning), ICD-10-SE
 * and the FMB limits.
 */
import type { Tx } from "../db/client.ts";
import type { Fmb } from "../reference/fmb/fmb.ts";
import type { Icd10 } from "../reference/icd10/icd10.ts";
import { sjukfallHistory } from "./as-sjukfall.ts";
import { validateCertificate, type CertificateDraft, type RuleResult } from "./rules/index.ts";
import type { CertificateChecker } from "./service.ts";
import { signedCertificatesOfPatient, type CertificateRow } from "./store.ts";

export interface CheckerReference {
  icd10: Pick<Icd10, "lookup">;
  fmb: Pick<Fmb, "limitDays">;
}

export function createCertificateChecker(reference: CheckerReference): CertificateChecker {
  return {
    async check(
      tx: Tx,
      row: CertificateRow,
      options: { today: string; forSending?: boolean },
    ): Promise<RuleResult> {
      const others = await signedCertificatesOfPatient(tx, row.unitId, row.patientId);
      return validateCertificate(row.content as CertificateDraft, {
        today: options.today,
        history: sjukfallHistory(others, row.id),
        lookupDiagnosis: (code) => reference.icd10.lookup(code),
        fmbLimitDays: (codes) => reference.fmb.limitDays(codes),
        replaces: row.replacesId,
        completes: row.completesId,
      });
    },
  };
}
