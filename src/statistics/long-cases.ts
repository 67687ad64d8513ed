/**
 * Cases longer than 30 days and their follow-up (issue #10; PRODUCT §5.4: every case over 30 days
 * must end up decided, visibly). Which case was decided, reached the multimodal team or got a rehab
 * plan lives in the coordination area's storage: the caller passes it in, keyed by the case.
 */
import { linkedCase, type CaseLink } from "../cases/case-link.ts";
import { isLongerThan30Days } from "../cases/length.ts";
import type { Sjukfall } from "../cases/types.ts";
import { sexOfPatient } from "./sex.ts";
import { addTo, emptySplit, type Split } from "./split.ts";

/** What has happened to a long case so far; absent means nothing yet. */
export interface LongCaseFollowUp {
  /** An aktualisering decision was made (team or not). */
  decided: boolean;
  /** The case was taken up by the multimodal team. */
  reachedTeam: boolean;
  /** A rehab plan exists for the case. */
  hasPlan: boolean;
}

export interface LongCaseFigures {
  longCases: Split;
  decided: Split;
  reachedTeam: Split;
  withPlan: Split;
}

/**
 * Of the given (ongoing) cases, those longer than 30 days, and how many of them were decided,
 * reached the team and got a plan. `followUpOf` answers for one case (undefined: nothing yet).
 */
export function longCaseFigures(
  cases: readonly Sjukfall[],
  followUpOf: (c: Sjukfall) => LongCaseFollowUp | undefined,
): LongCaseFigures {
  const figures = {
    longCases: emptySplit(),
    decided: emptySplit(),
    reachedTeam: emptySplit(),
    withPlan: emptySplit(),
  };
  for (const c of cases) {
    if (!isLongerThan30Days(c)) continue;
    const sex = sexOfPatient(c.patient);
    const followUp = followUpOf(c);
    addTo(figures.longCases, sex);
    if (followUp?.decided) addTo(figures.decided, sex);
    if (followUp?.reachedTeam) addTo(figures.reachedTeam, sex);
    if (followUp?.hasPlan) addTo(figures.withPlan, sex);
  }
  return figures;
}

/**
 * Something recorded about a case as storage has it (an aktualisering decision, an agenda item of
 * a held team meeting, a fastställd rehab plan): the patient (keyed as the certificates) and its
 * case link (no certificate for the team's and the plan's: their recorded case start).
 */
export type RecordedDecision = CaseLink & { patient: string };

/**
 * Whether a case has a record, from the recorded ones: one linked to the case (`linkedCase`: by a
 * certificate of the case, else by the recorded start within its span). A superseded decision still
 * means the case was decided.
 */
export function caseWithRecordOf(
  decisions: readonly RecordedDecision[],
): (c: Pick<Sjukfall, "patient" | "start" | "end" | "certificates">) => boolean {
  const byPatient = new Map<string, RecordedDecision[]>();
  for (const d of decisions) byPatient.set(d.patient, [...(byPatient.get(d.patient) ?? []), d]);
  return (c) => {
    const linkable = [{ start: c.start, end: c.end, certificateIds: c.certificates }];
    return (byPatient.get(c.patient) ?? []).some((d) => linkedCase(linkable, d) !== null);
  };
}
