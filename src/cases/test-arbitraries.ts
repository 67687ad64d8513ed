/**
 * fast-check generators for the engine's property tests: a few patients, units and doctors, dates
 * within a few months (so certificates meet, overlap, contain each other and leave gaps of every
 * size around `gap`), unsorted periods, ties in signing time, and some revoked, smittbärarpenning,
 * diagnosis-less, replacing and completing certificates.
 */
import fc from "fast-check";
import { addDays } from "./days.ts";
import type { SjukfallCertificate, SjukfallPeriod } from "./types.ts";

export const BASE_DATE = "2024-01-01";
const SPAN_DAYS = 80;

const periodsArb: fc.Arbitrary<SjukfallPeriod[]> = fc
  .record({
    start: fc.integer({ min: 0, max: SPAN_DAYS }),
    parts: fc.array(
      fc.record({
        pause: fc.integer({ min: 0, max: 8 }),
        length: fc.integer({ min: 1, max: 25 }),
        grade: fc.constantFrom(25, 50, 75, 100),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    reversed: fc.boolean(),
  })
  .map(({ start, parts, reversed }) => {
    const periods: SjukfallPeriod[] = [];
    let next = start;
    parts.forEach(({ pause, length, grade }, i) => {
      const from = next + (i === 0 ? 0 : pause);
      periods.push({ from: addDays(BASE_DATE, from), to: addDays(BASE_DATE, from + length - 1), grade });
      next = from + length;
    });
    return reversed ? periods.reverse() : periods;
  });

const draftArb = fc.record({
  // Personnummer-shaped ids take the engine's numeric index, others its Map; the two spellings of
  // one number are different ids.
  patient: fc.constantFrom("P1", "P1", "19121212-1212", "191212121212"),
  unit: fc.constantFrom("U1", "U1", "U2"),
  doctor: fc.constantFrom("D1", "D2", null),
  signedDay: fc.integer({ min: 0, max: SPAN_DAYS }),
  signedHour: fc.constantFrom("08", "12"),
  diagnosis: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom("M545", "F432", "S52") },
    { weight: 1, arbitrary: fc.constantFrom(null, "", "  ") },
  ),
  periods: periodsArb,
  status: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, fc.constantFrom("signed", "revoked")),
  smittbararpenning: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, fc.constant(true)),
  replaces: fc.oneof({ weight: 10, arbitrary: fc.constant(null) }, fc.nat(30)),
  completes: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, fc.nat(30)),
});

/** A list of certificates with unique ids c0, c1, …; references point at other ids of the list. */
export const certificatesArb: fc.Arbitrary<SjukfallCertificate[]> = fc
  .array(draftArb, { maxLength: 30, size: "medium" })
  .map((drafts) =>
    drafts.map((d, i): SjukfallCertificate => {
      const ref = (n: number | null) => (n === null || drafts.length === 0 ? null : `c${n % drafts.length}`);
      return {
        id: `c${i}`,
        patient: d.patient,
        unit: d.unit,
        doctor: d.doctor,
        signed: `${addDays(BASE_DATE, d.signedDay)}T${d.signedHour}:00:00`,
        diagnosis: d.diagnosis,
        periods: d.periods,
        smittbararpenning: d.smittbararpenning,
        ...(d.status === undefined ? {} : { status: d.status as "signed" | "revoked" }),
        replaces: ref(d.replaces),
        completes: ref(d.completes),
      };
    }),
  );

export const todayArb = fc.integer({ min: -5, max: SPAN_DAYS + 40 }).map((n) => addDays(BASE_DATE, n));
export const gapArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10 }) },
  fc.integer({ min: 0, max: 90 }),
);
export const afterEndArb = fc.integer({ min: 0, max: 14 });
/** A day after every generated date: no case starts after it. */
export const FAR_FUTURE = "2030-01-01";
