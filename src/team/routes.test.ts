import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, task } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildCertificate, buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[]; current?: unknown };
}
interface Summary {
  id: string;
  version: number;
  status: string;
  agendaCount: number;
}
interface Item {
  id: string;
  patientId: string;
  position: number;
  source: string;
  minutes: { version: number; text: string; correctionReason: string | null }[];
  decisions: { id: string; taskId: string | null; version: number; samverkan: { id: string } | null }[];
  samverkansmoten: { id: string }[];
}
interface Meeting {
  id: string;
  version: number;
  status: string;
  items: Item[];
  participants: { userId: string; attended: boolean | null }[];
}

// Today is Monday 2026-11-16 in Stockholm; the imported cases start 2026-10-01 (day 47).
const now = new Date("2026-11-16T09:00:00Z");
const today = "2026-11-16";
const tomorrow = "2026-11-17";
const caseStart = "2026-10-01";

describe.each(testDatabaseKinds())("team API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let otherUnitId: string;
  let coordinator: TestClient;
  let doctor: TestClient;
  let chief: TestClient;
  let secretary: TestClient;
  let otherCoordinator: TestClient;
  let ids: { coordinator: string; doctor: string; physio: string; secretary: string };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    otherUnitId = (await buildUnit(database.db)).id;
    const user = (options: Parameters<typeof buildUser>[1]) => buildUser(database.db, options);
    const coordinatorUser = await user({ roles: [["REHABKOORDINATOR", unitId]] });
    const doctorUser = await user({ roles: [["LAKARE", unitId]] });
    const physioUser = await user({ roles: [["FYSIOTERAPEUT", unitId]] });
    const secretaryUser = await user({ roles: [["SEKRETERARE", unitId]] });
    const chiefUser = await user({ roles: [["ENHETSCHEF", unitId]] });
    const otherUser = await user({ roles: [["REHABKOORDINATOR", otherUnitId]] });
    ids = {
      coordinator: coordinatorUser.id,
      doctor: doctorUser.id,
      physio: physioUser.id,
      secretary: secretaryUser.id,
    };
    coordinator = await clientFor(testApp, coordinatorUser.id);
    doctor = await clientFor(testApp, doctorUser.id);
    chief = await clientFor(testApp, chiefUser.id);
    secretary = await clientFor(testApp, secretaryUser.id);
    otherCoordinator = await clientFor(testApp, otherUser.id);
  });
  afterAll(() => database.close());

  /** A patient on the unit with a case from 2026-10-01 and, unless told, TEAM consent from 2026-11-01. */
  async function patientWithCase(consent: { validTo?: string } | null = {}): Promise<string> {
    const patient = await buildPatient(database.db, unitId);
    await buildCertificate(database.db, {
      unitId,
      patientId: patient.id,
      doctorId: ids.doctor,
      periods: [[100, caseStart, "2026-12-20"]],
    });
    if (consent) await recordConsent(patient.id, "TEAM", consent.validTo ?? null);
    return patient.id;
  }

  const recordConsent = async (patientId: string, kind: string, validTo: string | null = null) => {
    const res = await coordinator.json("POST", `/api/patients/${patientId}/samtycken`, {
      body: { kind, obtainedDate: "2026-11-01", method: "MUNTLIGT", scope: "Teamet.", validTo },
    });
    expect(res.status).toBe(201);
  };

  const decideTeam = async (patientId: string) => {
    const res = await coordinator.json<{ id: string }>("POST", `/api/patients/${patientId}/aktualisering`, {
      body: { caseStart, decision: "AKTUALISERA_TEAM", reason: "", supersedesId: null },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  const createMeeting = async (date: string, participantIds?: string[]) => {
    const res = await coordinator.json<Summary>("POST", "/api/team/moten", {
      body: { date, time: "13:00", ...(participantIds ? { participantIds } : {}) },
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  const addItem = (
    meetingId: string,
    patientId: string,
    decisionId: string | null = null,
    client = coordinator,
  ) =>
    client.json<{ id: string } & ErrorBody>("POST", `/api/team/moten/${meetingId}/dagordning`, {
      body: { patientId, decisionId },
    });

  const meeting = (id: string, client = coordinator) =>
    client.json<Meeting & ErrorBody>("GET", `/api/team/moten/${id}`);

  const auditOf = (patientId: string, entity: string) =>
    database.db
      .select({ action: auditEvent.action, userId: auditEvent.userId })
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patientId), eq(auditEvent.entity, entity)));

  it("keeps the team's members and meeting times, with 409 on a stale save and 403 by role", async () => {
    const body = {
      version: 0,
      members: [
        { userId: ids.coordinator, profession: "REHABKOORDINATOR" },
        { userId: ids.doctor, profession: "LAKARE" },
        { userId: ids.physio, profession: "FYSIOTERAPEUT" },
      ],
      meetingTimes: [{ weekday: 2, time: "13:00" }],
    };
    const saved = await coordinator.json<{ version: number; members: unknown[]; upcomingSlots: unknown[] }>(
      "PUT",
      "/api/team",
      { body },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.members).toHaveLength(3);
    // Tuesdays at 13:00 from Monday 2026-11-16.
    expect(saved.body.upcomingSlots[0]).toEqual({ date: tomorrow, time: "13:00" });

    const stale = await coordinator.json<ErrorBody>("PUT", "/api/team", { body });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ version: 1 });

    const secretaryMember = await coordinator.json<ErrorBody>("PUT", "/api/team", {
      body: { ...body, version: 1, members: [{ userId: ids.secretary, profession: "LAKARE" }] },
    });
    expect(secretaryMember.status).toBe(400);
    expect(secretaryMember.body.error.message).toMatch(/medarbetare/);

    expect((await doctor.json("PUT", "/api/team", { body: { ...body, version: 1 } })).status).toBe(403);
    expect((await chief.json("GET", "/api/team")).status).toBe(200);
    expect((await secretary.json("GET", "/api/team")).status).toBe(403);
  });

  it("suggests the cases decided for the team and puts a patient on the agenda only with TEAM consent", async () => {
    const decided = await patientWithCase();
    const decisionId = await decideTeam(decided);
    const noConsent = await patientWithCase(null);
    const expiring = await patientWithCase({ validTo: today });
    const m = await createMeeting(tomorrow);
    expect(m.status).toBe("PLANERAT");

    const suggestions = await coordinator.json<{ suggestions: { patientId: string; decisionId: string }[] }>(
      "GET",
      `/api/team/moten/${m.id}/forslag`,
    );
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.suggestions).toContainEqual(
      expect.objectContaining({ patientId: decided, decisionId }),
    );
    expect(await auditOf(decided, "aktualisering")).toContainEqual({
      action: "READ_LIST",
      userId: ids.coordinator,
    });

    const added = await addItem(m.id, decided, decisionId);
    expect(added.status).toBe(201);
    const again = await coordinator.json<{ suggestions: { patientId: string }[] }>(
      "GET",
      `/api/team/moten/${m.id}/forslag`,
    );
    expect(again.body.suggestions.map((s) => s.patientId)).not.toContain(decided);
    expect((await addItem(m.id, decided)).status).toBe(400);

    const refused = await addItem(m.id, noConsent);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("CONSENT_REQUIRED");
    expect(refused.body.error.message).toBe(
      "Patienten har inte gett samtycke till aktualisering i det multimodala teamet.",
    );
    // Valid today, but no longer on the meeting date.
    const expired = await addItem(m.id, expiring);
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/har gått ut/);
    // The decision of another patient does not bring this one.
    expect((await addItem(m.id, expiring, decisionId)).status).toBe(400);

    const foreign = await buildPatient(database.db, otherUnitId);
    expect((await addItem(m.id, foreign.id)).status).toBe(404);
    expect((await meeting(m.id, otherCoordinator)).status).toBe(404);
    expect((await addItem(m.id, decided, null, otherCoordinator)).status).toBe(404);
    expect((await addItem(m.id, decided, null, doctor)).status).toBe(403);
    expect((await meeting(m.id, chief)).status).toBe(403);
  });

  it("logs every patient shown on an agenda, and orders the agenda with 409 on a stale order", async () => {
    const [a, b] = [await patientWithCase(), await patientWithCase()];
    const m = await createMeeting(tomorrow);
    const itemA = (await addItem(m.id, a)).body.id;
    const itemB = (await addItem(m.id, b)).body.id;

    const shown = await meeting(m.id, doctor);
    expect(shown.status).toBe(200);
    expect(shown.body.items.map((i) => i.patientId)).toEqual([a, b]);
    for (const p of [a, b]) {
      expect(await auditOf(p, "team_agenda_item")).toContainEqual({ action: "READ", userId: ids.doctor });
    }

    const stale = await coordinator.json<ErrorBody>("PUT", `/api/team/moten/${m.id}/dagordning`, {
      body: { version: m.version, itemIds: [itemB, itemA] },
    });
    expect(stale.status).toBe(409);
    const reordered = await coordinator.json<Summary>("PUT", `/api/team/moten/${m.id}/dagordning`, {
      body: { version: shown.body.version, itemIds: [itemB, itemA] },
    });
    expect(reordered.status).toBe(200);
    expect((await meeting(m.id)).body.items.map((i) => i.patientId)).toEqual([b, a]);

    // Leaving an item out removes it.
    const removed = await coordinator.json<Summary>("PUT", `/api/team/moten/${m.id}/dagordning`, {
      body: { version: reordered.body.version, itemIds: [itemA] },
    });
    expect(removed.status).toBe(200);
    expect((await meeting(m.id)).body.items.map((i) => i.patientId)).toEqual([a]);
  });

  it("writes minutes in versions and decisions as tasks, locks them at closing and keeps corrections", async () => {
    const p = await patientWithCase();
    const future = await createMeeting(tomorrow, [ids.coordinator]);
    const m = await createMeeting(today, [ids.coordinator, ids.doctor]);
    const itemId = (await addItem(m.id, p)).body.id;

    const minutes = (body: Record<string, unknown>) =>
      coordinator.json<{ version: number } & ErrorBody>("PUT", `/api/team/dagordning/${itemId}/anteckning`, {
        body,
      });
    expect((await minutes({ baseVersion: 0, text: "Smärtan har minskat." })).body.version).toBe(1);
    const staleMinutes = await minutes({ baseVersion: 0, text: "Annan text." });
    expect(staleMinutes.status).toBe(409);
    expect(staleMinutes.body.error.current).toMatchObject([{ version: 1, text: "Smärtan har minskat." }]);
    expect((await minutes({ baseVersion: 1, text: "Smärtan har minskat. Fysioterapi." })).body.version).toBe(
      2,
    );

    const decide = (body: Record<string, unknown>) =>
      coordinator.json<{ id: string; taskId: string | null } & ErrorBody>(
        "POST",
        `/api/team/dagordning/${itemId}/beslut`,
        {
          body: {
            text: "Boka fysioterapeut.",
            outcome: "UPPGIFT",
            responsibleUserId: ids.physio,
            dueDate: "2026-11-30",
            ...body,
          },
        },
      );
    const decided = await decide({});
    expect(decided.status).toBe(201);
    const [created] = await database.db.select().from(task).where(eq(task.id, decided.body.taskId!));
    expect(created).toMatchObject({
      kind: "TEAM_DECISION",
      subject: decided.body.id,
      responsibleUserId: ids.physio,
      dueDate: "2026-11-30",
      caseStart,
      patientId: p,
    });
    const early = await decide({ dueDate: "2026-11-01" });
    expect(early.status).toBe(400);
    expect(early.body.error.issues?.[0]?.path).toBe("dueDate");
    expect((await decide({ responsibleUserId: ids.secretary })).status).toBe(400);
    // A plan action: in the patient's rehab plan (a draft created for the case), followed up on the date.
    const planned = await decide({
      text: "Arbetsträning 25 procent.",
      outcome: "PLANATGARD",
      party: "ARBETSGIVAREN",
    });
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({
      outcome: "PLANATGARD",
      taskId: null,
      planActionId: expect.any(String),
    });
    const plans = await coordinator.json<unknown>("GET", `/api/patients/${p}/rehabplaner`);
    expect(plans.status).toBe(200);
    expect(JSON.stringify(plans.body)).toContain(
      (planned.body as unknown as { planActionId: string }).planActionId,
    );
    expect(JSON.stringify(plans.body)).toContain("Arbetsträning 25 procent.");

    const current = (await meeting(m.id)).body;
    const notYet = await coordinator.json<ErrorBody>("POST", `/api/team/moten/${m.id}/avsluta`, {
      body: { version: current.version },
    });
    expect(notYet.status).toBe(400);
    expect(notYet.body.error.message).toMatch(/närvaro/);
    const beforeDay = await coordinator.json<ErrorBody>("POST", `/api/team/moten/${future.id}/avsluta`, {
      body: { version: future.version },
    });
    expect(beforeDay.body.error.issues?.map((i) => i.path)).toContain("meetingDate");

    const attendance = await coordinator.json<Summary>("PUT", `/api/team/moten/${m.id}/deltagare`, {
      body: {
        version: current.version,
        participants: [
          { userId: ids.coordinator, attended: true },
          { userId: ids.doctor, attended: false },
        ],
      },
    });
    expect(attendance.status).toBe(200);
    const staleClose = await coordinator.json<ErrorBody>("POST", `/api/team/moten/${m.id}/avsluta`, {
      body: { version: current.version },
    });
    expect(staleClose.status).toBe(409);
    const closed = await coordinator.json<Summary>("POST", `/api/team/moten/${m.id}/avsluta`, {
      body: { version: attendance.body.version },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe("AVSLUTAT");
    expect(await auditOf(p, "team_minutes")).toContainEqual({ action: "UPDATE", userId: ids.coordinator });

    const locked = await minutes({ baseVersion: 2, text: "Ändrad i efterhand." });
    expect(locked.status).toBe(400);
    expect(locked.body.error.issues?.[0]?.path).toBe("correctionReason");
    const corrected = await minutes({
      baseVersion: 2,
      text: "Smärtan har minskat. Fysioterapi 2 ggr/v.",
      correctionReason: "Fel frekvens.",
    });
    expect(corrected.status).toBe(200);
    expect((await decide({})).status).toBe(400);

    const [item] = (await meeting(m.id)).body.items;
    expect(item!.minutes.map((v) => [v.version, v.correctionReason])).toEqual([
      [1, null],
      [2, null],
      [3, "Fel frekvens."],
    ]);
  });

  it("answers bad input with 400 in Swedish naming the field, never 5xx", async () => {
    const badId = await coordinator.json<ErrorBody>("GET", "/api/team/moten/inte-ett-id");
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toBe("Uppgifterna är inte giltiga. Kontrollera: id.");
    const badTime = await coordinator.json<ErrorBody>("POST", "/api/team/moten", {
      body: { date: "2026-13-01", time: "25:00" },
    });
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.issues?.map((i) => i.path).sort()).toEqual(["date", "time"]);
    const badTeam = await coordinator.json<ErrorBody>("PUT", "/api/team", {
      body: {
        version: "1",
        members: [{ userId: ids.doctor, profession: "KIRURG" }],
        meetingTimes: [{ weekday: 9, time: "13:00" }],
      },
    });
    expect(badTeam.status).toBe(400);
    expect(badTeam.body.error.issues?.map((i) => i.path).sort()).toEqual([
      "meetingTimes.0.weekday",
      "members.0.profession",
      "version",
    ]);
    const unknownItem = await coordinator.json<ErrorBody>(
      "PUT",
      `/api/team/dagordning/${ids.doctor}/anteckning`,
      {
        body: { baseVersion: 0, text: "x" },
      },
    );
    expect(unknownItem.status).toBe(404);
  });

  it("follows a decision up in a samverkansmöte of the same patient", async () => {
    const p = await patientWithCase();
    await recordConsent(p, "KOORDINERING");
    const other = await patientWithCase();
    await recordConsent(other, "KOORDINERING");
    const samverkan = async (patientId: string) =>
      (
        await coordinator.json<{ id: string }>("POST", `/api/patients/${patientId}/samverkansmoten`, {
          body: {
            kind: "TREPARTSMOTE",
            date: today,
            participants: [{ name: "Anna Chef", role: "Chef", party: "ARBETSGIVARE" }],
          },
        })
      ).body.id;
    const ownMeeting = await samverkan(p);
    const otherMeeting = await samverkan(other);

    const m = await createMeeting(today);
    const itemId = (await addItem(m.id, p)).body.id;
    const decision = await coordinator.json<{ id: string; version: number }>(
      "POST",
      `/api/team/dagordning/${itemId}/beslut`,
      {
        body: {
          text: "Arbetsträning hos arbetsgivaren.",
          outcome: "UPPGIFT",
          responsibleUserId: ids.coordinator,
          dueDate: "2026-12-01",
        },
      },
    );
    const link = (samverkanMeetingId: string | null, version: number) =>
      coordinator.json<{ samverkan: { id: string } | null; version: number } & ErrorBody>(
        "PUT",
        `/api/team/beslut/${decision.body.id}/samverkan`,
        { body: { version, samverkanMeetingId } },
      );
    expect((await link(otherMeeting, decision.body.version)).status).toBe(400);
    const linked = await link(ownMeeting, decision.body.version);
    expect(linked.status).toBe(200);
    expect(linked.body.samverkan?.id).toBe(ownMeeting);
    expect((await link(null, decision.body.version)).status).toBe(409);

    const [item] = (await meeting(m.id)).body.items;
    expect(item!.samverkansmoten.map((s) => s.id)).toEqual([ownMeeting]);
    expect(item!.decisions[0]!.samverkan?.id).toBe(ownMeeting);
    const tasks = await database.db
      .select({ kind: task.kind })
      .from(task)
      .where(and(eq(task.patientId, p), inArray(task.kind, ["TEAM_DECISION"])));
    expect(tasks).toHaveLength(1);
  });
});
