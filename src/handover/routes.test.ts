import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, task } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUser } from "../../test/factories.ts";
import { buildReviewWorld, reviewWorldNow as now } from "../../test/review-world.ts";
import { runTaskJob } from "../tasks/job.ts";

interface Handover {
  id: string;
  state: string;
  lastDay: string;
  version: number;
  fromDoctor: { id: string };
  toDoctor: { id: string };
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
interface Review {
  receiving: { id: string; fromDoctor: { id: string } }[];
  rows: { patientId: string; handedOver: boolean }[];
}

describe.each(testDatabaseKinds())("överlämning on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let otherUnitId: string;
  let doctors: { a: string; b: string; c: string };
  let doctorA: TestClient;
  let doctorB: TestClient;
  let coordinator: TestClient;
  let chief: TestClient;
  let otherDoctorId: string;
  let patients: Awaited<ReturnType<typeof buildReviewWorld>>["patients"];

  const review = (client: TestClient, query = "") => client.json<Review>("GET", `/api/genomgang${query}`);
  const handoverPost = (client: TestClient, body: Record<string, unknown>) =>
    client.json<Handover & ErrorBody>("POST", "/api/overlamningar", { body });
  const ownList = async (client: TestClient) =>
    (await client.json<{ rows: { patientId: string }[] }>("GET", "/api/sjukfall?limit=1000")).body.rows
      .map((r) => r.patientId)
      .sort();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    const world = await buildReviewWorld(database.db);
    ({ unitId, otherUnitId, doctors, otherDoctorId, patients } = world);
    doctorA = await clientFor(testApp, doctors.a);
    doctorB = await clientFor(testApp, doctors.b);
    coordinator = await clientFor(testApp, world.staff.coordinator);
    chief = await clientFor(testApp, world.staff.chief);
  });
  afterAll(() => database.close());

  it("hands A's cases to B only during the period, refuses overlaps and chains, and keeps the history", async () => {
    expect(await ownList(doctorB)).toEqual([patients.dag]);
    const tomorrow = await handoverPost(chief, {
      fromDoctorId: doctors.a,
      toDoctorId: doctors.b,
      startDate: "2026-11-17",
      endDate: "2026-11-30",
      reason: "Föräldraledighet",
    });
    expect(tomorrow.status).toBe(201);
    expect(tomorrow.body.state).toBe("PLANNED");
    // Not yet in force: B sees only their own.
    expect(await ownList(doctorB)).toEqual([patients.dag]);
    expect((await review(doctorB)).body.rows.map((r) => r.patientId)).toEqual([patients.dag]);

    const withdrawn = await chief.json<Handover>("POST", `/api/overlamningar/${tomorrow.body.id}/avsluta`, {
      body: { version: tomorrow.body.version, lastDay: "2026-11-16" },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: "WITHDRAWN", lastDay: "2026-11-16", version: 2 });

    const active = await handoverPost(coordinator, {
      fromDoctorId: doctors.a,
      toDoctorId: doctors.b,
      startDate: "2026-11-16",
      endDate: "2026-11-30",
    });
    expect(active.status).toBe(201);
    expect(active.body.state).toBe("ACTIVE");

    // B now follows A's cases: in the unit list and in the review, marked as handed over.
    expect(await ownList(doctorB)).toEqual([patients.anna, patients.bo, patients.cara, patients.dag].sort());
    const bReview = await review(doctorB);
    expect(bReview.body.rows.map((r) => [r.patientId, r.handedOver])).toEqual([
      [patients.anna, true],
      [patients.dag, false],
    ]);
    expect(bReview.body.receiving.map((h) => h.fromDoctor.id)).toEqual([doctors.a]);
    // B's own ärenden now include the komplettering on A's certificate.
    const mine = await doctorB.json<{ arenden: { patientId: string }[] }>("GET", "/api/arenden?mine=true");
    expect(mine.body.arenden.map((a) => a.patientId)).toEqual([patients.bo]);
    // A keeps their own.
    expect(await ownList(doctorA)).toEqual([patients.anna, patients.bo, patients.cara].sort());

    // B receives A's new doctor tasks.
    await runTaskJob(database, { now, reference: testApp.deps.reference, unitIds: [unitId] });
    const [ending] = await database.db
      .select()
      .from(task)
      .where(and(eq(task.patientId, patients.anna), eq(task.kind, "CERTIFICATE_ENDING")));
    expect(ending?.responsibleUserId).toBe(doctors.b);

    const refused = async (body: Record<string, unknown>, path: string) => {
      const res = await handoverPost(chief, { startDate: "2026-11-20", endDate: "2026-12-05", ...body });
      expect(res.status).toBe(400);
      expect(res.body.error.issues?.map((i) => i.path)).toContain(path);
    };
    await refused({ fromDoctorId: doctors.a, toDoctorId: doctors.c }, "startDate");
    await refused({ fromDoctorId: doctors.c, toDoctorId: doctors.a }, "toDoctorId");
    await refused({ fromDoctorId: doctors.b, toDoctorId: doctors.c }, "fromDoctorId");
    await refused({ fromDoctorId: doctors.a, toDoctorId: doctors.a }, "toDoctorId");
    await refused({ fromDoctorId: otherDoctorId, toDoctorId: doctors.c }, "fromDoctorId");
    await refused({ fromDoctorId: doctors.c, toDoctorId: doctors.b, endDate: "2026-11-19" }, "endDate");

    const list = await coordinator.json<{ handovers: Handover[]; doctors: { id: string }[] }>(
      "GET",
      "/api/overlamningar",
    );
    expect(list.status).toBe(200);
    expect(list.body.handovers.map((h) => h.state).sort()).toEqual(["ACTIVE", "WITHDRAWN"]);
    expect(list.body.doctors.map((d) => d.id).sort()).toEqual(Object.values(doctors).sort());
    expect((await doctorA.request("GET", "/api/overlamningar")).status).toBe(403);
    expect(
      (
        await doctorA.request("POST", "/api/overlamningar", {
          body: {
            fromDoctorId: doctors.a,
            toDoctorId: doctors.c,
            startDate: "2026-12-01",
            endDate: "2026-12-02",
          },
        })
      ).status,
    ).toBe(403);

    const admin = await database.db
      .select({ action: auditEvent.action, patientId: auditEvent.patientId })
      .from(auditEvent)
      .where(and(eq(auditEvent.unitId, unitId), eq(auditEvent.entity, "handover")));
    expect(admin).toHaveLength(3);
    expect(admin.every((a) => a.action === "ADMIN" && a.patientId === null)).toBe(true);
  });

  it("ends a handover early: the receiver no longer sees the cases; stale or repeated ends are refused", async () => {
    const list = await chief.json<{ handovers: Handover[] }>("GET", "/api/overlamningar");
    const active = list.body.handovers.find((h) => h.state === "ACTIVE")!;
    const stale = await chief.json<ErrorBody>("POST", `/api/overlamningar/${active.id}/avsluta`, {
      body: { version: active.version + 1, lastDay: "2026-11-15" },
    });
    expect(stale.status).toBe(409);
    const tooEarly = await chief.json<ErrorBody>("POST", `/api/overlamningar/${active.id}/avsluta`, {
      body: { version: active.version, lastDay: "2026-11-14" },
    });
    expect(tooEarly.status).toBe(400);
    const ended = await chief.json<Handover>("POST", `/api/overlamningar/${active.id}/avsluta`, {
      body: { version: active.version, lastDay: "2026-11-15" },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.state).toBe("WITHDRAWN");
    expect(await ownList(doctorB)).toEqual([patients.dag]);
    expect(
      (await doctorB.json<{ arenden: unknown[] }>("GET", "/api/arenden?mine=true")).body.arenden,
    ).toEqual([]);
    const again = await chief.json<ErrorBody>("POST", `/api/overlamningar/${active.id}/avsluta`, {
      body: { version: ended.body.version, lastDay: "2026-11-15" },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe("Överlämningen är redan avslutad.");

    // Another unit's handover does not exist here.
    const otherChief = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["ENHETSCHEF", otherUnitId]] })).id,
    );
    expect(
      (
        await otherChief.request("POST", `/api/overlamningar/${active.id}/avsluta`, {
          body: { version: ended.body.version, lastDay: "2026-11-16" },
        })
      ).status,
    ).toBe(404);
  });
});
