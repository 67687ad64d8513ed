/**
 * Calendar helpers for the generator, on day numbers (days since 1970-01-01) as the sjukfall
 * engine counts them. Timestamps are local Swedish office hours written with their UTC offset,
 * so the generator needs no time-zone database and gives the same text on every machine.
 */
import { isoDate } from "../cases/days.ts";

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** The working day on or before `day` (Saturday and Sunday move back to Friday). */
export function workdayOnOrBefore(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** The working day on or after `day` (Saturday and Sunday move on to Monday). */
export function workdayOnOrAfter(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

function lastSunday(year: number, month: number): number {
  // Day number of the last day of the month, then back to Sunday.
  const firstOfNext = Date.UTC(month === 12 ? year + 1 : year, month === 12 ? 0 : month, 1) / 86_400_000;
  const last = firstOfNext - 1;
  return last - weekday(last);
}

const summerTime = new Map<number, [number, number]>();

/** Swedish summer time (EU rule): last Sunday in March to last Sunday in October. */
function isSummerTime(day: number): boolean {
  const year = Number(isoDate(day).slice(0, 4));
  let range = summerTime.get(year);
  if (!range) {
    range = [lastSunday(year, 3), lastSunday(year, 10)];
    summerTime.set(year, range);
  }
  // Office hours only: on the switch days the change (at night) has already happened.
  return day >= range[0] && day < range[1];
}

/** "2026-03-04T09:12:00+01:00": local time in Sweden on `day`, `minute` minutes after midnight (office hours). */
export function swedishTimestamp(day: number, minute: number): string {
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  return `${isoDate(day)}T${hh}:${mm}:00${isSummerTime(day) ? "+02:00" : "+01:00"}`;
}
