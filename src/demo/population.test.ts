/** The demo units' listed population: realistic, complete for the plan's months, deterministic. */
import { describe, expect, it } from "vitest";
import { loadTestPersonnummer } from "../reference/testpersonnummer.ts";
import {
  addCells,
  addMonths,
  ageBands,
  emptyFigures,
  monthRange,
  type AgeBand,
} from "../population/rules.ts";
import { generateDemo, type DemoOptions, type DemoRecord } from "./generate.ts";
import { listedRange } from "./population.ts";

const list = loadTestPersonnummer();
const options = (today: string, seed = "test"): DemoOptions => ({
  seed,
  today,
  personnummer: list,
  passwordHash: "scrypt$hash",
});
type Row = Extract<DemoRecord, { table: "listedPopulation" }>["row"];

function populationOf(o: DemoOptions): Row[] {
  const rows: Row[] = [];
  for (const record of generateDemo(o)) if (record.table === "listedPopulation") rows.push(record.row);
  return rows;
}

const byUnitMonth = (rows: Row[]) => {
  const figures = new Map<string, ReturnType<typeof emptyFigures>>();
  for (const r of rows) {
    const key = `${r.unitId}/${r.month}`;
    figures.set(
      key,
      addCells(figures.get(key) ?? emptyFigures(), [
        { sex: r.sex, ageBand: r.ageBand as AgeBand, count: r.count },
      ]),
    );
  }
  return figures;
};

describe("the demo region's listed population", () => {
  const today = "2026-11-23";
  const rows = populationOf(options(today));

  it("covers the last 24 months up to today's month, every sex and age band of every unit", () => {
    const months = monthRange("2024-12", "2026-11");
    expect([...new Set(rows.map((r) => r.month))].sort()).toEqual(months);
    expect([...new Set(rows.map((r) => r.unitId))].sort()).toEqual(["HC-NORR", "HC-SODER", "HC-VAST"]);
    expect(rows).toHaveLength(3 * 24 * ageBands.length * 2);
    expect(new Set(rows.map((r) => `${r.unitId}/${r.month}/${r.sex}/${r.ageBand}`)).size).toBe(rows.length);
  });

  it("looks like a Swedish vårdcentral: 8,000–15,000 listed, women slightly more, Sweden's age structure", () => {
    for (const [key, f] of byUnitMonth(rows)) {
      expect(f.total, key).toBeGreaterThanOrEqual(listedRange.min);
      expect(f.total, key).toBeLessThanOrEqual(listedRange.max);
      expect(f.women / f.total, key).toBeGreaterThan(0.5);
      expect(f.women / f.total, key).toBeLessThan(0.53);
      const share = (band: AgeBand) => f.byAgeBand[band].total / f.total;
      expect(share("0-15"), key).toBeGreaterThan(0.13);
      expect(share("0-15"), key).toBeLessThan(0.24);
      expect(share("70+"), key).toBeGreaterThan(0.11);
      expect(share("70+"), key).toBeLessThan(0.21);
      // Working age (16–64) is about 60 % of those listed; the oldest lean towards women.
      const working = (["16-19", "20-29", "30-39", "40-49", "50-59", "60-64"] as const).reduce(
        (n, b) => n + share(b),
        0,
      );
      expect(working, key).toBeGreaterThan(0.5);
      expect(working, key).toBeLessThan(0.7);
      expect(f.byAgeBand["70+"].women, key).toBeGreaterThan(f.byAgeBand["70+"].men);
    }
  });

  it("drifts slowly from month to month, and the units differ", () => {
    const figures = byUnitMonth(rows);
    for (const unit of ["HC-NORR", "HC-SODER", "HC-VAST"]) {
      for (const month of monthRange("2025-01", "2026-11")) {
        const now = figures.get(`${unit}/${month}`)!.total;
        const before = figures.get(`${unit}/${addMonths(month, -1)}`)!.total;
        expect(Math.abs(now - before) / before, `${unit} ${month}`).toBeLessThan(0.02);
      }
    }
    const totals = ["HC-NORR", "HC-SODER", "HC-VAST"].map((u) => figures.get(`${u}/2026-11`)!.total);
    expect(new Set(totals).size).toBe(3);
  });

  it("is the same for the same seed and today, follows today, and differs for another seed", () => {
    expect(populationOf(options(today))).toEqual(rows);
    expect(populationOf(options(today, "other"))).not.toEqual(rows);
    const later = populationOf(options("2027-12-31"));
    expect([...new Set(later.map((r) => r.month))].sort()).toEqual(monthRange("2026-01", "2027-12"));
  });

  it("covers the scaled region's five years", () => {
    const scaled = populationOf({ ...options(today, "scaled"), certificates: 100 });
    expect([...new Set(scaled.map((r) => r.month))]).toHaveLength(60);
  });
});
