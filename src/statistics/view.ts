/**
 * The statistics answer as the API shows it to one user: doctors by name only as far as the user
 * may see them (every doctor, only their own row, or none), FK questions with their headings, and,
 * for answers that leave the unit, the cross-row suppression of `./row-suppression.ts`.
 */
import { questionAreas } from "../arenden/rules.ts";
import { suppressFurtherFigures, type FurtherFigures, type SuppressedFurtherFigures } from "./further.ts";
import type { LongCaseFigures } from "./long-cases.ts";
import { suppressAcrossRows } from "./row-suppression.ts";
import { suppressSplit } from "./suppression.ts";
import type { AnswerTimesView, FurtherFiguresView, StatisticsDoctorScope, UnitFigures } from "./schema.ts";
import type { AnswerTimes } from "./komplettering-follow-up.ts";
import type { StatisticsAnswer } from "./statistics.ts";

/** Who the user may see among the doctors, and their names. */
export interface DoctorViewContext {
  doctors: StatisticsDoctorScope;
  /** The user's own id: their row is marked (and the only one with OWN). */
  userId: string;
  doctorNames: ReadonlyMap<string, string>;
}

export interface FiguresViewContext extends DoctorViewContext {
  range: { from: string; to: string };
  /** Region answers: hide cells that the other rows and the total would give back. */
  acrossRows: boolean;
}

const unknownDoctor = "Okänd läkare";

/**
 * The rows the user may see (every doctor, only their own, or none), named and sorted by name;
 * `fields` gives each row's figures.
 */
export function visibleDoctorRows<R extends { doctor: string }, F extends object>(
  rows: readonly R[],
  ctx: DoctorViewContext,
  fields: (row: R) => F,
): ({ doctorId: string; name: string; own: boolean } & F)[] {
  if (ctx.doctors === "NONE") return [];
  return rows
    .filter((row) => ctx.doctors === "ALL" || row.doctor === ctx.userId)
    .map((row) => ({
      doctorId: row.doctor,
      name: ctx.doctorNames.get(row.doctor) ?? unknownDoctor,
      own: row.doctor === ctx.userId,
      ...fields(row),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv") || a.doctorId.localeCompare(b.doctorId));
}

function doctorRows(
  answer: StatisticsAnswer,
  ctx: FiguresViewContext,
): UnitFigures["kompletteringar"]["byDoctor"] {
  return visibleDoctorRows(answer.kompletteringar.byDoctor, ctx, (row) => ({
    sent: row.sent,
    withKomplettering: row.withKomplettering,
    rate: row.rate,
  }));
}

export function figuresView(answer: StatisticsAnswer, ctx: FiguresViewContext): UnitFigures {
  const across = <T extends UnitFigures["ongoing"]>(rows: T[]) =>
    ctx.acrossRows ? suppressAcrossRows(rows, answer.ongoing) : rows;
  return {
    today: answer.today,
    from: ctx.range.from,
    to: ctx.range.to,
    ongoing: answer.ongoing,
    ongoingByLength: across(answer.ongoingByLength),
    ongoingByGrade: across(answer.ongoingByGrade),
    newCases: answer.newCases,
    kompletteringar: {
      sent: answer.kompletteringar.sent,
      withKomplettering: answer.kompletteringar.withKomplettering,
      rate: answer.kompletteringar.rate,
      byDoctor: doctorRows(answer, ctx),
      byQuestion: answer.kompletteringar.byQuestion.map((row) => ({
        question: row.question,
        label: questionAreas[row.question] ?? `Fråga ${row.question}`,
        count: row.count,
      })),
    },
  };
}

/** The long cases and their follow-up: decided, taken up by the team, with a fastställd plan. */
function longCasesView(
  long: SuppressedFurtherFigures["longCases"] | LongCaseFigures,
): FurtherFiguresView["longCases"] {
  return {
    longCases: long.longCases,
    decided: long.decided,
    reachedTeam: long.reachedTeam,
    withPlan: long.withPlan,
  };
}

/**
 * The diagnosis chapters and groups and the equality indicator. With suppression (answers that leave the unit)
 * the module's suppression applies, the chapters and groups are also protected across rows, and the per-sex
 * medians and means are left out.
 */
export function furtherView(
  further: FurtherFigures,
  suppress: number,
  ctx: DoctorViewContext,
): FurtherFiguresView {
  // The analyst's answers (suppressed) have no doctor rows: ctx.doctors is NONE there.
  const ongoingByDoctor = visibleDoctorRows(further.ongoingByDoctor, ctx, (row) => ({
    ongoing: row.ongoing,
    longerThan30Days: row.longerThan30Days,
  }));
  if (suppress === 0) {
    return {
      ongoingByDoctor,
      ongoingByChapter: further.ongoingByChapter,
      ongoingByGroup: further.ongoingByGroup,
      longCases: longCasesView(further.longCases),
      sjuktal: further.sjuktal,
      equality: further.equality.map((row) => ({
        key: row.key,
        label: row.label,
        comparable: row.comparable,
        lengthDifference: row.lengthDifference,
        gradeDifference: row.gradeDifference,
        lengthFlagged: row.lengthFlagged,
        gradeFlagged: row.gradeFlagged,
        women: row.women,
        men: row.men,
      })),
    };
  }
  const shown = suppressFurtherFigures(further, suppress);
  return {
    ongoingByChapter: suppressAcrossRows(shown.ongoingByChapter, shown.ongoing),
    ongoingByGroup: suppressAcrossRows(shown.ongoingByGroup, shown.ongoing),
    longCases: longCasesView(shown.longCases),
    ongoingByDoctor: ongoingByDoctor.map((row) => ({
      ...row,
      ongoing: suppressSplit(row.ongoing, suppress),
      longerThan30Days: suppressSplit(row.longerThan30Days, suppress),
    })),
    sjuktal: shown.sjuktal,
    equality: shown.equality.map((row) => ({ ...row, women: null, men: null })),
  };
}

/** A median with its count of answered ärenden suppressed: hidden with it (a hidden count's median). */
function shownMedian(median: number | null, answered: number | null): number | null {
  return answered === null ? null : median;
}

/**
 * The komplettering answer times: per doctor as far as the user may see; with suppression each
 * count triple is suppressed and a median is hidden with its count of answered ärenden.
 */
export function answerTimesView(
  times: { all: AnswerTimes; byDoctor: ({ doctor: string } & AnswerTimes)[] },
  suppress: number,
  ctx: DoctorViewContext,
): AnswerTimesView {
  const answered = suppressSplit(times.all.answered, suppress);
  return {
    answered,
    open: suppressSplit(times.all.open, suppress),
    medianDays: {
      total: shownMedian(times.all.medianDays.total, answered.total),
      women: shownMedian(times.all.medianDays.women, answered.women),
      men: shownMedian(times.all.medianDays.men, answered.men),
    },
    byDoctor: visibleDoctorRows(times.byDoctor, ctx, (row) => {
      const shown = suppressSplit(row.answered, suppress).total;
      return {
        answered: shown,
        open: suppressSplit(row.open, suppress).total,
        medianDays: shownMedian(row.medianDays.total, shown),
      };
    }),
  };
}
