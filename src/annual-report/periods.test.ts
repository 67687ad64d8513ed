import { describe, expect, it } from "vitest";
import { parseReportPeriod, recentReportPeriods, reportDay } from "./periods.ts";

describe("report periods", () => {
  it("reads årsbokslut, delårsrapport and tertial 1, each from January", () => {
    expect(parseReportPeriod("2026")).toMatchObject({
      kind: "AR",
      from: "2026-01",
      to: "2026-12",
      lastDay: "2026-12-31",
      label: "Årsbokslut 2026 (januari–december)",
    });
    expect(parseReportPeriod("2026-T2")).toMatchObject({
      kind: "T2",
      from: "2026-01",
      to: "2026-08",
      firstDay: "2026-01-01",
      lastDay: "2026-08-31",
      label: "Delårsrapport 2026 (januari–augusti)",
    });
    expect(parseReportPeriod("2024-T1")).toMatchObject({ to: "2024-04", lastDay: "2024-04-30" });
  });

  it("refuses anything else", () => {
    for (const text of ["2026-T3", "26", "2026-", "1999", "2100", "2026-t2", " 2026", "2026-08"]) {
      expect(parseReportPeriod(text), text).toBeNull();
    }
  });

  it("counts on the period's last day, or today while the period runs", () => {
    const delar = parseReportPeriod("2026-T2")!;
    expect(reportDay(delar, "2026-11-16")).toBe("2026-08-31");
    expect(reportDay(delar, "2026-05-02")).toBe("2026-05-02");
  });

  it("offers this year's and last year's periods that have begun, latest first", () => {
    expect(recentReportPeriods("2026-03-10").map((p) => p.id)).toEqual([
      "2026",
      "2026-T2",
      "2026-T1",
      "2025",
      "2025-T2",
      "2025-T1",
    ]);
  });
});
