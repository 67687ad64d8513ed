import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import {
  aktualiseringDecision,
  auditEvent,
  consent,
  coordinationMeasure,
  coordinationMeeting,
  patient,
  task,
} from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues?: { path: string; message: string }[];
    consent?: { kind: string; state: string };
    current?: { id: string; version?: number } | null;
  };
}
interface Consent {
  id: string;
  kind: string;
  validTo: string;
  version: number;
  withdrawal: { date: string; note: string } | null;
}
interface ConsentStates {
  states: { kind: string; state: string; daysLeft: number | null; consentId: string | null }[];
  consents: Consent[];
}
interface Decision {
  id: string;
  decision: string;
  current: boolean;
  supersedesId: string | null;
  samtalId: string | null;
}
interface Aktualisering {
  cases: {
    start: string;
    longerThan30Days: boolean;
    needsDecision: boolean;
    current: Decision | null;
    history: Decision[];
  }[];
}
interface Samtal {
  id: string;
  status: string;
  version: number;
  workSituation: string;
  decisionId?: string | null;
}

// Today is 2026-11-16 in Stockholm; the imported case starts 2026-10-01 (day 47).
const now = new Date("2026-11-16T09:00:00Z");
const today = "2026-11-16";
const caseStart = "2026-10-01";

describe.each(testDatabaseKinds())("coordination API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let coordinator: TestClient;
  let doctor: TestClient;
  let secretary: TestClient;
  let otherCoordinator: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    const otherUnitId = (await buildUnit(database.db)).id;
    const user = (role: "LAKARE" | "SEKRETERARE" | "REHABKOORDINATOR", unit = unitId) =>
      buildUser(database.db, { roles: [[role, unit]] }).then((u) => clientFor(testApp, u.id));
    coordinator = await user("REHABKOORDINATOR");
    doctor = await user("LAKARE");
    secretary = await user("SEKRETERARE");
    otherCoordinator = await user("REHABKOORDINATOR", otherUnitId);
  });
  afterAll(() => database.close());

  /** A patient on the unit with a sick-leave case from 2026-10-01 (imported certificate). */
  async function patientWithCase(): Promise<string> {
    const patient = await buildPatient(database.db, unitId);
    const res = await secretary.json("POST", "/api/import/certificates", {
      body: [
        {
          id: `ext-${patient.id}`,
          patient: patient.personnummer,
          unit: unitId,
          signed: "2026-10-01T10:00:00",
          diagnosis: "F438",
          periods: [{ from: caseStart, to: "2026-12-20", grade: 100 }],
        },
      ],
    });
    expect(res.status).toBeLessThan(300);
    return patient.id;
  }

  const recordConsent = (patientId: string, body: Record<string, unknown>, client = coordinator) =>
    client.json<Consent & ErrorBody>("POST", `/api/patients/${patientId}/samtycken`, {
      body: {
        obtainedDate: "2026-11-01",
        method: "MUNTLIGT",
        scope: "Koordinering under sjukskrivningen.",
        ...body,
      },
    });
  const recordMeasure = (patientId: string, body: Record<string, unknown>) =>
    coordinator.json<{ id: string; type: string } & ErrorBody>(
      "POST",
      `/api/patients/${patientId}/koordineringsinsatser`,
      { body: { date: today, note: "Samtal om återgång.", ...body } },
    );
  const decide = (patientId: string, body: Record<string, unknown>) =>
    coordinator.json<Decision & ErrorBody>("POST", `/api/patients/${patientId}/aktualisering`, {
      body: { caseStart, supersedesId: null, ...body },
    });
  const count = async (table: typeof consent | typeof coordinationMeasure | typeof coordinationMeeting) =>
    (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  const auditOf = (patientId: string, entity: string) =>
    database.db
      .select({ action: auditEvent.action, entity: auditEvent.entity, details: auditEvent.details })
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patientId), eq(auditEvent.entity, entity)));

  it("records each consent kind separately, valid twelve months by default, and audits it", async () => {
    const patientId = await patientWithCase();
    const before = await coordinator.json<ConsentStates>("GET", `/api/patients/${patientId}/samtycken`);
    expect(before.status).toBe(200);
    expect(before.body.states.map((s) => [s.kind, s.state])).toEqual([
      ["KOORDINERING", "missing"],
      ["TEAM", "missing"],
      ["INFO_FK", "missing"],
    ]);

    const recorded = await recordConsent(patientId, { kind: "KOORDINERING" });
    expect(recorded.status).toBe(201);
    expect(recorded.body.validTo).toBe("2027-10-31");
    const byDoctor = await recordConsent(
      patientId,
      { kind: "TEAM", method: "SKRIFTLIGT", validTo: "2026-11-16" },
      doctor,
    );
    expect(byDoctor.status).toBe(201);

    const after = await coordinator.json<ConsentStates>("GET", `/api/patients/${patientId}/samtycken`);
    expect(after.body.states.map((s) => [s.kind, s.state, s.daysLeft])).toEqual([
      ["KOORDINERING", "valid", 350],
      ["TEAM", "valid", 1],
      ["INFO_FK", "missing", null],
    ]);
    expect((await auditOf(patientId, "consent")).map((e) => e.action).sort()).toEqual([
      "CREATE",
      "CREATE",
      "READ",
      "READ",
    ]);
  });

  it("refuses bad consent input and those without the capability, writing nothing", async () => {
    const patientId = await patientWithCase();
    const before = await count(consent);
    const future = await recordConsent(patientId, { kind: "KOORDINERING", obtainedDate: "2026-11-17" });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe("Datum för samtycket kan inte vara i framtiden.");
    const backwards = await recordConsent(patientId, { kind: "TEAM", validTo: "2026-11-01" });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues?.[0]?.path).toBe("validTo");
    const unknownKind = await recordConsent(patientId, { kind: "ALLT" });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.issues?.[0]?.message).toBe("Välj vad samtycket gäller.");
    const noScope = await recordConsent(patientId, { kind: "TEAM", scope: "   " });
    expect(noScope.status).toBe(400);
    expect((await recordConsent(patientId, { kind: "TEAM" }, secretary)).status).toBe(403);
    expect((await secretary.json("GET", `/api/patients/${patientId}/samtycken`)).status).toBe(403);
    expect(await count(consent)).toBe(before);
  });

  it("refuses a koordineringsinsats without valid consent and writes nothing", async () => {
    const patientId = await patientWithCase();
    const before = await count(coordinationMeasure);
    const refused = await recordMeasure(patientId, { type: "PERSONLIGT_STOD" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("CONSENT_REQUIRED");
    expect(refused.body.error.message).toBe("Patienten har inte gett samtycke till koordinering.");
    expect(refused.body.error.consent).toEqual({ kind: "KOORDINERING", state: "missing" });
    expect(await count(coordinationMeasure)).toBe(before);
    expect(await auditOf(patientId, "coordination_measure")).toEqual([]);

    // A consent obtained later does not cover an earlier measure.
    await recordConsent(patientId, { kind: "KOORDINERING", obtainedDate: "2026-11-10" });
    const earlier = await recordMeasure(patientId, { type: "PERSONLIGT_STOD", date: "2026-11-05" });
    expect(earlier.status).toBe(400);
    expect(earlier.body.error.message).toBe(
      "Patienten hade inte gett samtycke till koordinering på det datumet.",
    );
    expect(await count(coordinationMeasure)).toBe(before);
  });

  it("records measures of the law's three types, samverkan with FK only with the FK consent", async () => {
    const patientId = await patientWithCase();
    await recordConsent(patientId, { kind: "KOORDINERING" });
    const support = await recordMeasure(patientId, { type: "PERSONLIGT_STOD" });
    expect(support.status).toBe(201);
    const internal = await recordMeasure(patientId, { type: "INTERN_SAMORDNING", date: "2026-11-12" });
    expect(internal.status).toBe(201);
    const employer = await recordMeasure(patientId, { type: "SAMVERKAN", counterpart: "ARBETSGIVARE" });
    expect(employer.status).toBe(201);

    const noCounterpart = await recordMeasure(patientId, { type: "SAMVERKAN" });
    expect(noCounterpart.status).toBe(400);
    expect(noCounterpart.body.error.issues?.map((i) => i.path)).toEqual(["counterpart"]);
    const otherWithoutText = await recordMeasure(patientId, { type: "SAMVERKAN", counterpart: "ANNAN" });
    expect(otherWithoutText.status).toBe(400);
    const twoTypes = await recordMeasure(patientId, { type: ["PERSONLIGT_STOD", "SAMVERKAN"] });
    expect(twoTypes.status).toBe(400);

    const fk = await recordMeasure(patientId, { type: "SAMVERKAN", counterpart: "FORSAKRINGSKASSAN" });
    expect(fk.status).toBe(400);
    expect(fk.body.error.message).toBe(
      "Patienten har inte gett samtycke till att vården lämnar uppgifter till Försäkringskassan.",
    );
    await recordConsent(patientId, { kind: "INFO_FK" });
    expect(
      (await recordMeasure(patientId, { type: "SAMVERKAN", counterpart: "FORSAKRINGSKASSAN" })).status,
    ).toBe(201);
    const audited = await auditOf(patientId, "coordination_measure");
    expect(audited.map((e) => e.action)).toEqual(["CREATE", "CREATE", "CREATE", "CREATE"]);
    expect(audited.map((e) => e.details.type).sort()).toEqual([
      "INTERN_SAMORDNING",
      "PERSONLIGT_STOD",
      "SAMVERKAN",
      "SAMVERKAN",
    ]);
    // Nobody but the coordinator documents measures.
    const byDoctor = await doctor.json("POST", `/api/patients/${patientId}/koordineringsinsatser`, {
      body: { type: "PERSONLIGT_STOD", date: today },
    });
    expect(byDoctor.status).toBe(403);
  });

  it("withdraws a consent keeping it in the history; later measures are refused, earlier ones not", async () => {
    const patientId = await patientWithCase();
    const given = (await recordConsent(patientId, { kind: "KOORDINERING", obtainedDate: "2026-10-05" })).body;
    const stale = await coordinator.json<ErrorBody>("POST", `/api/samtycken/${given.id}/withdraw`, {
      body: { version: given.version + 1, withdrawnDate: "2026-11-10" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current?.id).toBe(given.id);
    const future = await coordinator.json<ErrorBody>("POST", `/api/samtycken/${given.id}/withdraw`, {
      body: { version: given.version, withdrawnDate: "2026-11-17" },
    });
    expect(future.status).toBe(400);

    const withdrawn = await coordinator.json<Consent>("POST", `/api/samtycken/${given.id}/withdraw`, {
      body: {
        version: given.version,
        withdrawnDate: "2026-11-10",
        note: "Patienten ringde och återkallade.",
      },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawal).toMatchObject({
      date: "2026-11-10",
      note: "Patienten ringde och återkallade.",
    });
    const again = await coordinator.json<ErrorBody>("POST", `/api/samtycken/${given.id}/withdraw`, {
      body: { version: withdrawn.body.version, withdrawnDate: "2026-11-11" },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe("Samtycket är redan återkallat.");

    const list = await coordinator.json<ConsentStates>("GET", `/api/patients/${patientId}/samtycken`);
    expect(list.body.consents.map((c) => c.id)).toEqual([given.id]);
    expect(list.body.states[0]).toMatchObject({
      kind: "KOORDINERING",
      state: "withdrawn",
      consentId: given.id,
    });

    const after = await recordMeasure(patientId, { type: "PERSONLIGT_STOD" });
    expect(after.status).toBe(400);
    expect(after.body.error.message).toBe("Patienten har återkallat sitt samtycke till koordinering.");
    expect((await recordMeasure(patientId, { type: "PERSONLIGT_STOD", date: "2026-11-09" })).status).toBe(
      201,
    );

    // The database itself keeps the history: no deleting, no rewriting the facts.
    await expect(database.db.delete(consent).where(eq(consent.id, given.id))).rejects.toThrow();
    await expect(
      database.db.update(consent).set({ scope: "Ändrad i efterhand" }).where(eq(consent.id, given.id)),
    ).rejects.toThrow();
  });

  it("records meetings; an avstämningsmöte needs the FK consent; the follow-up date is kept", async () => {
    const patientId = await patientWithCase();
    const meeting = (body: Record<string, unknown>) =>
      coordinator.json<
        { id: string; followUpDate: string | null; participants: { partyLabel: string }[] } & ErrorBody
      >("POST", `/api/patients/${patientId}/samverkansmoten`, {
        body: {
          kind: "TREPARTSMOTE",
          date: "2026-11-12",
          participants: [
            { name: "Anna Chef", role: "Närmaste chef", party: "ARBETSGIVARE" },
            { name: "Patienten", party: "PATIENT" },
          ],
          notes: "Anpassade arbetsuppgifter diskuterades.",
          followUpDate: "2026-12-15",
          ...body,
        },
      });
    const before = await count(coordinationMeeting);
    expect((await meeting({})).status).toBe(400);
    await recordConsent(patientId, { kind: "KOORDINERING" });
    const held = await meeting({});
    expect(held.status).toBe(201);
    expect(held.body.followUpDate).toBe("2026-12-15");
    expect(held.body.participants[0]!.partyLabel).toBe("Arbetsgivare");

    const avstamning = await meeting({
      kind: "AVSTAMNINGSMOTE",
      participants: [{ name: "Bo Handläggare", role: "Handläggare", party: "FORSAKRINGSKASSAN" }],
    });
    expect(avstamning.status).toBe(400);
    expect(avstamning.body.error.consent).toEqual({ kind: "INFO_FK", state: "missing" });
    const internalOnly = await meeting({ participants: [{ name: "Patienten", party: "PATIENT" }] });
    expect(internalOnly.status).toBe(400);
    expect(internalOnly.body.error.issues?.[0]?.path).toBe("participants");
    const followUpFirst = await meeting({ followUpDate: "2026-11-01" });
    expect(followUpFirst.status).toBe(400);
    expect(await count(coordinationMeeting)).toBe(before + 1);

    await recordConsent(patientId, { kind: "INFO_FK" });
    expect(
      (
        await meeting({
          kind: "AVSTAMNINGSMOTE",
          participants: [{ name: "Bo Handläggare", role: "Handläggare", party: "FORSAKRINGSKASSAN" }],
        })
      ).status,
    ).toBe(201);
    expect((await auditOf(patientId, "coordination_meeting")).length).toBe(2);
  });

  it("decides on a case past day 30 with the consent the decision needs; later decisions supersede", async () => {
    const patientId = await patientWithCase();
    const initial = await coordinator.json<Aktualisering>("GET", `/api/patients/${patientId}/aktualisering`);
    expect(initial.status).toBe(200);
    expect(initial.body.cases).toEqual([
      expect.objectContaining({
        start: caseStart,
        longerThan30Days: true,
        needsDecision: true,
        current: null,
      }),
    ]);

    const team = await decide(patientId, { decision: "AKTUALISERA_TEAM" });
    expect(team.status).toBe(400);
    expect(team.body.error.message).toBe(
      "Patienten har inte gett samtycke till aktualisering i det multimodala teamet.",
    );
    const noReason = await decide(patientId, { decision: "INGEN_ATGARD" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues?.[0]?.path).toBe("reason");
    const noCase = await decide(patientId, {
      decision: "INGEN_ATGARD",
      caseStart: "2026-10-02",
      reason: "x",
    });
    expect(noCase.status).toBe(400);
    expect(noCase.body.error.issues?.[0]?.path).toBe("caseStart");
    expect(
      await database.db
        .select()
        .from(aktualiseringDecision)
        .where(eq(aktualiseringDecision.patientId, patientId)),
    ).toEqual([]);

    await recordConsent(patientId, { kind: "KOORDINERING" });
    const first = await decide(patientId, { decision: "KOORDINERA_UTAN_TEAM" });
    expect(first.status).toBe(201);
    expect(first.body.current).toBe(true);
    const stale = await decide(patientId, { decision: "INGEN_ATGARD", reason: "Åter i arbete." });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current?.id).toBe(first.body.id);

    const second = await decide(patientId, {
      decision: "INGEN_ATGARD",
      reason: "Åter i arbete på heltid från 2026-11-23.",
      supersedesId: first.body.id,
    });
    expect(second.status).toBe(201);
    expect(second.body.supersedesId).toBe(first.body.id);

    const after = await coordinator.json<Aktualisering>("GET", `/api/patients/${patientId}/aktualisering`);
    const decided = after.body.cases[0]!;
    expect(decided.needsDecision).toBe(false);
    expect(decided.current?.id).toBe(second.body.id);
    expect(decided.history.map((d) => [d.decision, d.current])).toEqual([
      ["INGEN_ATGARD", true],
      ["KOORDINERA_UTAN_TEAM", false],
    ]);
    expect((await auditOf(patientId, "aktualisering_decision")).map((e) => e.action).sort()).toEqual([
      "CREATE",
      "CREATE",
    ]);
  });

  it("keeps a decision with its case when an earlier certificate moves the case start", async () => {
    const patientId = await patientWithCase();
    await recordConsent(patientId, { kind: "KOORDINERING" });
    const decided = await decide(patientId, { decision: "KOORDINERA_UTAN_TEAM" });
    expect(decided.status).toBe(201);
    const [stored] = await database.db
      .select()
      .from(aktualiseringDecision)
      .where(eq(aktualiseringDecision.id, decided.body.id));
    expect(stored!.caseCertificateId).not.toBeNull();

    // A certificate written elsewhere, imported later: 2026-09-20 … 2026-09-30 joins the case.
    const [stored2] = await database.db
      .select({ personnummer: patient.personnummer })
      .from(patient)
      .where(eq(patient.id, patientId));
    const imported = await secretary.json("POST", "/api/import/certificates", {
      body: [
        {
          id: `earlier-${patientId}`,
          patient: stored2!.personnummer,
          unit: unitId,
          signed: "2026-09-20T10:00:00",
          diagnosis: "F438",
          periods: [{ from: "2026-09-20", to: "2026-09-30", grade: 100 }],
        },
      ],
    });
    expect(imported.status).toBeLessThan(300);

    const after = await coordinator.json<Aktualisering>("GET", `/api/patients/${patientId}/aktualisering`);
    expect(after.body.cases).toEqual([
      expect.objectContaining({ start: "2026-09-20", needsDecision: false }),
    ]);
    expect(after.body.cases[0]!.current?.id).toBe(decided.body.id);
    // A new decision on the moved case supersedes the one it kept; a stale one is refused.
    const stale = await decide(patientId, { caseStart: "2026-09-20", decision: "INGEN_ATGARD", reason: "x" });
    expect(stale.status).toBe(409);
    const next = await decide(patientId, {
      caseStart: "2026-09-20",
      decision: "INGEN_ATGARD",
      reason: "Åter i arbete.",
      supersedesId: decided.body.id,
    });
    expect(next.status).toBe(201);
  });

  it("closes the case's open 'besluta om aktualisering' task when the case is decided", async () => {
    const patientId = await patientWithCase();
    const [open] = await database.db
      .insert(task)
      .values({ unitId, patientId, caseStart, kind: "AKTUALISERA", dueDate: "2026-10-31" })
      .returning();
    const otherCase = await database.db
      .insert(task)
      .values({ unitId, patientId, caseStart: "2025-01-01", kind: "AKTUALISERA", dueDate: "2025-01-31" })
      .returning();
    await recordConsent(patientId, { kind: "KOORDINERING" });
    expect((await decide(patientId, { decision: "KOORDINERA_UTAN_TEAM" })).status).toBe(201);

    const [closed] = await database.db.select().from(task).where(eq(task.id, open!.id));
    expect(closed).toMatchObject({ status: "DONE", note: "Beslut: Koordinering utan team" });
    const [untouched] = await database.db.select().from(task).where(eq(task.id, otherCase[0]!.id));
    expect(untouched!.status).toBe("OPEN");
    expect((await auditOf(patientId, "task")).map((e) => e.action)).toEqual(["UPDATE"]);
  });

  it("lets only one of two simultaneous first decisions through", async () => {
    const patientId = await patientWithCase();
    const results = await Promise.all([
      decide(patientId, { decision: "INGEN_ATGARD", reason: "Kort sjukskrivning kvar." }),
      decide(patientId, { decision: "INGEN_ATGARD", reason: "Återgår snart." }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await database.db
      .select()
      .from(aktualiseringDecision)
      .where(eq(aktualiseringDecision.patientId, patientId));
    expect(rows.length).toBe(1);
  });

  it("keeps a kartläggande samtal editable as a draft, completes it into a decision, then read-only", async () => {
    const patientId = await patientWithCase();
    const created = await coordinator.json<Samtal>("POST", `/api/patients/${patientId}/kartlaggande-samtal`, {
      body: { caseStart, workSituation: "Undersköterska i hemtjänsten." },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("UTKAST");
    const url = `/api/kartlaggande-samtal/${created.body.id}`;

    const saved = await coordinator.json<Samtal>("PUT", url, {
      body: { version: created.body.version, health: "Utmattning.", outcome: "AKTUALISERA_TEAM" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.workSituation).toBe("Undersköterska i hemtjänsten.");
    const stale = await coordinator.json<ErrorBody>("PUT", url, {
      body: { version: created.body.version, health: "Annat." },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current?.version).toBe(saved.body.version);

    const incomplete = await coordinator.json<ErrorBody>("POST", `${url}/complete`, {
      body: { version: saved.body.version },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.issues?.map((i) => i.path)).toEqual([
      "socialSituation",
      "ownGoals",
      "obstacles",
      "coordinationNeed",
      "nextStep",
      "nextStepDate",
    ]);
    const filled = await coordinator.json<Samtal>("PUT", url, {
      body: {
        version: saved.body.version,
        socialSituation: "Ensamstående med två barn.",
        ownGoals: "Arbeta 50 % i januari.",
        obstacles: "Sömnsvårigheter.",
        coordinationNeed: "Behöver stöd i kontakten med arbetsgivaren.",
        nextStep: "Tas upp på teammötet.",
        nextStepDate: "2026-11-25",
      },
    });
    expect(filled.status).toBe(200);

    // The team decision needs the TEAM consent on the samtal's date.
    const noConsent = await coordinator.json<ErrorBody>("POST", `${url}/complete`, {
      body: { version: filled.body.version },
    });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.code).toBe("CONSENT_REQUIRED");
    expect((await coordinator.json<Samtal>("GET", url)).body.status).toBe("UTKAST");

    await recordConsent(patientId, { kind: "TEAM", obtainedDate: today });
    const completed = await coordinator.json<Samtal>("POST", `${url}/complete`, {
      body: { version: filled.body.version },
    });
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe("KLAR");
    expect(completed.body.decisionId).toBeTruthy();

    const locked = await coordinator.json<ErrorBody>("PUT", url, {
      body: { version: completed.body.version, health: "Ändrat i efterhand." },
    });
    expect(locked.status).toBe(400);
    expect(locked.body.error.message).toBe("Samtalet är avslutat och kan inte ändras.");
    expect(
      (
        await coordinator.json<ErrorBody>("POST", `${url}/complete`, {
          body: { version: completed.body.version },
        })
      ).status,
    ).toBe(400);

    const aktualisering = await coordinator.json<Aktualisering>(
      "GET",
      `/api/patients/${patientId}/aktualisering`,
    );
    expect(aktualisering.body.cases[0]!.current).toMatchObject({
      id: completed.body.decisionId,
      decision: "AKTUALISERA_TEAM",
      samtalId: created.body.id,
    });
    const list = await doctor.json<{ samtal: Samtal[] }>(
      "GET",
      `/api/patients/${patientId}/kartlaggande-samtal`,
    );
    expect(list.body.samtal.map((s) => s.id)).toEqual([created.body.id]);
    expect((await auditOf(patientId, "kartlaggande_samtal")).map((e) => e.action)).toEqual(
      expect.arrayContaining(["CREATE", "UPDATE", "READ"]),
    );
  });

  it("shows the coordination log in time order", async () => {
    const patientId = await patientWithCase();
    const given = (await recordConsent(patientId, { kind: "KOORDINERING", obtainedDate: "2026-10-20" })).body;
    await recordMeasure(patientId, { type: "PERSONLIGT_STOD", date: "2026-11-03" });
    await decide(patientId, { decision: "KOORDINERA_UTAN_TEAM", decidedDate: "2026-10-25" });
    await coordinator.json("POST", `/api/samtycken/${given.id}/withdraw`, {
      body: { version: given.version, withdrawnDate: "2026-11-12" },
    });
    const log = await coordinator.json<{
      consent: { kind: string; state: string }[];
      events: { type: string; date: string }[];
    }>("GET", `/api/patients/${patientId}/koordinering`);
    expect(log.status).toBe(200);
    expect(log.body.consent[0]).toMatchObject({ kind: "KOORDINERING", state: "withdrawn" });
    expect(log.body.events.map((e) => [e.type, e.date])).toEqual([
      ["SAMTYCKE", "2026-10-20"],
      ["AKTUALISERING", "2026-10-25"],
      ["KOORDINERINGSINSATS", "2026-11-03"],
      ["SAMTYCKE_ATERKALLAT", "2026-11-12"],
    ]);
    expect((await auditOf(patientId, "koordinering")).map((e) => e.action)).toEqual(["READ"]);
  });

  it("answers 404 for another unit's patient and rows, and writes nothing", async () => {
    const patientId = await patientWithCase();
    const given = (await recordConsent(patientId, { kind: "KOORDINERING" })).body;
    const samtal = (
      await coordinator.json<Samtal>("POST", `/api/patients/${patientId}/kartlaggande-samtal`, { body: {} })
    ).body;
    const measures = await count(coordinationMeasure);
    const requests: [string, string, unknown?][] = [
      ["GET", `/api/patients/${patientId}/samtycken`],
      [
        "POST",
        `/api/patients/${patientId}/samtycken`,
        { kind: "TEAM", obtainedDate: today, method: "MUNTLIGT", scope: "x" },
      ],
      ["POST", `/api/samtycken/${given.id}/withdraw`, { version: 1, withdrawnDate: today }],
      ["GET", `/api/patients/${patientId}/aktualisering`],
      ["GET", `/api/patients/${patientId}/koordinering`],
      ["GET", `/api/kartlaggande-samtal/${samtal.id}`],
      ["PUT", `/api/kartlaggande-samtal/${samtal.id}`, { version: 1, health: "x" }],
      ["POST", `/api/patients/${patientId}/koordineringsinsatser`, { type: "PERSONLIGT_STOD", date: today }],
    ];
    for (const [method, path, body] of requests) {
      const res = await otherCoordinator.json(method, path, body === undefined ? {} : { body });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect(await count(coordinationMeasure)).toBe(measures);
    expect((await auditOf(patientId, "consent")).map((e) => e.action)).toEqual(["CREATE"]);
  });
});
