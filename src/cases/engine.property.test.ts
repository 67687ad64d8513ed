import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber } from "./days.ts";
import {
  caseContaining,
  caseStarts,
  countingCertificates,
  patientHistory,
  statisticsCases,
  unitList,
  type CaseStart,
  type Sjukfall,
} from "./engine.ts";
import { referencePatientHistory, referenceUnitList } from "./reference-model.ts";
import { afterEndArb, certificatesArb, FAR_FUTURE, gapArb, todayArb } from "./test-arbitraries.ts";
import type { SjukfallCertificate } from "./types.ts";

const RUNS = { numRuns: 400 };

function unionOfPeriods(certs: SjukfallCertificate[]): number {
  const days = new Set<number>();
  for (const c of certs)
    for (const p of c.periods) for (let d = dayNumber(p.from); d <= dayNumber(p.to); d++) days.add(d);
  return days.size;
}

const byUnitPatient = (a: Sjukfall, b: Sjukfall) =>
  a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.patient < b.patient ? -1 : a.patient > b.patient ? 1 : 0;
const byPatientNewest = (a: Sjukfall, b: Sjukfall) =>
  a.patient < b.patient
    ? -1
    : a.patient > b.patient
      ? 1
      : a.start !== b.start
        ? a.start > b.start
          ? -1
          : 1
        : a.end !== b.end
          ? a.end > b.end
            ? -1
            : 1
          : a.unit < b.unit
            ? -1
            : 1;

describe("sjukfall engine properties", () => {
  it("unit list equals the day-by-day reference model (including order)", () => {
    fc.assert(
      fc.property(certificatesArb, todayArb, gapArb, afterEndArb, (certs, today, gap, afterEnd) => {
        const expected = referenceUnitList(certs, today, gap, afterEnd).sort(byUnitPatient);
        expect(unitList(certs, { today, gap, afterEnd })).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("patient history equals the day-by-day reference model (including order)", () => {
    fc.assert(
      fc.property(certificatesArb, todayArb, gapArb, (certs, today, gap) => {
        const expected = referencePatientHistory(certs, today, gap).sort(byPatientNewest);
        expect(patientHistory(certs, { today, gap })).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("statistics cases: the patient history's (patient, unit, start) and the unit list, for every unit and one", () => {
    const key = (c: CaseStart) => `${c.patient}|${c.unit}|${c.start}`;
    fc.assert(
      fc.property(
        certificatesArb,
        todayArb,
        gapArb,
        fc.constantFrom(undefined, "U1", "U2", "U3"),
        (certs, today, gap, unit) => {
          const history = patientHistory(certs, { today, gap }).filter(
            (c) => unit === undefined || c.unit === unit,
          );
          expect(caseStarts(certs, { today, gap, unit }).map(key).sort()).toEqual(history.map(key).sort());
          const both = statisticsCases(certs, { today, gap, unit });
          expect(both.starts.map(key).sort()).toEqual(history.map(key).sort());
          expect(both.ongoing).toEqual(unitList(certs, { today, gap, afterEnd: 0, unit }));
        },
      ),
      RUNS,
    );
  });

  it("length is the number of days in the union of the case's certificates' periods", () => {
    fc.assert(
      fc.property(certificatesArb, todayArb, gapArb, (certs, today, gap) => {
        const byId = new Map(certs.map((c) => [c.id, c]));
        for (const c of [...patientHistory(certs, { today, gap }), ...unitList(certs, { today, gap })]) {
          expect(c.days).toBe(unionOfPeriods(c.certificates.map((id) => byId.get(id)!)));
        }
      }),
      RUNS,
    );
  });

  it("input order never changes the result", () => {
    const shuffled = certificatesArb.chain((certs) =>
      fc.tuple(
        fc.constant(certs),
        fc.shuffledSubarray(certs, { minLength: certs.length, maxLength: certs.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, todayArb, gapArb, afterEndArb, ([certs, reordered], today, gap, afterEnd) => {
        expect(unitList(reordered, { today, gap, afterEnd })).toEqual(
          unitList(certs, { today, gap, afterEnd }),
        );
        expect(patientHistory(reordered, { today, gap })).toEqual(patientHistory(certs, { today, gap }));
      }),
      RUNS,
    );
  });

  it("a larger gap never gives more cases", () => {
    fc.assert(
      fc.property(
        certificatesArb,
        todayArb,
        gapArb,
        gapArb,
        afterEndArb,
        (certs, today, g1, g2, afterEnd) => {
          const [small, large] = g1 <= g2 ? [g1, g2] : [g2, g1];
          expect(patientHistory(certs, { today, gap: large }).length).toBeLessThanOrEqual(
            patientHistory(certs, { today, gap: small }).length,
          );
          expect(unitList(certs, { today, gap: large, afterEnd }).length).toBeLessThanOrEqual(
            unitList(certs, { today, gap: small, afterEnd }).length,
          );
        },
      ),
      RUNS,
    );
  });

  it("every counting certificate belongs to exactly one case of the patient history", () => {
    fc.assert(
      fc.property(certificatesArb, gapArb, (certs, gap) => {
        const ids = patientHistory(certs, { today: FAR_FUTURE, gap }).flatMap((c) => c.certificates);
        expect([...ids].sort()).toEqual(
          countingCertificates(certs)
            .map((c) => c.id)
            .sort(),
        );
      }),
      RUNS,
    );
  });

  it("cases of a patient on a unit never overlap and are more than gap days apart", () => {
    fc.assert(
      fc.property(certificatesArb, todayArb, gapArb, (certs, today, gap) => {
        const history = patientHistory(certs, { today, gap });
        for (const a of history) {
          for (const b of history) {
            if (a === b || a.patient !== b.patient || a.unit !== b.unit || a.start > b.start) continue;
            const emptyDaysBetween = dayNumber(b.start) - dayNumber(a.end) - 1;
            expect(emptyDaysBetween).toBeGreaterThan(gap);
          }
        }
      }),
      RUNS,
    );
  });

  it("a unit-list case is the patient-history case holding the anchor", () => {
    fc.assert(
      fc.property(certificatesArb, todayArb, gapArb, afterEndArb, (certs, today, gap, afterEnd) => {
        const history = patientHistory(certs, { today, gap });
        for (const listed of unitList(certs, { today, gap, afterEnd })) {
          expect(history).toContainEqual(listed);
        }
      }),
      RUNS,
    );
  });

  it("caseContaining finds, for every counting certificate, its patient-history case", () => {
    fc.assert(
      fc.property(certificatesArb, gapArb, (certs, gap) => {
        const history = patientHistory(certs, { today: FAR_FUTURE, gap });
        for (const cert of countingCertificates(certs)) {
          const found = caseContaining(certs, cert.id, { gap, today: FAR_FUTURE });
          expect(found).toEqual(history.find((c) => c.certificates.includes(cert.id)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
