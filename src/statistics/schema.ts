/**
 * Query and response schemas of the statistics API: the figures of `./statistics.ts` for a period
 * and the same period a year earlier, per unit. Counts are numbers or null (suppressed); no
 * patient identity is part of any answer.
 */
import { z } from "@hono/zod-openapi";
import { isEmptyRange, isMonth, PERIOD_KINDS } from "./periods.ts";

/** The longest period one request may ask for. */
export const MAX_RANGE_MONTHS = 120;

const month = (label: string, field: string) =>
  z
    .string({ error: `Ange ${label} (${field}) som ÅÅÅÅ-MM.` })
    .refine(isMonth, { error: `Ange ${label} (${field}) som ÅÅÅÅ-MM, till exempel 2026-01.` })
    .optional()
    .openapi({ description: `Month ÅÅÅÅ-MM (${field}, inclusive)` });

const monthIndex = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7));

const queryFields = {
  from: month("från-månad", "from"),
  to: month("till-månad", "to"),
  by: z
    .enum(PERIOD_KINDS, { error: "Indelningen (by) ska vara month, quarter eller year." })
    .default("month"),
  scope: z
    .enum(["unit", "region"], { error: "Omfattningen (scope) ska vara unit eller region." })
    .optional()
    .openapi({ description: "unit: the active unit; region: every unit of its region (suppressed)" }),
};

/** From must not come after to, and the range has at most MAX_RANGE_MONTHS months. */
function checkRange(query: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if (query.from === undefined || query.to === undefined) return;
  if (!isMonth(query.from) || !isMonth(query.to)) return;
  if (isEmptyRange({ from: query.from, to: query.to })) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: "Till-månaden (to) får inte ligga före från-månaden (from).",
    });
  } else if (monthIndex(query.to) - monthIndex(query.from) >= MAX_RANGE_MONTHS) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `Perioden får vara högst ${MAX_RANGE_MONTHS} månader: välj en senare från-månad (from) eller en tidigare till-månad (to).`,
    });
  }
}

export const statisticsQuery = z.object(queryFields).superRefine(checkRange);

export const statisticsExportQuery = z
  .object({
    ...queryFields,
    format: z.enum(["csv", "xlsx"], { error: "Formatet (format) ska vara csv eller xlsx." }),
  })
  .superRefine(checkRange);

const count = z.number().int().nullable();
const share = z.number().nullable();
const countSplit = z.object({ total: count, women: count, men: count });
const rateSplit = z.object({ total: share, women: share, men: share });

export const unitFigures = z
  .object({
    today: z.iso.date(),
    from: z.string(),
    to: z.string(),
    ongoing: countSplit,
    ongoingByLength: z.array(countSplit.extend({ bucket: z.string() })),
    ongoingByGrade: z.array(countSplit.extend({ grade: z.number().int() })),
    newCases: z.array(countSplit.extend({ period: z.string() })),
    kompletteringar: z.object({
      sent: countSplit,
      withKomplettering: countSplit,
      rate: rateSplit,
      byDoctor: z.array(
        z.object({
          doctorId: z.string(),
          name: z.string(),
          own: z.boolean(),
          sent: count,
          withKomplettering: count,
          rate: share,
        }),
      ),
      byQuestion: z.array(z.object({ question: z.string(), label: z.string(), count })),
    }),
  })
  .openapi("StatisticsFigures");

const sexFigures = z.object({
  cases: z.number().int(),
  medianDays: z.number().nullable(),
  meanGrade: z.number().nullable(),
});

/** Figures of the ongoing cases beyond the contract: by diagnosis chapter and group, and the equality indicator. */
export const furtherFigures = z
  .object({
    /** By ICD-10-SE chapter of the main diagnosis; key "~" (last) for unknown codes. */
    ongoingByChapter: z.array(countSplit.extend({ key: z.string(), label: z.string() })),
    ongoingByGroup: z.array(countSplit.extend({ key: z.string(), label: z.string() })),
    /** Ongoing cases longer than 30 days and their follow-up (decision, team, plan). */
    longCases: z.object({
      longCases: countSplit,
      decided: countSplit,
      reachedTeam: countSplit,
      withPlan: countSplit,
    }),
    /** Ongoing and long cases per doctor who signed the anchor, as far as the user may see doctors. */
    ongoingByDoctor: z.array(
      z.object({
        doctorId: z.string(),
        name: z.string(),
        own: z.boolean(),
        ongoing: countSplit,
        longerThan30Days: countSplit,
      }),
    ),
    /** Ongoing cases per 1,000 listed patients today; null without a listed population (or hidden). */
    sjuktal: rateSplit,
    equality: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        comparable: z.boolean(),
        lengthDifference: z.number().nullable(),
        gradeDifference: z.number().nullable(),
        lengthFlagged: z.boolean(),
        gradeFlagged: z.boolean(),
        /** Per sex: cases, median length, mean grade; null in answers that leave the unit. */
        women: sexFigures.nullable(),
        men: sexFigures.nullable(),
      }),
    ),
  })
  .openapi("StatisticsFurtherFigures");

/** Answer times of the kompletteringar on the certificates sent in a period. */
export const answerTimes = z
  .object({
    /** Answered KOMPLT ärenden (received and answered dates known). */
    answered: countSplit,
    /** Not answered yet. */
    open: countSplit,
    /** Median calendar days received → answered; null without answered ones (or hidden). */
    medianDays: rateSplit,
    byDoctor: z.array(
      z.object({
        doctorId: z.string(),
        name: z.string(),
        own: z.boolean(),
        answered: count,
        open: count,
        medianDays: share,
      }),
    ),
  })
  .openapi("StatisticsAnswerTimes");

export const statisticsResponse = z
  .object({
    scope: z.enum(["UNIT", "REGION"]),
    /** ALL: every doctor by name; OWN: only the user's own row; NONE: no doctor rows. */
    doctors: z.enum(["ALL", "OWN", "NONE"]),
    by: z.enum(PERIOD_KINDS),
    /** Counts from 1 to suppress − 1 are null; 0: nothing suppressed. */
    suppress: z.number().int(),
    units: z.array(
      z.object({
        unit: z.object({ id: z.string(), name: z.string() }),
        current: unitFigures,
        lastYear: unitFigures,
        further: furtherFigures,
        answerTimes: z.object({ current: answerTimes, lastYear: answerTimes }),
      }),
    ),
  })
  .openapi("Statistics");

export type StatisticsQuery = z.output<typeof statisticsQuery>;
export type UnitFigures = z.output<typeof unitFigures>;
export type FurtherFiguresView = z.output<typeof furtherFigures>;
export type AnswerTimesView = z.output<typeof answerTimes>;
export type StatisticsResponse = z.output<typeof statisticsResponse>;
export type StatisticsDoctorScope = StatisticsResponse["doctors"];
