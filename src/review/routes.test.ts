import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, reviewMark, task } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildReviewWorld, reviewWorldNow as now } from "../../test/review-world.ts";
import { runTaskJob } from "../tasks/job.ts";

interface ReviewRow {
  patientId: string;
  end: string;
  handedOver: boolean;
  taskId: string | null;
  reviewed: boolean;
  mark: {
    id: string;
    mark: string;
    note: string;
    visitDate: string | null;
    supersedesId: string | null;
  } | null;
}
interface Review {
  today: string;
  days: number;
  until: string;
  scope: string;
  doctor: { id: string; name: string } | null;
  doctors: { id: string; name: string }[];
  receiving: { id: string; fromDoctor: { id: string } }[];
  renewalsInProgress: number;
  counts: { total: number; reviewed: number };
  rows: ReviewRow[];
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe.each(testDatabaseKinds())("genomgång on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let doctors: { a: string; b: string; c: string };
  let doctorA: TestClient;
  let coordinator: TestClient;
  let chief: TestClient;
  let secretary: TestClient;
  let otherDoctorId: string;
  let patients: Awaited<ReturnType<typeof buildReviewWorld>>["patients"];

  const review = (client: TestClient, query = "") => client.json<Review>("GET", `/api/genomgang${query}`);
  const mark = (client: TestClient, body: Record<string, unknown>) =>
    client.json<{ mark: ReviewRow["mark"]; closedTask: { id: string; status: string } | null } & ErrorBody>(
      "POST",
      "/api/genomgang/markeringar",
      { body },
    );

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    const world = await buildReviewWorld(database.db);
    ({ unitId, doctors, otherDoctorId, patients } = world);
    doctorA = await clientFor(testApp, doctors.a);
    coordinator = await clientFor(testApp, world.staff.coordinator);
    chief = await clientFor(testApp, world.staff.chief);
    secretary = await clientFor(testApp, world.staff.secretary);
    // The "Intyget löper snart ut" tasks that marks close.
    await runTaskJob(database, { now, reference: testApp.deps.reference, unitIds: [unitId] });
  });
  afterAll(() => database.close());

  it("lists the doctor's own cases ending within N days, without those being renewed, one audit each", async () => {
    const { status, body } = await review(doctorA);
    expect(status).toBe(200);
    expect(body).toMatchObject({ today: "2026-11-16", days: 14, until: "2026-11-30", scope: "OWN" });
    expect(body.doctor?.id).toBe(doctors.a);
    expect(body.doctors.map((d) => d.id)).toEqual([doctors.a]);
    expect(body.rows.map((r) => r.patientId)).toEqual([patients.anna]);
    expect(body.renewalsInProgress).toBe(1);
    expect(body.counts).toEqual({ total: 1, reviewed: 0 });

    const wider = await review(doctorA, "?days=30");
    expect(wider.body.rows.map((r) => r.patientId)).toEqual([patients.anna, patients.bo]);
    expect((await review(doctorA, "?days=4")).body.rows.map((r) => r.patientId)).toEqual([patients.anna]);
    expect((await review(doctorA, "?days=3")).body.rows).toEqual([]);

    const audits = await database.db
      .select({ patientId: auditEvent.patientId, action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.unitId, unitId), eq(auditEvent.entity, "review")));
    expect(audits.filter((a) => a.patientId === patients.bo)).toHaveLength(1);
    expect(audits.every((a) => a.action === "READ_LIST")).toBe(true);
    expect(audits.some((a) => a.patientId === patients.cara)).toBe(false);
  });

  it("checks N, and who may review whom", async () => {
    for (const days of ["0", "61", "x"]) {
      const res = await doctorA.json<ErrorBody>("GET", `/api/genomgang?days=${days}`);
      expect(res.status).toBe(400);
      expect(res.body.error.issues?.[0]?.path).toBe("days");
    }
    expect((await review(doctorA, `?doctorId=${doctors.b}`)).status).toBe(403);
    expect((await review(secretary)).status).toBe(403);
    expect((await review(chief)).status).toBe(403);

    const byCoordinator = await review(coordinator, `?doctorId=${doctors.b}`);
    expect(byCoordinator.status).toBe(200);
    expect(byCoordinator.body.scope).toBe("UNIT");
    expect(byCoordinator.body.doctors.map((d) => d.id).sort()).toEqual(Object.values(doctors).sort());
    expect(byCoordinator.body.rows.map((r) => r.patientId)).toEqual([patients.dag]);
    // A doctor of another unit does not exist here.
    expect((await review(coordinator, `?doctorId=${otherDoctorId}`)).status).toBe(404);
  });

  it("marks a case, closing its ending task; a new mark supersedes; bad input writes nothing", async () => {
    const before = await review(doctorA);
    const anna = before.body.rows.find((r) => r.patientId === patients.anna)!;
    expect(anna.taskId).not.toBeNull();
    expect(anna.mark).toBeNull();

    const missingReason = await mark(doctorA, {
      patientId: patients.anna,
      caseEnd: anna.end,
      mark: "FORLANGNING_EJ_AKTUELL",
      note: " ",
    });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error.issues?.[0]).toEqual({
      path: "note",
      message: "Ange varför förlängning inte är aktuell.",
    });
    const stale = await mark(doctorA, {
      patientId: patients.anna,
      caseEnd: "2026-11-19",
      mark: "ATERBESOK_BOKAT",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("CASE_CHANGED");
    expect(await database.db.select().from(reviewMark).where(eq(reviewMark.unitId, unitId))).toEqual([]);

    const booked = await mark(doctorA, {
      patientId: patients.anna,
      caseEnd: anna.end,
      mark: "ATERBESOK_BOKAT",
      visitDate: "2026-11-19",
    });
    expect(booked.status).toBe(201);
    expect(booked.body.closedTask).toEqual({ id: anna.taskId, status: "DONE" });
    const [closed] = await database.db.select().from(task).where(eq(task.id, anna.taskId!));
    expect(closed).toMatchObject({ status: "DONE", note: "Återbesök bokat 2026-11-19 (genomgång)" });

    const after = await review(doctorA);
    expect(after.body.counts).toEqual({ total: 1, reviewed: 1 });
    expect(after.body.rows[0]).toMatchObject({
      reviewed: true,
      taskId: null,
      mark: { mark: "ATERBESOK_BOKAT" },
    });

    // The coordinator, reviewing A, changes the decision: the new mark supersedes the first.
    const notNeeded = await mark(coordinator, {
      doctorId: doctors.a,
      patientId: patients.anna,
      caseEnd: anna.end,
      mark: "FORLANGNING_EJ_AKTUELL",
      note: "Friskskriven efter samtal",
    });
    expect(notNeeded.status).toBe(201);
    expect(notNeeded.body.closedTask).toBeNull();
    expect(notNeeded.body.mark?.supersedesId).toBe(booked.body.mark?.id);
    const current = (await review(coordinator, `?doctorId=${doctors.a}`)).body.rows[0]!;
    expect(current.mark).toMatchObject({ id: notNeeded.body.mark?.id, note: "Friskskriven efter samtal" });
    const stored = await database.db
      .select()
      .from(reviewMark)
      .where(and(eq(reviewMark.unitId, unitId), eq(reviewMark.patientId, patients.anna)));
    expect(stored).toHaveLength(2);

    const audits = await database.db
      .select({ entity: auditEvent.entity, action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patients.anna), eq(auditEvent.action, "CREATE")));
    expect(audits.filter((a) => a.entity === "review-mark")).toHaveLength(2);
  });

  it("closes the ending task as not relevant with the reason", async () => {
    const dag = (await review(coordinator, `?doctorId=${doctors.b}`)).body.rows.find(
      (r) => r.patientId === patients.dag,
    )!;
    expect(dag.taskId).not.toBeNull();
    const res = await mark(coordinator, {
      doctorId: doctors.b,
      patientId: patients.dag,
      caseEnd: dag.end,
      mark: "FORLANGNING_EJ_AKTUELL",
      note: "Åter i arbete",
    });
    expect(res.status).toBe(201);
    expect(res.body.closedTask?.status).toBe("NOT_RELEVANT");
    const [closed] = await database.db.select().from(task).where(eq(task.id, dag.taskId!));
    expect(closed).toMatchObject({
      status: "NOT_RELEVANT",
      reason: "Förlängning ej aktuell (genomgång): Åter i arbete",
    });
    const taskAudit = await database.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.entity, "task"),
          eq(auditEvent.entityId, dag.taskId!),
          eq(auditEvent.action, "UPDATE"),
        ),
      );
    expect(taskAudit).toHaveLength(1);
  });

  it("refuses marks outside the reviewer's cases: 404 for other doctors' and other units' patients, 403 without capability", async () => {
    // Dag is B's: not in A's review.
    expect(
      (await mark(doctorA, { patientId: patients.dag, caseEnd: "2026-11-22", mark: "ATERBESOK_BOKAT" }))
        .status,
    ).toBe(404);
    expect(
      (await mark(doctorA, { patientId: patients.other, caseEnd: "2026-11-20", mark: "ATERBESOK_BOKAT" }))
        .status,
    ).toBe(404);
    expect(
      (
        await mark(doctorA, {
          doctorId: doctors.b,
          patientId: patients.dag,
          caseEnd: "2026-11-22",
          mark: "ATERBESOK_BOKAT",
        })
      ).status,
    ).toBe(403);
    expect(
      (await mark(secretary, { patientId: patients.anna, caseEnd: "2026-11-20", mark: "ATERBESOK_BOKAT" }))
        .status,
    ).toBe(403);
  });
});
