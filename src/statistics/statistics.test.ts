import { describe, expect, it } from "vitest";
import { computeStatistics, resolveStatisticsOptions } from "./statistics.ts";
import { arenden, certificates, cert, MORE_MEN, MORE_WOMEN, TODAY } from "./test-fixtures.ts";

const split = (total: number | null, women: number | null, men: number | null) => ({ total, women, men });
const zero = split(0, 0, 0);

const lengthRows = (filled: Record<string, ReturnType<typeof split>>) =>
  ["0-14", "15-30", "31-60", "61-90", "91-180", "181-365", "366-730", "731-"].map((bucket) => ({
    bucket,
    ...(filled[bucket] ?? zero),
  }));
const gradeRows = (filled: Record<number, ReturnType<typeof split>>) =>
  [25, 50, 75, 100].map((grade) => ({ grade, ...(filled[grade] ?? zero) }));

const months = [
  "2025-12",
  "2026-01",
  "2026-02",
  "2026-03",
  "2026-04",
  "2026-05",
  "2026-06",
  "2026-07",
  "2026-08",
  "2026-09",
  "2026-10",
  "2026-11",
];

describe("computeStatistics: the contract's figures on the hand-made fixture", () => {
  it("computes every figure over all units, with the default range (12 months to today's month)", () => {
    const answer = computeStatistics(certificates, arenden, { today: TODAY });
    expect(answer).toEqual({
      today: TODAY,
      // W1 (c1+c2), M1 (c3), SW (c4), SM (c5, U2); revoked c6 and smittbärarpenning c7 make none.
      ongoing: split(4, 2, 2),
      ongoingByLength: lengthRows({
        "0-14": split(1, 0, 1), // SM: 12 days
        "15-30": split(1, 0, 1), // M1: 16 days
        "31-60": split(1, 1, 0), // W1: 50 days
        "181-365": split(1, 1, 0), // SW: 214 days
      }),
      ongoingByGrade: gradeRows({
        25: split(1, 1, 0),
        50: split(1, 1, 0), // W1's anchor is c2 (50), not c1 (100)
        75: split(1, 0, 1),
        100: split(1, 0, 1),
      }),
      newCases: months.map((period) => ({
        period,
        ...({
          "2025-12": split(1, 1, 0), // W3
          "2026-02": split(1, 0, 1), // M2 (c9, which completes c8)
          "2026-06": split(1, 1, 0), // SW
          "2026-11": split(3, 1, 2), // W1, M1, SM
        }[period] ?? zero),
      })),
      kompletteringar: {
        // c1, c2, c4, c10 (women); c3, c5, c8, c9 (men). Not: c6 revoked, c7 smittbärarpenning,
        // c11 signed 2025-11-30 23:59 local, c12 signed 2026-12-01 00:10 in Stockholm.
        sent: split(8, 4, 4),
        // c4 (F), c3 and c8 (M); a3 is a FRAGA, a5 concerns a revoked and a6 an unsent certificate.
        withKomplettering: split(3, 1, 2),
        rate: { total: 0.375, women: 0.25, men: 0.5 },
        byDoctor: [
          { doctor: "D1", sent: 4, withKomplettering: 2, rate: 0.5 },
          { doctor: "D2", sent: 3, withKomplettering: 1, rate: 0.333 },
          { doctor: "D3", sent: 1, withKomplettering: 0, rate: 0 },
        ],
        // Pairs (KOMPLT ärende, question): a1 35 17, a2 35, a4 39 1.3, a7 6 35; numeric order.
        byQuestion: [
          { question: "1.3", count: 1 },
          { question: "6", count: 1 },
          { question: "17", count: 1 },
          { question: "35", count: 3 },
          { question: "39", count: 1 },
        ],
      },
    });
  });

  it("computes one unit's figures with --unit (rate null for a sex with nothing sent)", () => {
    const answer = computeStatistics(certificates, arenden, { today: TODAY, unit: "U2" });
    expect(answer.ongoing).toEqual(split(1, 0, 1));
    expect(answer.ongoingByLength[0]).toEqual({ bucket: "0-14", ...split(1, 0, 1) });
    expect(answer.newCases.filter((row) => row.total !== 0)).toEqual([
      { period: "2026-11", ...split(1, 0, 1) },
    ]);
    expect(answer.kompletteringar).toEqual({
      sent: split(1, 0, 1),
      withKomplettering: zero,
      rate: { total: 0, women: null, men: 0 },
      byDoctor: [{ doctor: "D3", sent: 1, withKomplettering: 0, rate: 0 }],
      byQuestion: [],
    });
  });

  it("leaves out cases that start after today, also when the range reaches past it", () => {
    // c12 (M1 on U2) starts 2026-12-01, after today: not a new case in 2026-12.
    const answer = computeStatistics(certificates, arenden, { today: TODAY, from: "2026-11", to: "2026-12" });
    expect(answer.newCases).toEqual([
      { period: "2026-11", ...split(3, 1, 2) },
      { period: "2026-12", ...zero },
    ]);
    // Seen from 2026-12-01 it has started.
    const later = computeStatistics(certificates, arenden, {
      today: "2026-12-01",
      from: "2026-12",
      to: "2026-12",
    });
    expect(later.newCases).toEqual([{ period: "2026-12", ...split(1, 0, 1) }]);
  });

  it("widens the range to whole quarters with --by quarter", () => {
    const answer = computeStatistics(certificates, arenden, { today: TODAY, by: "quarter" });
    // 2025-12 … 2026-11 becomes 2025-10 … 2026-12: W2's case of 2025-11-25 comes in.
    expect(answer.newCases).toEqual([
      { period: "2025-Q4", ...split(2, 2, 0) },
      { period: "2026-Q1", ...split(1, 0, 1) },
      { period: "2026-Q2", ...split(1, 1, 0) },
      { period: "2026-Q3", ...zero },
      { period: "2026-Q4", ...split(3, 1, 2) },
    ]);
    // The komplettering figures count the months asked for, not the widened range.
    expect(answer.kompletteringar.sent).toEqual(split(8, 4, 4));
  });

  it("widens the range to whole years with --by year", () => {
    const answer = computeStatistics(certificates, arenden, {
      today: TODAY,
      by: "year",
      from: "2026-03",
      to: "2026-03",
    });
    expect(answer.newCases).toEqual([{ period: "2026", ...split(5, 2, 3) }]);
    const both = computeStatistics(certificates, arenden, { today: TODAY, by: "year" });
    expect(both.newCases).toEqual([
      { period: "2025", ...split(2, 2, 0) },
      { period: "2026", ...split(5, 2, 3) },
    ]);
  });

  it("counts sent certificates by the signing day in Stockholm, with and without an offset", () => {
    const signedAt = (signed: string) =>
      computeStatistics([cert({ id: "x", patient: MORE_WOMEN[0], signed })], [], {
        today: "2026-06-30",
        from: "2026-06",
        to: "2026-06",
      }).kompletteringar.sent.total;
    expect(signedAt("2026-06-30T23:59:59")).toBe(1); // local time: its own date
    expect(signedAt("2026-06-30T21:59:00Z")).toBe(1); // 23:59 summer time
    expect(signedAt("2026-06-30T22:00:00Z")).toBe(0); // 00:00 on 1 July
    expect(signedAt("2026-07-01T00:30:00+02:00")).toBe(0);
    expect(signedAt("2026-05-31T22:30:00Z")).toBe(1); // 00:30 on 1 June
    expect(signedAt("2026-05-31T23:30:00+01:00")).toBe(1); // 00:30 on 1 June in summer time
    expect(signedAt("2026-05-31T23:59:00")).toBe(0);
    expect(signedAt("2026-06-01")).toBe(1);
  });

  it("counts replaced and completing certificates as sent, and only KOMPLT ärenden", () => {
    const periods = [{ from: "2026-03-01", to: "2026-03-20", grade: 100 }];
    const original = cert({ id: "o", patient: MORE_MEN[0], signed: "2026-03-01T10:00:00", periods });
    const replacing = cert({
      id: "r",
      patient: MORE_MEN[0],
      signed: "2026-03-02T10:00:00",
      replaces: "o",
      periods,
    });
    const answer = computeStatistics(
      [original, replacing],
      [
        { id: "k", certificate: "o", type: "KOMPLT", questions: ["35"] },
        { id: "f", certificate: "r", type: "FRAGA", questions: ["35"] },
        { id: "t", certificate: "r", type: "OVRIGT" },
      ],
      { today: "2026-03-15" },
    );
    expect(answer.kompletteringar.sent).toEqual(split(2, 0, 2));
    expect(answer.kompletteringar.withKomplettering).toEqual(split(1, 0, 1));
    expect(answer.kompletteringar.byQuestion).toEqual([{ question: "35", count: 1 }]);
    // The replaced certificate does not count in cases: one case, from r.
    expect(answer.newCases.at(-1)).toEqual({ period: "2026-03", ...split(1, 0, 1) });
    expect(answer.ongoingByGrade[3]).toEqual({ grade: 100, ...split(1, 0, 1) });
  });

  it("counts a patient id without a sex (not a personnummer) in the total only", () => {
    const answer = computeStatistics(
      [cert({ id: "x", patient: "P-1234", periods: [{ from: "2026-03-01", to: "2026-03-31", grade: 100 }] })],
      [],
      { today: "2026-03-15" },
    );
    expect(answer.ongoing).toEqual(split(1, 0, 0));
  });

  it("rate is null when nothing was sent", () => {
    const answer = computeStatistics([], [], { today: TODAY });
    expect(answer.kompletteringar).toEqual({
      sent: zero,
      withKomplettering: zero,
      rate: { total: null, women: null, men: null },
      byDoctor: [],
      byQuestion: [],
    });
    expect(answer.ongoingByLength).toHaveLength(8);
    expect(answer.newCases).toHaveLength(12);
  });
});

