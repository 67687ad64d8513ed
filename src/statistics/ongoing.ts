/**
 * "Now" figures (contract `samsyn statistik`): the ongoing cases — the unit list on today with
 * after-end 0, each case counted once — in total, by length bucket and by current grade.
 */
import type { Sjukfall } from "../cases/types.ts";
import { sexOfPatient } from "./sex.ts";
import { addTo, emptySplit, type Split } from "./split.ts";

/** The length buckets of PRODUCT §5.3 (days, both ends included; `max` null: no upper end). */
export const LENGTH_BUCKETS = [
  { bucket: "0-14", min: 0, max: 14 },
  { bucket: "15-30", min: 15, max: 30 },
  { bucket: "31-60", min: 31, max: 60 },
  { bucket: "61-90", min: 61, max: 90 },
  { bucket: "91-180", min: 91, max: 180 },
  { bucket: "181-365", min: 181, max: 365 },
  { bucket: "366-730", min: 366, max: 730 },
  { bucket: "731-", min: 731, max: null },
] as const;

export type LengthBucket = (typeof LENGTH_BUCKETS)[number]["bucket"];

/** The grades of sick leave (percent of full time), in the order the rows are given. */
export const GRADES = [25, 50, 75, 100] as const;
export type Grade = (typeof GRADES)[number];

/** The bucket of a case length (`days`). */
export function lengthBucketOf(days: number): LengthBucket {
  for (const { bucket, max } of LENGTH_BUCKETS) if (max === null || days <= max) return bucket;
  return "731-";
}

export interface OngoingFigures {
  ongoing: Split;
  ongoingByLength: ({ bucket: LengthBucket } & Split)[];
  ongoingByGrade: ({ grade: Grade } & Split)[];
}

/** The figures of the ongoing cases (the unit list with after-end 0), every bucket and grade row. */
export function ongoingFigures(ongoingCases: readonly Sjukfall[]): OngoingFigures {
  const ongoing = emptySplit();
  const byLength = new Map(LENGTH_BUCKETS.map(({ bucket }) => [bucket, emptySplit()]));
  const byGrade = new Map(GRADES.map((grade) => [grade as number, emptySplit()]));
  for (const c of ongoingCases) {
    const sex = sexOfPatient(c.patient);
    addTo(ongoing, sex);
    addTo(byLength.get(lengthBucketOf(c.days))!, sex);
    const grade = c.currentGrade === null ? undefined : byGrade.get(c.currentGrade);
    if (grade) addTo(grade, sex);
  }
  return {
    ongoing,
    ongoingByLength: LENGTH_BUCKETS.map(({ bucket }) => ({ bucket, ...byLength.get(bucket)! })),
    ongoingByGrade: GRADES.map((grade) => ({ grade, ...byGrade.get(grade)! })),
  };
}
