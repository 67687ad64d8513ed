/**
 * Sjuktal (issue #10): ongoing cases per 1,000 listed patients, split by sex. The listed
 * population comes from the regions' listing systems (a separate import); here it is an input.
 */
import { SPLIT_KEYS, type RateSplit, type Split } from "./split.ts";

/** Ongoing cases per 1,000 listed, one decimal; null where nobody is listed. */
export function sjuktal(ongoing: Split, listed: Split): RateSplit {
  const rates = {} as Record<(typeof SPLIT_KEYS)[number], number | null>;
  for (const key of SPLIT_KEYS) {
    rates[key] = listed[key] > 0 ? Math.round((ongoing[key] * 10_000) / listed[key]) / 10 : null;
  }
  return rates;
}
