import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { assignment, auditEvent, rehabPlanVersion, task } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildCertificate, buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { runTaskJob } from "../tasks/job.ts";
import { addPlanAction } from "./service.ts";

interface Plan {
  id: string;
  caseStart: string;
  status: string;
  state: string;
  version: number;
  goal: string;
  plannedEnd: string | null;
  plannedLengthDays: number | null;
  actions: { id: string; description: string; followUpDate: string | null; status: string }[];
  missing: { path: string; message: string }[];
  anchoring: { date: string; method: string; by: { id: string }; version: number } | null;
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues?: { path: string; message: string }[];
    current?: Plan;
    changes?: { label: string; before: string; after: string }[];
  };
}

// Today is 2026-11-16 in Stockholm; the patient's case starts 2026-10-01.
const now = new Date("2026-11-16T09:00:00Z");
const caseStart = "2026-10-01";

/** An action as the API takes it back (the view adds labels). */
const input = (a: Plan["actions"][number]) =>
  Object.fromEntries(
    Object.entries(a).filter(([key]) => !["partyLabel", "statusLabel", "responsibleUser"].includes(key)),
  );

const action = (over: Record<string, unknown> = {}) => ({
  party: "ARBETSGIVAREN",
  description: "Anpassade arbetsuppgifter på halvtid",
  responsibleName: "Chefen på lagret",
  followUpDate: "2026-12-01",
  ...over,
});

