import { describe, expect, it } from "vitest";
import {
  addCells,
  addMonths,
  ageBandOf,
  emptyFigures,
  monthRange,
  parseAgeBand,
  parseSex,
  resolveMonths,
  sameCells,
  workingAge,
  type PopulationCell,
} from "./rules.ts";

describe("listed-population rules", () => {
  it("reads the sexes and age bands listing systems write", () => {
    expect(["K", "kvinna", "Kvinnor", "M", "Man", "MÄN", "x", ""].map(parseSex)).toEqual([
      "F",
      "F",
      "F",
      "M",
      "M",
      "M",
      null,
      null,
    ]);
    expect(["16-19", "16–19", " 20 - 29 år", "70+", "70-", "65+", "15-19", "abc"].map(parseAgeBand)).toEqual([
      "16-19",
      "16-19",
      "20-29",
      "70+",
      "70+",
      null,
      null,
      null,
    ]);
  });

  it("puts every age in its band, the bands covering all ages", () => {
    expect([0, 15, 16, 19, 20, 29, 30, 49, 59, 60, 64, 65, 69, 70, 104].map(ageBandOf)).toEqual([
      "0-15",
      "0-15",
      "16-19",
      "16-19",
      "20-29",
      "20-29",
      "30-39",
      "40-49",
      "50-59",
      "60-64",
      "60-64",
      "65-69",
      "65-69",
      "70+",
      "70+",
    ]);
  });

  it("counts months across years", () => {
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-01", -24)).toBe("2024-01");
    expect(monthRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthRange("2026-02", "2026-01")).toEqual([]);
  });

  it("sums women, men and the total per age band", () => {
    const figures = addCells(emptyFigures(), [
      { sex: "F", ageBand: "30-39", count: 10 },
      { sex: "M", ageBand: "30-39", count: 7 },
      { sex: "F", ageBand: "70+", count: 3 },
    ]);
    expect(figures).toMatchObject({ women: 13, men: 7, total: 20 });
    expect(figures.byAgeBand["30-39"]).toEqual({ women: 10, men: 7, total: 17 });
    expect(figures.byAgeBand["0-15"]).toEqual({ women: 0, men: 0, total: 0 });
    addCells(figures, [
      { sex: "M", ageBand: "0-15", count: 100 },
      { sex: "F", ageBand: "16-19", count: 1 },
      { sex: "M", ageBand: "60-64", count: 2 },
      { sex: "F", ageBand: "65-69", count: 50 },
    ]);
    // 16–64 only: not the children, not 65–69 or 70+.
    expect(workingAge(figures)).toEqual({ women: 11, men: 9, total: 20 });
  });

  it("uses the latest earlier imported month for a month without an import, never a later one", () => {
    const cell = (count: number): PopulationCell[] => [{ sex: "F", ageBand: "40-49", count }];
    const imported = new Map([
      ["2026-02", cell(2)],
      ["2026-05", cell(5)],
    ]);
    expect(
      resolveMonths(imported, "2026-01", "2026-07").map((m) => [m.month, m.sourceMonth, m.cells[0]?.count]),
    ).toEqual([
      ["2026-01", null, undefined],
      ["2026-02", "2026-02", 2],
      ["2026-03", "2026-02", 2],
      ["2026-04", "2026-02", 2],
      ["2026-05", "2026-05", 5],
      ["2026-06", "2026-05", 5],
      ["2026-07", "2026-05", 5],
    ]);
    // A range that starts after the latest import carries it all the way.
    expect(resolveMonths(imported, "2026-09", "2026-09")).toEqual([
      { month: "2026-09", sourceMonth: "2026-05", cells: cell(5) },
    ]);
  });

  it("compares figures whatever the order, a zero cell equal to none", () => {
    const a: PopulationCell[] = [
      { sex: "F", ageBand: "30-39", count: 10 },
      { sex: "M", ageBand: "30-39", count: 0 },
      { sex: "M", ageBand: "40-49", count: 4 },
    ];
    expect(sameCells(a, [a[2]!, a[0]!])).toBe(true);
    expect(sameCells(a, [a[0]!, { ...a[2]!, count: 5 }])).toBe(false);
    expect(sameCells(a, [a[0]!])).toBe(false);
  });
});
