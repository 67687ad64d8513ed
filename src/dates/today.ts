/**
 * Sick-leave rules count calendar days in Sweden: "today" is the date in Europe/Stockholm,
 * whatever the server's time zone.
 */
const stockholmDate = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** ISO date (ÅÅÅÅ-MM-DD) of the instant in Stockholm. */
export function stockholmToday(now: Date): string {
  return stockholmDate.format(now);
}

const stockholmDateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** Date and time of the instant in Stockholm, as Swedish forms print it (ÅÅÅÅ-MM-DD TT:MM). */
export function stockholmDateTimeText(instant: Date): string {
  return stockholmDateTime.format(instant);
}
