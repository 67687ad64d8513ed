/**
 * "Längre än 30 dagar" (PRODUCT §4, seed 000: a case longer than 30 days is handed to the
 * rehabkoordinator). It always means the case's length — the calendar days covered by at least one
 * period of its certificates, future certificate days included, gaps not counted — never "dag i
 * sjukfallet" (calendar days from the start to today). The list filter, the aktualisering queue,
 * the tasks, the risk flags, the patient page and the exports all ask this one function.
 */
import type { Sjukfall } from "./types.ts";

/** The length a case must exceed to count as long. */
export const LONG_CASE_LIMIT_DAYS = 30;

/** Whether the case is longer than 30 days (its length, `days`, strictly greater than 30). */
export function isLongerThan30Days(c: Pick<Sjukfall, "days">): boolean {
  return c.days > LONG_CASE_LIMIT_DAYS;
}
