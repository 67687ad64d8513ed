/**
 * Every figure is split total / women / men. A count is a number, or null once suppressed
 * (`./suppression.ts`). The total counts every case or certificate, also those whose patient id
 * gives no sex (`./sex.ts`), so women + men = total whenever every patient id is a personnummer or
 * samordningsnummer.
 */
import type { Sex } from "./sex.ts";

export interface Split {
  total: number;
  women: number;
  men: number;
}

/** A count after suppression: null when suppressed. */
export type Count = number | null;

export interface CountSplit {
  total: Count;
  women: Count;
  men: Count;
}

/** A share after suppression: null when suppressed or without a denominator. */
export interface RateSplit {
  total: number | null;
  women: number | null;
  men: number | null;
}

export function emptySplit(): Split {
  return { total: 0, women: 0, men: 0 };
}

/** Counts one case or certificate of a patient of this sex (null: in the total only). */
export function addTo(split: Split, sex: Sex | null): void {
  split.total++;
  if (sex === "F") split.women++;
  else if (sex === "M") split.men++;
}

export const SPLIT_KEYS = ["total", "women", "men"] as const;
