/**
 * Komplettering follow-up beyond the contract (issue #10: "per unit, per doctor and per period",
 * and the answer time): the contract's sent / with komplettering per period of the signing day,
 * and how long the unit took to answer Försäkringskassan's kompletteringar.
 */
import { dayNumber } from "../cases/days.ts";
import type { SjukfallCertificate } from "../cases/types.ts";
import {
  isSentIn,
  kompletteringarByCertificate,
  type SentRange,
  type StatisticsArende,
} from "./kompletteringar.ts";
import {
  periodLabel,
  periodLabels,
  rangeDays,
  widenRange,
  type MonthRange,
  type PeriodKind,
} from "./periods.ts";
import { sexOfPatient, type Sex } from "./sex.ts";
import { signingDay } from "./signing-day.ts";
import { addTo, emptySplit, type Split } from "./split.ts";

export type KompletteringPeriodRow = { period: string; sent: Split; withKomplettering: Split };

/**
 * One row per period of the range (widened to whole quarters or years, as `newCases`): the
 * certificates sent in it (by signing day) and those with at least one KOMPLT ärende.
 */
export function kompletteringarByPeriod(
  certs: readonly SjukfallCertificate[],
  arenden: readonly StatisticsArende[],
  range: MonthRange,
  by: PeriodKind,
  unit?: string,
): KompletteringPeriodRow[] {
  const kompletteringar = kompletteringarByCertificate(arenden);
  const rows = periodLabels(range, by).map((period) => ({
    period,
    sent: emptySplit(),
    withKomplettering: emptySplit(),
  }));
  const byLabel = new Map(rows.map((row) => [row.period, row]));
  const sentRange = { ...rangeDays(widenRange(range, by)), unit };
  for (const cert of certs) {
    if (!isSentIn(cert, sentRange)) continue;
    const row = byLabel.get(periodLabel(signingDay(cert.signed), by))!;
    const sex = sexOfPatient(cert.patient);
    addTo(row.sent, sex);
    if (kompletteringar.has(cert.id)) addTo(row.withKomplettering, sex);
  }
  return rows;
}

export interface AnswerTimes {
  /** KOMPLT ärenden on the sent certificates, answered (with a received and an answered date). */
  answered: Split;
  /** Those not answered yet. */
  open: Split;
  /** Median calendar days from received to answered; null without answered ärenden. */
  medianDays: { total: number | null; women: number | null; men: number | null };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

class AnswerTimeCounter {
  readonly answered = emptySplit();
  readonly open = emptySplit();
  private readonly days = { total: [] as number[], women: [] as number[], men: [] as number[] };

  add(arende: StatisticsArende, sex: Sex | null): void {
    if (!arende.answered || !arende.received) {
      if (!arende.answered) addTo(this.open, sex);
      return;
    }
    const days = dayNumber(arende.answered) - dayNumber(arende.received);
    addTo(this.answered, sex);
    this.days.total.push(days);
    if (sex === "F") this.days.women.push(days);
    else if (sex === "M") this.days.men.push(days);
  }

  result(): AnswerTimes {
    return {
      answered: this.answered,
      open: this.open,
      medianDays: {
        total: median(this.days.total),
        women: median(this.days.women),
        men: median(this.days.men),
      },
    };
  }
}

/**
 * Answer times of the KOMPLT ärenden on the certificates sent in the range (`isSentIn`), for the
 * unit(s) and per doctor who signed the certificate (doctors with at least one such ärende, by id).
 */
export function kompletteringAnswerTimes(
  certs: readonly SjukfallCertificate[],
  arenden: readonly StatisticsArende[],
  range: SentRange,
): { all: AnswerTimes; byDoctor: ({ doctor: string } & AnswerTimes)[] } {
  const kompletteringar = kompletteringarByCertificate(arenden);
  const all = new AnswerTimeCounter();
  const doctors = new Map<string, AnswerTimeCounter>();
  for (const cert of certs) {
    const asked = kompletteringar.get(cert.id);
    if (!asked || !isSentIn(cert, range)) continue;
    const sex = sexOfPatient(cert.patient);
    let doctor: AnswerTimeCounter | undefined;
    if (cert.doctor != null && cert.doctor !== "") {
      doctor = doctors.get(cert.doctor) ?? new AnswerTimeCounter();
      doctors.set(cert.doctor, doctor);
    }
    for (const arende of asked) {
      all.add(arende, sex);
      doctor?.add(arende, sex);
    }
  }
  return {
    all: all.result(),
    byDoctor: [...doctors.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((doctor) => ({ doctor, ...doctors.get(doctor)!.result() })),
  };
}
