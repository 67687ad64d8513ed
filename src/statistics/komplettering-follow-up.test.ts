import { describe, expect, it } from "vitest";
import { parseStatisticsArenden } from "./arende-input.ts";
import { statisticsDefinitions } from "./definitions.ts";
import { kompletteringAnswerTimes, kompletteringarByPeriod } from "./komplettering-follow-up.ts";
import { computeStatistics } from "./statistics.ts";
import { arenden, certificates, TODAY } from "./test-fixtures.ts";

const split = (total: number, women: number, men: number) => ({ total, women, men });
const range = { from: "2025-12", to: "2026-11" };

describe("kompletteringar per period", () => {
  it("counts sent certificates and those with a komplettering per quarter of the signing day", () => {
    expect(kompletteringarByPeriod(certificates, arenden, range, "quarter")).toEqual([
      // Widened to 2025-10: c11 (signed 2025-11-30, a6 KOMPLT) comes in beside c10.
      { period: "2025-Q4", sent: split(2, 2, 0), withKomplettering: split(1, 1, 0) },
      { period: "2026-Q1", sent: split(2, 0, 2), withKomplettering: split(1, 0, 1) }, // c8 (a4), c9
      { period: "2026-Q2", sent: split(1, 1, 0), withKomplettering: split(1, 1, 0) }, // c4 (a7)
      { period: "2026-Q3", sent: split(0, 0, 0), withKomplettering: split(0, 0, 0) },
      // c1, c2, c3 (a1, a2), c5 and c12 (signed 2026-12-01 in Stockholm, inside the widened range).
      { period: "2026-Q4", sent: split(5, 2, 3), withKomplettering: split(1, 0, 1) },
    ]);
  });

  it("adds up, month by month, to the contract's sent and withKomplettering", () => {
    const rows = kompletteringarByPeriod(certificates, arenden, range, "month");
    const { kompletteringar } = computeStatistics(certificates, arenden, { today: TODAY });
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((s, row) => s + pick(row), 0);
    expect(sum((row) => row.sent.total)).toBe(kompletteringar.sent.total);
    expect(sum((row) => row.sent.women)).toBe(kompletteringar.sent.women);
    expect(sum((row) => row.withKomplettering.men)).toBe(kompletteringar.withKomplettering.men);
    expect(rows.find((row) => row.period === "2025-12")).toEqual({
      period: "2025-12",
      sent: split(1, 1, 0), // c10, signed 2025-11-30 23:30 UTC = 2025-12-01 in Stockholm
      withKomplettering: split(0, 0, 0),
    });
  });

  it("counts only one unit's certificates with a unit", () => {
    const rows = kompletteringarByPeriod(certificates, arenden, range, "year", "U2");
    expect(rows.map((row) => [row.period, row.sent.total])).toEqual([
      ["2025", 0],
      ["2026", 2], // c5 and c12
    ]);
  });
});

describe("answer times of kompletteringar", () => {
  const answered: Record<string, string> = {
    a1: "2026-11-27",
    a4: "2026-02-20",
    a7: "2026-06-15",
    a6: "2025-12-04",
  };
  const withAnswers = arenden.map((a) => ({ ...a, answered: answered[a.id] ?? null }));
  const sentRange = { first: "2025-12-01", last: "2026-11-30" };

  it("gives the median days from received to answered, per sex and per doctor", () => {
    // a1 2 days (M1, D1), a4 7 days (M2, D1), a7 10 days (SW, D2); a2 (c3) is open. a6 concerns
    // c11, not sent in the range; a5 a revoked certificate; a3 and a8 are no KOMPLT.
    expect(kompletteringAnswerTimes(certificates, withAnswers, sentRange)).toEqual({
      all: {
        answered: split(3, 1, 2),
        open: split(1, 0, 1),
        medianDays: { total: 7, women: 10, men: 4.5 },
      },
      byDoctor: [
        {
          doctor: "D1",
          answered: split(2, 0, 2),
          open: split(1, 0, 1),
          medianDays: { total: 4.5, women: null, men: 4.5 },
        },
        {
          doctor: "D2",
          answered: split(1, 1, 0),
          open: split(0, 0, 0),
          medianDays: { total: 10, women: 10, men: null },
        },
      ],
    });
  });

  it("reads the answered date from the --arenden input and refuses one before received", () => {
    const parsed = parseStatisticsArenden([
      {
        id: "a",
        certificate: "c1",
        type: "KOMPLT",
        received: "2026-03-02",
        answered: "2026-03-05",
        questions: ["35"],
      },
      {
        id: "b",
        certificate: "c1",
        type: "KOMPLT",
        received: "2026-03-02",
        answered: "2026-03-01",
        questions: ["35"],
      },
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      arenden: [{ id: "a", answered: "2026-03-05" }],
      leftOut: [{ index: 1, id: "b" }],
      problems: ['ärende [1] (id "b"): answered must not come before received'],
    });
  });
});

it("has a written definition of both figures", () => {
  expect(statisticsDefinitions.kompletteringarByPeriod.definition).toContain("signeringsdag");
  expect(statisticsDefinitions.kompletteringAnswerTime.definition).toContain("medianen");
});
