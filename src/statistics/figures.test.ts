import { describe, expect, it } from "vitest";
import { addDays } from "../cases/days.ts";
import { parseIdentityNumber } from "../patients/identity.ts";
import { statisticsDefinitions } from "./definitions.ts";
import { LENGTH_BUCKETS, lengthBucketOf } from "./ongoing.ts";
import { periodLabel, periodLabels, rangeDays, widenRange } from "./periods.ts";
import { sexOfPatient } from "./sex.ts";
import { signingDay } from "./signing-day.ts";
import { computeStatistics } from "./statistics.ts";
import { rate, roundRate, suppressSplit } from "./suppression.ts";
import { cert, M1, MORE_MEN, MORE_WOMEN, SM, SW, W1 } from "./test-fixtures.ts";

describe("sex from the personnummer or samordningsnummer", () => {
  it("reads the second-to-last digit: odd = man, even = woman, with or without separator", () => {
    expect(sexOfPatient(W1)).toBe("F");
    expect(sexOfPatient(M1)).toBe("M");
    expect(sexOfPatient("197006121144")).toBe("F");
    expect(sexOfPatient("7001239297")).toBe("M");
    expect(sexOfPatient("700123+9297")).toBe("M");
  });

  it("reads a samordningsnummer the same way", () => {
    for (const [number, sex] of [
      [SW, "F"],
      [SM, "M"],
    ] as const) {
      expect(parseIdentityNumber(number)).toMatchObject({
        ok: true,
        value: { samordningsnummer: true, sex },
      });
      expect(sexOfPatient(number)).toBe(sex);
    }
  });

  it("agrees with the patient register's reading of every fixture number", () => {
    for (const number of [...MORE_WOMEN, ...MORE_MEN, W1, M1]) {
      const parsed = parseIdentityNumber(number);
      expect(parsed.ok && parsed.value.sex).toBe(sexOfPatient(number));
    }
  });

  it("gives no sex for a patient id that is no such number", () => {
    for (const id of ["P1", "", "1970-06-12", "19700612-114", "19700612-11440", "abcdefgh-ijkl"]) {
      expect(sexOfPatient(id)).toBeNull();
    }
  });
});

describe("length buckets", () => {
  it("puts each border day in the right bucket", () => {
    const borders: [number, string][] = [
      [1, "0-14"],
      [14, "0-14"],
      [15, "15-30"],
      [30, "15-30"],
      [31, "31-60"],
      [60, "31-60"],
      [61, "61-90"],
      [90, "61-90"],
      [91, "91-180"],
      [180, "91-180"],
      [181, "181-365"],
      [365, "181-365"],
      [366, "366-730"],
      [730, "366-730"],
      [731, "731-"],
      [5000, "731-"],
    ];
    for (const [days, bucket] of borders) expect(lengthBucketOf(days), `${days} days`).toBe(bucket);
  });

  it("counts ongoing cases of border lengths built by the engine", () => {
    const today = "2026-11-30";
    const lengths = [14, 15, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366, 730, 731];
    const patients = [...MORE_WOMEN, ...MORE_MEN];
    // One case per patient, ending today: length = days covered.
    const certs = lengths.map((days, i) =>
      cert({
        id: `len${days}`,
        patient: patients[i]!,
        signed: `${addDays(today, 1 - days)}T10:00:00`,
        periods: [{ from: addDays(today, 1 - days), to: today, grade: 100 }],
      }),
    );
    const answer = computeStatistics(certs, [], { today });
    // Women are the first 7 lengths (14 … 90), men the rest (91 … 731).
    expect(answer.ongoingByLength).toEqual([
      { bucket: "0-14", total: 1, women: 1, men: 0 },
      { bucket: "15-30", total: 2, women: 2, men: 0 },
      { bucket: "31-60", total: 2, women: 2, men: 0 },
      { bucket: "61-90", total: 2, women: 2, men: 0 },
      { bucket: "91-180", total: 2, women: 0, men: 2 },
      { bucket: "181-365", total: 2, women: 0, men: 2 },
      { bucket: "366-730", total: 2, women: 0, men: 2 },
      { bucket: "731-", total: 1, women: 0, men: 1 },
    ]);
    expect(answer.ongoing).toEqual({ total: 14, women: 7, men: 7 });
    expect(LENGTH_BUCKETS.map((b) => b.bucket)).toEqual(answer.ongoingByLength.map((row) => row.bucket));
  });
});

