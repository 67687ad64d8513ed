/**
 * Precomputed statistics stay exact: kept figures equal a fresh computation, and every kind of
 * change the figures read (a certificate, an ärende, an aktualisering decision, the listed
 * population, the unit's gap) makes the next answer a new computation of that unit only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import {
  aktualiseringDecision,
  certificate,
  fkArende,
  listedPopulation,
  rehabPlan,
  statisticsSnapshot,
  teamAgendaItem,
  teamMeeting,
  unit,
} from "../db/schema.ts";
import { emptyContent } from "../rehabplan/rules.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { loadReference } from "../reference/index.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { precomputeStatistics } from "./precompute-job.ts";
import { unitStatistics, type StatisticsRequest } from "./service.ts";
import { precomputedUnitStatistics } from "./snapshot.ts";

// The figures are checked against a fresh computation, so any day does; one fixed day keeps them readable.
const now = new Date("2026-11-16T09:00:00Z");
const reference = await loadReference();
const request: StatisticsRequest = { today: "2026-11-16", by: "month", suppress: 0, icd10: reference.icd10 };

describe.each(testDatabaseKinds())("precomputed statistics on %s", (kind) => {
  let database: Database;
  let unitId: string;
  let otherId: string;
  let doctorId: string;
  let userId: string;

  async function sign(onUnit: string, grade: number, from: string, tom: string, patientId?: string) {
    const patient = patientId ? { id: patientId } : await buildPatient(database.db, onUnit);
    const body = {
      sysselsattning: ["NUVARANDE_ARBETE"],
      diagnoser: [{ kod: "F43.2", text: "Anpassningsstörning" }],
      perioder: [{ grad: grade, from, tom }],
    };
    const [row] = await database.db
      .insert(certificate)
      .values({
        unitId: onUnit,
        patientId: patient.id,
        doctorId,
        status: "SIGNERAT",
        signedAt: `${from}T10:00:00Z`,
        content: body,
        ...derivedColumns(body),
      })
      .returning();
    return { patientId: patient.id, certificateId: row!.id };
  }

  const fresh = () => database.db.transaction((tx) => unitStatistics(tx, unitId, request));
  const answered = () => database.db.transaction((tx) => precomputedUnitStatistics(tx, unitId, request));
  const kept = async () =>
    (await database.db.select().from(statisticsSnapshot).where(eq(statisticsSnapshot.unitId, unitId))).length;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    unitId = (await buildUnit(database.db)).id;
    otherId = (await buildUnit(database.db)).id;
    doctorId = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    userId = (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id;
    await sign(unitId, 100, "2026-09-01", "2026-12-20");
    await sign(unitId, 50, "2026-11-10", "2026-11-30");
    // Two certificates 19 days apart: two cases with the default gap, one with a gap of 30 days.
    const { patientId } = await sign(unitId, 100, "2026-08-01", "2026-08-31");
    await sign(unitId, 100, "2026-09-20", "2026-11-30", patientId);
    await sign(otherId, 100, "2026-11-01", "2026-11-30");
  });
  afterAll(() => database.close());

  it("keeps the figures and answers the kept ones, equal to a fresh computation", async () => {
    const first = await answered();
    expect(await kept()).toBe(1);
    expect(first).toEqual(await fresh());
    // The second answer is the kept row: mark it and see the mark come back.
    await database.db
      .update(statisticsSnapshot)
      .set({ figures: sql`jsonb_set(figures, '{range,from}', '"marked"')` })
      .where(eq(statisticsSnapshot.unitId, unitId));
    expect((await answered()).range.from).toBe("marked");
  });

  it("computes the unit again after each change its figures read", async () => {
    const changes: [string, () => Promise<unknown>][] = [
      ["a certificate", () => sign(unitId, 25, "2026-11-12", "2026-12-12")],
      [
        "an ärende",
        async () => {
          const [cert] = await database.db
            .select({ id: certificate.id, patientId: certificate.patientId })
            .from(certificate)
            .where(eq(certificate.unitId, unitId))
            .limit(1);
          await database.db.insert(fkArende).values({
            unitId,
            patientId: cert!.patientId,
            certificateId: cert!.id,
            type: "KOMPLT",
            receivedDate: "2026-11-14",
            questionFields: ["35"],
          });
        },
      ],
      [
        "an aktualisering decision",
        async () => {
          const [cert] = await database.db
            .select({ id: certificate.id, patientId: certificate.patientId })
            .from(certificate)
            .where(eq(certificate.unitId, unitId))
            .limit(1);
          await database.db.insert(aktualiseringDecision).values({
            unitId,
            patientId: cert!.patientId,
            caseStart: "2026-09-01",
            caseCertificateId: cert!.id,
            decision: "AKTUALISERA_TEAM",
            decidedBy: userId,
            decidedDate: "2026-11-15",
          });
        },
      ],
      [
        "a held team meeting with the case on its agenda",
        async () => {
          const [cert] = await database.db
            .select({ patientId: certificate.patientId })
            .from(certificate)
            .where(eq(certificate.unitId, unitId))
            .limit(1);
          const [meeting] = await database.db
            .insert(teamMeeting)
            .values({ unitId, meetingDate: "2026-11-13", startTime: "13:00", createdBy: userId })
            .returning();
          await database.db.insert(teamAgendaItem).values({
            unitId,
            meetingId: meeting!.id,
            patientId: cert!.patientId,
            caseStart: "2026-09-01",
            position: 1,
            source: "MANUELL",
            addedBy: userId,
          });
          // Not yet held: only closing the meeting counts (and moves the version again).
          await database.db
            .update(teamMeeting)
            .set({ status: "AVSLUTAT", closedBy: userId, closedAt: "2026-11-13T15:00:00Z" })
            .where(eq(teamMeeting.id, meeting!.id));
        },
      ],
      [
        "a fastställd rehab plan",
        async () => {
          const [cert] = await database.db
            .select({ patientId: certificate.patientId })
            .from(certificate)
            .where(eq(certificate.unitId, unitId))
            .limit(1);
          await database.db.insert(rehabPlan).values({
            unitId,
            patientId: cert!.patientId,
            caseStart: "2026-09-01",
            status: "FASTSTALLD",
            content: emptyContent(),
            createdBy: userId,
            savedBy: userId,
          });
        },
      ],
      [
        "the listed population",
        () =>
          database.db.insert(listedPopulation).values([
            { unitId, month: "2026-11", sex: "F", ageBand: "40-49", count: 900 },
            { unitId, month: "2026-11", sex: "M", ageBand: "40-49", count: 800 },
          ]),
      ],
      [
        "the unit's gap",
        () =>
          database.db
            .update(unit)
            .set({ settings: { sjukfall: { gap: 30 } } })
            .where(eq(unit.id, unitId)),
      ],
    ];
    for (const [what, change] of changes) {
      const before = await answered();
      await change();
      const after = await answered();
      expect(after, what).toEqual(await fresh());
      expect(after, what).not.toEqual(before);
    }
  });

  it("recomputes only the units whose data moved", async () => {
    const options = { now, reference };
    await precomputeStatistics(database, options);
    expect(await precomputeStatistics(database, options)).toBe(0);
    await sign(otherId, 100, "2026-11-13", "2026-11-27");
    // Two requests per unit (the unit's staff, the region's analyst), of the one unit that changed.
    expect(await precomputeStatistics(database, options)).toBe(2);
    expect(await precomputeStatistics(database, options)).toBe(0);
  });
});