describe.each(testDatabaseKinds())("rehab plan API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let coordinatorId: string;
  let doctorId: string;
  let coordinator: TestClient;
  let doctor: TestClient;
  let secretary: TestClient;
  let chief: TestClient;
  let otherCoordinator: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    const otherUnitId = (await buildUnit(database.db)).id;
    const user = (role: "LAKARE" | "SEKRETERARE" | "REHABKOORDINATOR" | "ENHETSCHEF", unit = unitId) =>
      buildUser(database.db, { roles: [[role, unit]] });
    coordinatorId = (await user("REHABKOORDINATOR")).id;
    doctorId = (await user("LAKARE")).id;
    coordinator = await clientFor(testApp, coordinatorId);
    doctor = await clientFor(testApp, doctorId);
    secretary = await clientFor(testApp, (await user("SEKRETERARE")).id);
    chief = await clientFor(testApp, (await user("ENHETSCHEF")).id);
    otherCoordinator = await clientFor(testApp, (await user("REHABKOORDINATOR", otherUnitId)).id);
  });
  afterAll(() => database.close());

  async function patientWithCase(): Promise<string> {
    const patient = await buildPatient(database.db, unitId);
    await buildCertificate(database.db, {
      unitId,
      patientId: patient.id,
      doctorId,
      periods: [[100, caseStart, "2026-12-20"]],
    });
    return patient.id;
  }

  const create = (patientId: string, body: Record<string, unknown> = {}, client = coordinator) =>
    client.json<Plan & ErrorBody>("POST", `/api/patients/${patientId}/rehabplaner`, { body });
  const save = (
    plan: { id: string; version: number },
    content: Record<string, unknown>,
    client = coordinator,
  ) =>
    client.json<Plan & ErrorBody>("PUT", `/api/rehabplaner/${plan.id}`, {
      body: { version: plan.version, content },
    });
  const establish = (plan: { id: string; version: number }, client = coordinator) =>
    client.json<Plan & ErrorBody>("POST", `/api/rehabplaner/${plan.id}/faststall`, {
      body: { version: plan.version, anchoredDate: "2026-11-16", anchoredMethod: "BESOK" },
    });
  const tasksOf = (patientId: string) =>
    database.db
      .select()
      .from(task)
      .where(and(eq(task.unitId, unitId), eq(task.patientId, patientId)))
      .orderBy(asc(task.dueDate), asc(task.createdAt));
  const auditOf = (patientId: string) =>
    database.db
      .select({ action: auditEvent.action, entity: auditEvent.entity })
      .from(auditEvent)
      .where(eq(auditEvent.patientId, patientId))
      .orderBy(asc(auditEvent.seq));

  it("creates a draft for the current case, saves versions and lists them with what changed", async () => {
    const patientId = await patientWithCase();
    const created = await create(patientId);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseStart, status: "UTKAST", version: 1 });
    expect(created.body.missing.map((m) => m.path)).toEqual(["goal", "plannedEnd", "actions"]);

    const saved = await save(created.body, {
      goal: "Tillbaka i arbete på heltid",
      purpose: "Återhämtning",
      plannedEnd: "2026-12-31",
      actions: [action()],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, plannedLengthDays: 92 });
    expect(saved.body.missing).toEqual([]);

    const versions = await coordinator.json<{
      versions: { version: number; changes: { label: string }[] }[];
    }>("GET", `/api/rehabplaner/${created.body.id}/versioner`);
    expect(versions.body.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.body.versions[0]!.changes.map((c) => c.label)).toEqual(
      expect.arrayContaining(["Mål", "Planerat slut", "Ny åtgärd"]),
    );
    const compared = await coordinator.json<{ changes: { label: string }[] }>(
      "GET",
      `/api/rehabplaner/${created.body.id}/jamforelse?from=1&to=2`,
    );
    expect(compared.status).toBe(200);
    expect(compared.body.changes.length).toBe(versions.body.versions[0]!.changes.length);

    // The action's follow-up date made a task for the coordinator queue.
    expect(await tasksOf(patientId)).toMatchObject([
      { kind: "PLAN_FOLLOW_UP", dueDate: "2026-12-01", status: "OPEN", caseStart },
    ]);
    expect(await auditOf(patientId)).toEqual(
      expect.arrayContaining([
        { action: "CREATE", entity: "rehab_plan" },
        { action: "UPDATE", entity: "rehab_plan" },
        { action: "CREATE", entity: "task" },
        { action: "READ", entity: "rehab_plan" },
      ]),
    );
    // A second plan for the same case is refused.
    expect((await create(patientId)).status).toBe(409);
  });

  it("answers a stale save with 409, the plan as saved and what changed", async () => {
    const patientId = await patientWithCase();
    const plan = (await create(patientId)).body;
    const theirs = await save(plan, { goal: "Arbeta halvtid i januari" }, doctor);
    expect(theirs.status).toBe(200);
    const mine = await save(plan, { goal: "Något annat" });
    expect(mine.status).toBe(409);
    expect(mine.body.error.current).toMatchObject({ version: 2, goal: "Arbeta halvtid i januari" });
    expect(mine.body.error.changes).toEqual([
      { label: "Mål", before: "–", after: "Arbeta halvtid i januari" },
    ]);
  });

  it("refuses fastställ naming what is missing, then fastställer with the patient", async () => {
    const patientId = await patientWithCase();
    let plan = (await create(patientId)).body;
    plan = (
      await save(plan, {
        goal: "Åter i arbete",
        actions: [action({ followUpDate: null }), action({ responsibleName: "", description: "Samtal" })],
      })
    ).body;
    const refused = await establish(plan);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("PLAN_INCOMPLETE");
    expect(refused.body.error.message).toContain("Planerat slut på sjukskrivningen saknas.");
    expect(refused.body.error.message).toContain(
      "Åtgärd 1 (Anpassade arbetsuppgifter på halvtid) saknar uppföljningsdatum.",
    );
    expect(refused.body.error.message).toContain("Åtgärd 2 (Samtal) saknar ansvarig.");

    plan = (
      await save(plan, {
        goal: "Åter i arbete",
        plannedEnd: "2026-12-31",
        actions: [
          { ...input(plan.actions[0]!), followUpDate: "2026-12-01" },
          action({
            description: "Samtal",
            responsibleUserId: coordinatorId,
            responsibleName: "",
            followUpDate: "2026-11-20",
          }),
        ],
      })
    ).body;
    const done = await establish(plan);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: "FASTSTALLD",
      anchoring: {
        date: "2026-11-16",
        method: "BESOK",
        by: { id: coordinatorId },
        version: plan.version + 1,
      },
    });
    // A fastställd plan stays complete: removing the planned end is refused.
    const incomplete = await save(done.body, {
      goal: "Åter i arbete",
      actions: done.body.actions.map(input),
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.message).toContain("Planerat slut");
  });

  it("ends a follow-up task when the action is done, and dismisses it when the date moves", async () => {
    const patientId = await patientWithCase();
    let plan = (await create(patientId)).body;
    plan = (await save(plan, { actions: [action(), action({ description: "Träffa fysioterapeut" })] })).body;
    const [first, second] = plan.actions;
    plan = (
      await save(plan, {
        actions: [
          { ...input(first!), status: "KLAR" },
          { ...input(second!), followUpDate: "2026-12-10" },
        ],
      })
    ).body;
    const rows = await tasksOf(patientId);
    expect(rows.map((t) => [t.subject, t.status])).toEqual([
      [`${first!.id}/2026-12-01`, "DONE"],
      [`${second!.id}/2026-12-01`, "NOT_RELEVANT"],
      [`${second!.id}/2026-12-10`, "OPEN"],
    ]);
    // Avsluta dismisses what is still open.
    const closed = await coordinator.json<Plan>("POST", `/api/rehabplaner/${plan.id}/avsluta`, {
      body: { version: plan.version },
    });
    expect(closed.body.status).toBe("AVSLUTAD");
    expect((await tasksOf(patientId)).map((t) => t.status)).toEqual(["DONE", "NOT_RELEVANT", "NOT_RELEVANT"]);
    expect((await save(closed.body, { goal: "x" })).body.error.code).toBe("PLAN_CLOSED");
  });

  it("raises a revision task when the plan is not revised within 8 weeks; the next save ends it", async () => {
    const patient = await buildPatient(database.db, unitId);
    await buildCertificate(database.db, {
      unitId,
      patientId: patient.id,
      doctorId,
      periods: [[100, caseStart, "2027-03-31"]],
    });
    const plan = (await create(patient.id)).body;
    const revisionTasks = async () => (await tasksOf(patient.id)).filter((t) => t.kind === "PLAN_REVISION");
    const runJob = (at: string) =>
      runTaskJob(database, { now: new Date(at), reference: testApp.deps.reference, unitIds: [unitId] });
    await runJob("2027-01-10T09:00:00Z");
    expect(await revisionTasks()).toEqual([]);
    await runJob("2027-01-11T09:00:00Z");
    expect(await revisionTasks()).toMatchObject([
      { dueDate: "2027-01-11", subject: `${plan.id}/v1`, status: "OPEN", responsibleUserId: null },
    ]);
    expect((await save(plan, { goal: "Reviderat mål" })).status).toBe(200);
    expect(await revisionTasks()).toMatchObject([{ status: "DONE" }]);
  });

  it("addPlanAction creates the draft when there is none and adds to it afterwards", async () => {
    const patientId = await patientWithCase();
    const [grant] = await database.db.select().from(assignment).where(eq(assignment.userId, coordinatorId));
    const actor: Actor = {
      userId: coordinatorId,
      username: "k",
      displayName: "Koordinator",
      sessionId: "test",
      unitId,
      assignments: [{ id: grant!.id, role: "REHABKOORDINATOR" }],
    };
    const run = (caseStartOrNull: string | null) =>
      database.db.transaction((tx) =>
        addPlanAction(
          { tx, actor, grant: actor.assignments[0]!, unitId, now, today: "2026-11-16" },
          patientId,
          caseStartOrNull,
          {
            party: "VARDEN",
            description: "Bedömning av fysioterapeut",
            responsibleUserId: doctorId,
            followUpDate: "2026-11-30",
          },
        ),
      );
    const first = await run(null);
    const second = await run(caseStart);
    expect(second.planId).toBe(first.planId);
    expect(second.version).toBe(2);
    const versions = await database.db
      .select({ event: rehabPlanVersion.event })
      .from(rehabPlanVersion)
      .where(eq(rehabPlanVersion.planId, first.planId))
      .orderBy(asc(rehabPlanVersion.version));
    expect(versions.map((v) => v.event)).toEqual(["SKAPAD", "ATGARD_TILLAGD"]);
    const tasks = await tasksOf(patientId);
    expect(tasks).toHaveLength(2);
    expect(tasks.every((t) => t.responsibleUserId === doctorId && t.kind === "PLAN_FOLLOW_UP")).toBe(true);
    // Another unit's patient is not found.
    await expect(
      database.db.transaction((tx) =>
        addPlanAction(
          { tx, actor, grant: actor.assignments[0]!, unitId: "no-such-unit", now, today: "2026-11-16" },
          patientId,
          null,
          { party: "VARDEN", description: "x" },
        ),
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("prints the patient version and the brochure (PDF and JSON, each logged) and records the handouts", async () => {
    const patientId = await patientWithCase();
    let plan = (await create(patientId)).body;
    plan = (
      await save(plan, {
        goal: "Åter i arbete",
        plannedEnd: "2026-12-31",
        actions: [action(), action({ party: "PATIENTEN", description: "Promenera varje dag" })],
      })
    ).body;
    const json = await coordinator.json<{ title: string; sections: { heading: string; items: string[] }[] }>(
      "GET",
      `/api/rehabplaner/${plan.id}/patientversion`,
    );
    expect(json.status).toBe(200);
    expect(json.body.sections.find((s) => s.heading === "Vad jag gör")?.items).toEqual([
      "Promenera varje dag. Ansvarig: Chefen på lagret. Följs upp 2026-12-01.",
    ]);
    const pdf = await coordinator.request("GET", `/api/rehabplaner/${plan.id}/patientversion.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const brochure = await doctor.request("GET", `/api/patients/${patientId}/sjukskrivningsbroschyr.pdf`);
    expect(brochure.status).toBe(200);
    const prints = (await auditOf(patientId)).filter((e) => e.action === "PRINT");
    expect(prints).toEqual([
      { action: "PRINT", entity: "rehab_plan" },
      { action: "PRINT", entity: "rehab_plan" },
      { action: "PRINT", entity: "patient_info" },
    ]);

    const handed = await coordinator.json("POST", `/api/patients/${patientId}/utlamningar`, {
      body: { kind: "PLAN", planId: plan.id },
    });
    expect(handed.status).toBe(201);
    await coordinator.json("POST", `/api/patients/${patientId}/utlamningar`, { body: { kind: "BROSCHYR" } });
    const listed = await coordinator.json<{
      handouts: { label: string; date: string; by: { id: string } }[];
    }>("GET", `/api/patients/${patientId}/rehabplaner`);
    expect(listed.body.handouts.map((h) => h.label).sort()).toEqual([
      "Broschyr om sjukskrivning utlämnad",
      `Patientens version av rehabplanen utlämnad (version ${plan.version})`,
    ]);
    expect(listed.body.handouts.every((h) => h.date === "2026-11-16" && h.by.id === coordinatorId)).toBe(
      true,
    );
    // Another patient's plan cannot be recorded as handed out to this one; other units see nothing.
    const other = await patientWithCase();
    expect(
      (
        await coordinator.json("POST", `/api/patients/${other}/utlamningar`, {
          body: { kind: "PLAN", planId: plan.id },
        })
      ).status,
    ).toBe(404);
    expect(
      (await otherCoordinator.request("GET", `/api/rehabplaner/${plan.id}/patientversion.pdf`)).status,
    ).toBe(404);
    expect((await secretary.request("GET", `/api/patients/${patientId}/sjukskrivningsbroschyr`)).status).toBe(
      403,
    );
  });

  it("hides other units' plans (404) and refuses roles without the capability (403)", async () => {
    const patientId = await patientWithCase();
    const plan = (await create(patientId)).body;
    expect((await otherCoordinator.json("GET", `/api/patients/${patientId}/rehabplaner`)).status).toBe(404);
    expect((await save(plan, { goal: "x" }, otherCoordinator)).status).toBe(404);
    expect((await otherCoordinator.json("GET", `/api/rehabplaner/${plan.id}/versioner`)).status).toBe(404);
    expect((await secretary.json("GET", `/api/patients/${patientId}/rehabplaner`)).status).toBe(403);
    expect((await create(patientId, {}, chief)).status).toBe(403);
    expect((await doctor.json("GET", `/api/patients/${patientId}/rehabplaner`)).status).toBe(200);
  });

  it("answers bad input with 400 naming the field", async () => {
    const patientId = await patientWithCase();
    const plan = (await create(patientId)).body;
    const bad = await save(plan, { plannedEnd: "2026-13-01", actions: [action({ party: "X" })] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(["content.plannedEnd", "content.actions.0.party"]),
    );
    const before = await save(plan, { plannedEnd: "2026-09-01" });
    expect(before.status).toBe(400);
    expect(before.body.error.message).toContain("Planerat slut kan inte vara före sjukfallets start");
  });
});
