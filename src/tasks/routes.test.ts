import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, certificate, fkArende, handover, task, taskEvent } from "../db/schema.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { runTaskJob } from "./job.ts";
import { insertMissing } from "./store.ts";

const now = new Date("2026-11-16T09:00:00Z");

interface TaskView {
  id: string;
  patientId: string;
  patientName: string;
  kind: string;
  dueDate: string;
  effectiveDue: string;
  overdue: boolean;
  responsibleUserId: string | null;
  status: string;
  reason: string | null;
  postponedTo: string | null;
  version: number;
  history?: { event: string; note: string | null; date: string | null }[];
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[]; current?: TaskView };
}

describe.each(testDatabaseKinds())("tasks on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let doctorA: string;
  let doctorB: string;
  let doctorClient: TestClient;
  let otherDoctor: TestClient;
  let coordinator: TestClient;
  let secretary: TestClient;
  const patients = { anna: "", bo: "", cara: "" };

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

  const job = (unitIds: string[]) =>
    runTaskJob(database, { now, reference: testApp.deps.reference, unitIds });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    doctorA = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    doctorB = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    doctorClient = await clientFor(testApp, doctorA);
    otherDoctor = await clientFor(testApp, doctorB);
    coordinator = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id,
    );
    secretary = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["SEKRETERARE", unitId]] })).id,
    );

    // Anna: day 47, ends 11-20 (within 7 days, nothing being written).
    patients.anna = (await buildPatient(database.db, unitId, { givenName: "Anna" })).id;
    await signed(unitId, patients.anna, doctorA, [[100, "2026-10-01", "2026-11-20"]]);
    // Bo: day 12 of a 57-day certificate; a renewal draft exists.
    patients.bo = (await buildPatient(database.db, unitId, { givenName: "Bo" })).id;
    await signed(unitId, patients.bo, doctorB, [[50, "2026-11-05", "2026-12-31"]]);
    await signed(unitId, patients.bo, doctorB, [[50, "2027-01-01", "2027-01-31"]], "UTKAST");
    // Cara: a komplettering received 27 days ago without an answer date.
    patients.cara = (await buildPatient(database.db, unitId, { givenName: "Cara" })).id;
    const caraCert = await signed(unitId, patients.cara, doctorA, [[100, "2026-11-10", "2026-11-30"]]);
    await database.db.insert(fkArende).values({
      unitId,
      patientId: patients.cara,
      certificateId: caraCert,
      type: "KOMPLT",
      receivedDate: "2026-10-20",
      questionFields: ["35"],
    });
  });
  afterAll(() => database.close());

  const expected = () =>
    [
      `${patients.anna}:CHECKPOINT_DAY_30:2026-10-30:-`,
      `${patients.anna}:AKTUALISERA:2026-10-31:-`,
      `${patients.anna}:CERTIFICATE_ENDING:2026-11-20:${doctorA}`,
      `${patients.bo}:CHECKPOINT_DAY_8:2026-11-12:${doctorB}`,
      `${patients.bo}:AKTUALISERA:2026-12-05:-`,
      `${patients.cara}:KOMPLETTERING_OVERDUE:2026-11-03:${doctorA}`,
    ].sort();

  async function tasksOf(unit: string) {
    const rows = await database.db.select().from(task).where(eq(task.unitId, unit));
    return rows.map((t) => `${t.patientId}:${t.kind}:${t.dueDate}:${t.responsibleUserId ?? "-"}`).sort();
  }

  it("creates the tasks the unit list calls for, once, with a system audit event each", async () => {
    const first = await job([unitId]);
    expect(first).toMatchObject({ today: "2026-11-16", units: 1, skipped: 0, created: 6 });
    expect(await tasksOf(unitId)).toEqual(expected());
    const audits = await database.db
      .select({ userId: auditEvent.userId, patientId: auditEvent.patientId, action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.unitId, unitId), eq(auditEvent.entity, "task")));
    expect(audits).toHaveLength(6);
    expect(audits.every((a) => a.userId === null && a.action === "CREATE")).toBe(true);
    const events = await database.db.select().from(taskEvent).where(eq(taskEvent.unitId, unitId));
    expect(events.map((e) => e.event)).toEqual(Array(6).fill("CREATED"));

    const again = await job([unitId]);
    expect(again.created).toBe(0);
    expect(await tasksOf(unitId)).toEqual(expected());
  });

  it("is safe when two runs race on the same units", async () => {
    const units = [(await buildUnit(database.db)).id, (await buildUnit(database.db)).id];
    for (const u of units) {
      const doctor = (await buildUser(database.db, { roles: [["LAKARE", u]] })).id;
      for (let i = 0; i < 5; i++) {
        const p = (await buildPatient(database.db, u)).id;
        await signed(u, p, doctor, [[100, "2026-10-01", "2026-12-31"]]);
      }
    }
    const runs = await Promise.all([job(units), job(units), job(units)]);
    // Per case: day 30 checkpoint and aktualisering; 5 cases per unit.
    expect(runs.reduce((sum, r) => sum + r.created, 0)).toBe(20);
    for (const u of units) expect(await tasksOf(u)).toHaveLength(10);
    const audits = await database.db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvent)
      .where(and(inArray(auditEvent.unitId, units), eq(auditEvent.entity, "task")));
    expect(Number(audits[0]!.n)).toBe(20);
  });

  const listOf = (client: TestClient, query: string) =>
    client.json<{ today: string; tasks: TaskView[] }>("GET", `/api/tasks${query}`);

  it("lists one patient's tasks for the patient page, to anyone reading the patient, with one audit read", async () => {
    const before = await database.db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patients.anna), eq(auditEvent.entity, "tasks")));
    const res = await secretary.json<{ tasks: TaskView[] }>("GET", `/api/patients/${patients.anna}/tasks`);
    expect(res.status).toBe(200);
    expect(res.body.tasks.map((t) => t.kind).sort()).toEqual([
      "AKTUALISERA",
      "CERTIFICATE_ENDING",
      "CHECKPOINT_DAY_30",
    ]);
    const after = await database.db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patients.anna), eq(auditEvent.entity, "tasks")));
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
    const elsewhere = await buildUnit(database.db);
    const stranger = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["LAKARE", elsewhere.id]] })).id,
    );
    expect((await stranger.request("GET", `/api/patients/${patients.anna}/tasks`)).status).toBe(404);
    expect((await secretary.request("GET", `/api/patients/${patients.anna}/tasks?status=NOPE`)).status).toBe(
      400,
    );
  });

  it("lists my tasks, the coordinator queue and the unit's tasks by who may see them", async () => {
    const mine = await listOf(doctorClient, "?scope=mine");
    expect(mine.status).toBe(200);
    expect(mine.body.tasks.map((t) => t.kind)).toEqual(["KOMPLETTERING_OVERDUE", "CERTIFICATE_ENDING"]);
    expect(mine.body.tasks.map((t) => t.overdue)).toEqual([true, false]);
    expect(mine.body.tasks[0]!.patientName).toContain("Test");

    const queue = await listOf(coordinator, "?scope=queue");
    expect(queue.body.tasks.map((t) => t.kind).sort()).toEqual([
      "AKTUALISERA",
      "AKTUALISERA",
      "CHECKPOINT_DAY_30",
    ]);
    expect(queue.body.tasks.every((t) => t.responsibleUserId === null)).toBe(true);
    expect((await listOf(coordinator, "?scope=unit")).body.tasks).toHaveLength(6);

    expect((await listOf(doctorClient, "?scope=unit")).status).toBe(403);
    expect((await listOf(doctorClient, "?scope=queue")).status).toBe(403);
    expect((await listOf(secretary, "?scope=mine")).status).toBe(403);
    expect((await listOf(coordinator, "?scope=everyone")).status).toBe(400);
  });

  it("logs one read per patient in the list", async () => {
    const [row] = await database.db
      .select({ n: sql<number>`coalesce(max(${auditEvent.seq}), 0)` })
      .from(auditEvent);
    await listOf(coordinator, "?scope=queue");
    const events = await database.db
      .select({ patientId: auditEvent.patientId, action: auditEvent.action })
      .from(auditEvent)
      .where(gt(auditEvent.seq, Number(row!.n)));
    expect(events.map((e) => e.action)).toEqual(["READ_LIST", "READ_LIST"]);
    expect(events.map((e) => e.patientId).sort()).toEqual([patients.anna, patients.bo].sort());
  });

  async function taskOf(patient: string, kindName: string) {
    const [row] = await database.db
      .select()
      .from(task)
      .where(and(eq(task.patientId, patient), eq(task.kind, kindName)));
    return row!;
  }

  it("ends a task as done; a stale version answers 409 and a closed task 400", async () => {
    const ending = await taskOf(patients.anna, "CERTIFICATE_ENDING");
    const done = await doctorClient.json<TaskView>("POST", `/api/tasks/${ending.id}/done`, {
      body: { version: 1, note: "Återbesök bokat" },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "DONE", version: 2 });
    expect(done.body.history!.map((h) => h.event)).toEqual(["CREATED", "DONE"]);

    const stale = await doctorClient.json<ErrorBody>("POST", `/api/tasks/${ending.id}/done`, {
      body: { version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ status: "DONE", version: 2 });
    const closed = await doctorClient.json<ErrorBody>("POST", `/api/tasks/${ending.id}/postpone`, {
      body: { version: 2, date: "2026-12-01" },
    });
    expect(closed.status).toBe(400);
    expect(closed.body.error.code).toBe("TASK_CLOSED");
  });

  it("requires a reason to mark a task not relevant, and writes nothing without one", async () => {
    const checkpoint = await taskOf(patients.anna, "CHECKPOINT_DAY_30");
    for (const body of [{ version: 1 }, { version: 1, reason: "   " }]) {
      const res = await coordinator.json<ErrorBody>("POST", `/api/tasks/${checkpoint.id}/not-relevant`, {
        body,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.issues?.[0]?.message).toBe("Ange varför uppgiften inte är aktuell.");
    }
    expect((await taskOf(patients.anna, "CHECKPOINT_DAY_30")).status).toBe("OPEN");
    const res = await coordinator.json<TaskView>("POST", `/api/tasks/${checkpoint.id}/not-relevant`, {
      body: { version: 1, reason: "Arbetsgivaren har redan en plan." },
    });
    expect(res.body).toMatchObject({ status: "NOT_RELEVANT", reason: "Arbetsgivaren har redan en plan." });
  });

  it("postpones to a later date only; the postponed date decides overdue", async () => {
    const overdue = await taskOf(patients.cara, "KOMPLETTERING_OVERDUE");
    const past = await doctorClient.json<ErrorBody>("POST", `/api/tasks/${overdue.id}/postpone`, {
      body: { version: 1, date: "2026-11-16" },
    });
    expect(past.status).toBe(400);
    expect(past.body.error.issues?.[0]).toEqual({
      path: "date",
      message: "Skjut upp till ett datum efter i dag.",
    });
    const badDate = await doctorClient.json<ErrorBody>("POST", `/api/tasks/${overdue.id}/postpone`, {
      body: { version: 1, date: "17/11" },
    });
    expect(badDate.status).toBe(400);
    const res = await doctorClient.json<TaskView>("POST", `/api/tasks/${overdue.id}/postpone`, {
      body: { version: 1, date: "2026-11-23", note: "Väntar på provsvar" },
    });
    expect(res.body).toMatchObject({
      status: "POSTPONED",
      postponedTo: "2026-11-23",
      effectiveDue: "2026-11-23",
      dueDate: "2026-11-03",
      overdue: false,
    });
    expect(res.body.history!.at(-1)).toMatchObject({ event: "POSTPONED", date: "2026-11-23" });
    // Still active: it shows in the doctor's list and can be done later.
    expect((await listOf(doctorClient, "?scope=mine")).body.tasks.map((t) => t.id)).toContain(overdue.id);
  });

  it("hides other people's tasks from a doctor (404) and other units' tasks from everyone", async () => {
    const annaQueue = await taskOf(patients.anna, "AKTUALISERA");
    expect(
      (await otherDoctor.request("POST", `/api/tasks/${annaQueue.id}/done`, { body: { version: 1 } })).status,
    ).toBe(404);
    const elsewhere = (await buildUnit(database.db)).id;
    const foreign = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", elsewhere]] })).id,
    );
    expect(
      (await foreign.request("POST", `/api/tasks/${annaQueue.id}/done`, { body: { version: 1 } })).status,
    ).toBe(404);
    expect(
      (await secretary.request("POST", `/api/tasks/${annaQueue.id}/done`, { body: { version: 1 } })).status,
    ).toBe(403);
    expect((await taskOf(patients.anna, "AKTUALISERA")).status).toBe("OPEN");
  });

  it("refuses 'Klar' on an aktualisering task: only a decision ends it", async () => {
    const annaQueue = await taskOf(patients.anna, "AKTUALISERA");
    const res = await coordinator.json<ErrorBody>("POST", `/api/tasks/${annaQueue.id}/done`, {
      body: { version: annaQueue.version },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("DECISION_REQUIRED");
    expect(res.body.error.message).toBe(
      "Uppgiften blir klar när ett aktualiseringsbeslut är sparat. Öppna patienten och besluta under Aktualisering.",
    );
    expect(await taskOf(patients.anna, "AKTUALISERA")).toMatchObject({
      status: "OPEN",
      version: annaQueue.version,
    });
  });

  it("does not bring back a closed task on the next run", async () => {
    expect((await job([unitId])).created).toBe(0);
    expect((await taskOf(patients.anna, "CERTIFICATE_ENDING")).status).toBe("DONE");
    const queue = await database.db
      .select()
      .from(task)
      .where(and(eq(task.unitId, unitId), isNull(task.responsibleUserId)));
    expect(queue).toHaveLength(3);
  });

  it("lets only one of two concurrent inserts of the same task through (the unique key)", async () => {
    const planned = [
      {
        patientId: patients.bo,
        caseStart: "2026-11-05",
        kind: "CHECKPOINT_DAY_90" as const,
        subject: "",
        dueDate: "2027-02-02",
        responsibleUserId: null,
        details: {},
      },
    ];
    const inserted = await Promise.all(
      [1, 2].map(() => database.db.transaction((tx) => insertMissing(tx, unitId, planned))),
    );
    expect(inserted.map((rows) => rows.length).sort()).toEqual([0, 1]);
  });
  it("gives a doctor the tasks of a doctor who handed their cases over, while the handover lasts", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const [own] = await database.db
      .insert(task)
      .values({
        unitId,
        patientId,
        caseStart: "2026-11-01",
        kind: "CERTIFICATE_ENDING",
        subject: "2026-11-20",
        dueDate: "2026-11-18",
        responsibleUserId: doctorA,
      })
      .returning();
    const mineOfB = async () =>
      (await listOf(otherDoctor, "?scope=mine&status=ALL")).body.tasks.map((t) => t.id);
    expect(await mineOfB()).not.toContain(own!.id);
    expect(
      (await otherDoctor.request("POST", `/api/tasks/${own!.id}/done`, { body: { version: 1 } })).status,
    ).toBe(404);

    await database.db.insert(handover).values({
      unitId,
      fromDoctorId: doctorA,
      toDoctorId: doctorB,
      startDate: "2026-11-10",
      endDate: "2026-12-10",
      recordedBy: doctorA,
    });
    expect(await mineOfB()).toContain(own!.id);
    const done = await otherDoctor.json<TaskView>("POST", `/api/tasks/${own!.id}/done`, {
      body: { version: 1 },
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("DONE");
  });
});
