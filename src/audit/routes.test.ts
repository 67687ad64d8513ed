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

  describe("incident timeline", () => {
    // Audit events carry the database's time, whatever the test clock says: a period around any date.
    const period = "from=2000-01-01&to=2999-12-31";
    let doctorId: string;
    let patientId: string;

    beforeAll(async () => {
      doctorId = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
      const doctor = await clientFor(testApp, doctorId);
      patientId = (await buildPatient(database.db, unitId, { givenName: "Incident", familyName: "Testsson" }))
        .id;
      expect((await doctor.request("GET", `/api/patients/${patientId}`)).status).toBe(200);
      expect((await doctor.request("GET", `/api/patients/${patientId}/certificates`)).status).toBe(200);
    });

    it("shows who read a patient, oldest first, and logs the review under the patient", async () => {
      const res = await reviewer.json<{
        events: { userId: string; patientId: string; action: string; patientName: string; purpose: string }[];
        truncated: boolean;
      }>("GET", `/api/audit/timeline?patientId=${patientId}&${period}`);
      expect(res.status).toBe(200);
      expect(res.body.truncated).toBe(false);
      const reads = res.body.events.filter((e) => e.userId === doctorId);
      expect(reads.length).toBeGreaterThanOrEqual(2);
      expect(reads[0]).toMatchObject({ patientId, action: "READ", patientName: "Incident Testsson" });
      expect(await lastEvent()).toMatchObject({
        action: "LOG_REVIEW",
        purpose: "Incidentutredning",
        patientId,
        userId: reviewerId,
      });
    });

    it("shows what one user did on the unit, with the patients named, as JSON and CSV", async () => {
      const json = await reviewer.json<{
        events: { patientId: string | null; personnummer: string | null }[];
      }>("GET", `/api/audit/timeline?userId=${doctorId}&${period}`);
      expect(json.status).toBe(200);
      expect(json.body.events.filter((e) => e.patientId === patientId).length).toBeGreaterThanOrEqual(2);
      const before = (await lastEvent()).seq;
      const csv = await reviewer.request(
        "GET",
        `/api/audit/timeline?userId=${doctorId}&${period}&format=csv`,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      expect(csv.headers.get("cache-control")).toBe("no-store");
      const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
      expect(lines).toContain("Period;2000-01-01 – 2999-12-31");
      expect(lines.some((l) => l.includes("Incident Testsson") && l.includes(";Läst;"))).toBe(true);
      // The export is itself audited, under the patient it names.
      const logged = await database.db
        .select()
        .from(auditEvent)
        .where(eq(auditEvent.purpose, "Incidentutredning"));
      expect(logged.some((e) => e.seq > before && e.patientId === patientId)).toBe(true);
    });

    it("leaves out events outside the period", async () => {
      const res = await reviewer.json<{ events: unknown[] }>(
        "GET",
        `/api/audit/timeline?userId=${doctorId}&from=2001-01-01&to=2001-12-31`,
      );
      expect(res.status).toBe(200);
      expect(res.body.events).toEqual([]);
    });

    it("answers 404 for another unit's patient or user, 400 in Swedish for a bad query, 403 to others", async () => {
      const elsewhere = await buildPatient(database.db, otherUnitId);
      const stranger = await buildUser(database.db, { roles: [["LAKARE", otherUnitId]] });
      for (const q of [`patientId=${elsewhere.id}`, `userId=${stranger.id}`])
        expect((await reviewer.request("GET", `/api/audit/timeline?${q}&${period}`)).status).toBe(404);
      const both = await reviewer.json<{ error: { issues: { path: string; message: string }[] } }>(
        "GET",
        `/api/audit/timeline?from=2026-02-01&to=2026-01-01`,
      );
      expect(both.status).toBe(400);
      expect(both.body.error.issues).toEqual([
        { path: "patientId", message: "Ange antingen en patient eller en användare." },
        { path: "to", message: "Till och med kan inte vara före från och med." },
      ]);
      const doctor = await clientFor(testApp, doctorId);
      expect(
        (await doctor.request("GET", `/api/audit/timeline?patientId=${patientId}&${period}`)).status,
      ).toBe(403);
    });
  });
});
