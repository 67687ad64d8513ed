import { describe, expect, it } from "vitest";
import { checkpoints, dayInCase } from "./engine.ts";

describe("dag i sjukfallet", () => {
  it("is 1 on the first day and counts calendar days, gaps included", () => {
    const c = { start: "2016-02-01" };
    expect(dayInCase(c, "2016-02-01")).toBe(1);
    expect(dayInCase(c, "2016-02-16")).toBe(16);
    expect(dayInCase(c, "2016-03-01")).toBe(30); // leap year: 29 days in February
    expect(dayInCase(c, "2016-01-31")).toBe(0);
  });
});

describe("checkpoints", () => {
  it("gives the dates of day 8, 15, 30, 90, 180 and 365", () => {
    expect(checkpoints({ start: "2016-02-01" }, {})).toEqual([
      { day: 8, date: "2016-02-08", kind: "certificate-required" },
      { day: 15, date: "2016-02-15", kind: "fk-takes-over" },
      { day: 30, date: "2016-03-01", kind: "rehab-coordinator" },
      { day: 90, date: "2016-04-30", kind: "rehab-chain-90" },
      { day: 180, date: "2016-07-29", kind: "rehab-chain-180" },
      { day: 365, date: "2017-01-30", kind: "rehab-chain-365" },
    ]);
  });

  it("needs the certificate from day 1 with a förstadagsintyg", () => {
    const [first] = checkpoints({ start: "2016-02-01" }, { firstDayCertificate: true });
    expect(first).toEqual({ day: 1, date: "2016-02-01", kind: "certificate-required" });
  });

  it("puts each checkpoint on the day whose dayInCase is its number", () => {
    for (const point of checkpoints({ start: "2023-12-20" }, {})) {
      expect(dayInCase({ start: "2023-12-20" }, point.date)).toBe(point.day);
    }
  });
});
