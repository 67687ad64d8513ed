/** Labels and number formats of the statistics page, in one place. */
import type { PeriodKind } from "../api/statistics.ts";

export const statisticsTexts = {
  hidden: "dolt",
  none: "–",
  women: "Kvinnor",
  men: "Män",
  total: "Totalt",
  count: "Antal",
  lastYear: "Föregående år",
  lastYearShort: "Förra året",
  by: { month: "Månad", quarter: "Kvartal", year: "År" } as Record<PeriodKind, string>,
};

const integer = new Intl.NumberFormat("sv-SE");
const percent = new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 1 });

/** A count as shown: "dolt" when suppressed. */
export function countText(value: number | null): string {
  return value === null ? statisticsTexts.hidden : integer.format(value);
}

/** A share as a percentage: "dolt" when suppressed, "–" without a denominator. */
export function rateText(value: number | null, suppressed: boolean): string {
  if (value === null) return suppressed ? statisticsTexts.hidden : statisticsTexts.none;
  return percent.format(value);
}

/** "0-14" → "0–14 dagar", "731-" → "731 dagar eller mer". */
export function bucketLabel(bucket: string): string {
  return bucket.endsWith("-")
    ? `${bucket.slice(0, -1)} dagar eller mer`
    : `${bucket.replace("-", "–")} dagar`;
}

export const gradeLabel = (grade: number) => `${grade} %`;
