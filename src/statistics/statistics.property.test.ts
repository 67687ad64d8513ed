/**
 * Properties of the statistics over generated certificates (the engine's generators, with every
 * patient a Skatteverket test personnummer so that each has a sex) and generated ärenden.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_DATE, certificatesArb, gapArb, todayArb } from "../cases/test-arbitraries.ts";
import type { SjukfallCertificate } from "../cases/types.ts";
import { ARENDE_TYPES, type StatisticsArende } from "./kompletteringar.ts";
import { caseStarts, patientHistory } from "../cases/engine.ts";
import { newCasesFigures } from "./new-cases.ts";
import { PERIOD_KINDS, periodLabel } from "./periods.ts";
import type { CountSplit } from "./split.ts";
import { computeStatistics, type StatisticsAnswer } from "./statistics.ts";
import { suppressSplit } from "./suppression.ts";
import { M1, M2, MORE_MEN, MORE_WOMEN, SM, SW, W1 } from "./test-fixtures.ts";

const RUNS = { numRuns: 300 };
const PATIENTS: Record<string, string> = {
  P1: W1,
  "19121212-1212": M1,
  "191212121212": SW,
};

/** The engine's generated certificates with patients mapped to test numbers of both sexes. */
const sexedCertificatesArb = fc
  .tuple(certificatesArb, fc.constantFrom(MORE_WOMEN[0], MORE_MEN[0], M2, SM))
  .map(([certs, extra]) =>
    certs.map((c, i): SjukfallCertificate => ({ ...c, patient: i % 7 === 3 ? extra : PATIENTS[c.patient]! })),
  );

const arendenArb = (certs: SjukfallCertificate[]) =>
  fc
    .array(
      fc.record({
        certificate: fc.nat(40),
        type: fc.constantFrom(...ARENDE_TYPES),
        questions: fc.uniqueArray(fc.constantFrom("1.3", "6", "17", "32", "35", "39"), { maxLength: 3 }),
      }),
      { maxLength: 15 },
    )
    .map((drafts) =>
      drafts.map((d, i): StatisticsArende => ({
        id: `a${i}`,
        // Some point at no certificate of the list.
        certificate: `c${certs.length === 0 ? d.certificate : d.certificate % (certs.length + 2)}`,
        type: d.type,
        questions: d.questions,
      })),
    );

const inputArb = sexedCertificatesArb.chain((certs) =>
  fc.record({
    certs: fc.constant(certs),
    arenden: arendenArb(certs),
    today: todayArb,
    gap: gapArb,
    by: fc.constantFrom(...PERIOD_KINDS),
    from: fc.integer({ min: -2, max: 3 }),
    months: fc.integer({ min: 0, max: 5 }),
  }),
);

