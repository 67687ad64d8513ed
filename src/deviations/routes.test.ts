import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent } from "../db/schema.ts";
import { addDays } from "../cases/days.ts";
import { stockholmToday } from "../dates/today.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import type { DeviationDetail, DeviationList, DeviationStatistics } from "./schema.ts";

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string }[]; current?: DeviationDetail };
}

describe.each(testDatabaseKinds())("deviation API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let today: string;
  const ids = { unit: "", other: "", patient: "", otherPatient: "", chief: "", doctor: "" };
  const clients = {} as Record<"chief" | "doctor" | "secretary" | "otherChief", TestClient>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    today = stockholmToday(testApp.deps.now());
    ids.unit = (await buildUnit(database.db)).id;
    ids.other = (await buildUnit(database.db)).id;
    ids.patient = (await buildPatient(database.db, ids.unit)).id;
    ids.otherPatient = (await buildPatient(database.db, ids.other)).id;
    const chief = await buildUser(database.db, { roles: [["ENHETSCHEF", ids.unit]] });
    const doctor = await buildUser(database.db, { roles: [["LAKARE", ids.unit]] });
    Object.assign(ids, { chief: chief.id, doctor: doctor.id });
    clients.chief = await clientFor(testApp, chief.id);
    clients.doctor = await clientFor(testApp, doctor.id);
    clients.secretary = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["SEKRETERARE", ids.unit]] })).id,
    );
    clients.otherChief = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["ENHETSCHEF", ids.other]] })).id,
    );
  });
  afterAll(() => database.close());

  const report = (client: TestClient, overrides: Record<string, unknown> = {}) =>
    client.json<DeviationDetail>("POST", "/api/avvikelser", {
      body: {
        category: "KOMPLETTERING_SEN",
        occurredOn: addDays(today, -3),
        description: "Kompletteringen besvarades efter svarsdatum.",
        ...overrides,
      },
    });

  it("follows a deviation about a patient from report to closed, audited with the patient", async () => {
    const created = await report(clients.doctor, { patientId: ids.patient });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "NY", hasPatient: true, canManage: false });
    expect(created.body.patient?.id).toBe(ids.patient);
    const id = created.body.id;

    let d = (await clients.chief.json<DeviationDetail>("GET", `/api/avvikelser/${id}`)).body;
    expect(d.next).toEqual(["UNDER_UTREDNING"]);
    const put = (body: Record<string, unknown>) =>
      clients.chief.json<DeviationDetail & ErrorBody>("PUT", `/api/avvikelser/${id}`, {
        body: { version: d.version, investigation: d.investigation, lexMaria: d.lexMaria, ...body },
      });
    d = (await put({ status: "UNDER_UTREDNING", lexMaria: true })).body;
    expect(d).toMatchObject({ status: "UNDER_UTREDNING", lexMaria: true });

    const early = await put({ status: "ATGARDAD", investigation: "Svarsdatumet missades under semestern." });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain("minst en åtgärd");

    d = (
      await clients.chief.json<DeviationDetail>("POST", `/api/avvikelser/${id}/atgarder`, {
        body: {
          version: d.version,
          description: "Inför bevakning av svarsdatum.",
          ownerId: ids.doctor,
          dueDate: addDays(today, 14),
        },
      })
    ).body;
    expect(d.actions).toEqual([
      expect.objectContaining({ doneOn: null, owner: expect.objectContaining({ id: ids.doctor }) }),
    ]);
    d = (
      await clients.chief.json<DeviationDetail>(
        "POST",
        `/api/avvikelser/${id}/atgarder/${d.actions[0]!.id}/klar`,
        {
          body: { version: d.version },
        },
      )
    ).body;
    expect(d.actions[0]?.doneOn).toBe(today);
    d = (await put({ status: "ATGARDAD", investigation: "Svarsdatumet missades under semestern." })).body;
    expect(d.status).toBe("ATGARDAD");
    d = (await put({ status: "AVSLUTAD", note: "Följs upp i nästa egenkontroll." })).body;
    expect(d).toMatchObject({ status: "AVSLUTAD", closedOn: today, next: [] });
    expect(d.history.map((h) => h.status)).toEqual(["NY", "UNDER_UTREDNING", "ATGARDAD", "AVSLUTAD"]);
    expect((await put({ investigation: "Ändrad i efterhand." })).status).toBe(400);

    const events = await database.db
      .select({ action: auditEvent.action, patientId: auditEvent.patientId })
      .from(auditEvent)
      .where(and(eq(auditEvent.entity, "deviation"), eq(auditEvent.entityId, id)));
    expect(events.length).toBeGreaterThanOrEqual(7);
    expect(events.every((e) => e.patientId === ids.patient)).toBe(true);
  });

  it("answers 409 with the saved deviation to a stale change", async () => {
    const { body: created } = await report(clients.doctor);
    await clients.chief.json("PUT", `/api/avvikelser/${created.id}`, {
      body: { version: 1, investigation: "Första", lexMaria: false },
    });
    const stale = await clients.chief.json<ErrorBody>("PUT", `/api/avvikelser/${created.id}`, {
      body: { version: 1, investigation: "Andra", lexMaria: true },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ investigation: "Första", version: 2 });
  });

  it("keeps deviations within the unit and a reporter's own, and managing to the chief", async () => {
    const { body: mine } = await report(clients.doctor, { patientId: ids.patient });
    expect((await report(clients.doctor, { patientId: ids.otherPatient })).status).toBe(404);
    expect((await clients.otherChief.json("GET", `/api/avvikelser/${mine.id}`)).status).toBe(404);
    expect((await clients.secretary.json("GET", `/api/avvikelser/${mine.id}`)).status).toBe(404);
    expect(
      (
        await clients.doctor.json("PUT", `/api/avvikelser/${mine.id}`, {
          body: { version: 1, investigation: "", lexMaria: false },
        })
      ).status,
    ).toBe(403);
    expect(
      (await clients.doctor.json("GET", "/api/avvikelser/statistik?from=2026-01&to=2026-12")).status,
    ).toBe(403);
    const secretaryList = await clients.secretary.json<DeviationList>("GET", "/api/avvikelser");
    expect(secretaryList.body.deviations.map((d) => d.id)).not.toContain(mine.id);
    const chiefList = await clients.chief.json<DeviationList>("GET", "/api/avvikelser");
    expect(chiefList.body.deviations.map((d) => d.id)).toContain(mine.id);
    expect(JSON.stringify(chiefList.body)).not.toContain(ids.patient);
  });

  it("counts deviations per category and month, and names the field of bad input", async () => {
    await report(clients.secretary, { category: "FORSENAT_INTYG", occurredOn: today });
    const month = today.slice(0, 7);
    const stats = await clients.chief.json<DeviationStatistics>(
      "GET",
      `/api/avvikelser/statistik?from=${month}&to=${month}`,
    );
    expect(stats.body.months).toEqual([month]);
    expect(stats.body.rows.find((r) => r.category === "FORSENAT_INTYG")?.total).toBeGreaterThanOrEqual(1);
    const february = await clients.chief.json<DeviationStatistics>(
      "GET",
      "/api/avvikelser/statistik?from=2027-02&to=2027-02",
    );
    expect(february.status).toBe(200);
    const bad = await clients.doctor.json<ErrorBody>("POST", "/api/avvikelser", {
      body: { category: "KAFFE", occurredOn: "igår", description: "" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.map((i) => i.path).sort()).toEqual([
      "category",
      "description",
      "occurredOn",
    ]);
    const future = await report(clients.doctor, { occurredOn: addDays(today, 2) });
    expect(future.status).toBe(400);
  });
});
