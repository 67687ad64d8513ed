/**
 * Runs the FK 7804 rules in the browser on every change, with the same context the server uses:
 * the patient's other certificates on the unit, ICD-10-SE look-ups (codes not fetched yet are
 * fetched, and skipped until they are) and the FMB limit of the entered diagnoses.
 */
import { useDeferredValue, useMemo } from "react";
import { useDebouncedValue } from "@mantine/hooks";
import {
  normalizeCode,
  totalCaseDays,
  validateCertificate,
  type CertificateDraft,
  type RuleResult,
} from "../../certificates/rules/index.ts";
import { sjukfallHistory } from "../../certificates/as-sjukfall.ts";
import type { Certificate } from "../api/certificates.ts";
import { useSjukfallSettings } from "../api/cases.ts";
import { useDiagnosisLookups, useFmb } from "../api/reference.ts";
import { useToday } from "../app/useToday.ts";

export interface LiveCheck {
  result: RuleResult;
  totalDays: number | null;
  fmb: ReturnType<typeof useFmb>;
  codes: string[];
  /** ICD-10-SE look-ups of the entered codes (normalized): entry, null (unknown), absent (not yet). */
  lookups: Map<string, { code: string; title: string } | null>;
}

export function useLiveCheck(
  content: CertificateDraft,
  certificate: Pick<Certificate, "id" | "replacesId" | "completesId">,
  all: readonly Certificate[],
): LiveCheck {
  const typedCodes = (Array.isArray(content.diagnoser) ? content.diagnoser : [])
    .map((d) => (typeof d?.kod === "string" ? d.kod : ""))
    .filter((code) => code.trim() !== "");
  // Look codes up once the user pauses, not on every key.
  const [joined] = useDebouncedValue(typedCodes.map(normalizeCode).join(","), 400);
  const codes = useMemo(() => (joined ? joined.split(",") : []), [joined]);
  const lookups = useDiagnosisLookups(codes);
  const fmb = useFmb(codes.filter((code) => lookups.get(code)));
  const deferred = useDeferredValue(content);
  const history = useMemo(() => sjukfallHistory(all, certificate.id), [certificate.id, all]);
  const today = useToday();
  const limit = fmb.data?.limitDays ?? null;
  // The server counts the FMB total with the unit's gap (not a user's own): so does the browser.
  const gap = useSjukfallSettings().data?.unit.gap;

  const result = validateCertificate(deferred, {
    today,
    history,
    gap,
    lookupDiagnosis: (code) => lookups.get(code),
    fmbLimitDays: () => limit,
    replaces: certificate.replacesId,
    completes: certificate.completesId,
  });
  const totalDays = totalCaseDays(deferred, {
    today,
    history,
    gap,
    replaces: certificate.replacesId,
    completes: certificate.completesId,
  });
  return { result, totalDays, fmb, codes, lookups };
}
