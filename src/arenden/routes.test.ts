import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { fkArende } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

interface Arende {
  id: string;
  status: string;
  version: number;
  daysToDeadline: number | null;
  questionFields: { id: string; label: string }[];
  answerCertificateId: string | null;
  history: { event: string; note: string | null; certificateId: string | null }[];
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
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

describe.each(testDatabaseKinds())("ärenden API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let patientId: string;
  let certificateId: string;
  let doctor: TestClient;
  let secretary: TestClient;
  let coordinator: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    patientId = (await buildPatient(database.db, unitId)).id;
    const user = (role: "LAKARE" | "SEKRETERARE" | "REHABKOORDINATOR") =>
      buildUser(database.db, { roles: [[role, unitId]] }).then((u) => clientFor(testApp, u.id));
    doctor = await user("LAKARE");
    secretary = await user("SEKRETERARE");
    coordinator = await user("REHABKOORDINATOR");
    const draft = await doctor.json<{ id: string; version: number }>(
      "POST",
      `/api/patients/${patientId}/certificates`,
      { body: { content: signedContent } },
    );
    const signed = await doctor.json<{ status: string }>("POST", `/api/certificates/${draft.body.id}/sign`, {
      body: { version: draft.body.version },
    });
    expect(signed.body.status).toBe("SIGNERAT");
    certificateId = draft.body.id;
  });
  afterAll(() => database.close());

  const register = (client: TestClient, body: object) =>
    client.json<Arende & ErrorBody>("POST", `/api/patients/${patientId}/arenden`, { body });
  const komplettering = {
    type: "KOMPLT",
    certificateId: "",
    receivedDate: "2026-11-12",
    lastAnswerDate: "2026-11-20",
    questionFields: ["35", "17"],
    text: "Beskriv funktionsnedsättningen mer konkret.",
  };

  it("lets the secretary register a komplettering on a certificate, with deadline and fields", async () => {
    const res = await register(secretary, { ...komplettering, certificateId });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("OPEN");
    expect(res.body.daysToDeadline).toBe(4);
    expect(res.body.questionFields.map((f) => f.label)).toEqual([
      "Funktionsnedsättning",
      "Aktivitetsbegränsning",
    ]);
  });

  it("refuses a komplettering without certificate or fields, and those without the capability", async () => {
    const before = (await database.db.select().from(fkArende)).length;
    const missing = await register(secretary, { ...komplettering, certificateId: null, questionFields: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues?.map((i) => i.path).sort()).toEqual(["certificateId", "questionFields"]);
    const backwards = await register(secretary, {
      ...komplettering,
      certificateId,
      lastAnswerDate: "2026-11-01",
    });
    expect(backwards.status).toBe(400);
    expect((await register(coordinator, { ...komplettering, certificateId })).status).toBe(403);
    expect((await database.db.select().from(fkArende)).length).toBe(before);
  });

  it("shows the doctor the open kompletteringar on certificates they signed", async () => {
    const mine = await doctor.json<{ arenden: { certificateId: string; status: string }[] }>(
      "GET",
      "/api/arenden?mine=true",
    );
    expect(mine.status).toBe(200);
    expect(mine.body.arenden.some((a) => a.certificateId === certificateId && a.status === "OPEN")).toBe(
      true,
    );
  });

  it("answers 'kan ej komplettera' only with a reason, and keeps the history", async () => {
    const arende = (await register(secretary, { ...komplettering, certificateId })).body;
    const noReason = await doctor.json<ErrorBody>("POST", `/api/arenden/${arende.id}/answer`, {
      body: { version: arende.version, kind: "KAN_EJ_KOMPLETTERA", text: "" },
    });
    expect(noReason.status).toBe(400);
    const wrongKind = await doctor.json<ErrorBody>("POST", `/api/arenden/${arende.id}/answer`, {
      body: { version: arende.version, kind: "SVAR", text: "Svar" },
    });
    expect(wrongKind.status).toBe(400);

    const answered = await doctor.json<Arende>("POST", `/api/arenden/${arende.id}/answer`, {
      body: {
        version: arende.version,
        kind: "KAN_EJ_KOMPLETTERA",
        text: "Patienten har inte kommit på återbesök.",
      },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe("ANSWERED");
    expect(answered.body.history.map((h) => h.event)).toContain("KAN_EJ_KOMPLETTERA");

    const again = await doctor.json<ErrorBody>("POST", `/api/arenden/${arende.id}/answer`, {
      body: { version: answered.body.version, kind: "KAN_EJ_KOMPLETTERA", text: "Igen" },
    });
    expect(again.status).toBe(400);
  });

  it("answers a komplettering with a completing certificate, answered when that certificate is sent", async () => {
    const arende = (await register(secretary, { ...komplettering, certificateId })).body;
    const started = await doctor.json<Arende & { draftId: string }>(
      "POST",
      `/api/arenden/${arende.id}/answer`,
      {
        body: { version: arende.version, kind: "KOMPLETTERING" },
      },
    );
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("OPEN");
    const draftId = started.body.draftId;

    const draft = await doctor.json<{
      version: number;
      content: Record<string, unknown>;
      completesId: string;
    }>("GET", `/api/certificates/${draftId}`);
    expect(draft.body.completesId).toBe(certificateId);
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

    const list = await doctor.json<{ arenden: Arende[] }>("GET", `/api/patients/${patientId}/arenden`);
    const after = list.body.arenden.find((a) => a.id === arende.id)!;
    expect(after.status).toBe("ANSWERED");
    expect(after.history.map((h) => h.event)).toEqual(
      expect.arrayContaining(["KOMPLETTERING_PABORJAD", "KOMPLETTERING"]),
    );
    const row = (await database.db.select().from(fkArende).where(eq(fkArende.id, arende.id)))[0]!;
    expect(row.answerCertificateId).toBe(draftId);
  });
});
