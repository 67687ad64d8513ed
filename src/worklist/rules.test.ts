import { describe, expect, it } from "vitest";
import type { RiskAssessment } from "./risk.ts";
import {
  coordinatorStatusOf,
  countBySex,
  filterRows,
  lengthBucketOf,
  lengthBuckets,
  matchesFilter,
  sortRows,
  type UnitListRow,
} from "./rules.ts";

const noRisk: RiskAssessment = { score: 0, level: "INGEN", flags: [] };

function row(overrides: Partial<UnitListRow> = {}): UnitListRow {
  return {
    patientId: "p1",
    personnummer: "19900312-2398",
    name: "Anna Andersson",
    protectedIdentity: false,
    sex: "F",
    age: 36,
    status: "ONGOING",
    start: "2026-10-01",
    end: "2026-11-30",
    days: 40,
    dayInCase: 47,
    certificateCount: 2,
    anchorCertificateId: "c2",
    currentGrade: 100,
    grades: [100],
    diagnosis: "F432",
    diagnosisTitle: "Anpassningsstörningar",
    diagnoses: ["F432"],
    chapter: { id: "F00-F99", title: "Psykiska sjukdomar och syndrom samt beteendestörningar" },
    diagnosisGroup: "Psykiska sjukdomar",
    sysselsattning: ["NUVARANDE_ARBETE"],
    doctorId: "d1",
    doctorName: "Doktor Ek",
    openArenden: 0,
    fmbLimitDays: 90,
    fmbExceeded: false,
    risk: noRisk,
    teamStatus: null,
    coordinatorStatus: "EJ_KONTAKTAD",
    coordinatorStatusVersion: 0,
    ...overrides,
  };
}

describe("length buckets", () => {
  it.each([
    [0, "0-14"],
    [14, "0-14"],
    [15, "15-30"],
    [30, "15-30"],
    [31, "31-60"],
    [60, "31-60"],
    [61, "61-90"],
    [90, "61-90"],
    [91, "91-180"],
    [180, "91-180"],
    [181, "181-365"],
    [365, "181-365"],
    [366, "366-730"],
    [730, "366-730"],
    [731, "731-"],
    [5000, "731-"],
  ])("%i days is in %s", (days, bucket) => {
    expect(lengthBucketOf(days)).toBe(bucket);
  });

  it("leaves no gap and no overlap between buckets", () => {
    for (let i = 1; i < lengthBuckets.length; i++) {
      expect(lengthBuckets[i]!.min).toBe(lengthBuckets[i - 1]!.max + 1);
    }
  });
});

describe("filters", () => {
  it("over30 keeps only cases longer than 30 days", () => {
    expect(matchesFilter(row({ days: 30 }), { over30: true })).toBe(false);
    expect(matchesFilter(row({ days: 31 }), { over30: true })).toBe(true);
  });

  it("risk keeps scores of at least 2, minRisk any threshold", () => {
    const risky = row({ risk: { score: 2, level: "FORHOJD", flags: [] } });
    expect(matchesFilter(row({ risk: { score: 1, level: "LAG", flags: [] } }), { risk: true })).toBe(false);
    expect(matchesFilter(risky, { risk: true })).toBe(true);
    expect(matchesFilter(risky, { minRisk: 3 })).toBe(false);
  });

  it("length buckets combine (31–90 = 31–60 + 61–90)", () => {
    const f = { length: ["31-60", "61-90"] as const };
    expect(matchesFilter(row({ days: 30 }), { length: [...f.length] })).toBe(false);
    expect(matchesFilter(row({ days: 45 }), { length: [...f.length] })).toBe(true);
    expect(matchesFilter(row({ days: 90 }), { length: [...f.length] })).toBe(true);
    expect(matchesFilter(row({ days: 91 }), { length: [...f.length] })).toBe(false);
  });

  it("filters on open ärenden, chapter, doctor, age, sex, end date, sysselsättning and status", () => {
    const r = row();
    expect(matchesFilter(r, { openArenden: true })).toBe(false);
    expect(matchesFilter(row({ openArenden: 1 }), { openArenden: true })).toBe(true);
    expect(matchesFilter(r, { chapter: "F00-F99" })).toBe(true);
    expect(matchesFilter(r, { chapter: "M00-M99" })).toBe(false);
    expect(matchesFilter(r, { doctorId: "d2" })).toBe(false);
    expect(matchesFilter(r, { ageMin: 36, ageMax: 36 })).toBe(true);
    expect(matchesFilter(r, { ageMin: 37 })).toBe(false);
    expect(matchesFilter(r, { sex: "M" })).toBe(false);
    expect(matchesFilter(r, { endFrom: "2026-11-30", endTo: "2026-11-30" })).toBe(true);
    expect(matchesFilter(r, { endTo: "2026-11-29" })).toBe(false);
    expect(matchesFilter(r, { sysselsattning: "STUDIER" })).toBe(false);
    expect(matchesFilter(r, { status: "ENDED" })).toBe(false);
    expect(matchesFilter(r, { fmbExceeded: true })).toBe(false);
  });

  it("free text matches name, personnummer with or without dash, diagnosis code and title, doctor", () => {
    const r = row();
    for (const q of ["anna", "19900312-2398", "199003122398", "2398", "F43", "f43.2", "anpassning", "ek"]) {
      expect(matchesFilter(r, { q }), q).toBe(true);
    }
    expect(matchesFilter(r, { q: "Bengt" })).toBe(false);
  });

  it("filters on the coordinator status", () => {
    expect(matchesFilter(row(), { coordinatorStatus: "EJ_KONTAKTAD" })).toBe(true);
    expect(matchesFilter(row(), { coordinatorStatus: "AKTIV" })).toBe(false);
    expect(matchesFilter(row({ coordinatorStatus: "AKTIV" }), { coordinatorStatus: "AKTIV" })).toBe(true);
  });

  it("never matches a protected identity on its real name", () => {
    const masked = row({ name: "Skyddad identitet", protectedIdentity: true });
    expect(matchesFilter(masked, { q: "Anna" })).toBe(false);
    expect(matchesFilter(masked, { q: "19900312" })).toBe(true);
  });
});

