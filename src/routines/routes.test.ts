import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent } from "../db/schema.ts";
import { addDays } from "../cases/days.ts";
import { stockholmToday } from "../dates/today.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import type { RoutineDetail, RoutineLibrary } from "./schema.ts";

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string }[]; current?: RoutineDetail };
}

describe.each(testDatabaseKinds())("routine library API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let today: string;
  const ids = { unit: "", other: "", chief: "", doctor: "", secretary: "", analyst: "" };
  const clients = {} as Record<"chief" | "doctor" | "secretary" | "analyst" | "otherChief", TestClient>;

  const body = (overrides: Record<string, unknown> = {}) => ({
    title: "Förstadagsintyg",
    topic: "FORSTADAGSINTYG",
    ownerId: ids.chief,
    reviewDate: addDays(today, 180),
    roles: ["LAKARE"],
    body: "# Förstadagsintyg\n\nKontrollera att beslutet gäller **från dag 1**.",
    ...overrides,
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    today = stockholmToday(testApp.deps.now());
    ids.unit = (await buildUnit(database.db)).id;
    ids.other = (await buildUnit(database.db)).id;
    const user = async (role: Parameters<typeof buildUser>[1] & object) => buildUser(database.db, role);
    const chief = await user({ roles: [["ENHETSCHEF", ids.unit]] });
    const doctor = await user({ roles: [["LAKARE", ids.unit]] });
    const secretary = await user({ roles: [["SEKRETERARE", ids.unit]] });
    Object.assign(ids, { chief: chief.id, doctor: doctor.id, secretary: secretary.id });
    clients.chief = await clientFor(testApp, chief.id);
    clients.doctor = await clientFor(testApp, doctor.id);
    clients.secretary = await clientFor(testApp, secretary.id);
    ids.analyst = (await user({ roles: [["REGIONANALYTIKER", ids.other]] })).id;
    clients.analyst = await clientFor(testApp, ids.analyst);
    clients.otherChief = await clientFor(testApp, (await user({ roles: [["ENHETSCHEF", ids.other]] })).id);
  });
  afterAll(() => database.close());

  it("lets the chief write a routine that the doctor confirms, and asks again after a new text", async () => {
    const created = await clients.chief.json<RoutineDetail>("POST", "/api/rutiner", { body: body() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ textVersion: 1, version: 1, regional: false, inLibrary: true });
    const id = created.body.id;

    const library = await clients.doctor.json<RoutineLibrary>("GET", "/api/rutiner");
    expect(library.body.routines.find((r) => r.id === id)).toMatchObject({
      mustRead: true,
      myState: "NOT_CONFIRMED",
      canEdit: false,
    });
    const chiefLibrary = await clients.chief.json<RoutineLibrary>("GET", "/api/rutiner");
    expect(chiefLibrary.body.routines.find((r) => r.id === id)?.unconfirmed).toBe(1);
    expect(library.body.routines.find((r) => r.id === id)?.unconfirmed).toBeNull();
    expect((await clients.chief.json<RoutineDetail>("GET", `/api/rutiner/${id}`)).body.staff).toEqual([
      expect.objectContaining({ userId: ids.doctor, state: "NOT_CONFIRMED" }),
    ]);

    const confirmed = await clients.doctor.json<RoutineDetail>("POST", `/api/rutiner/${id}/bekraftelse`, {
      body: { textVersion: 1 },
    });
    expect(confirmed.body).toMatchObject({ myState: "CONFIRMED", staff: null });
    expect(confirmed.body.confirmedAt).not.toBeNull();

    // A new review date alone keeps the text version and the confirmation.
    const reviewed = await clients.chief.json<RoutineDetail>("PUT", `/api/rutiner/${id}`, {
      body: { ...body({ reviewDate: addDays(today, 365) }), version: 1 },
    });
    expect(reviewed.body).toMatchObject({ version: 2, textVersion: 1 });
    expect(reviewed.body.staff?.[0]?.state).toBe("CONFIRMED");

    const rewritten = await clients.chief.json<RoutineDetail>("PUT", `/api/rutiner/${id}`, {
      body: { ...body({ body: "# Förstadagsintyg\n\nNy lydelse." }), version: 2 },
    });
    expect(rewritten.body).toMatchObject({ version: 3, textVersion: 2 });
    expect(rewritten.body.versions.map((v) => v.textVersion)).toEqual([2, 1]);
    expect(rewritten.body.staff?.[0]).toMatchObject({ state: "NEW_VERSION", confirmedVersion: 1 });

    const stale = await clients.doctor.json<ErrorBody>("POST", `/api/rutiner/${id}/bekraftelse`, {
      body: { textVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current?.body).toContain("Ny lydelse");

    const events = await database.db
      .select({ action: auditEvent.action, details: auditEvent.details })
      .from(auditEvent)
      .where(and(eq(auditEvent.entity, "routine"), eq(auditEvent.entityId, id)));
    expect(events.map((e) => e.action).sort()).toEqual(["CREATE", "CREATE", "READ", "UPDATE", "UPDATE"]);
  });

  it("answers 409 with the saved routine to a stale save", async () => {
    const { body: created } = await clients.chief.json<RoutineDetail>("POST", "/api/rutiner", {
      body: body({ title: "Telefonrådgivning", topic: "TELEFONRADGIVNING" }),
    });
    await clients.chief.json("PUT", `/api/rutiner/${created.id}`, {
      body: { ...body({ title: "Telefonrådgivning 2", topic: "TELEFONRADGIVNING" }), version: 1 },
    });
    const stale = await clients.chief.json<ErrorBody>("PUT", `/api/rutiner/${created.id}`, {
      body: { ...body({ title: "Min ändring" }), version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ title: "Telefonrådgivning 2", version: 2 });
  });

  it("refuses writes without routine.manage, and hides the unit's routines from other units", async () => {
    const { body: created } = await clients.chief.json<RoutineDetail>("POST", "/api/rutiner", {
      body: body(),
    });
    expect((await clients.doctor.json("POST", "/api/rutiner", { body: body() })).status).toBe(403);
    expect(
      (await clients.doctor.json("PUT", `/api/rutiner/${created.id}`, { body: { ...body(), version: 1 } }))
        .status,
    ).toBe(403);
    expect((await clients.otherChief.json("GET", `/api/rutiner/${created.id}`)).status).toBe(404);
    expect(
      (
        await clients.otherChief.json("POST", `/api/rutiner/${created.id}/bekraftelse`, {
          body: { textVersion: 1 },
        })
      ).status,
    ).toBe(404);
    const other = await clients.otherChief.json<RoutineLibrary>("GET", "/api/rutiner");
    expect(other.body.routines.map((r) => r.id)).not.toContain(created.id);
    // A secretary is not among the readers, and the chief's staff view names no one else.
    const secretary = await clients.secretary.json<RoutineDetail>("GET", `/api/rutiner/${created.id}`);
    expect(secretary.body).toMatchObject({ mustRead: false, staff: null });
  });

  it("offers the region's routines to the unit, which adopts them into its library", async () => {
    const regional = await clients.analyst.json<RoutineDetail>("POST", "/api/rutiner", {
      body: body({ title: "Avslag", topic: "AVSLAG_FK", regional: true, ownerId: "0000-nej" }),
    });
    expect(regional.status).toBe(400);
    expect(
      (await clients.chief.json("POST", "/api/rutiner", { body: body({ regional: true }) })).status,
    ).toBe(403);
    const { body: created } = await clients.analyst.json<RoutineDetail>("POST", "/api/rutiner", {
      body: body({
        title: "Avslag från Försäkringskassan",
        topic: "AVSLAG_FK",
        regional: true,
        ownerId: ids.analyst,
      }),
    });
    expect(created).toMatchObject({ regional: true, inLibrary: false });

    const before = await clients.chief.json<RoutineLibrary>("GET", "/api/rutiner");
    expect(before.body.offered.map((r) => r.id)).toContain(created.id);
    expect(before.body.routines.map((r) => r.id)).not.toContain(created.id);
    expect((await clients.doctor.json("GET", `/api/rutiner/${created.id}`)).status).toBe(404);

    const adopted = await clients.chief.json<RoutineDetail>("PUT", `/api/rutiner/${created.id}/antagen`);
    expect(adopted.body).toMatchObject({ inLibrary: true, canEdit: false });
    const doctor = await clients.doctor.json<RoutineLibrary>("GET", "/api/rutiner");
    expect(doctor.body.routines.find((r) => r.id === created.id)).toMatchObject({
      regional: true,
      mustRead: true,
    });
    expect(
      (await clients.chief.json("PUT", `/api/rutiner/${created.id}`, { body: { ...body(), version: 1 } }))
        .status,
    ).toBe(403);
  });

  it("names the field of bad input in Swedish", async () => {
    const res = await clients.chief.json<ErrorBody>("POST", "/api/rutiner", {
      body: body({ roles: [], reviewDate: "31/12", topic: "KAFFE" }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues?.map((i) => i.path).sort()).toEqual(["reviewDate", "roles", "topic"]);
    const owner = await clients.chief.json<ErrorBody>("POST", "/api/rutiner", {
      body: body({ ownerId: (await buildUser(database.db, { roles: [["LAKARE", ids.other]] })).id }),
    });
    expect(owner.status).toBe(400);
    expect(owner.body.error.message).toContain("ownerId");
  });
});
