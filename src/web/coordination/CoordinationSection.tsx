/**
 * The rehabkoordinator's work on the patient page (Lag 2019:1297, PRODUCT §5.4 and §5.8):
 * samtycken, aktualisering, kartläggande samtal, koordineringsinsatser and meetings, and the
 * coordination log. Shown with coordination.read; every form asks for its own capability.
 * A refusal for lack of consent leads to the consent form with the missing kind chosen; so does
 * the address ?samtycke=KIND (used from the samtal page).
 */
import { useCallback, useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { consentKindIds, type ConsentKind } from "../../coordination/rules.ts";
import { useConsents } from "../api/coordination.ts";
import { can, useSession } from "../app/session.tsx";
import { useToday } from "../app/useToday.ts";
import { AktualiseringPanel } from "./AktualiseringPanel.tsx";
import { ConsentPanel } from "./ConsentPanel.tsx";
import { CoordinationLog } from "./CoordinationLog.tsx";
import { MeasuresPanel } from "./MeasuresPanel.tsx";
import { SamtalPanel } from "./SamtalPanel.tsx";

export function CoordinationSection({ patientId }: { patientId: string }) {
  const me = useSession();
  const consents = useConsents(patientId);
  const [searchParams, setSearchParams] = useSearchParams();
  const [consentRequest, setConsentRequest] = useState<{ kind: ConsentKind } | null>(null);
  const mayRecordConsent = can(me, "consent.record");
  const requestConsent = useCallback((kind: ConsentKind) => setConsentRequest({ kind }), []);
  const onRecordConsent = mayRecordConsent ? requestConsent : null;

  const asked = searchParams.get("samtycke");
  useEffect(() => {
    if (!asked) return;
    if ((consentKindIds as string[]).includes(asked)) setConsentRequest({ kind: asked as ConsentKind });
    setSearchParams(
      (current) => {
        current.delete("samtycke");
        return current;
      },
      { replace: true },
    );
  }, [asked, setSearchParams]);

  const serverToday = useToday();
  const today = consents.data?.today ?? serverToday;
  return (
    <>
      <ConsentPanel patientId={patientId} request={consentRequest} />
      <AktualiseringPanel patientId={patientId} onRecordConsent={onRecordConsent} />
      <SamtalPanel patientId={patientId} />
      {can(me, "coordination.write") && (
        <MeasuresPanel patientId={patientId} today={today} onRecordConsent={onRecordConsent} />
      )}
      <CoordinationLog patientId={patientId} />
    </>
  );
}
