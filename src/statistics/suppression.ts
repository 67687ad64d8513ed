/**
 * Small-cell suppression (contract `samsyn statistik`, `--suppress N`, N ≥ 2):
 * 1. every count from 1 to N − 1 becomes null (0 stays 0);
 * 2. in each total/women/men triple, when exactly one of women and men is null the other becomes
 *    null too (secondary suppression: else total − shown = the hidden cell);
 * 3. a rate is null when its denominator is below N or its numerator is null — and also when its
 *    denominator was suppressed by step 2, since numerator / rate would give the hidden count back.
 * N of 0 or 1 suppresses nothing.
 */
import { SPLIT_KEYS, type Count, type CountSplit, type RateSplit, type Split } from "./split.ts";

/** Counts below this are hidden in answers that leave the unit (the region's analyst). */
export const REGION_SUPPRESS = 5;

/** A count after step 1. */
export function suppressCount(value: number, n: number): Count {
  return value >= 1 && value < n ? null : value;
}

/** A triple after steps 1 and 2; other fields of the row are kept. */
export function suppressSplit<T extends Split>(row: T, n: number): Omit<T, keyof Split> & CountSplit {
  const total = suppressCount(row.total, n);
  let women = suppressCount(row.women, n);
  let men = suppressCount(row.men, n);
  if ((women === null) !== (men === null)) {
    women = null;
    men = null;
  }
  return { ...row, total, women, men };
}

/** A share rounded to 3 decimals (half up). */
export function roundRate(numerator: number, denominator: number): number {
  return Math.round((numerator * 1000) / denominator) / 1000;
}

/**
 * numerator / denominator rounded to 3 decimals; null when the denominator is 0 or below N, or
 * either shown count is suppressed.
 */
export function rate(
  numerator: number,
  denominator: number,
  shown: { numerator: Count; denominator: Count },
  n: number,
): number | null {
  if (denominator === 0 || denominator < n) return null;
  if (shown.numerator === null || shown.denominator === null) return null;
  return roundRate(numerator, denominator);
}

/** The rates of a triple from its raw and its shown (suppressed) counts. */
export function rateSplit(
  numerator: Split,
  denominator: Split,
  shown: { numerator: CountSplit; denominator: CountSplit },
  n: number,
): RateSplit {
  const rates = {} as Record<(typeof SPLIT_KEYS)[number], number | null>;
  for (const key of SPLIT_KEYS) {
    rates[key] = rate(
      numerator[key],
      denominator[key],
      { numerator: shown.numerator[key], denominator: shown.denominator[key] },
      n,
    );
  }
  return rates;
}
