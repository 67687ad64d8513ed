/** Log review through the real API: who may review, and what the review itself writes to the log. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

describe.each(testDatabaseKinds())("log review API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let otherUnitId: string;
  let reviewer: TestClient;
  let reviewerId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    unitId = (await buildUnit(database.db)).id;
    otherUnitId = (await buildUnit(database.db)).id;
    reviewerId = (await buildUser(database.db, { roles: [["ENHETSCHEF", unitId]] })).id;
    reviewer = await clientFor(testApp, reviewerId);
  });
  afterAll(() => database.close());

  const lastEvent = async () =>
    (await database.db.select().from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1))[0]!;

  it("logs a review of a patient of the unit under that patient", async () => {
    const patient = await buildPatient(database.db, unitId);
    const res = await reviewer.request("GET", `/api/audit/events?patientId=${patient.id}`);
    expect(res.status).toBe(200);
    expect(await lastEvent()).toMatchObject({
      action: "LOG_REVIEW",
      unitId,
      patientId: patient.id,
      userId: reviewerId,
    });
  });

  it("answers 404 for another unit's patient or an unknown id, writing no event that names it", async () => {
    const elsewhere = await buildPatient(database.db, otherUnitId);
    for (const patientId of [elsewhere.id, "6f1c2a4e-0000-4000-8000-000000000001"]) {
      const before = (await lastEvent()).seq;
      const res = await reviewer.json<{ error: { code: string } }>(
        "GET",
        `/api/audit/events?patientId=${patientId}`,
      );
      expect(res.status).toBe(404);
      expect((await lastEvent()).seq).toBe(before);
      const naming = await database.db.select().from(auditEvent).where(eq(auditEvent.patientId, patientId));
      expect(naming).toEqual([]);
    }
  });
});
