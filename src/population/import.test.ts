/**
 * The listed population on both databases: the table's constraints, the import (idempotent, all
 * or nothing, audited), who may import for which unit, and the read rule for missing months.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import type { Role } from "../access/policy.ts";
import { clock } from "../dates/clock.ts";
import type { Database } from "../db/client.ts";
import { auditEvent, listedPopulation } from "../db/schema.ts";
import { addMonths, monthOf } from "./rules.ts";
import { importListedPopulation, listedPopulationByMonth } from "./store.ts";

/** Months relative to the clock's today: the test passes on any date. */
const thisMonth = monthOf(clock().today());
const ago = (n: number) => addMonths(thisMonth, -n);
const header = "enhet;månad;kön;åldersgrupp;antal";

function csv(unit: string, month: string, cells: [string, string, number][]): string[] {
  return cells.map(([sex, band, count]) => `${unit};${month};${sex};${band};${count}`);
}

describe.each(testDatabaseKinds())("listed population on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitA: string;
  let unitB: string;
  let hsaA: string;
  let chiefA: TestClient;
  let chiefB: TestClient;
  let admin: TestClient;
  let doctorA: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    const a = await buildUnit(database.db, { hsaId: `SE-LP-${kind}-A` });
    unitA = a.id;
    hsaA = a.hsaId!;
    unitB = (await buildUnit(database.db)).id;
    const client = (role: Role, unitId: string) =>
      buildUser(database.db, { roles: [[role, unitId]] }).then((u) => clientFor(testApp, u.id));
    chiefA = await client("ENHETSCHEF", unitA);
    chiefB = await client("ENHETSCHEF", unitB);
    admin = await client("SYSTEMADMINISTRATOR", unitA);
    doctorA = await client("LAKARE", unitA);
  });
  afterAll(() => database.close());

  const post = (client: TestClient, lines: string[]) =>
    client.json<{
      created: number;
      replaced: number;
      unchanged: number;
      months: { month: string; outcome: string; women: number; men: number; total: number }[];
      error?: { message: string; issues?: { path: string; message: string }[] };
    }>("POST", "/api/import/listning", {
      body: lines.join("\n"),
      headers: { "content-type": "text/csv; charset=utf-8" },
    });
  const stored = (unitId: string) =>
    database.db
      .select()
      .from(listedPopulation)
      .where(eq(listedPopulation.unitId, unitId))
      .orderBy(listedPopulation.month, listedPopulation.sex, listedPopulation.ageBand);
  const audited = (unitId: string) =>
    database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.unitId, unitId), eq(auditEvent.entity, "listed_population")))
      .orderBy(auditEvent.seq);

  it("keeps the table's rules in the database itself (migration)", async () => {
    const insert = (values: Partial<typeof listedPopulation.$inferInsert>) =>
      database.db
        .insert(listedPopulation)
        .values({ unitId: unitB, month: "2020-01", sex: "F", ageBand: "30-39", count: 1, ...values });
    for (const bad of [
      { month: "2020-13" },
      { month: "2020-1" },
      { sex: "X" as "F" },
      { ageBand: "65+" },
      { count: -1 },
      { unitId: "NO-SUCH-UNIT" },
    ])
      await expect(insert(bad), JSON.stringify(bad)).rejects.toThrow();
    await insert({});
    await expect(insert({ count: 2 })).rejects.toThrow();
    await database.db.delete(listedPopulation).where(eq(listedPopulation.unitId, unitB));
  });

  it("imports a month for the unit by its id or HSA-id, audits it, and the same file again changes nothing", async () => {
    const file = [
      header,
      ...csv(unitA, ago(3), [
        ["K", "30-39", 800],
        ["M", "30-39", 780],
      ]),
      ...csv(hsaA, ago(2), [
        ["K", "30-39", 810],
        ["M", "70+", 300],
      ]),
    ];
    const first = await post(chiefA, file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, replaced: 0, unchanged: 0 });
    expect(first.body.months).toEqual([
      { unitId: unitA, month: ago(3), outcome: "CREATED", women: 800, men: 780, total: 1580 },
      { unitId: unitA, month: ago(2), outcome: "CREATED", women: 810, men: 300, total: 1110 },
    ]);
    const rows = await stored(unitA);
    expect(rows.map((r) => [r.month, r.sex, r.ageBand, r.count])).toEqual([
      [ago(3), "F", "30-39", 800],
      [ago(3), "M", "30-39", 780],
      [ago(2), "F", "30-39", 810],
      [ago(2), "M", "70+", 300],
    ]);
    const events = await audited(unitA);
    expect(events.map((e) => [e.action, e.entityId, e.patientId])).toEqual([
      ["CREATE", `${unitA}/${ago(3)}`, null],
      ["CREATE", `${unitA}/${ago(2)}`, null],
    ]);

    const again = await post(chiefA, file);
    expect(again.body).toMatchObject({ created: 0, replaced: 0, unchanged: 2 });
    expect(await stored(unitA)).toEqual(rows);
    expect(await audited(unitA)).toHaveLength(2);
  });

  it("replaces a month imported again with other figures as a whole, and audits only that month", async () => {
    const res = await post(admin, [header, ...csv(unitA, ago(2), [["K", "30-39", 815]])]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, replaced: 1, unchanged: 0 });
    const rows = await stored(unitA);
    expect(rows.filter((r) => r.month === ago(2)).map((r) => [r.sex, r.ageBand, r.count])).toEqual([
      ["F", "30-39", 815],
    ]);
    expect(rows.filter((r) => r.month === ago(3))).toHaveLength(2);
    const events = await audited(unitA);
    expect(events.at(-1)).toMatchObject({ action: "UPDATE", entityId: `${unitA}/${ago(2)}` });
    expect(events).toHaveLength(3);
  });

  it("imports nothing from a file with one bad row, naming its row and column", async () => {
    const before = await stored(unitA);
    const res = await post(chiefA, [
      header,
      ...csv(unitA, ago(1), [["K", "30-39", 900]]),
      `${unitA};${ago(1)};M;30-39;många`,
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toContain("Rad 3, kolumn antal:");
    expect(res.body.error!.issues).toEqual([
      { path: "rad 3, antal", message: expect.stringMatching(/^Rad 3, kolumn antal: /) },
    ]);
    expect(await stored(unitA)).toEqual(before);
  });

  it("answers 400 in Swedish for an empty file", async () => {
    for (const body of [[""], [header], ["\uFEFF"]]) {
      const res = await post(chiefA, body);
      expect(res.status).toBe(400);
      expect(res.body.error!.message).toContain("Filen innehåller inga rader med listade patienter.");
    }
  });

  it("lets no one import for another unit: rows naming it are refused and nothing changes", async () => {
    const before = await stored(unitA);
    // Unit B's chief, with a file for unit A (by id or HSA-id), and mixed with their own unit.
    for (const file of [
      [header, ...csv(unitA, ago(1), [["K", "30-39", 1]])],
      [header, ...csv(hsaA, ago(1), [["K", "30-39", 1]])],
      [header, ...csv(unitB, ago(1), [["K", "30-39", 1]]), ...csv(unitA, ago(1), [["M", "30-39", 1]])],
      [header, ...csv("NO-SUCH-UNIT", ago(1), [["K", "30-39", 1]])],
    ]) {
      const res = await post(chiefB, file);
      expect(res.status).toBe(403);
      expect(res.body.error!.message).toMatch(
        /Rad \d, kolumn enhet: du kan bara läsa in listning för enheten du arbetar på/,
      );
    }
    expect(await stored(unitA)).toEqual(before);
    expect(await stored(unitB)).toEqual([]);
    // Without the capability on the unit.
    expect((await post(doctorA, [header, ...csv(unitA, ago(1), [["K", "30-39", 1]])])).status).toBe(403);
    expect(await stored(unitA)).toEqual(before);
  });

  it("reads the figures per month, carrying a unit's latest earlier month forward and saying so", async () => {
    // Unit A: ago(3) 800+780, ago(2) 815 (women). Unit B gets ago(1) only.
    expect((await post(chiefB, [header, ...csv(unitB, ago(1), [["M", "40-49", 50]])])).status).toBe(200);
    const one = await listedPopulationByMonth(database.db, { unitId: unitA, from: ago(4), to: ago(0) });
    expect(one.map((m) => [m.month, m.women, m.men, m.total, m.carriedForward, m.missingUnits])).toEqual([
      [ago(4), 0, 0, 0, [], [unitA]],
      [ago(3), 800, 780, 1580, [], []],
      [ago(2), 815, 0, 815, [], []],
      [ago(1), 815, 0, 815, [{ unitId: unitA, sourceMonth: ago(2) }], []],
      [ago(0), 815, 0, 815, [{ unitId: unitA, sourceMonth: ago(2) }], []],
    ]);
    expect(one[1]!.byAgeBand["30-39"]).toEqual({ women: 800, men: 780, total: 1580 });

    // A range starting after the last import still finds it.
    const later = await listedPopulationByMonth(database.db, { unitId: unitA, from: ago(0), to: ago(0) });
    expect(later[0]).toMatchObject({ total: 815, carriedForward: [{ unitId: unitA, sourceMonth: ago(2) }] });

    // All units: each unit carried forward on its own, then summed.
    const all = await listedPopulationByMonth(database.db, { unitId: null, from: ago(2), to: ago(0) });
    const row = (month: string) => all.find((m) => m.month === month)!;
    expect(row(ago(2))).toMatchObject({ women: 815, men: 0, missingUnits: expect.arrayContaining([unitB]) });
    expect(row(ago(1))).toMatchObject({ women: 815, men: 50, total: 865 });
    expect(row(ago(0)).carriedForward).toEqual(
      expect.arrayContaining([
        { unitId: unitA, sourceMonth: ago(2) },
        { unitId: unitB, sourceMonth: ago(1) },
      ]),
    );
    expect(row(ago(0)).byAgeBand["40-49"]).toEqual({ women: 0, men: 50, total: 50 });
  });

  it("writes two imports of one month at once one after the other: one file's figures, whole", async () => {
    const month = ago(6);
    const rowsOf = (count: number) =>
      (["20-29", "30-39", "50-59"] as const).map((ageBand, i) => ({
        row: i + 2,
        unit: unitA,
        unitId: unitA,
        month,
        sex: "F" as const,
        ageBand,
        count,
      }));
    const scope = { actor: null, grant: null, purpose: "test" };
    const reports = await Promise.all(
      [11, 22, 33].map((count) => importListedPopulation(database.db, scope, rowsOf(count))),
    );
    expect(reports.map((r) => r.months[0]!.outcome).sort()).toEqual(["CREATED", "REPLACED", "REPLACED"]);
    const counts = (await stored(unitA)).filter((r) => r.month === month).map((r) => r.count);
    expect(counts).toHaveLength(3);
    expect(new Set(counts).size).toBe(1);
  });
});

