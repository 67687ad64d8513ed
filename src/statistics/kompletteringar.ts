/**
 * Komplettering follow-up (contract `samsyn statistik`, `kompletteringar`): of the certificates
 * sent in the range, how many Försäkringskassan asked to complete, per sex, per doctor and per
 * FK question.
 *
 * Sent: status signed (not revoked), not smittbärarpenning, signing day (`./signing-day.ts`) in the
 * range. Replaced and completing certificates count: each was sent. Only ärenden of type KOMPLT count.
 */
import { isSignedNotRevoked } from "../cases/counting.ts";
import type { SjukfallCertificate } from "../cases/types.ts";
import { sexOfPatient } from "./sex.ts";
import { signingDay } from "./signing-day.ts";
import { addTo, emptySplit, type Split } from "./split.ts";

/** The ärende types of the contract; only KOMPLT (komplettering) counts. */
export const ARENDE_TYPES = ["KOMPLT", "FRAGA", "KONTKT", "OVRIGT"] as const;
export type StatisticsArendeType = (typeof ARENDE_TYPES)[number];

/** What Försäkringskassan sent back about a certificate (contract: `--arenden`). */
export interface StatisticsArende {
  id: string;
  /** Id of the certificate it concerns. */
  certificate: string;
  type: StatisticsArendeType;
  /** ISO date it arrived; not used by the contract's figures. */
  received?: string | null;
  /** FK question ids ("35", "1.3"); a KOMPLT names the questions to complete. */
  questions?: readonly string[];
  /** ISO date the unit answered (beyond the contract: for the answer time); null while open. */
  answered?: string | null;
}

export interface KompletteringFigures {
  sent: Split;
  withKomplettering: Split;
  /** One row per doctor with at least one sent certificate, by doctor id (code-unit order). */
  byDoctor: { doctor: string; sent: number; withKomplettering: number }[];
  /** (KOMPLT ärende, question) pairs on the sent certificates, per question, by numeric id. */
  byQuestion: { question: string; count: number }[];
}

export interface SentRange {
  /** First and last signing day, ISO dates, both included. */
  first: string;
  last: string;
  /** Only this unit's certificates; default all. */
  unit?: string | undefined;
}

/** Whether the certificate was sent to Försäkringskassan in the range. */
export function isSentIn(cert: SjukfallCertificate, range: SentRange): boolean {
  if (!isSignedNotRevoked(cert) || cert.smittbararpenning === true) return false;
  if (range.unit !== undefined && cert.unit !== range.unit) return false;
  const day = signingDay(cert.signed);
  return day >= range.first && day <= range.last;
}

export function kompletteringarByCertificate(arenden: readonly StatisticsArende[]) {
  const byCertificate = new Map<string, StatisticsArende[]>();
  for (const arende of arenden) {
    if (arende.type !== "KOMPLT") continue;
    const list = byCertificate.get(arende.certificate);
    if (list) list.push(arende);
    else byCertificate.set(arende.certificate, [arende]);
  }
  return byCertificate;
}

/** Question ids in numeric order ("1.3" < "6" < "17" < "35"); equal values by text. */
export function compareQuestionIds(a: string, b: string): number {
  return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function kompletteringFigures(
  certs: readonly SjukfallCertificate[],
  arenden: readonly StatisticsArende[],
  range: SentRange,
): KompletteringFigures {
  const kompletteringar = kompletteringarByCertificate(arenden);
  const sent = emptySplit();
  const withKomplettering = emptySplit();
  const doctors = new Map<string, { sent: number; withKomplettering: number }>();
  const questions = new Map<string, number>();
  for (const cert of certs) {
    if (!isSentIn(cert, range)) continue;
    const sex = sexOfPatient(cert.patient);
    const asked = kompletteringar.get(cert.id) ?? [];
    addTo(sent, sex);
    if (asked.length > 0) addTo(withKomplettering, sex);
    if (cert.doctor != null && cert.doctor !== "") {
      const doctor = doctors.get(cert.doctor) ?? { sent: 0, withKomplettering: 0 };
      doctor.sent++;
      if (asked.length > 0) doctor.withKomplettering++;
      doctors.set(cert.doctor, doctor);
    }
    for (const arende of asked) {
      for (const question of new Set(arende.questions ?? [])) {
        questions.set(question, (questions.get(question) ?? 0) + 1);
      }
    }
  }
  return {
    sent,
    withKomplettering,
    byDoctor: [...doctors.keys()].sort(byText).map((doctor) => ({ doctor, ...doctors.get(doctor)! })),
    byQuestion: [...questions.keys()]
      .sort(compareQuestionIds)
      .map((question) => ({ question, count: questions.get(question)! })),
  };
}
