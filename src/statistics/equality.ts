/**
 * The equality indicator (issue #10; seed 004: a gender-equal sick-leave process): within one
 * diagnosis group, do women and men get sick-listed for different lengths or grades? Computed on
 * the ongoing cases, per class of `./diagnosis.ts` (usually the seven diagnosis groups).
 *
 * "Large" — the rule the definition text states:
 * - compared only when each sex has at least `minCases` (5) cases in the group (fewer says little,
 *   and would show small cells);
 * - length: the median lengths (days) differ by at least `lengthDays` (14) days and by at least
 *   `lengthShare` (25 %) of the larger median;
 * - grade: the mean current grades differ by at least `gradePoints` (10) percentage points.
 */
import type { Sjukfall } from "../cases/types.ts";
import { classOfCase, type DiagnosisClassifier } from "./diagnosis.ts";
import { sexOfPatient } from "./sex.ts";

export const EQUALITY_THRESHOLDS = {
  minCases: 5,
  lengthDays: 14,
  lengthShare: 0.25,
  gradePoints: 10,
} as const;

export interface SexFigures {
  cases: number;
  /** Median length in days (the mean of the two middle ones for an even count); null without cases. */
  medianDays: number | null;
  /** Mean current grade, percent, one decimal; null without cases. */
  meanGrade: number | null;
}

export interface EqualityRow {
  key: string;
  label: string;
  women: SexFigures;
  men: SexFigures;
  /** Whether both sexes have enough cases to compare; the differences are null otherwise. */
  comparable: boolean;
  /** Women's median minus men's, days. */
  lengthDifference: number | null;
  /** Women's mean grade minus men's, percentage points (one decimal). */
  gradeDifference: number | null;
  lengthFlagged: boolean;
  gradeFlagged: boolean;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function figuresOf(cases: Sjukfall[]): SexFigures {
  const grades = cases.map((c) => c.currentGrade).filter((grade): grade is number => grade !== null);
  return {
    cases: cases.length,
    medianDays: median(cases.map((c) => c.days)),
    meanGrade: grades.length === 0 ? null : oneDecimal(grades.reduce((a, b) => a + b, 0) / grades.length),
  };
}

function compare(key: string, label: string, women: Sjukfall[], men: Sjukfall[]): EqualityRow {
  const w = figuresOf(women);
  const m = figuresOf(men);
  const comparable = w.cases >= EQUALITY_THRESHOLDS.minCases && m.cases >= EQUALITY_THRESHOLDS.minCases;
  const lengthDifference = comparable ? w.medianDays! - m.medianDays! : null;
  const gradeDifference =
    comparable && w.meanGrade !== null && m.meanGrade !== null ? oneDecimal(w.meanGrade - m.meanGrade) : null;
  const larger = Math.max(w.medianDays ?? 0, m.medianDays ?? 0);
  return {
    key,
    label,
    women: w,
    men: m,
    comparable,
    lengthDifference,
    gradeDifference,
    lengthFlagged:
      lengthDifference !== null &&
      Math.abs(lengthDifference) >= EQUALITY_THRESHOLDS.lengthDays &&
      Math.abs(lengthDifference) >= EQUALITY_THRESHOLDS.lengthShare * larger,
    gradeFlagged: gradeDifference !== null && Math.abs(gradeDifference) >= EQUALITY_THRESHOLDS.gradePoints,
  };
}

/**
 * One row per diagnosis class with at least one woman or man among the (ongoing) cases, ordered by
 * key. Cases of patients without a sex are not compared.
 */
export function equalityIndicators(cases: readonly Sjukfall[], classify: DiagnosisClassifier): EqualityRow[] {
  const groups = new Map<string, { label: string; women: Sjukfall[]; men: Sjukfall[] }>();
  for (const c of cases) {
    const sex = sexOfPatient(c.patient);
    if (sex === null) continue;
    const { key, label } = classOfCase(c, classify);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label, women: [], men: [] }));
    (sex === "F" ? group.women : group.men).push(c);
  }
  return [...groups.keys()].sort().map((key) => {
    const { label, women, men } = groups.get(key)!;
    return compare(key, label, women, men);
  });
}
