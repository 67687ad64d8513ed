/**
 * Sick-leave statistics of a unit or a region, split by women and men: the figures of the
 * contract `samsyn statistik` (`../shared/contracts/README.md`), computed from the sjukfall engine.
 * Pure: no I/O, no clock (`today` is a parameter). The CLI prints `computeStatistics`' answer as it
 * is; the web app's figures come from the same functions, and each figure's Swedish definition is in
 * `./definitions.ts`.
 *
 * Cases are built exactly as by `samsyn sjukfall`: ongoing cases from the unit list (after-end 0),
 * new cases from the patient history (only the starts of its cases), both from one pass of the
 * engine (`statisticsCases`), with `--unit` as there (replacements looked up in the whole input).
 */
import { statisticsCases, type SjukfallCertificate } from "../cases/engine.ts";
import { resolveGap, resolveToday } from "../cases/options.ts";
import { kompletteringFigures, type KompletteringFigures, type StatisticsArende } from "./kompletteringar.ts";
import { newCasesFigures } from "./new-cases.ts";
import { ongoingFigures, type Grade, type LengthBucket } from "./ongoing.ts";
import {
  defaultRange,
  isEmptyRange,
  isMonth,
  PERIOD_KINDS,
  rangeDays,
  type MonthRange,
  type PeriodKind,
} from "./periods.ts";
import { rateSplit, suppressCount, suppressSplit, rate } from "./suppression.ts";
import type { Count, CountSplit, RateSplit } from "./split.ts";

export type { StatisticsArende, StatisticsArendeType } from "./kompletteringar.ts";
export type { PeriodKind } from "./periods.ts";

export interface StatisticsOptions {
  /** ISO date the statistics are seen from. */
  today: string;
  /** As for the sjukfall engine (0–90, default 5). */
  gap?: number | undefined;
  /** First and last month (ÅÅÅÅ-MM, inclusive); each defaults to the 12 months ending with today's month. */
  from?: string | undefined;
  to?: string | undefined;
  /** Period of the time series (default month); quarter and year widen the range to whole periods. */
  by?: PeriodKind | undefined;
  /** Only this unit's certificates; default all units together. */
  unit?: string | undefined;
  /** Suppress counts from 1 to N − 1 (N ≥ 2); 0 (default) or 1: nothing suppressed. */
  suppress?: number | undefined;
}

/** The options with every default applied. */
export interface ResolvedStatisticsOptions {
  today: string;
  gap: number;
  range: MonthRange;
  by: PeriodKind;
  unit: string | undefined;
  suppress: number;
}

/** The most `suppress` may be. */
export const SUPPRESS_MAX = 1000;

/** Applies the defaults; RangeError (English, naming the option) for a value out of its domain. */
export function resolveStatisticsOptions(options: StatisticsOptions): ResolvedStatisticsOptions {
  resolveToday(options.today);
  const fallback = defaultRange(options.today);
  const range = { from: options.from ?? fallback.from, to: options.to ?? fallback.to };
  for (const end of ["from", "to"] as const) {
    if (!isMonth(range[end])) throw new RangeError(`${end} must be a month YYYY-MM (got ${range[end]})`);
  }
  if (isEmptyRange(range)) throw new RangeError(`from (${range.from}) must not come after to (${range.to})`);
  const by = options.by ?? "month";
  if (!PERIOD_KINDS.includes(by)) throw new RangeError(`by must be month, quarter or year (got ${by})`);
  const suppress = options.suppress ?? 0;
  if (!Number.isInteger(suppress) || suppress < 0 || suppress > SUPPRESS_MAX) {
    throw new RangeError(`suppress must be an integer from 0 to ${SUPPRESS_MAX} (got ${suppress})`);
  }
  if (options.unit === "") throw new RangeError("unit must not be empty");
  return { today: options.today, gap: resolveGap(options.gap), range, by, unit: options.unit, suppress };
}

type Row<K extends string, V> = { [key in K]: V } & CountSplit;

/** The contract's answer; every count is null when suppressed. */
export interface StatisticsAnswer {
  today: string;
  ongoing: CountSplit;
  ongoingByLength: Row<"bucket", LengthBucket>[];
  ongoingByGrade: Row<"grade", Grade>[];
  newCases: Row<"period", string>[];
  kompletteringar: {
    sent: CountSplit;
    withKomplettering: CountSplit;
    rate: RateSplit;
    byDoctor: { doctor: string; sent: Count; withKomplettering: Count; rate: number | null }[];
    byQuestion: { question: string; count: Count }[];
  };
}

/** The komplettering figures as the answer shows them: suppressed, with rates. */
function shownKompletteringar(komplt: KompletteringFigures, n: number): StatisticsAnswer["kompletteringar"] {
  const sent = suppressSplit(komplt.sent, n);
  const withKomplettering = suppressSplit(komplt.withKomplettering, n);
  const shownRates = { numerator: withKomplettering, denominator: sent };
  return {
    sent,
    withKomplettering,
    rate: rateSplit(komplt.withKomplettering, komplt.sent, shownRates, n),
    byDoctor: komplt.byDoctor.map((row) => {
      const shown = {
        numerator: suppressCount(row.withKomplettering, n),
        denominator: suppressCount(row.sent, n),
      };
      return {
        doctor: row.doctor,
        sent: shown.denominator,
        withKomplettering: shown.numerator,
        rate: rate(row.withKomplettering, row.sent, shown, n),
      };
    }),
    byQuestion: komplt.byQuestion.map(({ question, count }) => ({
      question,
      count: suppressCount(count, n),
    })),
  };
}

/** Every figure of the contract for the certificates and ärenden, with suppression applied. */
export function computeStatistics(
  certs: readonly SjukfallCertificate[],
  arenden: readonly StatisticsArende[],
  options: StatisticsOptions,
): StatisticsAnswer {
  const { today, gap, range, by, unit, suppress: n } = resolveStatisticsOptions(options);
  const list = certs as SjukfallCertificate[];
  const cases = statisticsCases(list, { today, gap, unit });
  const ongoing = ongoingFigures(cases.ongoing);
  const { first, last } = rangeDays(range);
  return {
    today,
    ongoing: suppressSplit(ongoing.ongoing, n),
    ongoingByLength: ongoing.ongoingByLength.map((row) => suppressSplit(row, n)),
    ongoingByGrade: ongoing.ongoingByGrade.map((row) => suppressSplit(row, n)),
    newCases: newCasesFigures(cases.starts, range, by).map((row) => suppressSplit(row, n)),
    kompletteringar: shownKompletteringar(kompletteringFigures(certs, arenden, { first, last, unit }), n),
  };
}
