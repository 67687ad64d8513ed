/**
 * Calendar arithmetic on ISO dates (ÅÅÅÅ-MM-DD) as day numbers: days since 1970-01-01 in the
 * proleptic Gregorian calendar. No Date objects and no time zones — a sick-leave day is a calendar
 * date, and parsing with `new Date()` would drag the machine's time zone in. The conversions are
 * Howard Hinnant's `days_from_civil` / `civil_from_days`, written with charCodeAt because the
 * engine converts millions of dates per second.
 */

const DAYS_PER_ERA = 146_097;
const EPOCH_OFFSET = 719_468; // day number of 1970-01-01 counted from 0000-03-01

function digit(text: string, at: number): number {
  return text.charCodeAt(at) - 48;
}

/** Day number of an ISO date. The text must already be a valid date (see `isIsoDate`). */
export function dayNumber(iso: string): number {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  // Years start in March so that the leap day is the last day of the year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_OFFSET;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** ISO date of a day number (years 0000–9999). */
export function isoDate(dayNo: number): string {
  const z = dayNo + EPOCH_OFFSET;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for an existing calendar date written ÅÅÅÅ-MM-DD (2016-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  return ISO_DATE_SHAPE.test(text) && isoDate(dayNumber(text)) === text;
}

/** The ISO date `days` calendar days after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  return isoDate(dayNumber(iso) + days);
}
