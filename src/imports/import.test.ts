import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { certificate, patient } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
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

describe.each(testDatabaseKinds())("import API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let secretary: TestClient;
  let doctor: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    unitId = (await buildUnit(database.db)).id;
    const user = (role: "SEKRETERARE" | "LAKARE") =>
      buildUser(database.db, { roles: [[role, unitId]] }).then((u) => clientFor(testApp, u.id));
    secretary = await user("SEKRETERARE");
    doctor = await user("LAKARE");
  });
  afterAll(() => database.close());

  const csv = () =>
    [
      "id;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;replaces;completes",
      `c1;19800113-9297;${unitId};EXT-1;2026-10-01T09:00;M545;2026-10-01;2026-10-14;100;;;;`,
      `c1;19800113-9297;${unitId};EXT-1;2026-10-01T09:00;M545;2026-10-15;2026-10-31;50;;;;`,
      `c2;19800113-9297;${unitId};EXT-1;2026-11-01T09:00;M545;2026-11-01;2026-10-20;100;;;;`,
    ].join("\n");
  const post = (client: TestClient, body: string, contentType: string) =>
    client.json<{ created: number; unchanged: number; rejected: { row: number; reasons: string[] }[] }>(
      "POST",
      "/api/import/certificates",
      { body, headers: { "content-type": contentType } },
    );

  it("imports CSV through the API, reports rejected rows, and changes nothing the second time", async () => {
    const first = await post(secretary, csv(), "text/csv");
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(1);
    expect(first.body.rejected).toHaveLength(1);
    expect(first.body.rejected[0]!.reasons.join(" ")).toMatch(/slutar före/);
    const second = await post(secretary, csv(), "text/csv; charset=utf-8");
    expect(second.body).toMatchObject({ created: 0, unchanged: 1 });
  });

  it("answers 400 with a clear message for a file that is not JSON, and 403 without the capability", async () => {
    const broken = await post(secretary, "[{", "application/json");
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toMatch(/inte giltig JSON/);
    expect((await post(doctor, "[]", "application/json")).status).toBe(403);
  });

  it("answers 400 in Swedish for an empty file, a header without rows, or an empty list", async () => {
    const header = csv().split("\n")[0]!;
    for (const [body, type] of [
      ["", "text/csv"],
      ["\n\n", "text/csv"],
      [header, "text/csv"],
      [`${header}\n`, "text/csv"],
      ["[]", "application/json"],
    ] as const) {
      const res = await post(secretary, body, type);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain("Filen innehåller inga intyg.");
    }
  });
});
