import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, patient } from "../db/schema.ts";
import { anonymousClient, clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[]; current?: unknown };
}

describe.each(testDatabaseKinds())("patients API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let otherUnitId: string;
  let coordinator: TestClient;
  let doctor: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    unitId = (await buildUnit(database.db)).id;
    otherUnitId = (await buildUnit(database.db)).id;
    coordinator = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id,
    );
    doctor = await clientFor(testApp, (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id);
  });
  afterAll(() => database.close());

  const patientCount = async () => (await database.db.select({ n: count() }).from(patient))[0]!.n;

  it("answers 401 without a session", async () => {
    const res = await anonymousClient(testApp).json<ErrorBody>("GET", "/api/patients?q=19");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("finds patients of the active unit by personnummer and by name, one audit read per patient shown", async () => {
    const anna = await buildPatient(database.db, unitId, {
      pnr: "19470307-4684",
      givenName: "Anna",
      familyName: "Söderberg",
    });
    await buildPatient(database.db, otherUnitId, {
      pnr: "19470307-4684",
      givenName: "Anna",
      familyName: "Annanenhet",
    });

    const byNumber = await coordinator.json<{ patients: { id: string; name: string }[] }>(
      "GET",
      "/api/patients?q=19470307",
    );
    expect(byNumber.body.patients.map((p) => p.id)).toEqual([anna.id]);
    const shortForm = await coordinator.json<{ patients: { id: string }[] }>(
      "GET",
      "/api/patients?q=470307-4684",
    );
    expect(shortForm.body.patients.map((p) => p.id)).toEqual([anna.id]);

    const byName = await coordinator.json<{
      patients: { id: string; name: string; sex: string; age: number }[];
      total: number;
    }>("GET", `/api/patients?q=${encodeURIComponent("anna söder")}`);
    expect(byName.status).toBe(200);
    expect(byName.body.patients).toHaveLength(1);
    expect(byName.body.patients[0]).toMatchObject({ name: "Anna Söderberg", sex: "F" });

    const reads = await database.db
      .select({ n: count() })
      .from(auditEvent)
      .where(eq(auditEvent.patientId, anna.id));
    expect(reads[0]!.n).toBe(3);
  });

  it("masks the name of a protected identity in lists", async () => {
    await buildPatient(database.db, unitId, {
      pnr: "19921128-2398",
      givenName: "Skyddad",
      familyName: "Personsson",
      protectedIdentity: true,
    });
    const res = await coordinator.json<{ patients: { name: string }[] }>("GET", "/api/patients?q=19921128");
    expect(res.body.patients[0]!.name).toBe("Skyddad identitet");
    expect(JSON.stringify(res.body)).not.toContain("Personsson");
  });

  it("does not reveal other units' patients: 404", async () => {
    const elsewhere = await buildPatient(database.db, otherUnitId, { pnr: "20021014-2386" });
    const res = await coordinator.json<ErrorBody>("GET", `/api/patients/${elsewhere.id}`);
    expect(res.status).toBe(404);
    const update = await coordinator.json<ErrorBody>("PATCH", `/api/patients/${elsewhere.id}`, {
      body: { version: 1, givenName: "X" },
    });
    expect(update.status).toBe(404);
  });

  it("registers a patient with sex and birth date derived from the personnummer", async () => {
    const res = await coordinator.json<{
      sex: string;
      birthDate: string;
      personnummer: string;
      listingUnit: { id: string };
    }>("POST", "/api/patients", {
      body: { personnummer: "200210142386", givenName: "Elsa", familyName: "Ek" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sex: "F", birthDate: "2002-10-14", personnummer: "20021014-2386" });
    expect(res.body.listingUnit.id).toBe(unitId);
  });

  it("refuses bad input with a Swedish message and writes nothing", async () => {
    const before = await patientCount();
    const cases: [string, string | object, string][] = [
      [
        "invalid personnummer",
        { personnummer: "19800113-9298", givenName: "A", familyName: "B" },
        "personnummer",
      ],
      ["unknown field", { personnummer: "19800113-9297", givenName: "A", familyName: "B", admin: true }, ""],
      ["wrong type", { personnummer: 19800113, givenName: "A", familyName: "B" }, "personnummer"],
      ["blank name", { personnummer: "19800113-9297", givenName: "   ", familyName: "B" }, "givenName"],
      ["malformed JSON", '{"personnummer": ', ""],
    ];
    for (const [label, body, path] of cases) {
      const res = await coordinator.json<ErrorBody>("POST", "/api/patients", { body });
      expect(res.status, label).toBe(400);
      expect(res.body.error.message, label).toMatch(/[a-zåäö]/i);
      if (path)
        expect(
          res.body.error.issues?.map((i) => i.path),
          label,
        ).toContain(path);
    }
    const huge = await coordinator.json<ErrorBody>("POST", "/api/patients", {
      body: { personnummer: "19800113-9297", givenName: "x".repeat(2_000_000), familyName: "B" },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("BODY_TOO_LARGE");
    expect(huge.body.error.message).toMatch(/^Begäran är för stor/);
    expect(await patientCount()).toBe(before);
  });

  it("refuses registration by a role without patient.write", async () => {
    const res = await doctor.json<ErrorBody>("POST", "/api/patients", {
      body: { personnummer: "19800113-9297", givenName: "A", familyName: "B" },
    });
    expect(res.status).toBe(403);
  });

  it("answers a stale write with 409 and the saved version, and changes nothing", async () => {
    const p = await buildPatient(database.db, unitId, { pnr: "19410321-9202", givenName: "Ingrid" });
    const first = await coordinator.json<{ version: number; givenName: string }>(
      "PATCH",
      `/api/patients/${p.id}`,
      {
        body: { version: 1, givenName: "Inga" },
      },
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await coordinator.json<ErrorBody>("PATCH", `/api/patients/${p.id}`, {
      body: { version: 1, givenName: "Irma" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ givenName: "Inga", version: 2 });
    const now = await coordinator.json<{ givenName: string }>("GET", `/api/patients/${p.id}`);
    expect(now.body.givenName).toBe("Inga");
  });

  it("shows the access log only to log reviewers", async () => {
    const p = await buildPatient(database.db, unitId, { pnr: "19800113-9297" });
    await coordinator.request("GET", `/api/patients/${p.id}`);
    expect((await coordinator.request("GET", `/api/patients/${p.id}/access-log`)).status).toBe(403);
    const chief = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["ENHETSCHEF", unitId]] })).id,
    );
    const log = await chief.json<{ events: { action: string; role: string }[] }>(
      "GET",
      `/api/patients/${p.id}/access-log`,
    );
    expect(log.status).toBe(200);
    expect(log.body.events.some((e) => e.action === "READ" && e.role === "Rehabkoordinator")).toBe(true);
  });
});
