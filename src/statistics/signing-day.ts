/**
 * The signing day of a certificate: the calendar date of `signed` in Europe/Stockholm. A time
 * without offset is already Stockholm's local time (contract `samsyn sjukfall`), so its date is the
 * day; an instant with an offset ("Z", "+01:00") is moved to Stockholm first, so 23:30Z in winter
 * is the next day.
 */
import { signedInstant } from "../cases/signed.ts";
import { stockholmToday } from "../dates/today.ts";

const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;
const HOUR_MS = 3_600_000;

/**
 * Stockholm's date per UTC hour: its offsets are whole hours, so every instant of one UTC hour has
 * the same date there. A region's certificates share a few thousand hours.
 */
const dateOfUtcHour = new Map<number, string>();

/** ISO date (ÅÅÅÅ-MM-DD) on which the certificate was signed, in Stockholm. */
export function signingDay(signed: string): string {
  if (signed.length <= 16 || !OFFSET.test(signed.slice(16))) return signed.slice(0, 10);
  const instant = signedInstant(signed);
  // An offset after a bare date ("2026-03-01Z") is no instant the engine reads: keep the date.
  if (!Number.isFinite(instant)) return signed.slice(0, 10);
  const hour = Math.floor(instant / HOUR_MS);
  let day = dateOfUtcHour.get(hour);
  if (day === undefined) {
    day = stockholmToday(new Date(hour * HOUR_MS));
    dateOfUtcHour.set(hour, day);
  }
  return day;
}
