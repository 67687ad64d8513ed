/**
 * Months, quarters and years of the time series (contract `samsyn statistik`: `--from`, `--to`,
 * `--by`). A month is written ÅÅÅÅ-MM; the range is inclusive and, with `--by quarter` or `year`,
 * widened to whole quarters or years. Labels: `2026-01`, `2026-Q1`, `2026`.
 */
import { addDays } from "../cases/days.ts";

export const PERIOD_KINDS = ["month", "quarter", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** How many months the default range spans, ending with the month of today. */
export const DEFAULT_RANGE_MONTHS = 12;

const MONTH_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month written ÅÅÅÅ-MM (01–12). */
export function isMonth(text: string): boolean {
  return MONTH_SHAPE.test(text);
}

/** Months since year 0: comparable and countable. The text must be a month (`isMonth`). */
function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthText(number: number): string {
  const year = Math.floor(number / 12);
  return `${String(year).padStart(4, "0")}-${String((number % 12) + 1).padStart(2, "0")}`;
}

/** The month of an ISO date (ÅÅÅÅ-MM-DD). */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** The month `count` months after `month` (negative: before). */
export function addMonths(month: string, count: number): string {
  return monthText(monthNumber(month) + count);
}

/** The label of the period (of this kind) holding the ISO date or month. */
export function periodLabel(dateOrMonth: string, by: PeriodKind): string {
  const month = dateOrMonth.slice(0, 7);
  if (by === "month") return month;
  const year = month.slice(0, 4);
  if (by === "year") return year;
  return `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export interface MonthRange {
  /** First and last month, both included (ÅÅÅÅ-MM). */
  from: string;
  to: string;
}

/** The default range: the 12 months ending with the month of `today`, each end on its own. */
export function defaultRange(today: string): MonthRange {
  const to = monthOf(today);
  return { from: addMonths(to, 1 - DEFAULT_RANGE_MONTHS), to };
}

/** The range widened to whole quarters or years (unchanged for months). */
export function widenRange(range: MonthRange, by: PeriodKind): MonthRange {
  if (by === "month") return range;
  const size = by === "quarter" ? 3 : 12;
  const from = monthNumber(range.from);
  const to = monthNumber(range.to);
  return { from: monthText(from - (from % size)), to: monthText(to - (to % size) + size - 1) };
}

/** The labels of the periods from `range.from` to `range.to` (widened first), in order. */
export function periodLabels(range: MonthRange, by: PeriodKind): string[] {
  const widened = widenRange(range, by);
  const step = by === "month" ? 1 : by === "quarter" ? 3 : 12;
  const labels: string[] = [];
  for (let month = monthNumber(widened.from); month <= monthNumber(widened.to); month += step) {
    labels.push(periodLabel(monthText(month), by));
  }
  return labels;
}

/** The first and last ISO date of a month range. */
export function rangeDays(range: MonthRange): { first: string; last: string } {
  const next = monthText(monthNumber(range.to) + 1);
  return { first: `${range.from}-01`, last: addDays(`${next}-01`, -1) };
}

/** Whether `from` comes after `to` (an empty range). */
export function isEmptyRange(range: MonthRange): boolean {
  return monthNumber(range.from) > monthNumber(range.to);
}
