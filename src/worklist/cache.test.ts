import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { appUser, certificate, fkArende, patient, unit } from "../db/schema.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { cachedUnitList, cachedUnitListCount, clearUnitListCache, maxEntries } from "./cache.ts";
import { unitDataVersion } from "../db/data-version.ts";
import type { UnitListRow } from "./rules.ts";

const now = new Date("2026-11-16T09:00:00Z");

interface ListAnswer {
  rows: UnitListRow[];
}

function content(periods: [number, string, string][], diagnosis: string) {
  return {
    sysselsattning: ["NUVARANDE_ARBETE"],
    diagnoser: [{ kod: diagnosis, text: "Diagnos" }],
    perioder: periods.map(([grad, from, tom]) => ({ grad, from, tom })),
  };
}

describe.each(testDatabaseKinds())("unit list cache on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let otherUnitId: string;
  let doctorA: string;
  let doctorB: string;
  let coordinator: TestClient;
  let doctorClient: TestClient;
  let anna: string;
  let bo: string;

  async function signed(
    patientId: string,
    doctorId: string,
    periods: [number, string, string][],
    options: { unit?: string; status?: "SIGNERAT" | "UTKAST"; diagnosis?: string } = {},
  ) {
    const body = content(periods, options.diagnosis ?? "M54.5");
    const status = options.status ?? "SIGNERAT";
    const [row] = await database.db
      .insert(certificate)
      .values({
        unitId: options.unit ?? unitId,
        patientId,
        doctorId,
        status,
        signedAt: status === "SIGNERAT" ? `${periods[0]![1]}T10:00:00Z` : null,
        content: body,
        ...derivedColumns(body),
      })
      .returning();
    return row!.id;
  }

  const list = async (client: TestClient = coordinator) => {
    const { status, body } = await client.json<ListAnswer>("GET", "/api/sjukfall");
    expect(status).toBe(200);
    return body.rows;
  };
  const rowOf = (rows: UnitListRow[], patientId: string) => rows.find((r) => r.patientId === patientId);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    otherUnitId = (await buildUnit(database.db)).id;
    doctorA = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    doctorB = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    coordinator = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id,
    );
    doctorClient = await clientFor(testApp, doctorA);
    anna = (
      await buildPatient(database.db, unitId, { pnr: "19821128-9288", givenName: "Anna", familyName: "Ek" })
    ).id;
    await signed(anna, doctorA, [[100, "2026-11-01", "2026-11-30"]], { diagnosis: "F43.2" });
    bo = (
      await buildPatient(database.db, unitId, { pnr: "19900312-2398", givenName: "Bo", familyName: "Al" })
    ).id;
    await signed(bo, doctorB, [[50, "2026-11-10", "2026-11-25"]]);
  });
  afterAll(() => database.close());
  beforeEach(() => clearUnitListCache(database));

  it("gives every unit a version when it is created, and moves it only for that unit's changes", async () => {
    const fresh = (await buildUnit(database.db)).id;
    expect(await unitDataVersion(database.db, fresh)).not.toBeNull();
    const before = await unitDataVersion(database.db, unitId);
    const otherBefore = await unitDataVersion(database.db, otherUnitId);
    const elsewhere = (await buildPatient(database.db, otherUnitId, { pnr: "19930117-2392" })).id;
    await signed(elsewhere, doctorA, [[100, "2026-11-01", "2026-11-30"]], { unit: otherUnitId });
    expect(await unitDataVersion(database.db, unitId)).toBe(before);
    expect(await unitDataVersion(database.db, otherUnitId)).not.toBe(otherBefore);
    // A draft is not read by the list: writing one does not move the version.
    await signed(anna, doctorA, [[100, "2026-12-01", "2026-12-31"]], { status: "UTKAST" });
    expect(await unitDataVersion(database.db, unitId)).toBe(before);
  });

  it("computes a unit's list once per version, per key and per reference data", async () => {
    let computed = 0;
    const compute = async () => [++computed];
    const reference = {};
    const scope = { unitId, key: "a", reference };
    expect(await cachedUnitList(database.db, database, scope, compute)).toEqual([1]);
    expect(await cachedUnitList(database.db, database, scope, compute)).toEqual([1]);
    // A change of the unit's data: computed again, then kept.
    await database.db.update(patient).set({ givenName: "Anna-Lena" }).where(eq(patient.id, anna));
    expect(await cachedUnitList(database.db, database, scope, compute)).toEqual([2]);
    expect(await cachedUnitList(database.db, database, scope, compute)).toEqual([2]);
    expect(await cachedUnitList(database.db, database, { ...scope, key: "b" }, compute)).toEqual([3]);
    // Another unit never gets this unit's list.
    expect(await cachedUnitList(database.db, database, { ...scope, unitId: otherUnitId }, compute)).toEqual([
      4,
    ]);
    expect(await cachedUnitList(database.db, database, { ...scope, reference: {} }, compute)).toEqual([5]);
    await database.db.update(patient).set({ givenName: "Anna" }).where(eq(patient.id, anna));
  });

  it("never caches a unit without a version", async () => {
    let computed = 0;
    const scope = { unitId: "no-such-unit", key: "a", reference: {} };
    await cachedUnitList(database.db, database, scope, async () => [++computed]);
    await cachedUnitList(database.db, database, scope, async () => [++computed]);
    expect(computed).toBe(2);
    expect(cachedUnitListCount(database)).toBe(0);
  });

  it("keeps at most maxEntries lists, dropping the least recently used", async () => {
    let computed = 0;
    const reference = {};
    const compute = async () => [++computed];
    for (let i = 0; i < maxEntries + 5; i++) {
      await cachedUnitList(database.db, database, { unitId, key: `k${i}`, reference }, compute);
    }
    expect(cachedUnitListCount(database)).toBe(maxEntries);
    // The newest is kept, the oldest is computed again.
    await cachedUnitList(database.db, database, { unitId, key: `k${maxEntries + 4}`, reference }, compute);
    expect(computed).toBe(maxEntries + 5);
    await cachedUnitList(database.db, database, { unitId, key: "k0", reference }, compute);
    expect(computed).toBe(maxEntries + 6);
  });

  it("never serves a list computed in a transaction that rolled back", async () => {
    let computed = 0;
    const reference = {};
    const scope = { unitId, key: "rollback", reference };
    await cachedUnitList(database.db, database, scope, async () => [`committed ${++computed}`]);
    let inside: readonly string[] = [];
    await database.db
      .transaction(async (tx) => {
        await tx.update(patient).set({ givenName: "Rullad" }).where(eq(patient.id, anna));
        inside = await cachedUnitList(tx, database, scope, async () => [`uncommitted ${++computed}`]);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    // Inside, the transaction's own change moved the version: the list was computed anew.
    expect(inside).toEqual(["uncommitted 2"]);
    // The next committed change gets a new version, never the rolled-back transaction's (the
    // sequence does not reuse it): the rolled-back list is not served.
    await database.db.update(patient).set({ familyName: "Ek" }).where(eq(patient.id, anna));
    const later = await cachedUnitList(database.db, database, scope, async () => [`committed ${++computed}`]);
    expect(later).toEqual([`committed ${computed}`]);
    expect(later).not.toEqual(["uncommitted 2"]);
  });

  it("shows a changed certificate in the next list", async () => {
    expect(rowOf(await list(), bo)).toMatchObject({ end: "2026-11-25", currentGrade: 50 });
    await signed(bo, doctorB, [[100, "2026-11-26", "2026-12-20"]]);
    expect(rowOf(await list(), bo)).toMatchObject({ end: "2026-12-20", certificateCount: 2 });
    // Revoking the last one takes the days back.
    await database.db
      .update(certificate)
      .set({ status: "MAKULERAT" })
      .where(sql`${certificate.patientId} = ${bo} AND ${certificate.endDate} = '2026-12-20'`);
    expect(rowOf(await list(), bo)).toMatchObject({ end: "2026-11-25" });
  });

  it("shows a changed patient name in the next list", async () => {
    expect(rowOf(await list(), anna)?.name).toContain("Anna");
    await database.db.update(patient).set({ givenName: "Annika" }).where(eq(patient.id, anna));
    expect(rowOf(await list(), anna)?.name).toContain("Annika");
    await database.db.update(patient).set({ givenName: "Anna" }).where(eq(patient.id, anna));
    expect(rowOf(await list(), anna)?.name).toContain("Anna");
  });

  it("shows a new or closed ärende in the next list", async () => {
    expect(rowOf(await list(), anna)?.openArenden).toBe(0);
    const [annaCert] = await database.db
      .select({ id: certificate.id })
      .from(certificate)
      .where(sql`${certificate.patientId} = ${anna} AND ${certificate.status} = 'SIGNERAT'`);
    const [arende] = await database.db
      .insert(fkArende)
      .values({
        unitId,
        patientId: anna,
        certificateId: annaCert!.id,
        type: "KOMPLT",
        receivedDate: "2026-11-12",
        questionFields: ["35"],
      })
      .returning();
    expect(rowOf(await list(), anna)?.openArenden).toBe(1);
    await database.db.update(fkArende).set({ status: "CLOSED" }).where(eq(fkArende.id, arende!.id));
    expect(rowOf(await list(), anna)?.openArenden).toBe(0);
  });

  it("shows a renamed doctor and changed unit settings in the next list", async () => {
    const before = rowOf(await list(), anna)!;
    await database.db.update(appUser).set({ displayName: "Doktor Omdöpt" }).where(eq(appUser.id, doctorA));
    expect(rowOf(await list(), anna)?.doctorName).toBe("Doktor Omdöpt");
    expect(before.doctorName).not.toBe("Doktor Omdöpt");
    // A case that ended three days ago is listed only with days after end.
    const ended = (await buildPatient(database.db, unitId, { pnr: "19910530-2385" })).id;
    await signed(ended, doctorA, [[100, "2026-11-01", "2026-11-13"]]);
    expect(rowOf(await list(), ended)).toBeUndefined();
    await database.db
      .update(unit)
      .set({ settings: { sjukfall: { afterEnd: 5 } } })
      .where(eq(unit.id, unitId));
    expect(rowOf(await list(), ended)).toMatchObject({ status: "ENDED" });
    await database.db.update(unit).set({ settings: {} }).where(eq(unit.id, unitId));
    expect(rowOf(await list(), ended)).toBeUndefined();
  });

  it("narrows the cached unit-wide list to a doctor's own cases after the cache", async () => {
    const all = await list(coordinator);
    expect(all.map((r) => r.patientId)).toEqual(expect.arrayContaining([anna, bo]));
    expect(cachedUnitListCount(database)).toBe(1);
    const own = await list(doctorClient);
    expect(own.map((r) => r.patientId)).toContain(anna);
    expect(own.map((r) => r.patientId)).not.toContain(bo);
    expect(own.every((r) => r.doctorId === doctorA)).toBe(true);
    // And the coordinator still sees the whole unit afterwards.
    expect((await list(coordinator)).map((r) => r.patientId)).toContain(bo);
  });
});