describe.each(testDatabaseKinds())("listed-population import failing halfway on %s", (kind) => {
  let database: Database;
  let unitId: string;
  let chief: TestClient;

  beforeAll(async () => {
    // As the owner: the failure is injected with a trigger, which only an owner may create.
    database = await openTestDatabase(kind, { as: "owner" });
    unitId = (await buildUnit(database.db)).id;
    const user = await buildUser(database.db, { roles: [["ENHETSCHEF", unitId]] });
    chief = await clientFor(createTestApp(database), user.id);
  });
  afterAll(() => database.close());

  const post = (client: TestClient, lines: string[]) =>
    client.request("POST", "/api/import/listning", {
      body: lines.join("\n"),
      headers: { "content-type": "text/csv" },
    });

  it("leaves the database unchanged when a write fails halfway (one transaction)", async () => {
    await database.db.execute(sql`
      CREATE FUNCTION refuse_lp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await database.db.execute(sql`
      CREATE TRIGGER refuse_lp BEFORE INSERT ON listed_population
      FOR EACH ROW WHEN (NEW.count = 4242) EXECUTE FUNCTION refuse_lp()`);
    const res = await post(chief, [
      header,
      ...csv(unitId, ago(1), [["K", "30-39", 1]]),
      ...csv(unitId, ago(0), [["K", "30-39", 4242]]),
    ]);
    expect(res.status).toBeGreaterThanOrEqual(500);
    // The first month was written before the failure: rolled back with it, and its audit event.
    expect(await database.db.select().from(listedPopulation)).toEqual([]);
    expect(
      await database.db.select().from(auditEvent).where(eq(auditEvent.entity, "listed_population")),
    ).toEqual([]);
    await database.db.execute(sql`DROP TRIGGER refuse_lp ON listed_population`);
  });
});
