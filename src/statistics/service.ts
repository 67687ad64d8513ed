/**
 * The figures of one unit for a period and for the same period a year earlier, computed with the
 * pure statistics (`./statistics.ts`) from the unit's certificates and kompletteringar.
 */
import type { Queryable } from "../db/client.ts";
import type { Icd10 } from "../reference/icd10/icd10.ts";
import { computeFurtherFigures, type FurtherFigures } from "./further.ts";
import { kompletteringAnswerTimes } from "./komplettering-follow-up.ts";
import { caseWithRecordOf } from "./long-cases.ts";
import { addMonths, defaultRange, rangeDays, type MonthRange, type PeriodKind } from "./periods.ts";
import { computeStatistics, type StatisticsAnswer } from "./statistics.ts";
import {
  unitCertificates,
  unitCaseFollowUps,
  unitDecisions,
  unitGap,
  unitKompletteringar,
  unitListedInMonthOf,
} from "./store.ts";

export interface StatisticsRequest {
  today: string;
  from?: string | undefined;
  to?: string | undefined;
  by: PeriodKind;
  /** Counts from 1 to suppress − 1 are hidden; 0: none. */
  suppress: number;
  /** Diagnosis groups for the further figures. */
  icd10: Pick<Icd10, "chapterOf" | "groupOf">;
}

export interface UnitStatistics {
  current: StatisticsAnswer;
  lastYear: StatisticsAnswer;
  /** Unsuppressed: the caller suppresses them for answers that leave the unit. */
  further: FurtherFigures;
  /** Unsuppressed, per doctor by id: the caller suppresses and filters them. */
  answerTimes: { current: AnswerTimesByDoctor; lastYear: AnswerTimesByDoctor };
  range: MonthRange;
  lastYearRange: MonthRange;
}

export type AnswerTimesByDoctor = ReturnType<typeof kompletteringAnswerTimes>;

/** The same day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(today: string): string {
  const year = String(Number(today.slice(0, 4)) - 1).padStart(4, "0");
  const monthDay = today.slice(5) === "02-29" ? "02-28" : today.slice(5);
  return `${year}-${monthDay}`;
}

/** The requested range with the default (12 months ending with today's month) for a missing end. */
export function requestedRange(request: StatisticsRequest): MonthRange {
  const fallback = defaultRange(request.today);
  return { from: request.from ?? fallback.from, to: request.to ?? fallback.to };
}

export async function unitStatistics(
  q: Queryable,
  unitId: string,
  request: StatisticsRequest,
): Promise<UnitStatistics> {
  const [certs, arenden, gap, listed, decisions] = [
    await unitCertificates(q, unitId),
    await unitKompletteringar(q, unitId),
    await unitGap(q, unitId),
    (await unitListedInMonthOf(q, unitId, request.today)) ?? undefined,
    await unitDecisions(q, unitId),
  ];
  const decided = caseWithRecordOf(decisions);
  const { team, plans } = await unitCaseFollowUps(q, unitId);
  const reachedTeam = caseWithRecordOf(team);
  const hasPlan = caseWithRecordOf(plans);
  const range = requestedRange(request);
  const lastYearRange = { from: addMonths(range.from, -12), to: addMonths(range.to, -12) };
  const options = { gap, by: request.by, unit: unitId, suppress: request.suppress };
  return {
    current: computeStatistics(certs, arenden, { ...options, today: request.today, ...range }),
    // Seen from the same day a year earlier, so "now" and the current period compare like for like.
    lastYear: computeStatistics(certs, arenden, {
      ...options,
      today: sameDayLastYear(request.today),
      ...lastYearRange,
    }),
    further: computeFurtherFigures(certs, {
      today: request.today,
      gap,
      unit: unitId,
      icd10: request.icd10,
      listed,
      followUpOf: (c) => ({ decided: decided(c), reachedTeam: reachedTeam(c), hasPlan: hasPlan(c) }),
    }),
    // The certificates sent in each period, as the contract's komplettering figures count them.
    answerTimes: {
      current: kompletteringAnswerTimes(certs, arenden, { ...rangeDays(range), unit: unitId }),
      lastYear: kompletteringAnswerTimes(certs, arenden, { ...rangeDays(lastYearRange), unit: unitId }),
    },
    range,
    lastYearRange,
  };
}