describe("coordinator status of a case", () => {
  const current = { start: "2026-10-01", end: "2026-11-30", certificateIds: ["c1", "c2"] };
  const earlier = { start: "2026-01-01", end: "2026-02-01", certificateIds: ["c0"] };
  const cases = [current, earlier];

  it("is ej kontaktad, version 0, without a record", () => {
    expect(coordinatorStatusOf(current, cases, [])).toEqual({ status: "EJ_KONTAKTAD", version: 0 });
  });

  it("is the newest record linked to the case, by certificate or else by start", () => {
    const records = [
      { certificateId: "c1", caseStart: "2026-10-05", status: "KONTAKTAD" as const, version: 1 },
      { certificateId: "c2", caseStart: "2026-10-01", status: "AKTIV" as const, version: 2 },
      { certificateId: "c0", caseStart: "2026-01-01", status: "AVSLUTAD" as const, version: 3 },
    ];
    expect(coordinatorStatusOf(current, cases, records)).toEqual({ status: "AKTIV", version: 2 });
    expect(coordinatorStatusOf(earlier, cases, records)).toEqual({ status: "AVSLUTAD", version: 3 });
    const byStart = [
      { certificateId: null, caseStart: "2026-10-10", status: "KONTAKTAD" as const, version: 1 },
    ];
    expect(coordinatorStatusOf(current, cases, byStart)).toEqual({ status: "KONTAKTAD", version: 1 });
  });
});

describe("counts", () => {
  it("splits the filtered list into women and men", () => {
    const rows = [row({ sex: "F" }), row({ sex: "M", days: 10 }), row({ sex: "F", days: 100 })];
    expect(countBySex(rows)).toEqual({ total: 3, women: 2, men: 1 });
    expect(countBySex(filterRows(rows, { over30: true }))).toEqual({ total: 2, women: 2, men: 0 });
    expect(countBySex([])).toEqual({ total: 0, women: 0, men: 0 });
  });
});

describe("sorting", () => {
  const a = row({
    patientId: "a",
    personnummer: "19900312-2398",
    name: "Örjan Ö",
    days: 10,
    currentGrade: null,
  });
  const b = row({ patientId: "b", personnummer: "19010822-9808", name: "Åsa Å", days: 90, currentGrade: 50 });
  const c = row({
    patientId: "c",
    personnummer: "19821128-9288",
    name: "Ärla Ä",
    days: 40,
    currentGrade: 100,
  });

  it("sorts by a number column in both directions", () => {
    expect(sortRows([a, b, c], "days", "asc").map((r) => r.patientId)).toEqual(["a", "c", "b"]);
    expect(sortRows([a, b, c], "days", "desc").map((r) => r.patientId)).toEqual(["b", "c", "a"]);
  });

  it("sorts names in Swedish order (å, ä, ö)", () => {
    expect(sortRows([a, b, c], "name", "asc").map((r) => r.patientId)).toEqual(["b", "c", "a"]);
  });

  it("puts missing values last in both directions", () => {
    expect(sortRows([a, b, c], "grade", "asc").map((r) => r.patientId)).toEqual(["b", "c", "a"]);
    expect(sortRows([a, b, c], "grade", "desc").map((r) => r.patientId)).toEqual(["c", "b", "a"]);
  });

  it("breaks ties by personnummer", () => {
    const same = [a, b, c].map((r) => ({ ...r, days: 5 }));
    expect(sortRows(same, "days", "desc").map((r) => r.patientId)).toEqual(["b", "c", "a"]);
  });

  it("sorts a protected identity by its mask, not its name", () => {
    const hidden = row({ patientId: "h", personnummer: "19930117-2392", name: "Skyddad identitet" });
    expect(sortRows([a, hidden, b], "name", "asc").map((r) => r.patientId)).toEqual(["h", "b", "a"]);
  });

  it("filters and sorts on team status in the team's order, not yet computed last", () => {
    const rows = [
      row({ patientId: "a", teamStatus: "PLAN_UPPRATTAD" }),
      row({ patientId: "b", teamStatus: null }),
      row({ patientId: "c", teamStatus: "AKTUALISERAD" }),
    ];
    expect(filterRows(rows, { teamStatus: "AKTUALISERAD" }).map((r) => r.patientId)).toEqual(["c"]);
    expect(sortRows(rows, "teamStatus", "asc").map((r) => r.patientId)).toEqual(["c", "a", "b"]);
  });
});
