import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, certificate, fkArende, reviewMark, task } from "../db/schema.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { runTaskJob } from "../tasks/job.ts";

const now = new Date("2026-11-16T09:00:00Z");

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

describe.each(testDatabaseKinds())("genomgång and överlämning on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let otherUnitId: string;
  const doctors = { a: "", b: "", c: "" };
  let doctorA: TestClient;
  let doctorB: TestClient;
  let coordinator: TestClient;
  let chief: TestClient;
  let secretary: TestClient;
  let otherDoctorId: string;
  const patients = { anna: "", bo: "", cara: "", dag: "", other: "" };

  async function signed(
    unit: string,
    patientId: string,
    doctorId: string,
    periods: [number, string, string][],
    status: "SIGNERAT" | "UTKAST" = "SIGNERAT",
  ) {
    const body = {
      diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
      perioder: periods.map(([grad, from, tom]) => ({ grad, from, tom })),
    };
    const [row] = await database.db
      .insert(certificate)
      .values({
        unitId: unit,
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

  const review = (client: TestClient, query = "") => client.json<Review>("GET", `/api/genomgang${query}`);
  const mark = (client: TestClient, body: Record<string, unknown>) =>
    client.json<{ mark: ReviewRow["mark"]; closedTask: { id: string; status: string } | null } & ErrorBody>(
      "POST",
      "/api/genomgang/markeringar",
      { body },
    );
  const handoverPost = (client: TestClient, body: Record<string, unknown>) =>
    client.json<Handover & ErrorBody>("POST", "/api/overlamningar", { body });
  const ownList = async (client: TestClient) =>
    (await client.json<{ rows: { patientId: string }[] }>("GET", "/api/sjukfall?limit=1000")).body.rows
      .map((r) => r.patientId)
      .sort();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    otherUnitId = (await buildUnit(database.db)).id;
    doctors.a = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    doctors.b = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    doctors.c = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    otherDoctorId = (await buildUser(database.db, { roles: [["LAKARE", otherUnitId]] })).id;
    doctorA = await clientFor(testApp, doctors.a);
    doctorB = await clientFor(testApp, doctors.b);
    coordinator = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id,
    );
    chief = await clientFor(testApp, (await buildUser(database.db, { roles: [["ENHETSCHEF", unitId]] })).id);
    secretary = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["SEKRETERARE", unitId]] })).id,
    );

    // Today is 2026-11-16. Anna (A): ends in 4 days. Bo (A): ends in 24 days.
    patients.anna = (await buildPatient(database.db, unitId, { givenName: "Anna" })).id;
    await signed(unitId, patients.anna, doctors.a, [[100, "2026-10-01", "2026-11-20"]]);
    patients.bo = (await buildPatient(database.db, unitId, { givenName: "Bo" })).id;
    const boCertificate = await signed(unitId, patients.bo, doctors.a, [[50, "2026-11-05", "2026-12-10"]]);
    await database.db.insert(fkArende).values({
      unitId,
      patientId: patients.bo,
      certificateId: boCertificate,
      type: "KOMPLT",
      receivedDate: "2026-11-12",
      questionFields: ["35"],
    });
    // Cara (A): ends in 9 days, but a renewal is being written.
    patients.cara = (await buildPatient(database.db, unitId, { givenName: "Cara" })).id;
    await signed(unitId, patients.cara, doctors.a, [[100, "2026-11-10", "2026-11-25"]]);
    await signed(unitId, patients.cara, doctors.a, [[50, "2026-11-26", "2026-12-20"]], "UTKAST");
    // Dag (B): ends in 6 days.
    patients.dag = (await buildPatient(database.db, unitId, { givenName: "Dag" })).id;
    await signed(unitId, patients.dag, doctors.b, [[100, "2026-11-01", "2026-11-22"]]);
    // Another unit's patient and doctor.
    patients.other = (await buildPatient(database.db, otherUnitId)).id;
    await signed(otherUnitId, patients.other, otherDoctorId, [[100, "2026-11-01", "2026-11-20"]]);
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
    // Dag is B's: not in A's review (the handover is over).
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
