/** How the web app shows values: Swedish words, dates as ÅÅÅÅ-MM-DD, times in Swedish time. */
import type { Sex } from "./api/types.ts";

export function sexLabel(sex: Sex): string {
  return sex === "F" ? "Kvinna" : "Man";
}

export function ageLabel(age: number): string {
  return `${age} år`;
}

/** A calendar date (ÅÅÅÅ-MM-DD) as it is; null as a dash. */
export function dateLabel(date: string | null): string {
  return date ? date.slice(0, 10) : "–";
}

const stockholmDateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as "ÅÅÅÅ-MM-DD TT:MM" in Swedish time, whatever the browser's zone. */
export function dateTimeLabel(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(stockholmDateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
