import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent } from "../db/schema.ts";
import { addDays } from "../cases/days.ts";
import { stockholmToday } from "../dates/today.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import type { RoutineDetail } from "../routines/schema.ts";
import type { MyIntroduction, UnitIntroductions } from "./schema.ts";

describe.each(testDatabaseKinds())("substitutes' introduction API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let substituteId: string;
  const clients = {} as Record<"chief" | "doctor" | "substitute" | "otherChief", TestClient>;
  const routineIds: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    const today = stockholmToday(testApp.deps.now());
    unitId = (await buildUnit(database.db)).id;
    const otherId = (await buildUnit(database.db)).id;
    const chief = await buildUser(database.db, { roles: [["ENHETSCHEF", unitId]] });
    clients.chief = await clientFor(testApp, chief.id);
    clients.doctor = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id,
    );
    await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] });
    clients.otherChief = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["ENHETSCHEF", otherId]] })).id,
    );
    substituteId = (await buildUser(database.db)).id;
    const assigned = await clients.chief.json("POST", "/api/assignments", {
      body: { userId: substituteId, unitId, role: "LAKARE", engagement: "HYRLAKARE" },
    });
    expect(assigned.status).toBe(201);
    clients.substitute = await clientFor(testApp, substituteId);
    for (const [title, topic, roles] of [
      ["Lathund", "LATHUND", ["LAKARE"]],
      ["Förstadagsintyg", "FORSTADAGSINTYG", ["LAKARE"]],
      ["Listning", "LISTNINGSBYTE", ["SEKRETERARE"]],
    ] as const) {
      const created = await clients.chief.json<RoutineDetail>("POST", "/api/rutiner", {
        body: { title, topic, roles, ownerId: chief.id, reviewDate: addDays(today, 90), body: `# ${title}` },
      });
      routineIds.push(created.body.id);
    }
  });
  afterAll(() => database.close());

  it("gives a hyrläkare the lathund, the doctors' routines and the contacts, ticked as they go", async () => {
    const first = await clients.substitute.json<MyIntroduction>("GET", "/api/introduktion");
    expect(first.body).toMatchObject({ engagement: "HYRLAKARE", done: 0, total: 3 });
    expect(first.body.items.map((i) => [i.kind, i.label])).toEqual([
      ["LATHUND", "Lathund"],
      ["ROUTINE", "Förstadagsintyg"],
      ["CONTACTS", expect.any(String)],
    ]);
    expect(first.body.contacts.map((c) => c.role).sort()).toEqual(["ENHETSCHEF", "REHABKOORDINATOR"]);

    await clients.substitute.json("POST", `/api/rutiner/${routineIds[0]}/bekraftelse`, {
      body: { textVersion: 1 },
    });
    const ticked = await clients.substitute.json<MyIntroduction>("POST", "/api/introduktion/bockar", {
      body: { item: "KONTAKTER", done: true },
    });
    expect(ticked.body).toMatchObject({ done: 2, total: 3 });

    const overview = await clients.chief.json<UnitIntroductions>("GET", "/api/introduktion/enheten");
    expect(overview.body.substitutes).toEqual([
      expect.objectContaining({
        userId: substituteId,
        engagement: "HYRLAKARE",
        done: 2,
        total: 3,
        missing: ["Förstadagsintyg"],
      }),
    ]);
    const events = await database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.entity, "introduction"), eq(auditEvent.unitId, unitId)));
    expect(events.map((e) => e.action).sort()).toEqual(["READ", "UPDATE"]);
  });

  it("has no package for staff who are no substitutes, and shows the overview to the chief only", async () => {
    const doctor = await clients.doctor.json<MyIntroduction>("GET", "/api/introduktion");
    expect(doctor.body).toMatchObject({ engagement: null, items: [], total: 0 });
    const tick = await clients.doctor.json<{ error: { issues: { path: string }[] } }>(
      "POST",
      "/api/introduktion/bockar",
      {
        body: { item: "KONTAKTER", done: true },
      },
    );
    expect(tick.status).toBe(400);
    expect(tick.body.error.issues[0]?.path).toBe("item");
    expect((await clients.doctor.json("GET", "/api/introduktion/enheten")).status).toBe(403);
    const other = await clients.otherChief.json<UnitIntroductions>("GET", "/api/introduktion/enheten");
    expect(other.body.substitutes).toEqual([]);
    const bad = await clients.substitute.json("POST", "/api/introduktion/bockar", {
      body: { item: "x", done: 1 },
    });
    expect(bad.status).toBe(400);
  });
});
