/**
 * The FK 7804 v2 life cycle through the API: what renewing, replacing, completing and revoking
 * allow and do, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { certificate, outboxMessage } from "../db/schema.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

interface View {
  id: string;
  status: string;
  version: number;
  content: Record<string, unknown>;
  revokedReasonCode: string | null;
  revokedReasonLabel: string | null;
  revokedReasonText: string | null;
}
interface Arende {
  id: string;
  status: string;
  version: number;
  answerCertificateId: string | null;
  history: { event: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

const now = new Date("2026-11-16T09:00:00Z");

const content = {
  smittbararpenning: false,
  grund: [{ typ: "FYSISK_UNDERSOKNING", datum: "2026-11-16" }],
  sysselsattning: ["NUVARANDE_ARBETE"],
  yrke: "Snickare, bygger stommar och bär tungt",
  diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
  funktionsnedsattning: "Kraftigt nedsatt rörlighet i ländryggen, smärta vid framåtböjning.",
  aktivitetsbegransning: "Kan inte lyfta mer än 5 kg eller böja sig fram upprepade gånger.",
  perioder: [{ grad: 100, from: "2026-11-16", tom: "2026-11-29" }],
  prognos: { typ: "STOR_SANNOLIKHET", manader: null, motivering: null },
};

describe.each(testDatabaseKinds())("certificate life cycle on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let patientId: string;
  let doctor: TestClient;
  let secretary: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    const unitId = (await buildUnit(database.db)).id;
    patientId = (await buildPatient(database.db, unitId)).id;
    const user = (role: "LAKARE" | "SEKRETERARE") =>
      buildUser(database.db, { roles: [[role, unitId]] }).then((u) => clientFor(testApp, u.id));
    doctor = await user("LAKARE");
    secretary = await user("SEKRETERARE");
  });
  afterAll(() => database.close());

  const post = <T>(client: TestClient, path: string, body: object) =>
    client.json<T & ErrorBody>("POST", path, { body });
  const get = (id: string) => doctor.json<View>("GET", `/api/certificates/${id}`).then((r) => r.body);

  async function signedCertificate(): Promise<View> {
    const draft = await post<View>(doctor, `/api/patients/${patientId}/certificates`, { content });
    const signed = await post<View>(doctor, `/api/certificates/${draft.body.id}/sign`, {
      version: draft.body.version,
    });
    expect(signed.body.status).toBe("SIGNERAT");
    return signed.body;
  }
  const signDraft = async (id: string) => {
    const draft = await get(id);
    const signed = await post<View>(doctor, `/api/certificates/${id}/sign`, { version: draft.version });
    expect(signed.status).toBe(200);
    return signed.body;
  };
  const komplettering = (certificateId: string) =>
    post<Arende>(secretary, `/api/patients/${patientId}/arenden`, {
      type: "KOMPLT",
      certificateId,
      receivedDate: "2026-11-16",
      lastAnswerDate: "2026-11-25",
      questionFields: ["35"],
      text: "Beskriv funktionsnedsättningen mer konkret.",
    }).then((r) => r.body);
  const arende = async (id: string) =>
    (await doctor.json<{ arenden: Arende[] }>("GET", `/api/patients/${patientId}/arenden`)).body.arenden.find(
      (a) => a.id === id,
    )!;
  const startCompleting = async (open: Arende) => {
    const started = await post<{ draftId: string }>(doctor, `/api/arenden/${open.id}/answer`, {
      version: open.version,
      kind: "KOMPLETTERING",
    });
    expect(started.status).toBe(200);
    return started.body.draftId;
  };

  it("no renew or replace while a newer live certificate replaces it; again once that one is revoked", async () => {
    const original = await signedCertificate();
    const replacing = await post<View>(doctor, `/api/certificates/${original.id}/replace`, {});
    expect(replacing.status).toBe(201);
    // A replacing draft is not live yet: the original may still be renewed.
    const early = await post<View>(doctor, `/api/certificates/${original.id}/renew`, {});
    expect(early.status).toBe(201);
    const live = await signDraft(replacing.body.id);

    for (const step of ["renew", "replace"]) {
      const refused = await post<View>(doctor, `/api/certificates/${original.id}/${step}`, {});
      expect(refused.status, step).toBe(400);
      expect(refused.body.error.message).toMatch(/har ersatts av ett nyare intyg/);
    }

    const revoked = await post<View>(doctor, `/api/certificates/${live.id}/revoke`, {
      version: live.version,
      reasonCode: "ANNAT_ALLVARLIGT_FEL",
      reason: "Fel period angiven.",
    });
    expect(revoked.status).toBe(200);
    expect((await post<View>(doctor, `/api/certificates/${original.id}/renew`, {})).status).toBe(201);
  });

  it("Ersätt is blocked by an unanswered komplettering; renewing is not", async () => {
    const original = await signedCertificate();
    await komplettering(original.id);
    const before = await database.db.select({ id: certificate.id }).from(certificate);
    const refused = await post<View>(doctor, `/api/certificates/${original.id}/replace`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      "Intyget har minst en obesvarad komplettering och kan inte ersättas. Besvara kompletteringen först.",
    );
    expect(await database.db.select({ id: certificate.id }).from(certificate)).toHaveLength(before.length);
    expect((await post<View>(doctor, `/api/certificates/${original.id}/renew`, {})).status).toBe(201);
  });

  it("a completing certificate answers the komplettering when signed; renew and replace then refused", async () => {
    const original = await signedCertificate();
    const open = await komplettering(original.id);
    const draftId = await startCompleting(open);
    expect((await arende(open.id)).status).toBe("OPEN");
    await signDraft(draftId);

    const answered = await arende(open.id);
    expect(answered.status).toBe("ANSWERED");
    expect(answered.answerCertificateId).toBe(draftId);
    for (const step of ["renew", "replace"]) {
      const refused = await post<View>(doctor, `/api/certificates/${original.id}/${step}`, {});
      expect(refused.status, step).toBe(400);
      expect(refused.body.error.message).toMatch(/har kompletterats av ett nyare intyg/);
    }
  });

  it("revoking a completing certificate reopens its komplettering, which can be answered again", async () => {
    const original = await signedCertificate();
    const open = await komplettering(original.id);
    const completing = await signDraft(await startCompleting(open));
    expect((await arende(open.id)).status).toBe("ANSWERED");

    const revoked = await post<View>(doctor, `/api/certificates/${completing.id}/revoke`, {
      version: completing.version,
      reasonCode: "ANNAT_ALLVARLIGT_FEL",
      reason: "Kompletteringen gällde fel frågor.",
    });
    expect(revoked.status).toBe(200);
    const reopened = await arende(open.id);
    expect(reopened.status).toBe("OPEN");
    expect(reopened.answerCertificateId).toBeNull();
    expect(reopened.history.map((h) => h.event)).toContain("ATEROPPNAT");
    // Still unanswered: no replacing, but a new completing certificate may be started.
    expect((await post<View>(doctor, `/api/certificates/${original.id}/replace`, {})).status).toBe(400);
    const again = await startCompleting(reopened);
    expect(again).not.toBe(completing.id);
  });

  it("stores and shows the revocation reason: code, its label and the text", async () => {
    const signed = await signedCertificate();
    const noText = await post<View>(doctor, `/api/certificates/${signed.id}/revoke`, {
      version: signed.version,
      reasonCode: "ANNAT_ALLVARLIGT_FEL",
      reason: "  ",
    });
    expect(noText.status).toBe(400);
    expect(noText.body.error.issues?.map((i) => i.path)).toEqual(["reason"]);
    const badCode = await post<View>(doctor, `/api/certificates/${signed.id}/revoke`, {
      version: signed.version,
      reasonCode: "TRÖTT",
      reason: "x",
    });
    expect(badCode.status).toBe(400);
    expect((await get(signed.id)).status).toBe("SIGNERAT");

    // The wrong patient needs no text.
    const revoked = await post<View>(doctor, `/api/certificates/${signed.id}/revoke`, {
      version: signed.version,
      reasonCode: "FEL_PATIENT",
    });
    expect(revoked.status).toBe(200);
    expect(await get(signed.id)).toMatchObject({
      status: "MAKULERAT",
      revokedReasonCode: "FEL_PATIENT",
      revokedReasonLabel: "Intyget har utfärdats på fel patient",
      revokedReasonText: null,
    });

    const other = await signedCertificate();
    await post<View>(doctor, `/api/certificates/${other.id}/revoke`, {
      version: other.version,
      reasonCode: "ANNAT_ALLVARLIGT_FEL",
      reason: "Fel diagnos angiven.",
    });
    expect(await get(other.id)).toMatchObject({
      revokedReasonCode: "ANNAT_ALLVARLIGT_FEL",
      revokedReasonLabel: "Annat allvarligt fel",
      revokedReasonText: "Fel diagnos angiven.",
    });
  });

  it("never sends an answer to a hidden question", async () => {
    const signed = await signedCertificate();
    // A leftover that the rules would refuse, written behind their back (an old or imported row).
    await database.db
      .update(certificate)
      .set({ content: { ...signed.content, grundAnnat: "Kvarglömt", kontaktFkAnledning: "Kvar" } })
      .where(eq(certificate.id, signed.id));
    const current = await get(signed.id);
    const sent = await post<View>(doctor, `/api/certificates/${signed.id}/send`, {
      version: current.version,
      confirmedWarnings: ["SHORT_CASE"],
    });
    expect(sent.status).toBe(200);
    const [message] = await database.db
      .select()
      .from(outboxMessage)
      .where(and(eq(outboxMessage.certificateId, signed.id)));
    const payload = message!.payload as { content: Record<string, unknown> };
    expect(payload.content).toMatchObject({ grundAnnat: null, kontaktFkAnledning: null, yrke: content.yrke });
  });
});
