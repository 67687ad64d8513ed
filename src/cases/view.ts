/**
 * The patient's sjukfall as the API shows them: the engine's cases with their certificates,
 * checkpoints and open ärenden. Used by the sjukfall route and by the aktualisering service.
 */
import { arendeTypes, daysToDeadline } from "../arenden/rules.ts";
import type { arendenOfPatient } from "../arenden/store.ts";
import { asSjukfallCertificate } from "../certificates/as-sjukfall.ts";
import type { certificatesOfPatient } from "../certificates/store.ts";
import { statusLabels } from "../certificates/workflow.ts";
import {
  checkpoints,
  dayInCase,
  isLongerThan30Days,
  patientHistory,
  type CheckpointKind,
  type Sjukfall,
  type SjukfallCertificate,
} from "./engine.ts";
import type { PatientSjukfall, SjukfallArendeSummary } from "./schema.ts";

/** Signed, sent or revoked: a revoked certificate no longer counts, but it was once in a case. */
const countingStatuses = new Set(["SIGNERAT", "SKICKAT", "MAKULERAT"]);

const checkpointLabels: Record<CheckpointKind, string> = {
  "certificate-required": "Läkarintyg krävs",
  "fk-takes-over": "Försäkringskassan tar över från arbetsgivaren",
  "rehab-coordinator": "Rehabkoordinator och plan för återgång i arbete",
  "rehab-chain-90": "Rehabiliteringskedjan: dag 90",
  "rehab-chain-180": "Rehabiliteringskedjan: dag 180",
  "rehab-chain-365": "Rehabiliteringskedjan: dag 365",
};

type CertificateRows = Awaited<ReturnType<typeof certificatesOfPatient>>;
type ArendeRows = Awaited<ReturnType<typeof arendenOfPatient>>;

function summary(row: ArendeRows[number], today: string): SjukfallArendeSummary {
  return {
    id: row.id,
    type: row.type,
    typeLabel: arendeTypes[row.type],
    certificateId: row.certificateId,
    receivedDate: row.receivedDate,
    lastAnswerDate: row.lastAnswerDate,
    daysToDeadline: daysToDeadline(row.lastAnswerDate, today),
  };
}

/** The counting certificate that took the place of `id` (through replaces/completes), if any. */
function successorMap(rows: CertificateRows): Map<string, string> {
  const next = new Map<string, string>();
  for (const { certificate } of rows) {
    if (!countingStatuses.has(certificate.status)) continue;
    for (const earlier of [certificate.replacesId, certificate.completesId]) {
      if (earlier) next.set(earlier, certificate.id);
    }
  }
  return next;
}

export function buildPatientSjukfall(input: {
  patientId: string;
  firstDayCertificateUntil: string | null;
  certificates: CertificateRows;
  arenden: ArendeRows;
  settings: { gap: number; afterEnd: number };
  today: string;
}): PatientSjukfall {
  const { today } = input;
  const byId = new Map(input.certificates.map((r) => [r.certificate.id, r]));
  const converted = new Map<string, SjukfallCertificate>();
  for (const { certificate } of input.certificates) {
    const one = asSjukfallCertificate(certificate);
    if (one) converted.set(certificate.id, one);
  }
  const sjukfall = patientHistory([...converted.values()], {
    today,
    gap: input.settings.gap,
    afterEnd: input.settings.afterEnd,
  });

  const caseOf = new Map<string, number>();
  sjukfall.forEach((c, index) => c.certificates.forEach((id) => caseOf.set(id, index)));
  const successor = successorMap(input.certificates);
  const caseOfCertificate = (id: string | null): number | undefined => {
    const seen = new Set<string>();
    let current = id;
    while (current && !seen.has(current)) {
      const found = caseOf.get(current);
      if (found !== undefined) return found;
      seen.add(current);
      current = successor.get(current) ?? null;
    }
    return undefined;
  };

  const open = input.arenden.filter((a) => a.status === "OPEN");
  const arendenPerCase = sjukfall.map(() => [] as SjukfallArendeSummary[]);
  const otherArenden: SjukfallArendeSummary[] = [];
  for (const row of open) {
    const index = caseOfCertificate(row.certificateId);
    (index === undefined ? otherArenden : arendenPerCase[index]!).push(summary(row, today));
  }

  const cases = sjukfall.map((c: Sjukfall, index) => {
    const certificates = c.certificates.map((id) => {
      const { certificate, doctorName } = byId.get(id)!;
      const periods = converted.get(id)!.periods;
      return {
        id,
        start: certificate.startDate,
        end: certificate.endDate,
        periods,
        grades: [...new Set(periods.map((p) => p.grade))],
        status: certificate.status,
        statusLabel: statusLabels[certificate.status],
        diagnosis: certificate.mainDiagnosis,
        doctorName,
        signedAt: certificate.signedAt,
        anchor: id === c.anchor,
      };
    });
    const grades = certificates
      .flatMap((cert) => cert.periods.map((p) => ({ ...p, certificateId: cert.id })))
      .sort((a, b) =>
        a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.to < b.to ? -1 : a.to > b.to ? 1 : 0,
      );
    const firstDay = input.firstDayCertificateUntil !== null && input.firstDayCertificateUntil >= c.start;
    return {
      start: c.start,
      end: c.end,
      days: c.days,
      dayInCase: dayInCase(c, today),
      longerThan30Days: isLongerThan30Days(c),
      ongoing: c.end >= today,
      currentGrade: c.currentGrade,
      diagnoses: c.diagnoses,
      doctorName: c.anchor ? (byId.get(c.anchor)?.doctorName ?? null) : null,
      grades,
      certificates,
      checkpoints: checkpoints(c, { firstDayCertificate: firstDay }).map((p) => ({
        ...p,
        label: checkpointLabels[p.kind],
        reached: p.date <= today,
        withinCase: p.date <= c.end,
      })),
      arenden: arendenPerCase[index]!,
    };
  });
  return { today, settings: input.settings, cases, otherArenden };
}