describe("computeStatistics: suppression", () => {
  it("nulls counts from 1 to N − 1 and the other sex of a triple (N = 3)", () => {
    const answer = computeStatistics(certificates, arenden, { today: TODAY, suppress: 3 });
    expect(answer.ongoing).toEqual(split(4, null, null));
    expect(answer.ongoingByLength).toEqual(
      lengthRows({
        // 0-14: men 1 is suppressed, so women's 0 is too.
        "0-14": split(null, null, null),
        "15-30": split(null, null, null),
        "31-60": split(null, null, null),
        "181-365": split(null, null, null),
      }),
    );
    expect(answer.newCases.at(-1)).toEqual({ period: "2026-11", ...split(3, null, null) });
    expect(answer.newCases[1]).toEqual({ period: "2026-01", ...zero });
    expect(answer.kompletteringar).toEqual({
      sent: split(8, 4, 4),
      withKomplettering: split(3, null, null),
      rate: { total: 0.375, women: null, men: null },
      byDoctor: [
        { doctor: "D1", sent: 4, withKomplettering: null, rate: null },
        { doctor: "D2", sent: 3, withKomplettering: null, rate: null },
        { doctor: "D3", sent: null, withKomplettering: 0, rate: null },
      ],
      byQuestion: [
        { question: "1.3", count: null },
        { question: "6", count: null },
        { question: "17", count: null },
        { question: "35", count: 3 },
        { question: "39", count: null },
      ],
    });
  });

  it("secondary suppression hides a count of N or more beside a suppressed one (N = 2)", () => {
    const answer = computeStatistics(certificates, arenden, { today: TODAY, suppress: 2 });
    // 2026-11: one woman (suppressed) and two men (shown by step 1, hidden by step 2).
    expect(answer.newCases.at(-1)).toEqual({ period: "2026-11", ...split(3, null, null) });
    expect(answer.ongoing).toEqual(split(4, 2, 2));
  });

  it("hides a rate whose denominator was hidden by secondary suppression", () => {
    // Five women, all with a komplettering; one man without: sent 6 / 5 / 1.
    const certs = [...MORE_WOMEN.slice(0, 5), MORE_MEN[0]].map((patient, i) =>
      cert({ id: `s${i}`, patient, signed: "2026-03-01T10:00:00" }),
    );
    const asked = certs
      .slice(0, 5)
      .map((c) => ({ id: `k-${c.id}`, certificate: c.id, type: "KOMPLT" as const, questions: ["35"] }));
    const answer = computeStatistics(certs, asked, { today: "2026-03-31", suppress: 3 });
    expect(answer.kompletteringar.sent).toEqual(split(6, null, null));
    expect(answer.kompletteringar.withKomplettering).toEqual(split(5, 5, 0));
    // Women's 1.000 would give their 5 sent, and so the man's 1.
    expect(answer.kompletteringar.rate).toEqual({ total: 0.833, women: null, men: null });
  });

  it("suppresses nothing with N = 0 or 1", () => {
    const plain = computeStatistics(certificates, arenden, { today: TODAY });
    expect(computeStatistics(certificates, arenden, { today: TODAY, suppress: 1 })).toEqual(plain);
    expect(computeStatistics(certificates, arenden, { today: TODAY, suppress: 0 })).toEqual(plain);
  });
});

