/**
 * New cases per month, quarter or year (contract `samsyn statistik`): the cases of the patient
 * history (so none starting after today) whose start lies in the period; one row per period of the
 * range, zeros included.
 */
import type { Sjukfall } from "../cases/types.ts";
import { periodLabel, periodLabels, type MonthRange, type PeriodKind } from "./periods.ts";
import { sexOfPatient } from "./sex.ts";
import { addTo, emptySplit, type Split } from "./split.ts";

export type PeriodRow = { period: string } & Split;

/**
 * One row per period of `range` (widened to whole quarters or years), counting cases by start: the
 * patient history's cases, or only their starts (`caseStarts`).
 */
export function newCasesFigures(
  history: readonly Pick<Sjukfall, "patient" | "start">[],
  range: MonthRange,
  by: PeriodKind,
): PeriodRow[] {
  const rows = periodLabels(range, by).map((period): PeriodRow => ({ period, ...emptySplit() }));
  const byLabel = new Map(rows.map((row) => [row.period, row]));
  for (const c of history) {
    const row = byLabel.get(periodLabel(c.start, by));
    if (row) addTo(row, sexOfPatient(c.patient));
  }
  return rows;
}
