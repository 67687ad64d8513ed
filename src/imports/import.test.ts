import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, certificate, patient } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { parseJsonImport } from "./format.ts";
import { ImportInterruptedError, importCertificates } from "./store.ts";

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

  // One certificate per chunk: x2 links to x1 across two transactions.
  const run = () =>
    importCertificates(
      database.db,
      { actor: null, grant: null, unitId, diagnosisTitle: (code) => (code === "M545" ? "Lumbago" : null) },
      parseJsonImport(file()),
      { chunkSize: 1 },
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

describe.each(testDatabaseKinds())("chunked certificate import on %s", (kind) => {
  let database: Database;
  let unitId: string;

  beforeAll(async () => {
    // As the owner: a test injects a database failure with a trigger, which only an owner may create.
    database = await openTestDatabase(kind, { as: "owner" });
    unitId = (await buildUnit(database.db)).id;
  });
  afterAll(() => database.close());

  const cert = (id: string, from: string, extra: Record<string, unknown> = {}) => ({
    id,
    patient: "19800113-9297",
    unit: unitId,
    signed: from,
    diagnosis: "F32.9",
    periods: [{ from, to: from.replace(/-\d\d$/, "-28"), grade: 100 }],
    ...extra,
  });
  const importFile = (rows: unknown[], chunkSize = 1) =>
    importCertificates(
      database.db,
      { actor: null, grant: null, unitId, diagnosisTitle: () => null },
      parseJsonImport(JSON.stringify(rows)),
      { chunkSize },
    );
  const byExternalId = async () =>
    new Map(
      (await database.db.select().from(certificate).where(eq(certificate.unitId, unitId))).map((r) => [
        r.externalId,
        r,
      ]),
    );

  it("links a certificate to one later in the file (another chunk) once that one is written", async () => {
    const report = await importFile([
      cert("f2", "2026-02-01", { completes: "f1" }),
      cert("f1", "2026-01-01"),
    ]);
    expect(report).toMatchObject({ created: 2, rejected: [] });
    const rows = await byExternalId();
    expect(rows.get("f2")!.completesId).toBe(rows.get("f1")!.id);
  });

  it("keeps the chunks written before a failure, reports how far it came, and resumes from the same file", async () => {
    // A real failure of the database in the third chunk.
    await database.db.execute(sql`
      CREATE FUNCTION refuse_r3() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await database.db.execute(sql`
      CREATE TRIGGER refuse_r3 BEFORE INSERT ON certificate
      FOR EACH ROW WHEN (NEW.external_id = 'r3') EXECUTE FUNCTION refuse_r3()`);
    const rows = ["r1", "r2", "r3", "r4"].map((id, i) => cert(id, `2025-0${i + 1}-01`));
    const failure = await importFile(rows).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportInterruptedError);
    expect((failure as ImportInterruptedError).progress).toEqual({ done: 2, total: 4 });
    expect((failure as ImportInterruptedError).report).toMatchObject({ created: 2 });
    const written = await byExternalId();
    expect(["r1", "r2", "r3", "r4"].filter((id) => written.has(id))).toEqual(["r1", "r2"]);
    const audited = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.unitId, unitId), eq(auditEvent.action, "CREATE")));
    expect(audited.map((e) => e.entityId)).toEqual(
      expect.arrayContaining([written.get("r1")!.id, written.get("r2")!.id]),
    );

    await database.db.execute(sql`DROP TRIGGER refuse_r3 ON certificate`);
    const resumed = await importFile(rows);
    expect(resumed).toMatchObject({ created: 2, unchanged: 2, updated: 0 });
    const after = await byExternalId();
    expect(["r1", "r2", "r3", "r4"].filter((id) => after.has(id))).toEqual(["r1", "r2", "r3", "r4"]);
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
