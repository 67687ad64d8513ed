import { describe, expect, it } from "vitest";
import { ageLabel, countLabel, dateLabel, dateTimeLabel, sexLabel } from "./format.ts";

describe("web formatting", () => {
  it("names the sexes in Swedish", () => {
    expect(sexLabel("F")).toBe("Kvinna");
    expect(sexLabel("M")).toBe("Man");
    expect(ageLabel(47)).toBe("47 år");
  });

  it("shows dates as ÅÅÅÅ-MM-DD and a missing date as a dash", () => {
    expect(dateLabel("1978-03-09")).toBe("1978-03-09");
    expect(dateLabel(null)).toBe("–");
  });

  it("shows instants in Swedish time, summer and winter", () => {
    expect(dateTimeLabel("2025-07-01T22:30:00.000Z")).toBe("2025-07-02 00:30");
    expect(dateTimeLabel("2025-01-15T08:05:00Z")).toBe("2025-01-15 09:05");
  });

  it("counts in singular and plural", () => {
    expect(countLabel(1, "patient", "patienter")).toBe("1 patient");
    expect(countLabel(0, "patient", "patienter")).toBe("0 patienter");
  });
});
