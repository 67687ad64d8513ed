import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { appUser } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { savedColumns } from "./preferences.ts";

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe("unit list preferences and doctor choices", () => {
  let database: Database;
  let testApp: TestApp;
  let coordinator: TestClient;
  let coordinatorId: string;
  let doctor: TestClient;
  let secretary: TestClient;
  let doctorIds: string[];

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    testApp = createTestApp(database);
    const unitId = (await buildUnit(database.db)).id;
    const otherUnitId = (await buildUnit(database.db)).id;
    coordinatorId = (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id;
    coordinator = await clientFor(testApp, coordinatorId);
    const a = await buildUser(database.db, { roles: [["LAKARE", unitId]] });
    const b = await buildUser(database.db, { roles: [["LAKARE", unitId]] });
    await buildUser(database.db, { roles: [["LAKARE", otherUnitId]] });
    doctorIds = [a.id, b.id];
    doctor = await clientFor(testApp, a.id);
    secretary = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["SEKRETERARE", unitId]] })).id,
    );
  });
  afterAll(() => database.close());

  it("saves the column choice per user, keeping the user's other settings", async () => {
    await database.db
      .update(appUser)
      .set({ settings: { sjukfall: { gap: 7 } } })
      .where(eq(appUser.id, coordinatorId));
    expect((await coordinator.json("GET", "/api/sjukfall/preferences")).body).toEqual({ columns: null });

    const saved = await coordinator.json("PUT", "/api/sjukfall/preferences", {
      body: { columns: ["name", "days", "risk"] },
    });
    expect(saved).toEqual({ status: 200, body: { columns: ["name", "days", "risk"] } });
    expect((await coordinator.json("GET", "/api/sjukfall/preferences")).body).toEqual({
      columns: ["name", "days", "risk"],
    });
    // Another user's choice is their own.
    expect((await doctor.json("GET", "/api/sjukfall/preferences")).body).toEqual({ columns: null });
    const [row] = await database.db
      .select({ settings: appUser.settings })
      .from(appUser)
      .where(eq(appUser.id, coordinatorId));
    expect(row!.settings).toEqual({ sjukfall: { gap: 7 }, worklistColumns: ["name", "days", "risk"] });

    const reset = await coordinator.json("PUT", "/api/sjukfall/preferences", { body: { columns: null } });
    expect(reset.body).toEqual({ columns: null });
  });

  it("refuses unknown or repeated columns with a Swedish message and saves nothing", async () => {
    await coordinator.json("PUT", "/api/sjukfall/preferences", { body: { columns: ["days"] } });
    const unknown = await coordinator.json<ErrorBody>("PUT", "/api/sjukfall/preferences", {
      body: { columns: ["days", "password"] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues?.[0]?.message).toBe("Okänd kolumn.");
    const twice = await coordinator.json<ErrorBody>("PUT", "/api/sjukfall/preferences", {
      body: { columns: ["days", "days"] },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.issues?.[0]?.message).toBe("En kolumn får bara väljas en gång.");
    expect((await coordinator.json("GET", "/api/sjukfall/preferences")).body).toEqual({ columns: ["days"] });
  });

  it("lists the unit's doctors for the coordinator only", async () => {
    const { status, body } = await coordinator.json<{ doctors: { id: string; name: string }[] }>(
      "GET",
      "/api/sjukfall/doctors",
    );
    expect(status).toBe(200);
    expect(body.doctors.map((d) => d.id).sort()).toEqual([...doctorIds].sort());
    expect((await doctor.request("GET", "/api/sjukfall/doctors")).status).toBe(403);
    expect((await secretary.request("GET", "/api/sjukfall/preferences")).status).toBe(403);
  });

  it("reads only known columns from stored settings", () => {
    expect(savedColumns({ worklistColumns: ["days", "nope", 3] })).toEqual(["days"]);
    expect(savedColumns({ worklistColumns: "days" })).toBeNull();
    expect(savedColumns({})).toBeNull();
  });
});
