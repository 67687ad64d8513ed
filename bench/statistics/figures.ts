/**
 * "All figures" of the statistics, as the benchmark computes them for the region or for one unit:
 * the contract's answer (`computeStatistics`), the further figures of issue #10
 * (`computeFurtherFigures`: diagnosis chapters and groups, long cases, doctors, equality, sjuktal)
 * and the komplettering follow-up per month and its answer times.
 */
import type { SjukfallCertificate } from "../../src/cases/types.ts";
import type { Icd10 } from "../../src/reference/icd10/icd10.ts";
import { computeFurtherFigures } from "../../src/statistics/further.ts";
import {
  kompletteringAnswerTimes,
  kompletteringarByPeriod,
} from "../../src/statistics/komplettering-follow-up.ts";
import { defaultRange, rangeDays } from "../../src/statistics/periods.ts";
import { computeStatistics, type StatisticsArende } from "../../src/statistics/statistics.ts";

export interface FigureInput {
  certificates: SjukfallCertificate[];
  arenden: StatisticsArende[];
  today: string;
  icd10: Pick<Icd10, "chapterOf" | "groupOf">;
}

/** Every third long case decided, every fifth with the team, every second with a plan (by start day). */
function followUpOf(c: { start: string }) {
  const day = Number(c.start.slice(8, 10));
  return { decided: day % 3 === 0, reachedTeam: day % 5 === 0, hasPlan: day % 2 === 0 };
}

export function allFigures(input: FigureInput, unit: string | undefined) {
  const { certificates, arenden, today, icd10 } = input;
  const range = defaultRange(today);
  const listed = { total: 250_000, women: 126_000, men: 124_000 };
  return {
    contract: computeStatistics(certificates, arenden, { today, unit }),
    further: computeFurtherFigures(certificates, { today, unit, icd10, followUpOf, listed }),
    byMonth: kompletteringarByPeriod(certificates, arenden, range, "month", unit),
    answerTimes: kompletteringAnswerTimes(certificates, arenden, { ...rangeDays(range), unit }),
  };
}
