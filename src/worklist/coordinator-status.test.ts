import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildCertificate, buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { addDays } from "../cases/days.ts";
import { clock } from "../dates/clock.ts";
import type { UnitListRow } from "./rules.ts";

// Dated from the test's own clock, so the test passes on any day.
const now = clock().now();
const today = clock().today();

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[]; current?: unknown };
}

describe.each(testDatabaseKinds())("coordinator status of a case on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let doctorId: string;
  let coordinator: TestClient;
  let doctor: TestClient;
  let otherCoordinator: TestClient;
  let patientId: string;
  let otherPatientId: string;

  const signed = (patientId: string, unitId: string, from: string, to: string) =>
    buildCertificate(database.db, { unitId, patientId, doctorId, periods: [[100, from, to]] });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    const otherUnitId = (await buildUnit(database.db)).id;
    doctorId = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    doctor = await clientFor(testApp, doctorId);
    coordinator = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id,
    );
    otherCoordinator = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", otherUnitId]] })).id,
    );
    patientId = (await buildPatient(database.db, unitId, { pnr: "19821128-9288" })).id;
    await signed(patientId, unitId, addDays(today, -20), addDays(today, 20));
    otherPatientId = (await buildPatient(database.db, otherUnitId, { pnr: "19900312-2398" })).id;
    await signed(otherPatientId, otherUnitId, addDays(today, -5), addDays(today, 5));
  });
  afterAll(() => database.close());

  async function rowOf(client: TestClient = coordinator, query = "") {
    const res = await client.json<{ rows: UnitListRow[] }>("GET", `/api/sjukfall?limit=1000${query}`);
    return res.body.rows.find((r) => r.patientId === patientId);
  }

  const put = (client: TestClient, id: string, body: unknown) =>
    client.json<ErrorBody & { status: string; version: number; caseStart: string }>(
      "PUT",
      `/api/sjukfall/${id}/koordinatorstatus`,
      { body },
    );

  it("starts as ej kontaktad; the coordinator sets it, the list shows and filters on it, audited", async () => {
    const row = (await rowOf())!;
    expect(row).toMatchObject({ coordinatorStatus: "EJ_KONTAKTAD", coordinatorStatusVersion: 0 });
    const change = { caseStart: row.start, certificateId: row.anchorCertificateId, version: 0 };
    const res = await put(coordinator, patientId, { ...change, status: "KONTAKTAD" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "KONTAKTAD", version: 1, caseStart: row.start });
    expect(await rowOf()).toMatchObject({ coordinatorStatus: "KONTAKTAD", coordinatorStatusVersion: 1 });
    expect(await rowOf(coordinator, "&coordinatorStatus=KONTAKTAD")).toBeDefined();
    expect(await rowOf(coordinator, "&coordinatorStatus=AKTIV")).toBeUndefined();
    // The doctor sees the status in their own list too.
    expect(await rowOf(doctor)).toMatchObject({ coordinatorStatus: "KONTAKTAD" });
    const events = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patientId), eq(auditEvent.entity, "coordinator_case_status")));
    expect(events.map((e) => e.action)).toEqual(["UPDATE"]);
  });

  it("answers 409 with the status now to a change made from an older version", async () => {
    const row = (await rowOf())!;
    const stale = { caseStart: row.start, certificateId: row.anchorCertificateId, version: 0 };
    const res = await put(coordinator, patientId, { ...stale, status: "AKTIV" });
    expect(res.status).toBe(409);
    expect(res.body.error.current).toMatchObject({
      status: row.coordinatorStatus,
      version: row.coordinatorStatusVersion,
    });
    expect(await rowOf()).toMatchObject({ coordinatorStatus: row.coordinatorStatus });
  });

  it("keeps the status with its case when an earlier certificate moves the start", async () => {
    const before = (await rowOf())!;
    await signed(patientId, unitId, addDays(before.start, -10), addDays(before.start, -1));
    const after = (await rowOf())!;
    expect(after.start).toBe(addDays(before.start, -10));
    expect(after).toMatchObject({
      coordinatorStatus: before.coordinatorStatus,
      coordinatorStatusVersion: before.coordinatorStatusVersion,
    });
    const res = await put(coordinator, patientId, {
      caseStart: after.start,
      certificateId: after.anchorCertificateId,
      version: after.coordinatorStatusVersion,
      status: "AVSLUTAD",
    });
    expect(res.status).toBe(200);
    expect(await rowOf()).toMatchObject({ coordinatorStatus: "AVSLUTAD", coordinatorStatusVersion: 2 });
  });

  it("is the coordinator's: a doctor gets 403, another unit's patient is 404", async () => {
    const row = (await rowOf())!;
    const change = {
      caseStart: row.start,
      certificateId: row.anchorCertificateId,
      version: row.coordinatorStatusVersion,
      status: "AKTIV",
    };
    expect((await put(doctor, patientId, change)).status).toBe(403);
    expect((await put(coordinator, otherPatientId, change)).status).toBe(404);
    expect((await put(otherCoordinator, patientId, change)).status).toBe(404);
  });

  it("refuses bad input in Swedish, naming the field", async () => {
    const row = (await rowOf())!;
    const base = { caseStart: row.start, certificateId: row.anchorCertificateId, version: 0 };
    const bad = await put(coordinator, patientId, { ...base, status: "KLAR" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toBe("status");
    const noCase = await put(coordinator, patientId, {
      ...base,
      caseStart: addDays(today, 400),
      certificateId: crypto.randomUUID(),
      status: "AKTIV",
    });
    expect(noCase.status).toBe(400);
    expect(noCase.body.error.issues?.[0]?.path).toBe("caseStart");
    const filter = await coordinator.json<ErrorBody>("GET", "/api/sjukfall?coordinatorStatus=X");
    expect(filter.status).toBe(400);
    expect(filter.body.error.message).toContain("coordinatorStatus");
  });
});
