/**
 * The figures of issue #10 that the CLI contract does not cover, in one call for a unit (or the
 * units together): ongoing cases by diagnosis chapter and group, long cases and their follow-up,
 * figures per doctor, the equality indicators and sjuktal. What lives in other areas' storage — the
 * ICD-10 classification, the follow-up of long cases, the listed population — is passed in.
 * Suppression (for the regional analyst) is `suppressFurtherFigures`, with the contract's rules.
 */
import { unitList, type SjukfallCertificate } from "../cases/engine.ts";
import type { Sjukfall } from "../cases/types.ts";
import { resolveGap, resolveToday } from "../cases/options.ts";
import type { Icd10 } from "../reference/icd10/icd10.ts";
import { casesByDiagnosis, chapterClassifier, groupClassifier, type DiagnosisRow } from "./diagnosis.ts";
import { ongoingByDoctor, type DoctorRow } from "./doctors.ts";
import { equalityIndicators, type EqualityRow } from "./equality.ts";
import { longCaseFigures, type LongCaseFigures, type LongCaseFollowUp } from "./long-cases.ts";
import { ongoingFigures } from "./ongoing.ts";
import { sjuktal } from "./sjuktal.ts";
import type { CountSplit, RateSplit, Split } from "./split.ts";
import { suppressSplit } from "./suppression.ts";

export interface FurtherOptions {
  today: string;
  gap?: number | undefined;
  unit?: string | undefined;
  /** ICD-10-SE chapters and diagnosis groups (`../reference/icd10/load.ts`'s `loadIcd10()`). */
  icd10: Pick<Icd10, "chapterOf" | "groupOf">;
  /** The follow-up of a long case (keyed as the caller stores it, e.g. unit + patient + start). */
  followUpOf?:
    | ((
        c: Pick<Sjukfall, "patient" | "unit" | "start" | "end" | "certificates">,
      ) => LongCaseFollowUp | undefined)
    | undefined;
  /** Listed patients of the unit(s), for sjuktal; absent: sjuktal null. */
  listed?: Split | undefined;
}

export interface FurtherFigures {
  /** The ongoing cases (as the contract's `ongoing`), the base of the figures below. */
  ongoing: Split;
  ongoingByChapter: DiagnosisRow[];
  ongoingByGroup: DiagnosisRow[];
  longCases: LongCaseFigures;
  ongoingByDoctor: DoctorRow[];
  /** Per diagnosis group. */
  equality: EqualityRow[];
  sjuktal: RateSplit;
}

/** The further figures of the ongoing cases (the unit list on today, after-end 0). */
export function computeFurtherFigures(
  certs: readonly SjukfallCertificate[],
  options: FurtherOptions,
): FurtherFigures {
  resolveToday(options.today);
  const ongoing = unitList(certs as SjukfallCertificate[], {
    today: options.today,
    gap: resolveGap(options.gap),
    afterEnd: 0,
    unit: options.unit,
  });
  const byGroup = groupClassifier(options.icd10);
  const nobody = { total: 0, women: 0, men: 0 };
  const counted = ongoingFigures(ongoing).ongoing;
  return {
    ongoing: counted,
    ongoingByChapter: casesByDiagnosis(ongoing, chapterClassifier(options.icd10)),
    ongoingByGroup: casesByDiagnosis(ongoing, byGroup),
    longCases: longCaseFigures(ongoing, (c) => options.followUpOf?.(c)),
    ongoingByDoctor: ongoingByDoctor(ongoing),
    equality: equalityIndicators(ongoing, byGroup),
    sjuktal: sjuktal(counted, options.listed ?? nobody),
  };
}

/** An object whose total/women/men fields were suppressed. */
type Suppressed<T> = { [K in keyof T]: T[K] extends Split ? CountSplit : T[K] };
/** A row that is itself a triple, suppressed. */
type SuppressedRow<T extends Split> = Omit<T, keyof Split> & CountSplit;

/** What may leave for a reader outside the unit: counts suppressed and rates derived from them hidden. */
export interface SuppressedFurtherFigures {
  ongoing: CountSplit;
  ongoingByChapter: SuppressedRow<DiagnosisRow>[];
  ongoingByGroup: SuppressedRow<DiagnosisRow>[];
  longCases: Suppressed<LongCaseFigures>;
  ongoingByDoctor: Suppressed<DoctorRow>[];
  /** The flags, and the differences only where each sex has at least N cases; no medians or means. */
  equality: Pick<
    EqualityRow,
    "key" | "label" | "comparable" | "lengthDifference" | "gradeDifference" | "lengthFlagged" | "gradeFlagged"
  >[];
  sjuktal: RateSplit;
}

function suppressAll<T extends object>(value: T, n: number): Suppressed<T> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const isSplit = typeof field === "object" && field !== null && "total" in field && "women" in field;
    out[key] = isSplit ? suppressSplit(field as Split, n) : field;
  }
  return out as Suppressed<T>;
}

/**
 * The further figures with every count from 1 to N − 1 hidden and secondary suppression in each
 * triple (`./suppression.ts`); a sjuktal is hidden with its ongoing count (else it and the listed
 * count give the ongoing count back); the equality rows keep whether a group is compared and
 * flagged, and its differences only where each sex has at least N cases.
 */
export function suppressFurtherFigures(figures: FurtherFigures, n: number): SuppressedFurtherFigures {
  const shownOngoing = suppressSplit(figures.ongoing, n);
  const sjuktalShown = { ...figures.sjuktal };
  for (const key of ["total", "women", "men"] as const)
    if (shownOngoing[key] === null) sjuktalShown[key] = null;
  return {
    ongoing: shownOngoing,
    ongoingByChapter: figures.ongoingByChapter.map((row) => suppressSplit(row, n)),
    ongoingByGroup: figures.ongoingByGroup.map((row) => suppressSplit(row, n)),
    longCases: suppressAll(figures.longCases, n),
    ongoingByDoctor: figures.ongoingByDoctor.map((row) => suppressAll(row, n)),
    equality: figures.equality.map((row) => {
      const shown = row.women.cases >= n && row.men.cases >= n;
      return {
        key: row.key,
        label: row.label,
        comparable: row.comparable,
        lengthDifference: shown ? row.lengthDifference : null,
        gradeDifference: shown ? row.gradeDifference : null,
        lengthFlagged: row.lengthFlagged,
        gradeFlagged: row.gradeFlagged,
      };
    }),
    sjuktal: sjuktalShown,
  };
}
