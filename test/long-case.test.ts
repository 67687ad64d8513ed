/**
 * "Längre än 30 dagar" has one meaning (PRODUCT §4): the case length, `isLongerThan30Days`. Every
 * consumer — the list filter, the export, the tasks, the risk facts, the patient page — must agree
 * on cases where the length and "dag i sjukfallet" tell different stories: a gap inside the case
 * (day 34, but only 30 days covered) and future certificate days (day 10, but 59 days covered).
 * The aktualisering queue (server, both databases) is checked in src/coordination/routes.test.ts.
 */
import { describe, expect, it } from "vitest";
import { dayInCase, patientHistory, type SjukfallCertificate } from "../src/cases/engine.ts";
import { isLongerThan30Days } from "../src/cases/length.ts";
import { buildPatientSjukfall } from "../src/cases/view.ts";
import { planTasks } from "../src/tasks/rules.ts";
import { exportColumns } from "../src/worklist/export.ts";
import { assessRisk } from "../src/worklist/risk.ts";
import { matchesFilter, type UnitListRow } from "../src/worklist/rules.ts";

const cert = (id: string, from: string, to: string): SjukfallCertificate => ({
  id,
  patient: "p1",
  unit: "u1",
  doctor: "d1",
  signed: `${from}T09:00:00`,
  diagnosis: "F432",
  periods: [{ from, to, grade: 100 }],
});

const fixtures = [
  {
    name: "a gap inside the case (day 34, 30 days covered)",
    today: "2026-02-03",
    certs: [cert("a1", "2026-01-01", "2026-01-15"), cert("a2", "2026-01-20", "2026-02-03")],
    days: 30,
    day: 34,
    long: false,
  },
  {
    name: "future certificate days (day 10, 59 days covered)",
    today: "2026-01-10",
    certs: [cert("b1", "2026-01-01", "2026-02-28")],
    days: 59,
    day: 10,
    long: true,
  },
];

function listRow(c: { start: string; end: string; days: number }, day: number): UnitListRow {
  return {
    patientId: "p1",
    personnummer: "19900312-2398",
    name: "Anna Andersson",
    protectedIdentity: false,
    sex: "F",
    age: 36,
    status: "ONGOING",
    start: c.start,
    end: c.end,
    days: c.days,
    dayInCase: day,
    certificateCount: 1,
    anchorCertificateId: "x",
    currentGrade: 100,
    grades: [100],
    diagnosis: "F432",
    diagnosisTitle: null,
    diagnoses: ["F432"],
    chapter: null,
    diagnosisGroup: null,
    sysselsattning: [],
    doctorId: "d1",
    doctorName: null,
    openArenden: 0,
    fmbLimitDays: null,
    fmbExceeded: false,
    risk: { score: 0, level: "INGEN", flags: [] },
    teamStatus: null,
    coordinatorStatus: "EJ_KONTAKTAD",
    coordinatorStatusVersion: 0,
  };
}

/** The certificate rows the patient page reads from the database, for the same certificates. */
function storedRows(certs: SjukfallCertificate[]) {
  return certs.map((c) => ({
    doctorName: "Doktor Ek",
    certificate: {
      id: c.id,
      unitId: c.unit,
      patientId: c.patient,
      doctorId: c.doctor,
      status: "SIGNERAT",
      signedAt: c.signed,
      startDate: c.periods[0]!.from,
      endDate: c.periods[0]!.to,
      mainDiagnosis: c.diagnosis,
      replacesId: null,
      completesId: null,
      content: {
        smittbararpenning: false,
        diagnoser: [{ kod: c.diagnosis, text: "" }],
        perioder: c.periods.map((p) => ({ from: p.from, tom: p.to, grad: p.grade })),
      },
    },
  })) as unknown as Parameters<typeof buildPatientSjukfall>[0]["certificates"];
}

describe("längre än 30 dagar: one function, every consumer", () => {
  for (const f of fixtures) {
    it(`agrees on ${f.name}`, () => {
      const [c] = patientHistory(f.certs, { today: f.today });
      expect(c!.days).toBe(f.days);
      expect(dayInCase(c!, f.today)).toBe(f.day);
      expect(isLongerThan30Days(c!)).toBe(f.long);

      const row = listRow(c!, f.day);
      expect(matchesFilter(row, { over30: true })).toBe(f.long);

      const column = exportColumns.find((col) => col.header === "Längre än 30 dagar")!;
      expect(column.value(row)).toBe(f.long ? "Ja" : "Nej");

      const tasks = planTasks(
        {
          patientId: "p1",
          caseStart: c!.start,
          caseEnd: c!.end,
          days: c!.days,
          doctorId: "d1",
          firstDayCertificate: false,
          renewalInProgress: false,
          openKompletteringar: [],
          consents: [],
        },
        f.today,
      );
      expect(tasks.some((t) => t.kind === "AKTUALISERA")).toBe(f.long);

      const page = buildPatientSjukfall({
        patientId: "p1",
        firstDayCertificateUntil: null,
        certificates: storedRows(f.certs),
        arenden: [],
        settings: { gap: 5, afterEnd: 0 },
        today: f.today,
      });
      expect(page.cases[0]).toMatchObject({ days: f.days, dayInCase: f.day, longerThan30Days: f.long });

      // The risk facts quote the length, never the day in the case.
      const risk = assessRisk({
        caseStart: c!.start,
        days: c!.days,
        certificateCount: 1,
        currentGrade: 100,
        fmbLimitDays: 30,
        groupShare: null,
        earlierEpisodes: [],
        openKompletteringar: [],
      });
      expect(risk.flags.some((flag) => flag.code === "FMB_EXCEEDED")).toBe(f.long);
      expect(risk.flags.flatMap((flag) => flag.facts).join(" ")).toContain(`${f.days} dagar`);
    });
  }
});
