import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { assignment, auditEvent, session as sessionTable } from "../db/schema.ts";
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

  describe("separation of duties", () => {
    let adminId: string;
    let chiefId: string;

    beforeAll(async () => {
      adminId = (await buildUser(database.db, { roles: [["SYSTEMADMINISTRATOR", unitA]] })).id;
      admin = await clientFor(testApp, adminId);
      chiefId = (await buildUser(database.db, { roles: [["ENHETSCHEF", unitA]] })).id;
      chiefA = await clientFor(testApp, chiefId);
    });

    it("refuses the reported escalation: a chief cannot make themself administrator or doctor", async () => {
      for (const role of ["SYSTEMADMINISTRATOR", "LAKARE", "ENHETSCHEF"]) {
        const res = await chiefA.json<{ error: { code: string; message: string } }>(
          "POST",
          "/api/assignments",
          {
            body: { userId: chiefId, unitId: unitA, role },
          },
        );
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe("SELF_ADMINISTRATION");
      }
      const other = await buildUser(database.db);
      for (const role of ["SYSTEMADMINISTRATOR", "REGIONANALYTIKER", "ENHETSCHEF", "MLU"]) {
        const res = await chiefA.json<{ error: { message: string } }>("POST", "/api/assignments", {
          body: { userId: other.id, unitId: unitA, role },
        });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(/^Du får inte ge eller ta bort rollen/);
      }
      const mine = await database.db.select().from(assignment).where(eq(assignment.userId, chiefId));
      expect(mine.map((a) => a.role)).toEqual(["ENHETSCHEF"]);
    });

    it("lets nobody change or remove their own assignments or credentials", async () => {
      const [own] = await database.db.select().from(assignment).where(eq(assignment.userId, adminId));
      expect((await admin.request("DELETE", `/api/assignments/${own!.id}`)).status).toBe(403);
      for (const body of [{ password: "ett-nytt-losenord" }, { hsaId: "SE-EGET" }, { active: false }]) {
        const res = await admin.request("PATCH", `/api/users/${adminId}`, { body: { version: 1, ...body } });
        expect(res.status).toBe(403);
      }
      const res = await admin.request("POST", "/api/assignments", {
        body: { userId: adminId, unitId: unitB, role: "LAKARE" },
      });
      expect(res.status).toBe(403);
    });

    it("lets a chief change credentials only of users whose every role they could have given", async () => {
      // The region administrator works on the chief's unit too: still out of the chief's reach.
      for (const body of [{ password: "kapat-losenord-1" }, { hsaId: "SE-KAPAT" }, { active: false }]) {
        const res = await chiefA.request("PATCH", `/api/users/${adminId}`, { body: { version: 1, ...body } });
        expect(res.status).toBe(403);
      }
      const [adminAssignment] = await database.db
        .select()
        .from(assignment)
        .where(eq(assignment.userId, adminId));
      expect((await chiefA.request("DELETE", `/api/assignments/${adminAssignment!.id}`)).status).toBe(403);
      // A doctor who also works on another unit: the chief of one unit alone may not.
      const shared = await buildUser(database.db, {
        roles: [
          ["LAKARE", unitA],
          ["LAKARE", unitB],
        ],
      });
      const res = await chiefA.request("PATCH", `/api/users/${shared.id}`, {
        body: { version: 1, password: "kapat-losenord-2" },
      });
      expect(res.status).toBe(403);
      // The unit's own doctor: allowed.
      const own = await buildUser(database.db, { roles: [["LAKARE", unitA]] });
      const ok = await chiefA.request("PATCH", `/api/users/${own.id}`, {
        body: { version: 1, password: "nytt-losenord-3" },
      });
      expect(ok.status).toBe(200);
    });

    it("lets the region administrator appoint a chief on any unit", async () => {
      const user = await buildUser(database.db);
      const res = await admin.json<UserView>("POST", "/api/assignments", {
        body: { userId: user.id, unitId: unitB, role: "ENHETSCHEF" },
      });
      expect(res.status).toBe(201);
      expect(res.body.assignments.map((a) => [a.unitId, a.role])).toEqual([[unitB, "ENHETSCHEF"]]);
    });

    it("ends a user's sessions when their password or HSA-id changes, not when their name does", async () => {
      const doctor = await buildUser(database.db, { roles: [["LAKARE", unitA]] });
      let session = await clientFor(testApp, doctor.id);
      const renamed = await chiefA.json<UserView>("PATCH", `/api/users/${doctor.id}`, {
        body: { version: 1, displayName: "Nytt Namn" },
      });
      expect(renamed.status).toBe(200);
      expect((await session.request("GET", "/api/auth/session")).status).toBe(200);
      let version = renamed.body.version;
      for (const change of [{ password: "helt-nytt-losenord" }, { hsaId: `SE-${doctor.id}` }]) {
        const res = await chiefA.json<UserView>("PATCH", `/api/users/${doctor.id}`, {
          body: { version, ...change },
        });
        expect(res.status).toBe(200);
        version = res.body.version;
        expect((await session.request("GET", "/api/auth/session")).status).toBe(401);
        expect(
          await database.db.select().from(sessionTable).where(eq(sessionTable.userId, doctor.id)),
        ).toEqual([]);
        session = await clientFor(testApp, doctor.id);
      }
    });

    it("audits a grant of a patient-reading role and shows it to the unit's chief", async () => {
      const nurse = await buildUser(database.db);
      const granted = await chiefA.json<UserView>("POST", "/api/assignments", {
        body: { userId: nurse.id, unitId: unitA, role: "DISTRIKTSSKOTERSKA" },
      });
      expect(granted.status).toBe(201);
      const [event] = await database.db
        .select()
        .from(auditEvent)
        .where(
          and(eq(auditEvent.entity, "assignment"), eq(auditEvent.entityId, granted.body.assignments[0]!.id)),
        );
      expect(event).toMatchObject({
        action: "ADMIN",
        unitId: unitA,
        userId: chiefId,
        purpose: "Tilldelning av roll med åtkomst till patientuppgifter",
        details: { userId: nurse.id, role: "DISTRIKTSSKOTERSKA", readsPatientData: true },
      });
      // A role that opens no patient data (the regional analyst's statistics): not in the list. (The
      // MLU would be listed: the spårbarhet list shows the unit's patients.)
      const analyst = await buildUser(database.db);
      const analystGrant = await admin.request("POST", "/api/assignments", {
        body: { userId: analyst.id, unitId: unitA, role: "REGIONANALYTIKER" },
      });
      expect(analystGrant.status).toBe(201);
      const list = await chiefA.json<{
        grants: { userId: string; role: string; roleLabel: string; grantedById: string; removed: boolean }[];
      }>("GET", "/api/assignments/patient-data-grants");
      expect(list.status).toBe(200);
      expect(list.body.grants[0]).toMatchObject({
        userId: nurse.id,
        role: "DISTRIKTSSKOTERSKA",
        roleLabel: "Distriktssköterska",
        grantedById: chiefId,
        removed: false,
      });
      expect(list.body.grants.some((g) => g.userId === analyst.id)).toBe(false);
      // Taken back: still listed, marked removed.
      await chiefA.request("DELETE", `/api/assignments/${granted.body.assignments[0]!.id}`);
      const after = await chiefA.json<{ grants: { userId: string; removed: boolean }[] }>(
        "GET",
        "/api/assignments/patient-data-grants",
      );
      expect(after.body.grants.find((g) => g.userId === nurse.id)?.removed).toBe(true);
      expect((await doctorA.request("GET", "/api/assignments/patient-data-grants")).status).toBe(403);
    });
  });
});
