/**
 * Secondary suppression across the rows of a breakdown, for answers that leave the unit (the
 * regional analyst's): the contract's suppression (`./suppression.ts`) protects each
 * total/women/men triple, but the rows of `ongoingByLength` and `ongoingByGrade` also add up to
 * `ongoing`. With one hidden cell in a column and the column's total shown, the total minus the
 * shown rows gives the hidden cell back. Here the smallest other shown count of that column is
 * hidden too, and the triple rule is applied again, until nothing changes (each step only hides,
 * so it ends).
 */
import { SPLIT_KEYS, type CountSplit } from "./split.ts";

type Key = (typeof SPLIT_KEYS)[number];

/**
 * A triple hides both sexes when exactly one of them is hidden, or when its total is hidden (women
 * plus men would give the total back).
 */
function tripleRule(row: CountSplit): boolean {
  const oneSexHidden = (row.women === null) !== (row.men === null);
  const totalGivenBack = row.total === null && row.women !== null && row.men !== null;
  if (!oneSexHidden && !totalGivenBack) return false;
  row.women = null;
  row.men = null;
  return true;
}

/** The column rule for one key: false when the column needed nothing. */
function columnRule(rows: CountSplit[], whole: CountSplit, key: Key): boolean {
  if (whole[key] === null) return false;
  const hidden = rows.filter((row) => row[key] === null).length;
  if (hidden !== 1) return false;
  const shown = rows.filter((row) => row[key] !== null);
  // The smallest shown count above 0; a column of zeros beside one hidden cell hides a zero.
  const candidates = shown.filter((row) => (row[key] ?? 0) > 0);
  const pool = candidates.length > 0 ? candidates : shown;
  if (pool.length === 0) return false;
  const smallest = pool.reduce((a, b) => ((b[key] ?? 0) < (a[key] ?? 0) ? b : a));
  smallest[key] = null;
  return true;
}

/**
 * The rows with every cell hidden that could be worked out from `whole` (the breakdown's total
 * row) and the other shown rows. The input is not changed.
 */
export function suppressAcrossRows<T extends CountSplit>(rows: readonly T[], whole: CountSplit): T[] {
  const result = rows.map((row) => ({ ...row }));
  let changed = true;
  while (changed) {
    changed = false;
    for (const row of result) changed = tripleRule(row) || changed;
    for (const key of SPLIT_KEYS) changed = columnRule(result, whole, key) || changed;
  }
  return result;
}
