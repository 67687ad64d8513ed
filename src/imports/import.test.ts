import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { certificate, patient } from "../db/schema.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { parseJsonImport } from "./format.ts";
import { importCertificates } from "./store.ts";

describe.each(testDatabaseKinds())("certificate import on %s", (kind) => {
  let database: Database;
  let unitId: string;
  let doctorId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    unitId = (await buildUnit(database.db)).id;
    doctorId = (await buildUser(database.db, { hsaId: "SE2321000000-9001", roles: [["LAKARE", unitId]] })).id;
  });
  afterAll(() => database.close());

  const file = () =>
    JSON.stringify([
      {
        id: "x1",
        patient: "19800113-9297",
        unit: unitId,
        doctor: "SE2321000000-9001",
        signed: "2026-10-01T09:00:00",
        diagnosis: "M54.5",
        periods: [{ from: "2026-10-01", to: "2026-10-14", grade: 100 }],
      },
      {
        id: "x2",
        patient: "19800113-9297",
        unit: unitId,
        doctor: "ext-doctor",
        signed: "2026-10-15T09:00:00",
        diagnosis: "M54.5",
        periods: [{ from: "2026-10-15", to: "2026-10-28", grade: 50 }],
        replaces: "x1",
      },
      {
        id: "x3",
        patient: "19800113-9297",
        unit: "ANNAN",
        signed: "2026-10-01",
        periods: [{ from: "2026-10-01", to: "2026-10-02", grade: 100 }],
      },
      {
        id: "x4",
        patient: "19800113-9297",
        unit: unitId,
        signed: "2026-10-01",
        periods: [{ from: "2026-10-01", to: "2026-10-02", grade: 100 }],
        completes: "saknas",
      },
    ]);

  const run = () =>
    database.db.transaction((tx) =>
      importCertificates(
        {
          tx,
          actor: null,
          grant: null,
          unitId,
          diagnosisTitle: (code) => (code === "M545" ? "Lumbago" : null),
        },
        parseJsonImport(file()),
      ),
    );

  it("imports valid rows, creates the patient, maps doctors and relations, and reports rejected rows", async () => {
    const report = await run();
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, patientsCreated: 1 });
    expect(report.rejected.map((r) => [r.id, r.reasons[0]])).toEqual([
      ["x3", expect.stringContaining("ANNAN")],
      ["x4", expect.stringContaining("saknas")],
    ]);
    const rows = await database.db
      .select()
      .from(certificate)
      .where(eq(certificate.unitId, unitId))
      .orderBy(certificate.externalId);
    expect(rows.map((r) => [r.externalId, r.status, r.mainDiagnosis, r.startDate, r.endDate])).toEqual([
      ["x1", "SKICKAT", "M545", "2026-10-01", "2026-10-14"],
      ["x2", "SKICKAT", "M545", "2026-10-15", "2026-10-28"],
    ]);
    expect(rows[0]!.doctorId).toBe(doctorId);
    expect(rows[1]!.doctorId).toBeNull();
    expect(rows[1]!.replacesId).toBe(rows[0]!.id);
    expect(rows[0]!.content).toMatchObject({ diagnoser: [{ kod: "M545", text: "Lumbago" }] });
    const patients = await database.db
      .select()
      .from(patient)
      .where(and(eq(patient.unitId, unitId), eq(patient.personnummer, "198001139297")));
    expect(patients).toHaveLength(1);
  });

  it("is idempotent: the same file again changes nothing", async () => {
    const before = await database.db.select().from(certificate).where(eq(certificate.unitId, unitId));
    const report = await run();
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2, patientsCreated: 0 });
    const after = await database.db.select().from(certificate).where(eq(certificate.unitId, unitId));
    expect(after).toEqual(before);
  });
});
