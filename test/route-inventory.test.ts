/**
 * The route inventory: every API operation declares whether it touches patient data, and every
 * one that does writes an audit event for the patient when exercised. A new route that forgets
 * either fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../src/db/client.ts";
import { anonymousClient, clientFor, createTestApp, type TestApp, type TestClient } from "./app.ts";
import { openTestDatabase } from "./databases.ts";
import { buildPatient, buildUnit, buildUser } from "./factories.ts";

type World = { client: TestClient; reviewer: TestClient; patientId: string; personnummer: string };

/** How to exercise each patient-data operation so that it succeeds for one patient. */
const exercises: Record<string, (w: World) => Promise<Response>> = {
  "GET /api/patients": (w) => w.client.request("GET", `/api/patients?q=${w.personnummer.slice(0, 8)}`),
  "POST /api/patients": (w) =>
    w.client.request("POST", "/api/patients", {
      body: { personnummer: "19921128-2398", givenName: "Ny", familyName: "Patient" },
    }),
  "GET /api/patients/{id}": (w) => w.client.request("GET", `/api/patients/${w.patientId}`),
  "PATCH /api/patients/{id}": (w) =>
    w.client.request("PATCH", `/api/patients/${w.patientId}`, { body: { version: 1, givenName: "Ändrad" } }),
  "GET /api/patients/{id}/access-log": (w) =>
    w.reviewer.request("GET", `/api/patients/${w.patientId}/access-log`),
  "GET /api/audit/events": (w) => w.reviewer.request("GET", `/api/audit/events?patientId=${w.patientId}`),
};

interface Operation {
  key: string;
  patientData: unknown;
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} /api${path.replace(/^\/api/, "")}`,
      patientData: op["x-patient-data"],
    })),
  );
}

describe("route inventory", () => {
  let database: Database;
  let testApp: TestApp;
  let operations: Operation[];

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    testApp = createTestApp(database);
    const res = await anonymousClient(testApp).request("GET", "/api/docs");
    operations = operationsOf(await res.json());
  });
  afterAll(() => database.close());

  it("documents every API route in the OpenAPI document", () => {
    const documented = new Set(operations.map((o) => o.key));
    const registered = testApp.app.routes
      .filter((r) => r.path.startsWith("/api/") && r.method !== "ALL" && r.path !== "/api/docs")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(registered.length).toBeGreaterThan(5);
    expect(registered.filter((key) => !documented.has(key))).toEqual([]);
  });

  it("has every operation declare whether it touches patient data", () => {
    const undeclared = operations.filter((o) => typeof o.patientData !== "boolean").map((o) => o.key);
    expect(undeclared).toEqual([]);
  });

  it("has an exercise for every patient-data operation", () => {
    const patientOps = operations.filter((o) => o.patientData === true).map((o) => o.key);
    expect(patientOps.length).toBeGreaterThan(0);
    expect(patientOps.filter((key) => !(key in exercises))).toEqual([]);
  });

  it("writes an audit event for the patient on every patient-data operation", async () => {
    const unit = await buildUnit(database.db);
    const coordinator = await buildUser(database.db, { roles: [["REHABKOORDINATOR", unit.id]] });
    const chief = await buildUser(database.db, { roles: [["ENHETSCHEF", unit.id]] });
    const failures: string[] = [];
    for (const key of operations.filter((o) => o.patientData === true).map((o) => o.key)) {
      // A fresh patient per operation, so its events are this operation's alone.
      const patient = await buildPatient(database.db, unit.id);
      const world: World = {
        client: await clientFor(testApp, coordinator.id),
        reviewer: await clientFor(testApp, chief.id),
        patientId: patient.id,
        personnummer: patient.personnummer,
      };
      const before = await auditCount(database);
      const res = await exercises[key]!(world);
      if (res.status >= 300) failures.push(`${key}: status ${res.status} ${await res.text()}`);
      const events = await auditEventsSince(database, before);
      const touchedPatient = events.some((e) => e.patient_id !== null);
      if (!touchedPatient) failures.push(`${key}: no audit event naming a patient`);
    }
    expect(failures).toEqual([]);
  });
});

async function auditCount(database: Database): Promise<number> {
  const [row] = rowsOf<{ n: string }>(
    await database.db.execute(sql`select coalesce(max(seq), 0) as n from audit_event`),
  );
  return Number(row!.n);
}

async function auditEventsSince(database: Database, seq: number) {
  return rowsOf<{ patient_id: string | null; action: string }>(
    await database.db.execute(sql`select patient_id, action from audit_event where seq > ${seq}`),
  );
}
