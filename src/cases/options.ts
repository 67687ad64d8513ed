import { dayNumber, isIsoDate } from "./days.ts";

export const GAP_DEFAULT = 5;
export const GAP_MAX = 90;
export const AFTER_END_DEFAULT = 0;
export const AFTER_END_MAX = 14;

function integerIn(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max} (got ${value})`);
  }
  return value;
}

export function resolveGap(gap: number | undefined): number {
  return integerIn("gap", gap, GAP_DEFAULT, GAP_MAX);
}

export function resolveAfterEnd(afterEnd: number | undefined): number {
  return integerIn("afterEnd", afterEnd, AFTER_END_DEFAULT, AFTER_END_MAX);
}

/** Day number of `today`; RangeError unless it is an existing date ÅÅÅÅ-MM-DD. */
export function resolveToday(today: string): number {
  if (typeof today !== "string" || !isIsoDate(today)) {
    throw new RangeError(`today must be a date YYYY-MM-DD (got ${String(today)})`);
  }
  return dayNumber(today);
}
