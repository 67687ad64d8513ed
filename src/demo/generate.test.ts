/**
 * The demo generator's shape: the organisation the brief names, only Skatteverket's test
 * personnummer, cases that look like a health centre's (PRODUCT §7), certificates that follow the
 * FK 7804 rules, renewals that chain, and the same region for the same seed and today.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { questionAreas } from "../arenden/rules.ts";
import { dayNumber } from "../cases/days.ts";
import { patientHistory, unitList, type SjukfallCertificate } from "../cases/engine.ts";
import { parseIdentityNumber } from "../patients/identity.ts";
import { loadTestPersonnummer } from "../reference/testpersonnummer.ts";
import type { ArendeRow, CertificateRow } from "./cases.ts";
import { demoPlan, generateDemo, type DemoOptions, type DemoRecord } from "./generate.ts";

const today = "2026-11-23";
const list = loadTestPersonnummer();
const options: DemoOptions = { seed: "test", today, personnummer: list, passwordHash: "scrypt$hash" };

type Rows<T extends DemoRecord["table"]> = Extract<DemoRecord, { table: T }>["row"][];

function collect(records: Iterable<DemoRecord>) {
  const rows = {
    unit: [] as Rows<"unit">,
    appUser: [] as Rows<"appUser">,
    assignment: [] as Rows<"assignment">,
    patient: [] as Rows<"patient">,
    certificate: [] as CertificateRow[],
    fkArende: [] as ArendeRow[],
    fkArendeEvent: [] as Rows<"fkArendeEvent">,
  };
  for (const record of records) {
    if (record.table in rows) (rows[record.table as keyof typeof rows] as unknown[]).push(record.row);
  }
  return rows;
}

interface Period {
  grad: number;
  from: string;
  tom: string;
}

const periodsOf = (c: CertificateRow) => (c.content as { perioder: Period[] }).perioder;

function forEngine(c: CertificateRow): SjukfallCertificate {
  return {
    id: c.id!,
    patient: c.patientId,
    unit: c.unitId,
    doctor: c.doctorId,
    signed: c.signedAt!,
    diagnosis: c.mainDiagnosis,
    periods: periodsOf(c).map((p) => ({ from: p.from, to: p.tom, grade: p.grad })),
    status: c.status === "MAKULERAT" ? "revoked" : "signed",
    completes: c.completesId,
  };
}

describe("the demo region", () => {
  let demo: ReturnType<typeof collect>;
  let sexOf: Map<string, "F" | "M">;
  beforeAll(() => {
    demo = collect(generateDemo(options));
    sexOf = new Map(demo.patient.map((p) => [p.id!, p.sex]));
  });

  it("has the brief's three units and demo accounts", () => {
    expect(demo.unit.map((u) => [u.id, u.name])).toEqual([
      ["HC-NORR", "Hälsocentralen Norrskenet"],
      ["HC-SODER", "Hälsocentralen Söderåsen"],
      ["HC-VAST", "Hälsocentralen Västervik"],
    ]);
    for (const u of demo.unit) {
      expect(u.hsaId).toMatch(/^SE2321000000-E\d{3}$/);
      expect(u.postalAddress).toMatch(/\d/);
      expect(u.postalCode).toMatch(/^\d{3} \d{2}$/);
      expect(u.phone).toMatch(/^0\d{1,3}-[\d ]+$/);
    }
    const perUnit = (u: number) =>
      [`lakare${u}a`, `lakare${u}b`, `rehab${u}`, `ssk${u}`, `fysio${u}`, `arbter${u}`, `kurator${u}`]
        .concat([`psykolog${u}`, `sekr${u}`, `chef${u}`, `mlu${u}`])
        .sort();
    const usernames = demo.appUser.map((u) => u.username).sort();
    expect(usernames).toEqual(["admin", "analytiker", ...perUnit(1), ...perUnit(2), ...perUnit(3)].sort());
    expect(new Set(demo.appUser.map((u) => u.hsaId)).size).toBe(demo.appUser.length);
    for (const user of demo.appUser) {
      expect(user.hsaId).toMatch(/^SE2321000000-\d{4}$/);
      expect(user.displayName).toMatch(/^\p{Lu}\p{L}+(-\p{Lu}\p{L}+)? \p{Lu}\p{L}+$/u);
      expect(user.passwordHash).toBe(options.passwordHash);
      expect(user.title).not.toBe("");
    }

    const roleOf = (username: string, unitId: string) => {
      const user = demo.appUser.find((u) => u.username === username)!;
      return demo.assignment.filter((a) => a.userId === user.id && a.unitId === unitId).map((a) => a.role);
    };
    expect(roleOf("lakare2b", "HC-SODER")).toEqual(["LAKARE"]);
    expect(roleOf("rehab3", "HC-VAST")).toEqual(["REHABKOORDINATOR"]);
    expect(roleOf("sekr1", "HC-NORR")).toEqual(["SEKRETERARE"]);
    expect(roleOf("mlu1", "HC-NORR")).toEqual(["MLU"]);
    expect(roleOf("rehab3", "HC-NORR")).toEqual([]);
    for (const u of demo.unit) {
      expect(roleOf("analytiker", u.id)).toEqual(["REGIONANALYTIKER"]);
      expect(roleOf("admin", u.id)).toEqual(["SYSTEMADMINISTRATOR"]);
    }
  });

  it("lists ~3,000 patients per unit, all with Skatteverket's test personnummer", () => {
    const published = new Set(list.map((p) => p.replace("-", "")));
    for (const u of demo.unit) expect(demo.patient.filter((p) => p.unitId === u.id)).toHaveLength(3_000);
    // The three units list different people.
    expect(new Set(demo.patient.map((p) => p.personnummer)).size).toBe(9_000);
    for (const p of demo.patient) {
      expect(published.has(p.personnummer)).toBe(true);
      const identity = parseIdentityNumber(p.personnummer);
      expect(identity.ok && identity.value).toMatchObject({ sex: p.sex, birthDate: p.birthDate });
      expect(p.listingUnitId).toBe(p.unitId);
    }
    const share = (count: number) => count / demo.patient.length;
    expect(share(demo.patient.filter((p) => p.protectedIdentity).length)).toBeGreaterThan(0.001);
    expect(share(demo.patient.filter((p) => p.protectedIdentity).length)).toBeLessThan(0.007);
    const firstDay = demo.patient.filter((p) => p.firstDayCertificateUntil);
    expect(firstDay.length).toBeGreaterThan(10);
    expect(firstDay.some((p) => p.firstDayCertificateUntil! > today)).toBe(true);
  });

  it("has case shapes like a health centre's: women ≈ 2/3, half of long cases psychiatric, a long tail", () => {
    const cases = patientHistory(demo.certificate.map(forEngine), { today });
    const women = cases.filter((c) => sexOf.get(c.patient) === "F").length / cases.length;
    expect(women).toBeGreaterThan(0.6);
    expect(women).toBeLessThan(0.72);

    const long = cases.filter((c) => c.days > 90);
    const psychiatric = long.filter((c) => c.diagnoses[0]!.startsWith("F")).length / long.length;
    expect(psychiatric).toBeGreaterThan(0.4);
    expect(psychiatric).toBeLessThan(0.62);
    expect(long.some((c) => c.diagnoses[0]!.startsWith("M"))).toBe(true);

    const short = cases.filter((c) => c.days <= 21).length / cases.length;
    expect(short).toBeGreaterThan(0.5);
    const overYear = cases.filter((c) => c.days > 365).length;
    expect(overYear).toBeGreaterThan(0);
    expect(overYear / cases.length).toBeLessThan(0.01);
    expect(cases.every((c) => c.start >= "2024-11-01")).toBe(true);
  });

  it("has 60–120 ongoing cases per unit today, ~25–40 % of them past day 30", () => {
    const list = unitList(demo.certificate.map(forEngine), { today });
    let overDay30 = 0;
    for (const u of demo.unit) {
      const ongoing = list.filter((c) => c.unit === u.id);
      expect(ongoing.length).toBeGreaterThanOrEqual(55);
      expect(ongoing.length).toBeLessThanOrEqual(120);
      overDay30 += ongoing.filter((c) => dayNumber(today) - dayNumber(c.start) + 1 > 30).length;
    }
    expect(overDay30 / list.length).toBeGreaterThan(0.22);
    expect(overDay30 / list.length).toBeLessThan(0.45);
  });

  it("writes certificates that follow the FK 7804 rules", () => {
    const doctors = new Map(
      demo.assignment.filter((a) => a.role === "LAKARE").map((a) => [a.userId, a.unitId] as const),
    );
    const patientUnit = new Map(demo.patient.map((p) => [p.id!, p.unitId]));
    const statuses = new Map<string, number>();
    for (const c of demo.certificate) {
      statuses.set(c.status!, (statuses.get(c.status!) ?? 0) + 1);
      const content = c.content as Record<string, unknown> & { perioder: Period[] };
      const periods = content.perioder;
      expect(periods.length).toBeGreaterThanOrEqual(1);
      expect(periods.length).toBeLessThanOrEqual(4);
      expect(new Set(periods.map((p) => p.grad)).size).toBe(periods.length);
      for (const [i, p] of periods.entries()) {
        expect([25, 50, 75, 100]).toContain(p.grad);
        expect(p.from <= p.tom).toBe(true);
        if (i > 0) expect(p.from > periods[i - 1]!.tom).toBe(true);
      }
      expect(c.startDate).toBe(periods[0]!.from);
      expect(c.endDate).toBe(periods.at(-1)!.tom);
      expect(doctors.get(c.doctorId!)).toBe(c.unitId);
      expect(patientUnit.get(c.patientId)).toBe(c.unitId);

      const signed = c.signedAt!.slice(0, 10);
      expect(signed < today).toBe(true);
      // No retroactive warning: no period starts more than 7 days before signing (a completing
      // certificate repeats the periods of the one it completes).
      if (!c.completesId) expect(dayNumber(signed) - dayNumber(periods[0]!.from)).toBeLessThanOrEqual(7);
      const grund = content.grund as { typ: string; datum: string }[];
      expect(grund.length).toBeGreaterThan(0);
      expect(new Set(grund.map((g) => g.typ)).size).toBe(grund.length);
      for (const g of grund) expect(g.datum <= signed).toBe(true);

      const diagnoser = content.diagnoser as { kod: string; text: string }[];
      expect(c.mainDiagnosis).toBe(diagnoser[0]!.kod);
      for (const d of diagnoser) {
        expect(d.kod).toMatch(/^[A-Z]\d{2}[0-9A-Z]{0,2}$/);
        if (d.kod.startsWith("F")) expect(d.kod.length).toBeGreaterThanOrEqual(4);
        expect(d.text).not.toBe("");
      }
      expect(String(content.funktionsnedsattning).trim()).not.toBe("");
      expect(String(content.aktivitetsbegransning).trim()).not.toBe("");
      const sysselsattning = content.sysselsattning as string[];
      expect(content.yrke !== null).toBe(sysselsattning.includes("NUVARANDE_ARBETE"));
      const allFullTime = periods.every((p) => p.grad === 100);
      expect(content.arbetstidsforlaggning === null).toBe(allFullTime);
      expect(content.prognos).toHaveProperty("typ");
      expect(content.enhet).toMatchObject({ namn: demo.unit.find((u) => u.id === c.unitId)!.name });
      if (c.status === "SKICKAT") expect(c.sentAt).not.toBeNull();
      if (c.status === "MAKULERAT") expect(c.revokedAt).not.toBeNull();
    }
    const total = demo.certificate.length;
    expect(statuses.get("SKICKAT")! / total).toBeGreaterThan(0.85);
    expect(statuses.get("SIGNERAT")).toBeGreaterThan(0);
    expect(statuses.get("MAKULERAT")! / total).toBeGreaterThan(0.003);
    expect(statuses.get("MAKULERAT")! / total).toBeLessThan(0.03);
    const partTime = demo.certificate.filter((c) => periodsOf(c).some((p) => p.grad < 100));
    expect(partTime.length / total).toBeGreaterThan(0.03);
    expect(demo.certificate.some((c) => periodsOf(c).length >= 3)).toBe(true);
  });

  it("chains förlängningar: each starts after the one it renews ends, at most a few days later", () => {
    const byId = new Map(demo.certificate.map((c) => [c.id!, c]));
    const renewed = new Set<string>();
    let renewals = 0;
    let withGap = 0;
    for (const c of demo.certificate) {
      if (!c.renewsId) continue;
      const previous = byId.get(c.renewsId)!;
      expect(previous).toBeDefined();
      expect(previous.status).not.toBe("MAKULERAT");
      expect([previous.patientId, previous.unitId]).toEqual([c.patientId, c.unitId]);
      expect(previous.signedAt!.slice(0, 10) < c.signedAt!.slice(0, 10)).toBe(true);
      const gap = dayNumber(c.startDate!) - dayNumber(previous.endDate!) - 1;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(3);
      if (c.status === "MAKULERAT") continue;
      // A chain, not a tree: no certificate is renewed twice.
      expect(renewed.has(previous.id!)).toBe(false);
      renewed.add(previous.id!);
      renewals++;
      if (gap > 0) withGap++;
    }
    expect(renewals / demo.certificate.length).toBeGreaterThan(0.15);
    expect(withGap).toBeGreaterThan(0);
    expect(withGap / renewals).toBeLessThan(0.25);
  });

  it("has kompletteringar on ≈ 8 % of certificates, most answered with a completing certificate", () => {
    const byId = new Map(demo.certificate.map((c) => [c.id!, c]));
    const rate = demo.fkArende.length / demo.certificate.length;
    expect(rate).toBeGreaterThan(0.06);
    expect(rate).toBeLessThan(0.1);
    const open = demo.fkArende.filter((a) => a.status === "OPEN");
    expect(open.length).toBeGreaterThan(0);
    expect(open.length / demo.fkArende.length).toBeLessThan(0.2);
    for (const a of demo.fkArende) {
      expect(a.type).toBe("KOMPLT");
      const original = byId.get(a.certificateId!)!;
      expect(original.status).toBe("SKICKAT");
      expect(a.receivedDate > original.signedAt!.slice(0, 10)).toBe(true);
      expect(a.receivedDate < today).toBe(true);
      expect(a.questionFields!.length).toBeGreaterThan(0);
      for (const field of a.questionFields!) expect(Object.keys(questionAreas)).toContain(field);
      const events = demo.fkArendeEvent.filter((e) => e.arendeId === a.id).map((e) => e.event);
      if (a.status === "OPEN") {
        expect(events).toEqual(["REGISTRERAT"]);
        continue;
      }
      expect(a.answeredAt).not.toBeNull();
      if (a.answerKind === "KOMPLETTERING") {
        const completing = byId.get(a.answerCertificateId!)!;
        expect(completing.completesId).toBe(original.id);
        expect(periodsOf(completing)).toEqual(periodsOf(original));
        expect(events).toEqual(["REGISTRERAT", "KOMPLETTERING"]);
      } else {
        expect(a.answerKind).toBe("KAN_EJ_KOMPLETTERA");
        expect(events).toEqual(["REGISTRERAT", "KAN_EJ_KOMPLETTERA"]);
      }
    }
  });
});

function digest(records: Iterable<DemoRecord>): { hash: string; count: number } {
  const hash = createHash("sha256");
  let count = 0;
  for (const record of records) {
    hash.update(JSON.stringify(record));
    count++;
  }
  return { hash: hash.digest("hex"), count };
}

describe("determinism and scale", () => {
  it("gives the same rows for the same seed and today, other rows for another seed", () => {
    const small = { ...options, certificates: 600 };
    const first = digest(generateDemo(small));
    expect(digest(generateDemo(small))).toEqual(first);
    expect(digest(generateDemo({ ...small, seed: "other" })).hash).not.toBe(first.hash);
    expect(digest(generateDemo({ ...small, today: "2026-11-24" })).hash).not.toBe(first.hash);
  });

  it("writes exactly the number of certificates asked for", () => {
    for (const certificates of [1, 7, 1_234]) {
      const rows = collect(generateDemo({ ...options, certificates }));
      expect(rows.certificate).toHaveLength(certificates);
      expect(rows.unit).toHaveLength(3);
    }
  });

  it("plans ~20,000 certificates per unit over five years: 1 M → 50 units", () => {
    const plan = demoPlan(1_000_000);
    expect(plan.units).toBe(50);
    expect(plan.years).toBe(5);
    expect(plan.quotas!.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(plan.listedPerUnit).toBeLessThanOrEqual(8_500);
    expect(demoPlan(1_000_001).quotas!.reduce((a, b) => a + b, 0)).toBe(1_000_001);
    expect(() => demoPlan(0)).toThrow(RangeError);
  });

  it("reuses test personnummer across units, never twice on one unit", () => {
    const rows = collect(generateDemo({ ...options, certificates: 70_000 }));
    expect(rows.unit.map((u) => u.id)).toEqual(["HC-NORR", "HC-SODER", "HC-VAST", "HC-KROKOM"]);
    expect(rows.certificate).toHaveLength(70_000);
    const keys = new Set(rows.patient.map((p) => `${p.unitId}/${p.personnummer}`));
    expect(keys.size).toBe(rows.patient.length);
    expect(new Set(rows.patient.map((p) => p.personnummer)).size).toBeLessThan(rows.patient.length);
    expect(rows.appUser.map((u) => u.username)).toContain("lakare4a");
  });
});
