/** The demo's rehab plans: every state on every unit, complete where fastställd, on a real case. */
import { beforeAll, describe, expect, it } from "vitest";
import { unitList, type SjukfallCertificate } from "../cases/engine.ts";
import { loadTestPersonnummer } from "../reference/testpersonnummer.ts";
import { completenessIssues, planState, type PlanContent } from "../rehabplan/rules.ts";
import type { CertificateRow } from "./cases.ts";
import { generateDemo, type DemoRecord } from "./generate.ts";

const today = "2026-11-23";
const options = { seed: "test", today, personnummer: loadTestPersonnummer(), passwordHash: "scrypt$hash" };

type Rows<T extends DemoRecord["table"]> = Extract<DemoRecord, { table: T }>["row"][];

describe("demo rehab plans", () => {
  const plans: Rows<"rehabPlan"> = [];
  const versions: Rows<"rehabPlanVersion"> = [];
  const handouts: Rows<"patientHandout"> = [];
  const certificates: CertificateRow[] = [];
  beforeAll(() => {
    for (const record of generateDemo(options)) {
      if (record.table === "rehabPlan") plans.push(record.row);
      if (record.table === "rehabPlanVersion") versions.push(record.row);
      if (record.table === "patientHandout") handouts.push(record.row);
      if (record.table === "certificate") certificates.push(record.row);
    }
  });

  it("has plans in every state on every unit", () => {
    for (const unitId of ["HC-NORR", "HC-SODER", "HC-VAST"]) {
      const states = plans
        .filter((p) => p.unitId === unitId)
        .map((p) => planState({ status: p.status!, content: p.content }, today));
      expect(new Set(states), unitId).toEqual(
        new Set(["UTKAST", "FASTSTALLD", "UPPFOLJNING_FORSENAD", "AVSLUTAD"]),
      );
    }
  });

  it("keeps every version, ending in the plan as it stands; fastställda plans are complete", () => {
    for (const plan of plans) {
      const own = versions.filter((v) => v.planId === plan.id);
      expect(own.map((v) => v.version)).toEqual(own.map((_, i) => i + 1));
      expect(own.at(-1)).toMatchObject({ status: plan.status, content: plan.content, savedAt: plan.savedAt });
      if (plan.status !== "UTKAST") {
        expect(completenessIssues(plan.content as PlanContent)).toEqual([]);
        expect(plan.anchoredDate! <= today).toBe(true);
        expect(handouts.some((h) => h.patientId === plan.patientId && h.kind === "BROSCHYR")).toBe(true);
      }
    }
  });

  it("puts open plans on cases in today's unit list, starting where the case starts", () => {
    const open = plans.filter((p) => p.status !== "AVSLUTAD");
    for (const plan of open) {
      const own: SjukfallCertificate[] = certificates
        .filter((c) => c.patientId === plan.patientId && c.unitId === plan.unitId)
        .map((c) => ({
          id: c.id!,
          patient: c.patientId,
          unit: c.unitId,
          doctor: c.doctorId,
          signed: c.signedAt!,
          diagnosis: c.mainDiagnosis,
          periods: (c.content as { perioder: { grad: number; from: string; tom: string }[] }).perioder.map(
            (p) => ({ from: p.from, to: p.tom, grade: p.grad }),
          ),
          status: c.status === "MAKULERAT" ? "revoked" : "signed",
          completes: c.completesId,
        }));
      const listed = unitList(own, { today, gap: 5, afterEnd: 0 });
      expect(listed.map((c) => c.start)).toContain(plan.caseStart);
    }
  });
});
