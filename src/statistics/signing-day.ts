/**
 * The signing day of a certificate: the calendar date of `signed` in Europe/Stockholm. A time
 * without offset is already Stockholm's local time (contract `samsyn sjukfall`), so its date is the
 * day; an instant with an offset ("Z", "+01:00") is moved to Stockholm first, so 23:30Z in winter
 * is the next day.
 */
import { signedInstant } from "../cases/signed.ts";
import { stockholmToday } from "../dates/today.ts";

const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** ISO date (ÅÅÅÅ-MM-DD) on which the certificate was signed, in Stockholm. */
export function signingDay(signed: string): string {
  const text = signed.trim();
  if (!OFFSET.test(text.slice(10))) return text.slice(0, 10);
  const instant = signedInstant(text);
  // An offset after a bare date ("2026-03-01Z") is no instant the engine reads: keep the date.
  return Number.isFinite(instant) ? stockholmToday(new Date(instant)) : text.slice(0, 10);
}
