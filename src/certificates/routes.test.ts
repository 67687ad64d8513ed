import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, certificate, outboxMessage } from "../db/schema.ts";
import { FileTransport } from "../outbox/file-transport.ts";
import { deliverDue } from "../outbox/worker.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { certificateDeliveryHooks } from "./delivery.ts";
import { certificatePrint } from "./pdf.ts";

interface CertificateView {
  id: string;
  status: string;
  version: number;
  content: Record<string, unknown>;
  doctorName: string | null;
  renewsId: string | null;
  replacesId: string | null;
  startDate: string | null;
  check?: { valid: boolean; errors: { field: string }[]; warnings: { code: string }[] };
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string }[]; current?: CertificateView };
}

const now = new Date("2026-11-16T09:00:00Z");

/** A certificate the rules accept: 14 days at 100 %, so sending asks about the employer's days. */
const complete = {
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

describe.each(testDatabaseKinds())("certificate API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let patientId: string;
  let doctor: TestClient;
  let nurse: TestClient;
  let otherDoctor: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    const otherUnitId = (await buildUnit(database.db)).id;
    patientId = (await buildPatient(database.db, unitId)).id;
    const user = (role: "LAKARE" | "DISTRIKTSSKOTERSKA", unit: string) =>
      buildUser(database.db, { roles: [[role, unit]] }).then((u) => clientFor(testApp, u.id));
    doctor = await user("LAKARE", unitId);
    nurse = await user("DISTRIKTSSKOTERSKA", unitId);
    otherDoctor = await user("LAKARE", otherUnitId);
  });
  afterAll(() => database.close());

  const create = async (client: TestClient, content: object = {}) => {
    const res = await client.json<CertificateView>("POST", `/api/patients/${patientId}/certificates`, {
      body: { content },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const save = (client: TestClient, id: string, version: number, content: object) =>
    client.json<CertificateView & ErrorBody>("PUT", `/api/certificates/${id}`, {
      body: { version, content },
    });
  const step = (client: TestClient, id: string, name: string, body: object) =>
    client.json<CertificateView & ErrorBody>("POST", `/api/certificates/${id}/${name}`, { body });
  const stored = async (id: string) =>
    (await database.db.select().from(certificate).where(eq(certificate.id, id)))[0]!;

  it("starts a draft with the unit's contact data and the rules' verdict", async () => {
    const draft = await create(nurse);
    expect(draft.status).toBe("UTKAST");
    expect(draft.content.enhet).toMatchObject({ postort: "Östersund", telefon: "063-100 00" });
    expect(draft.check?.valid).toBe(false);
    expect(draft.check?.errors.map((e) => e.field)).toEqual(expect.arrayContaining(["35", "17", "32", "6"]));
  });

  it("autosaves with optimistic concurrency: a stale version gets 409 with what is saved now", async () => {
    const draft = await create(doctor);
    const first = await save(doctor, draft.id, draft.version, { ...draft.content, ...complete });
    expect(first.status).toBe(200);
    expect(first.body.check?.valid).toBe(true);
    expect(first.body.startDate).toBe("2026-11-16");

    const stale = await save(nurse, draft.id, draft.version, { ...draft.content, yrke: "Något annat" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current?.content.yrke).toBe(complete.yrke);
    expect((await stored(draft.id)).content).toMatchObject({ yrke: complete.yrke });
  });

  it("refuses to sign while the rules find errors, and says why", async () => {
    const draft = await create(doctor, { ...complete, funktionsnedsattning: "   " });
    const res = await step(doctor, draft.id, "sign", { version: draft.version });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_CERTIFICATE");
    expect(res.body.error.issues?.map((i) => i.path)).toContain("35");
    expect((await stored(draft.id)).status).toBe("UTKAST");
  });

  it("lets others prepare but only a doctor sign", async () => {
    const draft = await create(nurse, complete);
    const ready = await step(nurse, draft.id, "ready", { version: draft.version });
    expect(ready.body.status).toBe("KLAR_FOR_SIGNERING");
    const refused = await step(nurse, draft.id, "sign", { version: ready.body.version });
    expect(refused.status).toBe(403);

    const signed = await step(doctor, draft.id, "sign", { version: ready.body.version });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe("SIGNERAT");
    expect(signed.body.doctorName).toMatch(/Testanvändare/);
  });

  it("sends through the outbox after the short-case warning is confirmed, then the transport delivers", async () => {
    const draft = await create(doctor, complete);
    const signed = await step(doctor, draft.id, "sign", { version: draft.version });

    const unconfirmed = await step(doctor, draft.id, "send", { version: signed.body.version });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.code).toBe("CONFIRMATION_REQUIRED");
    expect(unconfirmed.body.error.message).toMatch(/15 dagar|14 dagar|sjuklön/i);

    const sent = await step(doctor, draft.id, "send", {
      version: signed.body.version,
      confirmedWarnings: ["SHORT_CASE"],
    });
    expect(sent.status).toBe(200);
    const queued = await database.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.certificateId, draft.id));
    expect(queued).toHaveLength(1);

    const again = await step(doctor, draft.id, "send", {
      version: sent.body.version,
      confirmedWarnings: ["SHORT_CASE"],
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("ALREADY_QUEUED");

    const directory = mkdtempSync(path.join(tmpdir(), "samsyn-fk-"));
    const delivered = await deliverDue(
      database.db,
      new FileTransport(directory),
      certificateDeliveryHooks,
      new Date(now.getTime() + 1000),
    );
    expect(delivered.sent).toBeGreaterThanOrEqual(1);
    expect(readdirSync(directory)).toContain(`${queued[0]!.id}.json`);
    expect((await stored(draft.id)).status).toBe("SKICKAT");
  });

  it("renews with the basis, periods and prognosis left to assess anew; replaces with a full copy", async () => {
    const draft = await create(doctor, { ...complete, kontaktFk: true, kontaktFkAnledning: "Behöver stöd" });
    await step(doctor, draft.id, "sign", { version: draft.version });

    const renewal = await step(doctor, draft.id, "renew", {});
    expect(renewal.status).toBe(201);
    expect(renewal.body.renewsId).toBe(draft.id);
    expect(renewal.body.content).toMatchObject({
      grund: [],
      perioder: [],
      prognos: null,
      kontaktFk: false,
      diagnoser: complete.diagnoser,
      funktionsnedsattning: complete.funktionsnedsattning,
    });

    const replacement = await step(doctor, draft.id, "replace", {});
    expect(replacement.body.replacesId).toBe(draft.id);
    expect(replacement.body.content).toMatchObject({ perioder: complete.perioder, kontaktFk: true });
  });

  it("revokes only with a reason", async () => {
    const draft = await create(doctor, complete);
    const signed = await step(doctor, draft.id, "sign", { version: draft.version });
    const blank = await step(doctor, draft.id, "revoke", { version: signed.body.version, reason: " " });
    expect(blank.status).toBe(400);
    expect((await stored(draft.id)).status).toBe("SIGNERAT");
    const revoked = await step(doctor, draft.id, "revoke", {
      version: signed.body.version,
      reason: "Fel patient",
    });
    expect(revoked.body.status).toBe("MAKULERAT");
    const refused = await step(doctor, draft.id, "renew", {});
    expect(refused.status).toBe(400);
  });

  it("prints the certificate as PDF and logs the print", async () => {
    const draft = await create(doctor, complete);
    const res = await doctor.request("GET", `/api/certificates/${draft.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const prints = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, draft.id), eq(auditEvent.action, "PRINT")));
    expect(prints).toHaveLength(1);
  });

  it("prints the doctor who signed the certificate, not the user who prints it", async () => {
    const signerUser = await buildUser(database.db, { roles: [["LAKARE", unitId]] });
    const printerUser = await buildUser(database.db, { roles: [["LAKARE", unitId]] });
    const signer = await clientFor(testApp, signerUser.id);
    const printer = await clientFor(testApp, printerUser.id);
    const draft = await create(printer, complete);
    const patient = { personnummer: "191212121212", givenName: "Tolvan", familyName: "Tolvansson" };
    const draftPrint = await certificatePrint(database.db, await stored(draft.id), patient);
    expect(draftPrint.signer).toBeNull();
    expect((await step(signer, draft.id, "sign", { version: draft.version })).status).toBe(200);
    const print = await certificatePrint(database.db, await stored(draft.id), patient);
    expect(print.signer?.name).toBe(signerUser.displayName);
    expect(print.unit).toMatchObject({ postort: "Östersund", telefon: "063-100 00" });
    expect((await printer.request("GET", `/api/certificates/${draft.id}/pdf`)).status).toBe(200);
  });

  it("rejects unknown fields and wrong types without writing", async () => {
    const draft = await create(doctor);
    const unknown = await doctor.json<ErrorBody>("PUT", `/api/certificates/${draft.id}`, {
      body: { version: draft.version, content: {}, extra: true },
    });
    expect(unknown.status).toBe(400);
    const wrongType = await doctor.json<ErrorBody>("PUT", `/api/certificates/${draft.id}`, {
      body: { version: "1", content: {} },
    });
    expect(wrongType.status).toBe(400);
    expect((await stored(draft.id)).version).toBe(draft.version);
  });

  it("treats another unit's certificates and patients as nonexistent", async () => {
    const draft = await create(doctor, complete);
    expect((await otherDoctor.request("GET", `/api/certificates/${draft.id}`)).status).toBe(404);
    expect((await otherDoctor.request("GET", `/api/certificates/${draft.id}/pdf`)).status).toBe(404);
    const write = await otherDoctor.request("PUT", `/api/certificates/${draft.id}`, {
      body: { version: draft.version, content: {} },
    });
    expect(write.status).toBe(404);
    const list = await otherDoctor.request("GET", `/api/patients/${patientId}/certificates`);
    expect(list.status).toBe(404);
  });
});
