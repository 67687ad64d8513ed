import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/cases/days.ts";
import { countingCertificates, unitList } from "../../src/cases/engine.ts";
import { referenceUnitList } from "../../src/cases/reference-model.ts";
import { readAndSort } from "./floor.ts";
import { generateRegion } from "./generate.ts";

describe("benchmark data", () => {
  const region = generateRegion(5000);

  it("is deterministic", () => {
    expect(generateRegion(5000)).toEqual(region);
  });

  it("looks like a region: 40 units, renewals, overlaps, exclusions", () => {
    const certs = region.certificates;
    expect(certs).toHaveLength(5000);
    expect(new Set(certs.map((c) => c.id)).size).toBe(5000);
    expect(new Set(certs.map((c) => c.unit)).size).toBe(40);
    expect(countingCertificates(certs).length / certs.length).toBeGreaterThan(0.9);
    expect(certs.some((c) => c.replaces)).toBe(true);
    expect(certs.some((c) => c.completes)).toBe(true);
    expect(certs.some((c) => c.periods.length > 1)).toBe(true);
    const cases = unitList(certs, { today: region.today });
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.some((c) => c.certificates.length > 3)).toBe(true);
  });

  it("gives the engine the same answers as the reference model", () => {
    const sample = generateRegion(1500).certificates;
    const byUnitPatient = (a: { unit: string; patient: string }, b: { unit: string; patient: string }) =>
      a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.patient < b.patient ? -1 : a.patient > b.patient ? 1 : 0;
    for (const afterEnd of [0, 14]) {
      const options = { today: region.today, gap: 5, afterEnd };
      expect(unitList(sample, options)).toEqual(
        referenceUnitList(sample, region.today, 5, afterEnd).sort(byUnitPatient),
      );
    }
  });
});

describe("the floor", () => {
  it("sorts every certificate by (unit, patient) group and then first day", () => {
    const certs = generateRegion(3000).certificates;
    const order = Array.from(readAndSort(certs));
    expect([...order].sort((a, b) => a - b)).toEqual(certs.map((_, i) => i));
    const firstDay = (i: number) => Math.min(...certs[i]!.periods.map((p) => dayNumber(p.from)));
    const seen = new Set<string>();
    for (let k = 0; k < order.length; k++) {
      const cert = certs[order[k]!]!;
      const key = `${cert.unit}|${cert.patient}`;
      const previous = k > 0 ? certs[order[k - 1]!]! : null;
      if (previous && `${previous.unit}|${previous.patient}` === key) {
        expect(firstDay(order[k]!)).toBeGreaterThanOrEqual(firstDay(order[k - 1]!));
      } else {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });
});
