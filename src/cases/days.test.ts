import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayNumber, isIsoDate, isoDate } from "./days.ts";

describe("day numbers", () => {
  it("counts days from 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2016-02-16")).toBe(16_847);
  });

  it("agrees with Date.UTC and round-trips for every day of years 1600–2400", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber("1600-01-01"), max: dayNumber("2400-12-31") }), (day) => {
        const iso = isoDate(day);
        expect(new Date(Date.UTC(1970, 0, 1 + day)).toISOString().slice(0, 10)).toBe(iso);
        expect(dayNumber(iso)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it("handles leap days", () => {
    expect(addDays("2016-02-28", 1)).toBe("2016-02-29");
    expect(addDays("2015-02-28", 1)).toBe("2015-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("1900-02-28", 1)).toBe("1900-03-01");
    expect(addDays("2016-03-01", -1)).toBe("2016-02-29");
  });

  it("accepts only existing dates written YYYY-MM-DD", () => {
    expect(isIsoDate("2016-02-29")).toBe(true);
    expect(isIsoDate("2015-02-29")).toBe(false);
    expect(isIsoDate("2016-13-01")).toBe(false);
    expect(isIsoDate("2016-04-31")).toBe(false);
    expect(isIsoDate("2016-2-1")).toBe(false);
    expect(isIsoDate("2016-02-01T10:00")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});