describe("periods", () => {
  it("labels months, quarters and years", () => {
    expect(periodLabel("2026-01-31", "month")).toBe("2026-01");
    expect(["2026-03-31", "2026-04-01", "2026-12-31"].map((d) => periodLabel(d, "quarter"))).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q4",
    ]);
    expect(periodLabel("2026-12-31", "year")).toBe("2026");
  });

  it("widens a range to whole quarters and years, across a year end", () => {
    expect(widenRange({ from: "2025-12", to: "2026-01" }, "quarter")).toEqual({
      from: "2025-10",
      to: "2026-03",
    });
    expect(widenRange({ from: "2025-12", to: "2026-01" }, "year")).toEqual({
      from: "2025-01",
      to: "2026-12",
    });
    expect(widenRange({ from: "2026-04", to: "2026-06" }, "quarter")).toEqual({
      from: "2026-04",
      to: "2026-06",
    });
    expect(periodLabels({ from: "2025-12", to: "2026-01" }, "quarter")).toEqual(["2025-Q4", "2026-Q1"]);
    expect(periodLabels({ from: "2025-11", to: "2026-02" }, "month")).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });

  it("gives a range's first and last day, leap years included", () => {
    expect(rangeDays({ from: "2024-01", to: "2024-02" })).toEqual({
      first: "2024-01-01",
      last: "2024-02-29",
    });
    expect(rangeDays({ from: "2025-12", to: "2026-11" })).toEqual({
      first: "2025-12-01",
      last: "2026-11-30",
    });
  });
});

describe("signing day in Europe/Stockholm", () => {
  it("takes the date of a local time as it is", () => {
    expect(signingDay("2026-01-31T23:59:59")).toBe("2026-01-31");
    expect(signingDay("2026-02-01T00:00:00")).toBe("2026-02-01");
    expect(signingDay("2026-02-01 00:10")).toBe("2026-02-01");
    expect(signingDay("2026-02-01")).toBe("2026-02-01");
  });

  it("moves an instant with an offset to Stockholm (winter +01:00, summer +02:00)", () => {
    expect(signingDay("2026-01-31T22:59:59Z")).toBe("2026-01-31");
    expect(signingDay("2026-01-31T23:00:00Z")).toBe("2026-02-01");
    expect(signingDay("2026-07-31T21:59:00Z")).toBe("2026-07-31");
    expect(signingDay("2026-07-31T22:00:00Z")).toBe("2026-08-01");
    expect(signingDay("2026-02-01T00:30:00+01:00")).toBe("2026-02-01");
    expect(signingDay("2026-01-31T23:30:00-01:00")).toBe("2026-02-01");
    expect(signingDay("2026-02-01T01:30:00+0300")).toBe("2026-01-31");
  });
});

describe("suppression helpers", () => {
  it("rounds rates to 3 decimals, half up", () => {
    expect(roundRate(1, 3)).toBe(0.333);
    expect(roundRate(2, 3)).toBe(0.667);
    expect(roundRate(1, 16)).toBe(0.063); // 0.0625
    expect(roundRate(1, 2000)).toBe(0.001); // 0.0005
    expect(roundRate(5, 5)).toBe(1);
  });

  it("keeps the row's other fields and leaves 0 alone", () => {
    expect(suppressSplit({ bucket: "0-14", total: 0, women: 0, men: 0 }, 5)).toEqual({
      bucket: "0-14",
      total: 0,
      women: 0,
      men: 0,
    });
    expect(suppressSplit({ total: 9, women: 4, men: 5 }, 5)).toEqual({ total: 9, women: null, men: null });
    expect(suppressSplit({ total: 10, women: 5, men: 5 }, 5)).toEqual({ total: 10, women: 5, men: 5 });
  });

  it("hides a rate below N, with a suppressed count, or without a denominator", () => {
    expect(rate(2, 4, { numerator: 2, denominator: 4 }, 5)).toBeNull();
    expect(rate(5, 5, { numerator: 5, denominator: 5 }, 5)).toBe(1);
    expect(rate(0, 0, { numerator: 0, denominator: 0 }, 0)).toBeNull();
    expect(rate(0, 7, { numerator: 0, denominator: null }, 5)).toBeNull();
  });
});

describe("definitions", () => {
  it("has a Swedish definition for every figure of the answer", () => {
    const answer = computeStatistics([], [], { today: "2026-11-30" });
    const figures = [
      ...Object.keys(answer).filter((key) => key !== "today" && key !== "kompletteringar"),
      ...Object.keys(answer.kompletteringar).map(
        (key) => `kompletteringar${key[0]!.toUpperCase()}${key.slice(1)}`,
      ),
    ];
    for (const figure of figures) {
      expect(statisticsDefinitions, figure).toHaveProperty(figure);
    }
    for (const { label, definition } of Object.values(statisticsDefinitions)) {
      expect(label.length).toBeGreaterThan(0);
      expect(definition).toMatch(/\.$/);
    }
  });
});
