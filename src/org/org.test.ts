import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";

interface UserView {
  id: string;
  version: number;
  assignments: { id: string; unitId: string; role: string }[];
}

describe.each(testDatabaseKinds())("organisation API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitA: string;
  let unitB: string;
  let admin: TestClient;
  let chiefA: TestClient;
  let doctorA: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    unitA = (await buildUnit(database.db)).id;
    unitB = (await buildUnit(database.db)).id;
    admin = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["SYSTEMADMINISTRATOR", unitA]] })).id,
    );
    chiefA = await clientFor(testApp, (await buildUser(database.db, { roles: [["ENHETSCHEF", unitA]] })).id);
    doctorA = await clientFor(testApp, (await buildUser(database.db, { roles: [["LAKARE", unitA]] })).id);
  });
  afterAll(() => database.close());

  it("lets the system administrator create and change a unit, with optimistic concurrency", async () => {
    const created = await admin.json<{ id: string; version: number }>("POST", "/api/units", {
      body: {
        id: "HC-NY",
        name: "Hälsocentralen Ny",
        postalAddress: "Nygatan 2",
        postalCode: "831 40",
        town: "Östersund",
        phone: "063-14 00 00",
      },
    });
    expect(created.status).toBe(201);
    const changed = await admin.json<{ name: string; version: number }>("PATCH", "/api/units/HC-NY", {
      body: { version: 1, name: "Hälsocentralen Nyby" },
    });
    expect(changed.body).toMatchObject({ name: "Hälsocentralen Nyby", version: 2 });
    const stale = await admin.json<{ error: { current: { name: string } } }>("PATCH", "/api/units/HC-NY", {
      body: { version: 1, name: "Något annat" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.name).toBe("Hälsocentralen Nyby");
    const audited = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "ADMIN"), eq(auditEvent.entityId, "HC-NY")));
    expect(audited).toHaveLength(2);
  });

  it("refuses bad unit input in Swedish", async () => {
    const res = await admin.json<{ error: { issues: { path: string; message: string }[] } }>(
      "POST",
      "/api/units",
      {
        body: { id: "hc ny", name: "", postalAddress: "X", postalCode: "1", town: "Y", phone: "abc" },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path).sort()).toEqual(["id", "name", "phone", "postalCode"]);
  });

  it("lets a unit chief create a user and assign roles on the own unit only", async () => {
    const created = await chiefA.json<UserView>("POST", "/api/users", {
      body: {
        username: "ny.lakare",
        displayName: "Ny Läkare",
        title: "Läkare",
        password: "ett-langt-losenord",
      },
    });
    expect(created.status).toBe(201);
    const own = await chiefA.json<UserView>("POST", "/api/assignments", {
      body: { userId: created.body.id, unitId: unitA, role: "LAKARE" },
    });
    expect(own.status).toBe(201);
    expect(own.body.assignments.map((a) => a.role)).toEqual(["LAKARE"]);
    const other = await chiefA.json("POST", "/api/assignments", {
      body: { userId: created.body.id, unitId: unitB, role: "LAKARE" },
    });
    expect(other.status).toBe(403);
    const unknownRole = await chiefA.json("POST", "/api/assignments", {
      body: { userId: created.body.id, unitId: unitA, role: "KUNG" },
    });
    expect(unknownRole.status).toBe(400);
    const duplicateName = await chiefA.json("POST", "/api/users", {
      body: { username: "ny.lakare", displayName: "X" },
    });
    expect(duplicateName.status).toBe(400);

    const list = await chiefA.json<{ users: UserView[] }>("GET", "/api/users");
    expect(list.body.users.some((u) => u.id === created.body.id)).toBe(true);
  });

  it("hides users of other units from a unit chief (404)", async () => {
    const outsider = await buildUser(database.db, { roles: [["LAKARE", unitB]] });
    const res = await chiefA.json("PATCH", `/api/users/${outsider.id}`, {
      body: { version: 1, displayName: "X" },
    });
    expect(res.status).toBe(404);
    const list = await chiefA.json<{ users: UserView[] }>("GET", "/api/users");
    expect(list.body.users.some((u) => u.id === outsider.id)).toBe(false);
  });

  it("refuses administration to roles without it, but shows everyone the policy", async () => {
    expect((await doctorA.request("GET", "/api/users")).status).toBe(403);
    const unitBody = {
      id: "HC-X",
      name: "X",
      postalAddress: "X",
      postalCode: "123 45",
      town: "X",
      phone: "063-1",
    };
    expect((await doctorA.request("POST", "/api/units", { body: unitBody })).status).toBe(403);
    const policy = await doctorA.json<{ grants: { justification: string }[] }>("GET", "/api/policy");
    expect(policy.status).toBe(200);
    expect(policy.body.grants.length).toBeGreaterThan(20);
  });
});
