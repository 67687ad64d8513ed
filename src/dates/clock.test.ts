import { describe, expect, it } from "vitest";
import { ClockError, fixedClock, parseClockStart, shiftedClock, systemClock } from "./clock.ts";

describe("the one clock", () => {
  it("reads a date alone as that calendar day in Stockholm", () => {
    expect(fixedClock("2027-12-31").today()).toBe("2027-12-31");
    expect(fixedClock("2027-03-28").today()).toBe("2027-03-28");
  });

  it("keeps an instant's offset: 23:30 on New Year's Eve in Stockholm is still that day", () => {
    expect(fixedClock(new Date("2027-12-31T23:30:00+01:00")).today()).toBe("2027-12-31");
    expect(fixedClock(new Date("2027-12-31T23:30:00Z")).today()).toBe("2028-01-01");
  });

  it("runs on from a shifted start at the real speed", () => {
    let real = 1_000_000;
    const clock = shiftedClock(new Date("2028-02-29T10:00:00+01:00"), () => real);
    expect(clock.now().toISOString()).toBe("2028-02-29T09:00:00.000Z");
    real += 60_000;
    expect(clock.now().toISOString()).toBe("2028-02-29T09:01:00.000Z");
    expect(clock.today()).toBe("2028-02-29");
  });

  it("takes SAMSYN_NOW from the environment, and the wall clock without it", () => {
    expect(systemClock({ SAMSYN_NOW: "2026-10-25" }).today()).toBe("2026-10-25");
    const wall = systemClock({});
    expect(Math.abs(wall.now().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("refuses what is not a date", () => {
    expect(() => parseClockStart("igår")).toThrow(ClockError);
    expect(() => parseClockStart("2027-02-30")).toThrow(ClockError);
  });
});