describe("resolveStatisticsOptions", () => {
  it("defaults to the 12 months ending with today's month, by month, gap 5, nothing suppressed", () => {
    expect(resolveStatisticsOptions({ today: "2027-01-15" })).toEqual({
      today: "2027-01-15",
      gap: 5,
      range: { from: "2026-02", to: "2027-01" },
      by: "month",
      unit: undefined,
      suppress: 0,
    });
    expect(resolveStatisticsOptions({ today: "2027-01-15", from: "2026-12" }).range).toEqual({
      from: "2026-12",
      to: "2027-01",
    });
  });

  it.each([
    [{ today: "2026-02-30" }, /today must be a date/],
    [{ today: TODAY, from: "2026-13" }, /from must be a month YYYY-MM/],
    [{ today: TODAY, to: "26-01" }, /to must be a month YYYY-MM/],
    [{ today: TODAY, from: "2026-05", to: "2026-04" }, /from \(2026-05\) must not come after to \(2026-04\)/],
    [{ today: TODAY, by: "week" as never }, /by must be month, quarter or year/],
    [{ today: TODAY, suppress: -1 }, /suppress must be an integer/],
    [{ today: TODAY, suppress: 2.5 }, /suppress must be an integer/],
    [{ today: TODAY, gap: 91 }, /gap must be an integer from 0 to 90/],
    [{ today: TODAY, unit: "" }, /unit must not be empty/],
  ])("refuses %j", (options, message) => {
    expect(() => resolveStatisticsOptions(options)).toThrow(message);
  });
});
