import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, certificate, consent, handover, task, taskEvent } from "../db/schema.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { lockMessageIds, receiveMessage } from "../arenden/inbound-store.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { runTaskJob } from "./job.ts";

// Today is 2026-11-16 in Stockholm.
const now = new Date("2026-11-16T09:00:00Z");
const today = "2026-11-16";

const signedContent = {
  smittbararpenning: false,
  grund: [{ typ: "FYSISK_UNDERSOKNING", datum: "2026-11-10" }],
  sysselsattning: ["NUVARANDE_ARBETE"],
  yrke: "Undersköterska inom hemtjänsten",
  diagnoser: [{ kod: "F43.8A", text: "Utmattningssyndrom" }],
  funktionsnedsattning: "Nedsatt koncentration och minne, uttalad uttröttbarhet vid samtal.",
  aktivitetsbegransning: "Klarar inte att planera eller genomföra arbetsuppgifter mer än en timme.",
  perioder: [{ grad: 100, from: "2026-11-10", tom: "2026-12-20" }],
  prognos: { typ: "STOR_SANNOLIKHET", manader: null, motivering: null },
  fmbMotivering: null,
};

interface Arende {
  id: string;
  status: string;
  version: number;
}

describe.each(testDatabaseKinds())("tasks created by events on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let doctorId: string;
  let otherDoctorId: string;
  let coordinatorId: string;
  let secretaryId: string;
  let doctor: TestClient;
  let secretary: TestClient;
  let coordinator: TestClient;

  /** A signed certificate stored directly (as an earlier part of the case). */
  async function storedCertificate(patientId: string, doctor: string, from: string, to: string) {
    const body = {
      diagnoser: [{ kod: "F43.8A", text: "Utmattningssyndrom" }],
      perioder: [{ grad: 100, from, tom: to }],
    };
    const [row] = await database.db
      .insert(certificate)
      .values({
        unitId,
        patientId,
        doctorId: doctor,
        status: "SIGNERAT",
        signedAt: `${from}T10:00:00Z`,
        content: body,
        ...derivedColumns(body),
      })
      .returning();
    return row!.id;
  }

  /** A certificate written and signed through the API by the doctor. */
  async function signedThroughApi(patientId: string): Promise<string> {
    const draft = await doctor.json<{ id: string; version: number }>(
      "POST",
      `/api/patients/${patientId}/certificates`,
      { body: { content: signedContent } },
    );
    const signed = await doctor.json<{ status: string }>("POST", `/api/certificates/${draft.body.id}/sign`, {
      body: { version: draft.body.version },
    });
    expect(signed.body.status).toBe("SIGNERAT");
    return draft.body.id;
  }

  async function tasksAbout(subject: string) {
    return database.db
      .select()
      .from(task)
      .where(and(eq(task.unitId, unitId), eq(task.subject, subject)));
  }

  async function createdTrail(taskId: string) {
    const events = await database.db.select().from(taskEvent).where(eq(taskEvent.taskId, taskId));
    const audits = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entity, "task"), eq(auditEvent.entityId, taskId)));
    return { events, audits };
  }

  const komplettering = (certificateId: string) => ({
    type: "KOMPLT",
    certificateId,
    receivedDate: "2026-11-12",
    lastAnswerDate: "2026-11-20",
    questionFields: ["35"],
    text: "Beskriv funktionsnedsättningen mer konkret.",
  });

  const register = (patientId: string, body: object) =>
    secretary.json<Arende>("POST", `/api/patients/${patientId}/arenden`, { body });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    const user = (role: "LAKARE" | "SEKRETERARE" | "REHABKOORDINATOR") =>
      buildUser(database.db, { roles: [[role, unitId]] }).then((u) => u.id);
    doctorId = await user("LAKARE");
    otherDoctorId = await user("LAKARE");
    secretaryId = await user("SEKRETERARE");
    coordinatorId = await user("REHABKOORDINATOR");
    doctor = await clientFor(testApp, doctorId);
    secretary = await clientFor(testApp, secretaryId);
    coordinator = await clientFor(testApp, coordinatorId);
  });
  afterAll(() => database.close());

  it("gives a registered komplettering to the signing doctor, on the case holding the certificate, until answered", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const certificateId = await signedThroughApi(patientId);
    // An earlier certificate joins the case: it starts 2026-10-01, not on the certificate's start.
    await storedCertificate(patientId, doctorId, "2026-10-01", "2026-11-09");

    const arende = await register(patientId, komplettering(certificateId));
    expect(arende.status).toBe(201);
    const [created, ...more] = await tasksAbout(arende.body.id);
    expect(more).toEqual([]);
    expect(created).toMatchObject({
      patientId,
      kind: "KOMPLETTERING_ANSWER",
      caseStart: "2026-10-01",
      dueDate: "2026-11-20",
      responsibleUserId: doctorId,
      status: "OPEN",
    });
    const trail = await createdTrail(created!.id);
    expect(trail.events.map((e) => [e.event, e.userId, e.date])).toEqual([
      ["CREATED", secretaryId, "2026-11-20"],
    ]);
    expect(trail.audits.map((a) => [a.action, a.userId, a.patientId, a.unitId])).toEqual([
      ["CREATE", secretaryId, patientId, unitId],
    ]);

    // The doctor sees it in their task list, with its Swedish label.
    const mine = await doctor.json<{ tasks: { id: string; kindLabel: string }[] }>(
      "GET",
      "/api/tasks?scope=mine",
    );
    expect(mine.status).toBe(200);
    expect(mine.body.tasks.find((t) => t.id === created!.id)?.kindLabel).toBe(
      "Besvara komplettering från Försäkringskassan",
    );

    const answered = await doctor.json<Arende>("POST", `/api/arenden/${arende.body.id}/answer`, {
      body: { version: arende.body.version, kind: "KAN_EJ_KOMPLETTERA", text: "Patienten har inte kommit." },
    });
    expect(answered.status).toBe(200);
    const [done] = await tasksAbout(arende.body.id);
    expect(done).toMatchObject({ status: "DONE", closedBy: doctorId, note: "Kan ej komplettera" });
    const closedTrail = await createdTrail(created!.id);
    expect(closedTrail.events.map((e) => e.event).sort()).toEqual(["CREATED", "DONE"]);
    expect(closedTrail.audits.map((a) => a.action).sort()).toEqual(["CREATE", "UPDATE"]);
  });

  it("ends the daily job's overdue task too when a late komplettering is answered", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const certificateId = await signedThroughApi(patientId);
    const arende = await register(patientId, {
      ...komplettering(certificateId),
      receivedDate: "2026-11-01",
      lastAnswerDate: "2026-11-10",
    });
    await runTaskJob(database, { now, reference: testApp.deps.reference, unitIds: [unitId] });
    expect((await tasksAbout(arende.body.id)).map((t) => [t.kind, t.status]).sort()).toEqual([
      ["KOMPLETTERING_ANSWER", "OPEN"],
      ["KOMPLETTERING_OVERDUE", "OPEN"],
    ]);
    await doctor.json("POST", `/api/arenden/${arende.body.id}/answer`, {
      body: { version: arende.body.version, kind: "KAN_EJ_KOMPLETTERA", text: "Patienten uteblev." },
    });
    expect((await tasksAbout(arende.body.id)).map((t) => t.status)).toEqual(["DONE", "DONE"]);
  });

  it("is due KOMPLETTERING_DAYS after receipt without a last answer date, and done when the completing certificate is sent", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    const certificateId = await signedThroughApi(patientId);
    const arende = await register(patientId, { ...komplettering(certificateId), lastAnswerDate: null });
    expect(arende.status).toBe(201);
    const [created] = await tasksAbout(arende.body.id);
    expect(created).toMatchObject({ caseStart: "2026-11-10", dueDate: "2026-11-26", status: "OPEN" });

    const started = await doctor.json<{ draftId: string }>("POST", `/api/arenden/${arende.body.id}/answer`, {
      body: { version: arende.body.version, kind: "KOMPLETTERING" },
    });
    expect(started.status).toBe(200);
    // Started is not answered: the task stays open until the certificate is sent.
    expect((await tasksAbout(arende.body.id))[0]!.status).toBe("OPEN");
    const draftId = started.body.draftId;
    const draft = await doctor.json<{ version: number; content: Record<string, unknown> }>(
      "GET",
      `/api/certificates/${draftId}`,
    );
    const saved = await doctor.json<{ version: number }>("PUT", `/api/certificates/${draftId}`, {
      body: {
        version: draft.body.version,
        content: { ...draft.body.content, funktionsnedsattning: "Vid undersökning: tydligt nedsatt minne." },
      },
    });
    const signed = await doctor.json<{ version: number }>("POST", `/api/certificates/${draftId}/sign`, {
      body: { version: saved.body.version },
    });
    const sent = await doctor.json<{ status: string }>("POST", `/api/certificates/${draftId}/send`, {
      body: { version: signed.body.version, confirmedWarnings: ["SHORT_CASE"] },
    });
    expect(sent.status).toBe(200);
    expect((await tasksAbout(arende.body.id))[0]).toMatchObject({
      status: "DONE",
      closedBy: doctorId,
      note: "Besvarad med kompletterande intyg",
    });
  });

  it("creates the task for a komplettering received from Försäkringskassan by the system, to the doctor covering an absent one", async () => {
    const patient = await buildPatient(database.db, unitId);
    const certificateId = await signedThroughApi(patient.id);
    // The signing doctor is away: their new tasks go to the other doctor, as the job's do.
    await database.db.insert(handover).values({
      unitId,
      fromDoctorId: doctorId,
      toDoctorId: otherDoctorId,
      startDate: "2026-11-15",
      endDate: "2026-11-30",
      recordedBy: coordinatorId,
    });
    const message = {
      messageId: `FK-${patient.id}`,
      type: "KOMPLT" as const,
      certificateId,
      personnummer: patient.personnummer,
      receivedDate: "2026-11-13",
      lastAnswerDate: null,
      questionFields: ["35"],
      text: "Beskriv funktionsnedsättningen mer konkret.",
    };
    const receive = () =>
      database.db.transaction(async (tx) => {
        await lockMessageIds(tx, [message.messageId]);
        return receiveMessage({ tx, today, unitId: null, actor: null, grant: null }, message);
      });
    const outcome = await receive();
    await database.db.delete(handover).where(eq(handover.unitId, unitId));
    expect(outcome.outcome).toBe("CREATED");
    const arendeId = outcome.outcome === "CREATED" ? outcome.arendeId : "";
    const [created, ...more] = await tasksAbout(arendeId);
    expect(more).toEqual([]);
    expect(created).toMatchObject({
      patientId: patient.id,
      kind: "KOMPLETTERING_ANSWER",
      caseStart: "2026-11-10",
      dueDate: "2026-11-27",
      responsibleUserId: otherDoctorId,
    });
    const trail = await createdTrail(created!.id);
    expect(trail.events.map((e) => [e.event, e.userId])).toEqual([["CREATED", null]]);
    expect(trail.audits.map((a) => [a.action, a.userId, a.patientId, a.unitId])).toEqual([
      ["CREATE", null, patient.id, unitId],
    ]);

    // The same message again: no second ärende, no second task.
    expect((await receive()).outcome).toBe("ALREADY_IMPORTED");
    expect(await tasksAbout(arendeId)).toHaveLength(1);
  });

  it("creates a follow-up task for a samverkansmöte with a follow-up date, on the latest case or the meeting's date", async () => {
    const meeting = (patientId: string, followUpDate: string | null) =>
      coordinator.json<{ id: string }>("POST", `/api/patients/${patientId}/samverkansmoten`, {
        body: {
          kind: "TREPARTSMOTE",
          date: "2026-11-12",
          participants: [{ name: "Anna Chef", role: "Närmaste chef", party: "ARBETSGIVARE" }],
          notes: "Anpassade arbetsuppgifter diskuterades.",
          followUpDate,
        },
      });
    const withConsent = async (patientId: string) => {
      await database.db.insert(consent).values({
        unitId,
        patientId,
        kind: "KOORDINERING",
        obtainedBy: coordinatorId,
        obtainedDate: "2026-11-01",
        method: "MUNTLIGT",
        scope: "Koordinering under sjukskrivningen.",
        validTo: "2027-11-01",
      });
      return patientId;
    };

    // An earlier, ended case and the current one: the task goes on the current one.
    const withCase = await withConsent((await buildPatient(database.db, unitId)).id);
    await storedCertificate(withCase, doctorId, "2026-06-01", "2026-06-30");
    await storedCertificate(withCase, doctorId, "2026-10-20", "2026-12-20");
    const held = await meeting(withCase, "2026-12-15");
    expect(held.status).toBe(201);
    const [created, ...more] = await tasksAbout(held.body.id);
    expect(more).toEqual([]);
    expect(created).toMatchObject({
      patientId: withCase,
      kind: "MEETING_FOLLOW_UP",
      caseStart: "2026-10-20",
      dueDate: "2026-12-15",
      responsibleUserId: coordinatorId,
      status: "OPEN",
    });
    const trail = await createdTrail(created!.id);
    expect(trail.events.map((e) => [e.event, e.userId])).toEqual([["CREATED", coordinatorId]]);
    expect(trail.audits.map((a) => [a.action, a.userId, a.patientId])).toEqual([
      ["CREATE", coordinatorId, withCase],
    ]);

    const noFollowUp = await meeting(withCase, null);
    expect(noFollowUp.status).toBe(201);
    expect(await tasksAbout(noFollowUp.body.id)).toEqual([]);

    const withoutCase = await withConsent((await buildPatient(database.db, unitId)).id);
    const other = await meeting(withoutCase, "2026-12-01");
    expect(other.status).toBe(201);
    expect(await tasksAbout(other.body.id)).toMatchObject([
      { patientId: withoutCase, caseStart: "2026-11-12", dueDate: "2026-12-01" },
    ]);
  });

  it("creates a next-step task when a kartläggande samtal is completed, on its case or the latest one", async () => {
    const patientId = (await buildPatient(database.db, unitId)).id;
    await storedCertificate(patientId, doctorId, "2026-10-05", "2026-12-20");
    const complete = async (body: Record<string, unknown>) => {
      const created = await coordinator.json<{ id: string; version: number }>(
        "POST",
        `/api/patients/${patientId}/kartlaggande-samtal`,
        {
          body: {
            workSituation: "Undersköterska i hemtjänsten.",
            health: "Utmattning.",
            socialSituation: "Ensamstående med två barn.",
            ownGoals: "Arbeta 50 % i januari.",
            obstacles: "Sömnsvårigheter.",
            coordinationNeed: "Behöver stöd i kontakten med arbetsgivaren.",
            outcome: "FORTSATT_KARTLAGGNING",
            nextStep: "Nytt samtal.",
            nextStepDate: "2026-11-30",
            ...body,
          },
        },
      );
      expect(created.status).toBe(201);
      const draftTasks = await tasksAbout(created.body.id);
      const completed = await coordinator.json<{ status: string }>(
        "POST",
        `/api/kartlaggande-samtal/${created.body.id}/complete`,
        { body: { version: created.body.version } },
      );
      expect(completed.status).toBe(200);
      expect(completed.body.status).toBe("KLAR");
      return { id: created.body.id, draftTasks };
    };

    const latest = await complete({});
    expect(latest.draftTasks).toEqual([]);
    const [created, ...more] = await tasksAbout(latest.id);
    expect(more).toEqual([]);
    expect(created).toMatchObject({
      patientId,
      kind: "SAMTAL_NEXT_STEP",
      caseStart: "2026-10-05",
      dueDate: "2026-11-30",
      responsibleUserId: coordinatorId,
      status: "OPEN",
    });
    const trail = await createdTrail(created!.id);
    expect(trail.events.map((e) => [e.event, e.userId])).toEqual([["CREATED", coordinatorId]]);
    expect(trail.audits.map((a) => [a.action, a.userId, a.patientId])).toEqual([
      ["CREATE", coordinatorId, patientId],
    ]);

    // A samtal about a given case keeps that case.
    const ofCase = await complete({ caseStart: "2026-10-05", nextStepDate: "2026-12-02" });
    expect(await tasksAbout(ofCase.id)).toMatchObject([{ caseStart: "2026-10-05", dueDate: "2026-12-02" }]);
  });

  it("is not duplicated by the daily job", async () => {
    const eventKinds = ["KOMPLETTERING_ANSWER", "MEETING_FOLLOW_UP", "SAMTAL_NEXT_STEP"];
    const ofEventKinds = async () =>
      (
        await database.db
          .select({ id: task.id, kind: task.kind, subject: task.subject })
          .from(task)
          .where(and(eq(task.unitId, unitId), inArray(task.kind, eventKinds)))
      )
        .map((t) => `${t.kind}:${t.subject}:${t.id}`)
        .sort();
    const before = await ofEventKinds();
    expect(new Set(before.map((t) => t.split(":")[0]))).toEqual(new Set(eventKinds));
    for (let run = 0; run < 2; run++) {
      const result = await runTaskJob(database, {
        now,
        reference: testApp.deps.reference,
        unitIds: [unitId],
      });
      expect(result.units).toBe(1);
      expect(await ofEventKinds()).toEqual(before);
    }
  });
});
