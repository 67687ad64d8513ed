import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "../db/client.ts";
import { certificate, fkArende, task } from "../db/schema.ts";
import { formatPersonnummer } from "../patients/identity.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

interface Report {
  created: number;
  alreadyImported: number;
  rejected: number;
  messages: {
    index: number;
    messageId: string | null;
    outcome: string;
    arendeId: string | null;
    patientId: string | null;
    reasons: string[];
  }[];
}
interface ErrorBody {
  error: { code: string; message: string };
}

const now = new Date("2026-11-16T09:00:00Z");

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

describe.each(testDatabaseKinds())("ärende import API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let patient: { id: string; personnummer: string };
  let otherPatient: { id: string; personnummer: string };
  let certificateId: string;
  let draftId: string;
  let otherUnitCertificateId: string;
  let otherUnitPersonnummer: string;
  let secretary: TestClient;
  let secretaryId: string;
  let coordinator: TestClient;

  async function certificateOf(doctor: TestClient, patientId: string, sign: boolean) {
    const draft = await doctor.json<{ id: string; version: number }>(
      "POST",
      `/api/patients/${patientId}/certificates`,
      { body: { content: signedContent } },
    );
    if (sign) {
      const signed = await doctor.json<{ status: string }>(
        "POST",
        `/api/certificates/${draft.body.id}/sign`,
        {
          body: { version: draft.body.version },
        },
      );
      expect(signed.body.status).toBe("SIGNERAT");
    }
    return draft.body.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    patient = await buildPatient(database.db, unitId);
    otherPatient = await buildPatient(database.db, unitId);
    const doctor = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id,
    );
    secretaryId = (await buildUser(database.db, { roles: [["SEKRETERARE", unitId]] })).id;
    secretary = await clientFor(testApp, secretaryId);
    coordinator = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id,
    );
    certificateId = await certificateOf(doctor, patient.id, true);
    draftId = await certificateOf(doctor, patient.id, false);

    const otherUnit = (await buildUnit(database.db)).id;
    const otherUnitPatient = await buildPatient(database.db, otherUnit);
    otherUnitPersonnummer = otherUnitPatient.personnummer;
    const otherDoctor = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["LAKARE", otherUnit]] })).id,
    );
    otherUnitCertificateId = await certificateOf(otherDoctor, otherUnitPatient.id, true);
  });
  afterAll(() => database.close());

  const upload = (client: TestClient, body: unknown) =>
    client.json<Report & ErrorBody>("POST", "/api/import/arenden", { body });
  const kompletteringOf = (overrides: Record<string, unknown> = {}) => ({
    messageId: `FK-${randomUUID()}`,
    type: "KOMPLT",
    certificateId,
    personnummer: formatPersonnummer(patient.personnummer),
    receivedDate: "2026-11-12",
    lastAnswerDate: "2026-11-26",
    questionFields: ["35", "17"],
    text: "Beskriv funktionsnedsättningen mer konkret.",
    ...overrides,
  });
  const arendenWith = (externalId: string) =>
    database.db.select().from(fkArende).where(eq(fkArende.externalId, externalId));
  const auditCount = async () =>
    Number(
      rowsOf<{ n: string }>(
        await database.db.execute(sql`select coalesce(max(seq), 0) as n from audit_event`),
      )[0]!.n,
    );

  it("creates an open komplettering on the certificate and its patient, audited and in the history", async () => {
    const message = kompletteringOf();
    const before = await auditCount();
    const res = await upload(secretary, message);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, alreadyImported: 0, rejected: 0 });
    const [result] = res.body.messages;
    expect(result).toMatchObject({
      index: 1,
      messageId: message.messageId,
      outcome: "CREATED",
      patientId: patient.id,
      reasons: [],
    });

    const [row] = await arendenWith(message.messageId);
    expect(row).toMatchObject({
      id: result!.arendeId,
      unitId,
      patientId: patient.id,
      certificateId,
      type: "KOMPLT",
      status: "OPEN",
      receivedDate: "2026-11-12",
      lastAnswerDate: "2026-11-26",
      questionFields: ["35", "17"],
      text: message.text,
    });

    const shown = await secretary.json<{
      arenden: { id: string; history: { event: string; user: string | null; note: string | null }[] }[];
    }>("GET", `/api/patients/${patient.id}/arenden`);
    const arende = shown.body.arenden.find((a) => a.id === row!.id)!;
    expect(arende.history).toEqual([
      expect.objectContaining({
        event: "REGISTRERAT",
        user: expect.any(String),
        note: "Mottaget från Försäkringskassan (inläst från fil)",
      }),
    ]);

    // The komplettering is the signing doctor's to answer: a task, in the same transaction.
    const [signedBy] = await database.db
      .select({ doctorId: certificate.doctorId })
      .from(certificate)
      .where(eq(certificate.id, certificateId));
    const [created, ...moreTasks] = await database.db.select().from(task).where(eq(task.subject, row!.id));
    expect(moreTasks).toEqual([]);
    expect(created).toMatchObject({
      kind: "KOMPLETTERING_ANSWER",
      patientId: patient.id,
      dueDate: message.lastAnswerDate,
      responsibleUserId: signedBy!.doctorId,
      status: "OPEN",
    });

    const events = rowsOf<{
      user_id: string | null;
      unit_id: string;
      patient_id: string;
      action: string;
      entity: string;
      entity_id: string;
      details: Record<string, unknown>;
    }>(
      await database.db.execute(
        sql`select user_id, unit_id, patient_id, action, entity, entity_id, details from audit_event
            where seq > ${before} and action = 'CREATE' order by seq`,
      ),
    );
    expect(events).toEqual([
      {
        user_id: secretaryId,
        unit_id: unitId,
        patient_id: patient.id,
        action: "CREATE",
        entity: "arende",
        entity_id: row!.id,
        details: { externalId: message.messageId },
      },
      {
        user_id: secretaryId,
        unit_id: unitId,
        patient_id: patient.id,
        action: "CREATE",
        entity: "task",
        entity_id: created!.id,
        details: {
          kind: "KOMPLETTERING_ANSWER",
          label: "Besvara komplettering från Försäkringskassan",
          subject: row!.id,
        },
      },
    ]);
  });

  it("imports the same message once: a second upload reports it as already imported", async () => {
    const message = kompletteringOf();
    const first = await upload(secretary, [message]);
    expect(first.body.created).toBe(1);
    const before = await auditCount();
    const again = await upload(secretary, [message, { ...message, text: "Ändrad text" }]);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, alreadyImported: 2, rejected: 0 });
    expect(again.body.messages.map((m) => [m.outcome, m.arendeId])).toEqual([
      ["ALREADY_IMPORTED", first.body.messages[0]!.arendeId],
      ["ALREADY_IMPORTED", first.body.messages[0]!.arendeId],
    ]);
    expect(await arendenWith(message.messageId)).toHaveLength(1);
    // Nothing was created, nothing about a patient was shown: no audit events.
    expect(await auditCount()).toBe(before);
  });

  it("creates one ärende when the same message is uploaded twice at the same time", async () => {
    const message = kompletteringOf();
    const results = await Promise.all([upload(secretary, message), upload(secretary, message)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.created).sort()).toEqual([0, 1]);
    expect(results.map((r) => r.body.alreadyImported).sort()).toEqual([0, 1]);
    expect(await arendenWith(message.messageId)).toHaveLength(1);
  });

  it("rejects a wrong patient, an unknown certificate and another unit's certificate, writing nothing", async () => {
    const messages = [
      kompletteringOf({ personnummer: otherPatient.personnummer }),
      kompletteringOf({ certificateId: randomUUID() }),
      kompletteringOf({ certificateId: otherUnitCertificateId, personnummer: otherUnitPersonnummer }),
      kompletteringOf({ certificateId: draftId }),
      kompletteringOf({ receivedDate: "2026-11-17", lastAnswerDate: null }),
      kompletteringOf({ unitId: "SE-ANNAN-ENHET" }),
    ];
    const before = await auditCount();
    const res = await upload(secretary, messages);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, alreadyImported: 0, rejected: 6 });
    expect(res.body.messages.map((m) => [m.index, m.outcome, m.reasons])).toEqual([
      [1, "REJECTED", ["Personnumret stämmer inte med patienten på intyget."]],
      [2, "REJECTED", ["Intyget finns inte på din enhet."]],
      [3, "REJECTED", ["Intyget finns inte på din enhet."]],
      [4, "REJECTED", ["Bara ett signerat eller skickat intyg kan kompletteras."]],
      [5, "REJECTED", ["Mottagningsdatum kan inte vara i framtiden."]],
      [6, "REJECTED", ["Intyget hör till en annan enhet än den meddelandet anger."]],
    ]);
    for (const m of messages) expect(await arendenWith(m.messageId)).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it("does not let another unit re-import a message its unit already received", async () => {
    const message = kompletteringOf();
    expect((await upload(secretary, message)).body.created).toBe(1);
    const elsewhere = (await buildUnit(database.db)).id;
    const otherSecretary = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["SEKRETERARE", elsewhere]] })).id,
    );
    const res = await upload(otherSecretary, message);
    expect(res.body.messages.map((m) => [m.outcome, m.arendeId, m.reasons])).toEqual([
      ["REJECTED", null, ["Meddelandet är redan mottaget av en annan enhet."]],
    ]);
  });

  it("imports the valid messages of a file and explains the invalid ones", async () => {
    const contact = {
      messageId: `FK-${randomUUID()}`,
      type: "KONTKT",
      certificateId: null,
      personnummer: patient.personnummer,
      receivedDate: "2026-11-15",
      lastAnswerDate: null,
      questionFields: [],
      text: "Handläggaren vill bli kontaktad.",
    };
    const res = await upload(secretary, [
      contact,
      { ...contact, messageId: `FK-${randomUUID()}`, personnummer: "19900312-2398" },
      { ...contact, messageId: "FK-trasig", type: "KOMPLT", receivedDate: "igår" },
    ]);
    expect(res.body).toMatchObject({ created: 1, alreadyImported: 0, rejected: 2 });
    expect(res.body.messages.map((m) => [m.outcome, m.reasons])).toEqual([
      ["CREATED", []],
      ["REJECTED", ["Patienten finns inte på enheten."]],
      [
        "REJECTED",
        [
          "receivedDate: Ange mottagningsdatum som ÅÅÅÅ-MM-DD.",
          "certificateId: En komplettering gäller ett intyg: intygs-id saknas.",
          "questionFields: Ange vilka frågor i intyget kompletteringen gäller.",
        ],
      ],
    ]);
    const [row] = await arendenWith(contact.messageId);
    expect(row).toMatchObject({ type: "KONTKT", certificateId: null, patientId: patient.id, unitId });
  });

  it("answers 400 for a file that is not messages, and 403 without arende.register", async () => {
    const bad = await upload(secretary, "{ inte json");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Begäran är inte giltig JSON.");
    expect((await upload(secretary, [])).body.error.message).toBe("Filen innehåller inga meddelanden.");
    const notMessages = await upload(secretary, ["KOMPLT"]);
    expect(notMessages.status).toBe(400);
    expect(notMessages.body.error.message).toMatch(/ett meddelande eller en lista med meddelanden/);
    const forbidden = await upload(coordinator, kompletteringOf());
    expect(forbidden.status).toBe(403);
  });
});
