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