const month = (offset: number) => {
  const [year, m] = BASE_DATE.split("-").map(Number) as [number, number];
  const index = year * 12 + m - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

type Input = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function answerOf(input: Input, suppress: number) {
  return computeStatistics(input.certs, input.arenden, {
    today: input.today,
    gap: input.gap,
    by: input.by,
    from: month(input.from),
    to: month(input.from + input.months),
    suppress,
  });
}

/** Every total/women/men triple of an answer, with a name. */
function triples(answer: StatisticsAnswer): [string, CountSplit][] {
  return [
    ["ongoing", answer.ongoing],
    ...answer.ongoingByLength.map((row): [string, CountSplit] => [`length ${row.bucket}`, row]),
    ...answer.ongoingByGrade.map((row): [string, CountSplit] => [`grade ${row.grade}`, row]),
    ...answer.newCases.map((row): [string, CountSplit] => [`new ${row.period}`, row]),
    ["sent", answer.kompletteringar.sent],
    ["withKomplettering", answer.kompletteringar.withKomplettering],
  ];
}

const shownTriple = (row: CountSplit) => ({ total: row.total, women: row.women, men: row.men });

/**
 * Every (total, women, men) with women + men = total that suppression turns into the shown triple:
 * what someone holding the answer can tell about the hidden cells.
 */
function preimages(shown: CountSplit, n: number): { women: number; men: number }[] {
  const totals = shown.total === null ? Array.from({ length: n - 1 }, (_, i) => i + 1) : [shown.total];
  const found: { women: number; men: number }[] = [];
  for (const total of totals) {
    for (let women = 0; women <= total; women++) {
      const candidate = suppressSplit({ total, women, men: total - women }, n);
      if (candidate.total === shown.total && candidate.women === shown.women && candidate.men === shown.men) {
        found.push({ women, men: total - women });
      }
    }
  }
  return found;
}

describe("statistics properties", () => {
  it("women + men = total in every triple when nothing is suppressed", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const answer = answerOf(input, 0);
        for (const [name, row] of triples(answer)) {
          expect(row.women! + row.men!, name).toBe(row.total);
        }
        const byDoctor = answer.kompletteringar.byDoctor.reduce((sum, row) => sum + row.sent!, 0);
        expect(byDoctor).toBeLessThanOrEqual(answer.kompletteringar.sent.total!);
        const buckets = answer.ongoingByLength.reduce((sum, row) => sum + row.total!, 0);
        expect(buckets).toBe(answer.ongoing.total);
      }),
      RUNS,
    );
  });

  it("new cases add up to the patient history's cases starting in the (widened) range", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const answer = answerOf(input, 0);
        const first = answer.newCases[0]!.period;
        const last = answer.newCases.at(-1)!.period;
        const inRange = patientHistory(input.certs, { today: input.today, gap: input.gap }).filter((c) => {
          const label = periodLabel(c.start, input.by);
          return label >= first && label <= last;
        });
        expect(answer.newCases.reduce((sum, row) => sum + row.total!, 0)).toBe(inRange.length);
      }),
      RUNS,
    );
  });

  it("new cases over the case starts equal those over the whole patient history (the old path)", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(undefined, "U1", "U2"), (input, unit) => {
        const { certs, today, gap, by } = input;
        const range = { from: month(input.from), to: month(input.from + input.months) };
        const history = patientHistory(certs, { today, gap }).filter(
          (c) => unit === undefined || c.unit === unit,
        );
        expect(newCasesFigures(caseStarts(certs, { today, gap, unit }), range, by)).toEqual(
          newCasesFigures(history, range, by),
        );
      }),
      RUNS,
    );
  });

  it("suppression only hides cells: every shown count is the unsuppressed one, 0 or at least N", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 2, max: 6 }), (input, n) => {
        const plain = triples(answerOf(input, 0));
        const suppressed = triples(answerOf(input, n));
        suppressed.forEach(([name, row], i) => {
          for (const key of ["total", "women", "men"] as const) {
            if (row[key] === null) continue;
            expect(row[key], `${name} ${key}`).toBe(plain[i]![1][key]);
            expect(row[key] === 0 || row[key]! >= n, `${name} ${key}`).toBe(true);
          }
          expect(row.women === null, `${name}: exactly one of women and men hidden`).toBe(row.men === null);
        });
        const { byDoctor, byQuestion } = answerOf(input, n).kompletteringar;
        const counts = [
          ...byDoctor.flatMap((row) => [row.sent, row.withKomplettering]),
          ...byQuestion.map((row) => row.count),
        ];
        for (const count of counts) expect(count === null || count === 0 || count >= n).toBe(true);
      }),
      RUNS,
    );
  });

  // N ≥ 3: with N = 2 the contract's rule shows a total of 2 with both sexes hidden, and that can
  // only be one woman and one man (1 + 1; a 0 beside a 2 is never hidden).
  it("a suppressed cell cannot be worked out from its triple (N ≥ 3)", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 3, max: 6 }), (input, n) => {
        const plain = triples(answerOf(input, 0));
        triples(answerOf(input, n)).forEach(([name, row], i) => {
          if (row.women !== null) return;
          const candidates = preimages(shownTriple(row), n);
          const actual = plain[i]![1];
          expect(candidates, name).toContainEqual({ women: actual.women, men: actual.men });
          // More than one value fits each hidden cell.
          expect(new Set(candidates.map((c) => c.women)).size, name).toBeGreaterThan(1);
        });
      }),
      RUNS,
    );
  });

  it("a shown rate never gives a hidden count back", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 2, max: 6 }), (input, n) => {
        const { kompletteringar: k } = answerOf(input, n);
        for (const key of ["total", "women", "men"] as const) {
          if (k.rate[key] === null) continue;
          expect(k.sent[key], key).not.toBeNull();
          expect(k.withKomplettering[key], key).not.toBeNull();
          expect(k.sent[key]!, key).toBeGreaterThanOrEqual(n);
        }
        for (const row of k.byDoctor) {
          if (row.rate !== null) expect(row.sent !== null && row.withKomplettering !== null).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
