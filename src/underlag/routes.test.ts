import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, task } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import type { Role } from "../access/policy.ts";

interface Underlag {
  id: string;
  patientId: string;
  profession: string;
  origin: string;
  status: string;
  late: boolean;
  version: number;
  sickLeaveNeed: string;
  receiver: { id: string } | null;
  answer: {
    funktion: string;
    aktivitet: string;
    methods: string;
    answeredBy: { name: string | null };
  } | null;
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string }[]; current?: Underlag };
}

const now = new Date("2026-11-16T09:00:00Z");
const today = "2026-11-16";
const answer = {
  observations: "Avlastande gång.",
  funktion: "Nedsatt rörlighet i ländryggen.",
  aktivitet: "Kan inte lyfta mer än 5 kg.",
  methods: "Rörlighetstest, ODI.",
};

describe.each(testDatabaseKinds())("underlag API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let doctor: TestClient;
  let nurse: TestClient;
  let coordinator: TestClient;
  let physio: TestClient;
  let physioId: string;
  let otherPhysioId: string;
  let psychologist: TestClient;
  let secretary: TestClient;
  let otherDoctor: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    const otherUnitId = (await buildUnit(database.db)).id;
    const user = async (role: Role, unit = unitId) => {
      const u = await buildUser(database.db, { roles: [[role, unit]] });
      return { id: u.id, client: await clientFor(testApp, u.id) };
    };
    doctor = (await user("LAKARE")).client;
    nurse = (await user("DISTRIKTSSKOTERSKA")).client;
    coordinator = (await user("REHABKOORDINATOR")).client;
    const p = await user("FYSIOTERAPEUT");
    physio = p.client;
    physioId = p.id;
    otherPhysioId = (await user("FYSIOTERAPEUT")).id;
    psychologist = (await user("PSYKOLOG")).client;
    secretary = (await user("SEKRETERARE")).client;
    otherDoctor = (await user("LAKARE", otherUnitId)).client;
  });
  afterAll(() => database.close());

  const ask = (patientId: string, body: Record<string, unknown>, client = doctor) =>
    client.json<Underlag & ErrorBody>("POST", `/api/patients/${patientId}/underlag`, {
      body: {
        profession: "FYSIOTERAPEUT",
        origin: "LAKARE",
        question: "Hur påverkar ryggbesvären förmågan att lyfta och sitta?",
        wantedBy: "2026-11-23",
        ...body,
      },
    });

  const auditOf = (patientId: string, entity: string) =>
    database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patientId), eq(auditEvent.entity, entity)));

  const tasksOf = (patientId: string) =>
    database.db
      .select()
      .from(task)
      .where(and(eq(task.patientId, patientId), eq(task.kind, "UNDERLAG_REQUEST")));

  it("asks the profession: a task for each of its members, due on the wanted-by date, audited", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const res = await ask(patientId, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      profession: "FYSIOTERAPEUT",
      status: "OPEN",
      receiver: null,
      late: false,
    });
    const tasks = await tasksOf(patientId);
    expect(tasks.map((t) => t.responsibleUserId).sort()).toEqual([physioId, otherPhysioId].sort());
    expect(tasks.every((t) => t.dueDate === "2026-11-23" && t.caseStart === today)).toBe(true);
    expect((await auditOf(patientId, "underlag_request")).map((e) => e.action)).toEqual(["CREATE"]);
    expect((await auditOf(patientId, "task")).map((e) => e.action)).toEqual(["CREATE", "CREATE"]);
  });

  it("puts the request in the profession's queue, not another's, and logs a read per patient", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const { body } = await ask(patientId, {});
    const queue = await physio.json<{ underlag: Underlag[] }>("GET", "/api/underlag");
    expect(queue.status).toBe(200);
    expect(queue.body.underlag.map((u) => u.id)).toContain(body.id);
    const theirs = await psychologist.json<{ underlag: Underlag[] }>("GET", "/api/underlag");
    expect(theirs.body.underlag.map((u) => u.id)).not.toContain(body.id);
    expect((await auditOf(patientId, "underlag_request")).map((e) => e.action)).toEqual(["CREATE", "READ"]);
  });

  it("answers: the request and every task of it close, the doctor reads the answer", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const { body } = await ask(patientId, {});
    const res = await physio.json<Underlag>("POST", `/api/underlag/${body.id}/answer`, {
      body: { version: body.version, ...answer },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ANSWERED");
    expect(res.body.answer).toMatchObject({ funktion: answer.funktion, methods: answer.methods });
    expect((await tasksOf(patientId)).map((t) => t.status)).toEqual(["DONE", "DONE"]);
    const list = await doctor.json<{ underlag: Underlag[] }>("GET", `/api/patients/${patientId}/underlag`);
    expect(list.body.underlag[0]!.answer?.aktivitet).toBe(answer.aktivitet);
    expect((await auditOf(patientId, "underlag_request")).map((e) => e.action)).toEqual([
      "CREATE",
      "UPDATE",
      "READ",
    ]);
  });

  it("answers 409 with the answer saved when the version is stale or it is already answered", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const { body } = await ask(patientId, {});
    await physio.json("POST", `/api/underlag/${body.id}/answer`, {
      body: { version: body.version, ...answer },
    });
    const again = await physio.json<ErrorBody>("POST", `/api/underlag/${body.id}/answer`, {
      body: { version: body.version, ...answer, funktion: "Annat." },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.current?.answer?.funktion).toBe(answer.funktion);
  });

  it("sends a request to a named receiver only, who must work as the profession", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const named = await ask(patientId, { receiverId: physioId });
    expect(named.status).toBe(201);
    expect((await tasksOf(patientId)).map((t) => [t.responsibleUserId, t.subject])).toEqual([
      [physioId, named.body.id],
    ]);
    const wrong = await ask(patientId, { profession: "KURATOR", receiverId: physioId });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues?.map((i) => i.path)).toEqual(["receiverId"]);
  });

  it("lets telephone triage note the need for sick leave and route the patient", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const missing = await ask(patientId, { origin: "TELEFONTRIAGE", profession: "PSYKOLOG" }, nurse);
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues?.map((i) => i.path)).toEqual(["sickLeaveNeed"]);
    const routed = await ask(
      patientId,
      {
        origin: "TELEFONTRIAGE",
        profession: "PSYKOLOG",
        sickLeaveNeed: "Utmattad, har inte arbetat på en vecka.",
      },
      nurse,
    );
    expect(routed.status).toBe(201);
    expect(routed.body.sickLeaveNeed).toContain("Utmattad");
    const asDoctor = await ask(patientId, { origin: "TELEFONTRIAGE", sickLeaveNeed: "x" });
    expect(asDoctor.status).toBe(400);
  });

  it("refuses bad input with a Swedish message naming the field", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const past = await ask(patientId, { wantedBy: "2026-11-01" });
    expect(past.status).toBe(400);
    expect(past.body.error.issues?.map((i) => i.path)).toEqual(["wantedBy"]);
    const empty = await ask(patientId, { question: "  ", profession: "TANDLAKARE" });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/Kontrollera: .*profession/);
  });

  it("answers 403 to roles without the capability or of another profession", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    expect((await ask(patientId, {}, secretary)).status).toBe(403);
    expect((await ask(patientId, {}, physio)).status).toBe(403);
    expect((await secretary.json("GET", `/api/patients/${patientId}/underlag`)).status).toBe(403);
    const { body } = await ask(patientId, { origin: "TEAM" }, coordinator);
    expect(body.origin).toBe("TEAM");
    const wrongProfession = await psychologist.json("POST", `/api/underlag/${body.id}/answer`, {
      body: { version: body.version, ...answer },
    });
    expect(wrongProfession.status).toBe(403);
    expect(
      (await doctor.json("POST", `/api/underlag/${body.id}/answer`, { body: { version: 1, ...answer } }))
        .status,
    ).toBe(403);
  });

  it("answers 404 for another unit's patient and request", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const { body } = await ask(patientId, {});
    expect((await otherDoctor.json("GET", `/api/patients/${patientId}/underlag`)).status).toBe(404);
    expect((await ask(patientId, {}, otherDoctor)).status).toBe(404);
    expect((await otherDoctor.json("GET", `/api/underlag/${body.id}`)).status).toBe(404);
  });
});
