import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database, type Db } from "../db/client.ts";
import { fkArende, fkArendeEvent, task } from "../db/schema.ts";
import { clientFor, createTestApp } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { FileInbox } from "./file-inbox.ts";
import { processInbox } from "./worker.ts";

const inboxDir = () => mkdtempSync(path.join(tmpdir(), "samsyn-inbox-"));
const drop = (dir: string, name: string, content: unknown) =>
  writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe("the file inbox", () => {
  it("claims *.json files only, and moves them to processed/ or rejected/ with the reasons", async () => {
    const dir = inboxDir();
    drop(dir, "a.json", { n: 1 });
    drop(dir, "b.json", { n: 2 });
    drop(dir, ".c.json.tmp", "half a file");
    drop(dir, "notes.txt", "not a message");
    const inbox = new FileInbox(dir);
    const received = await inbox.receive();
    expect(received.map((e) => JSON.parse(e.body))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(filesIn(dir)).toEqual([".c.json.tmp", ".claimed", "notes.txt", "processed", "rejected"]);
    // Claimed: nobody else receives them.
    expect(await new FileInbox(dir).receive()).toEqual([]);

    await inbox.acknowledge(received[0]!.id);
    await inbox.reject(received[1]!.id, ["Meddelande 1 (FK-1): Intyget finns inte i Samsyn."]);
    expect(filesIn(path.join(dir, "processed"))).toEqual(["a.json"]);
    expect(filesIn(path.join(dir, "rejected"))).toEqual(["b.json", "b.json.reason.txt"]);
    expect(readFileSync(path.join(dir, "rejected", "b.json.reason.txt"), "utf8")).toBe(
      "Meddelande 1 (FK-1): Intyget finns inte i Samsyn.\n",
    );
    expect(filesIn(path.join(dir, ".claimed"))).toEqual([]);
  });

  it("never overwrites: a second file with the same name is kept beside the first", async () => {
    const dir = inboxDir();
    const inbox = new FileInbox(dir);
    for (const n of [1, 2]) {
      drop(dir, "same.json", { n });
      const [envelope] = await inbox.receive();
      await inbox.acknowledge(envelope!.id);
    }
    const processed = filesIn(path.join(dir, "processed"));
    expect(processed).toHaveLength(2);
    expect(processed).toContain("same.json");
    expect(
      processed.map((f) => JSON.parse(readFileSync(path.join(dir, "processed", f), "utf8")).n).sort(),
    ).toEqual([1, 2]);
  });

  it("gives each file to exactly one of several processes receiving at once", async () => {
    const dir = inboxDir();
    for (let n = 0; n < 40; n++) drop(dir, `m${String(n).padStart(2, "0")}.json`, { n });
    const inboxes = [new FileInbox(dir), new FileInbox(dir), new FileInbox(dir)];
    const batches = await Promise.all(inboxes.map((inbox) => inbox.receive(40)));
    const seen = batches.flat().map((e) => JSON.parse(e.body).n);
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  it("releases a message for later, takes over a stale claim and refuses a file that is too large", async () => {
    const dir = inboxDir();
    drop(dir, "a.json", { n: 1 });
    const inbox = new FileInbox(dir);
    const [first] = await inbox.receive();
    await inbox.release(first!.id);
    expect(filesIn(dir)).toContain("a.json");

    // A process claims it and dies; a fresh claim is left alone, a stale one is taken over.
    await inbox.receive();
    expect(await new FileInbox(dir).receive()).toEqual([]);
    // Eleven minutes after the files' (wall-clock) modification times.
    // eslint-disable-next-line no-restricted-properties
    const later = new FileInbox(dir, { now: () => Date.now() + 11 * 60_000 });
    const [takenOver] = await later.receive();
    expect(JSON.parse(takenOver!.body)).toEqual({ n: 1 });
    await later.acknowledge(takenOver!.id);
    expect(filesIn(path.join(dir, "processed"))).toEqual(["a.json"]);

    drop(dir, "big.json", JSON.stringify({ text: "x".repeat(2048) }));
    expect(await new FileInbox(dir, { maxBytes: 1024 }).receive()).toEqual([]);
    expect(readFileSync(path.join(dir, "rejected", "big.json.reason.txt"), "utf8")).toBe(
      "Filen är större än 1 kB.\n",
    );
  });
});

const signedContent = {
  smittbararpenning: false,
  grund: [{ typ: "FYSISK_UNDERSOKNING", datum: "2026-11-10" }],
  sysselsattning: ["NUVARANDE_ARBETE"],
  yrke: "Lagerarbetare",
  diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
  funktionsnedsattning: "Nedsatt rörlighet i ländryggen.",
  aktivitetsbegransning: "Kan inte lyfta eller bära.",
  perioder: [{ grad: 100, from: "2026-11-10", tom: "2026-12-20" }],
  prognos: { typ: "STOR_SANNOLIKHET", manader: null, motivering: null },
  fmbMotivering: null,
};

describe.each(testDatabaseKinds())("receiving ärenden through the inbox on %s", (kind) => {
  let database: Database;
  let unitId: string;
  let patient: { id: string; personnummer: string };
  let otherPatient: { personnummer: string };
  let certificateId: string;
  const now = new Date("2026-11-16T09:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const testApp = createTestApp(database);
    unitId = (await buildUnit(database.db)).id;
    patient = await buildPatient(database.db, unitId);
    otherPatient = await buildPatient(database.db, unitId);
    const doctor = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id,
    );
    const draft = await doctor.json<{ id: string; version: number }>(
      "POST",
      `/api/patients/${patient.id}/certificates`,
      { body: { content: signedContent } },
    );
    const signed = await doctor.json<{ status: string }>("POST", `/api/certificates/${draft.body.id}/sign`, {
      body: { version: draft.body.version },
    });
    expect(signed.body.status).toBe("SIGNERAT");
    certificateId = draft.body.id;
  });
  afterAll(() => database.close());

  const kompletteringOf = (overrides: Record<string, unknown> = {}) => ({
    messageId: `FK-${randomUUID()}`,
    type: "KOMPLT",
    certificateId,
    personnummer: patient.personnummer,
    receivedDate: "2026-11-12",
    lastAnswerDate: "2026-11-26",
    questionFields: ["35"],
    text: "Förtydliga funktionsnedsättningen.",
    ...overrides,
  });
  const arendenWith = (externalId: string) =>
    database.db.select().from(fkArende).where(eq(fkArende.externalId, externalId));
  const run = (dir: string) => processInbox(database.db, new FileInbox(dir), { now });

  it("turns a komplettering into an open ärende registered by the system, and files the message", async () => {
    const dir = inboxDir();
    const message = kompletteringOf();
    drop(dir, "komplt.json", message);
    const before = Number(
      rowsOf<{ n: string }>(
        await database.db.execute(sql`select coalesce(max(seq), 0) as n from audit_event`),
      )[0]!.n,
    );
    expect(await run(dir)).toEqual({ created: 1, alreadyImported: 0, rejected: 0, failed: 0 });
    expect(filesIn(path.join(dir, "processed"))).toEqual(["komplt.json"]);

    const [row] = await arendenWith(message.messageId);
    expect(row).toMatchObject({
      unitId,
      patientId: patient.id,
      certificateId,
      type: "KOMPLT",
      status: "OPEN",
      questionFields: ["35"],
    });
    const history = await database.db.select().from(fkArendeEvent).where(eq(fkArendeEvent.arendeId, row!.id));
    expect(history).toEqual([
      expect.objectContaining({
        event: "REGISTRERAT",
        userId: null,
        note: "Mottaget från Försäkringskassan",
      }),
    ]);
    // The ärende and its "besvara komplettering" task, both by the system.
    const [created] = await database.db.select().from(task).where(eq(task.subject, row!.id));
    expect(created).toMatchObject({ kind: "KOMPLETTERING_ANSWER", dueDate: message.lastAnswerDate });
    const events = rowsOf<{ user_id: string | null; unit_id: string; patient_id: string; entity_id: string }>(
      await database.db.execute(
        sql`select user_id, unit_id, patient_id, entity_id from audit_event where seq > ${before} and action = 'CREATE' order by seq`,
      ),
    );
    expect(events).toEqual([
      { user_id: null, unit_id: unitId, patient_id: patient.id, entity_id: row!.id },
      { user_id: null, unit_id: unitId, patient_id: patient.id, entity_id: created!.id },
    ]);

    // FK sends the same message again: processed, still one ärende.
    drop(dir, "komplt-igen.json", message);
    expect(await run(dir)).toEqual({ created: 0, alreadyImported: 1, rejected: 0, failed: 0 });
    expect(filesIn(path.join(dir, "processed"))).toEqual(["komplt-igen.json", "komplt.json"]);
    expect(await arendenWith(message.messageId)).toHaveLength(1);
  });

  it("rejects what cannot become an ärende, with the reasons beside the file", async () => {
    const dir = inboxDir();
    const contact = {
      messageId: `FK-${randomUUID()}`,
      type: "KONTKT",
      certificateId: null,
      personnummer: patient.personnummer,
      receivedDate: "2026-11-12",
      lastAnswerDate: null,
      questionFields: [],
      text: "Ring handläggaren.",
      unitId,
    };
    const wrongPatient = kompletteringOf({ personnummer: otherPatient.personnummer });
    drop(dir, "1-fel-patient.json", wrongPatient);
    drop(dir, "2-okant-intyg.json", kompletteringOf({ certificateId: randomUUID() }));
    drop(dir, "3-trasig.json", "{ inte json");
    drop(dir, "4-blandat.json", [contact, { ...contact, messageId: "FK-utan-enhet", unitId: undefined }]);
    expect(await run(dir)).toEqual({ created: 1, alreadyImported: 0, rejected: 4, failed: 0 });
    const rejectedDir = path.join(dir, "rejected");
    expect(filesIn(rejectedDir)).toEqual([
      "1-fel-patient.json",
      "1-fel-patient.json.reason.txt",
      "2-okant-intyg.json",
      "2-okant-intyg.json.reason.txt",
      "3-trasig.json",
      "3-trasig.json.reason.txt",
      "4-blandat.json",
      "4-blandat.json.reason.txt",
    ]);
    const reason = (name: string) => readFileSync(path.join(rejectedDir, `${name}.reason.txt`), "utf8");
    expect(reason("1-fel-patient.json")).toBe(
      `Meddelande 1 (${wrongPatient.messageId}): Personnumret stämmer inte med patienten på intyget.\n`,
    );
    expect(reason("2-okant-intyg.json")).toMatch(/: Intyget finns inte i Samsyn\.\n$/);
    expect(reason("3-trasig.json")).toBe("Filen: Filen är inte giltig JSON.\n");
    expect(reason("4-blandat.json")).toBe(
      "Meddelande 2 (FK-utan-enhet): Meddelandet saknar både intyg och enhet: ange certificateId eller unitId.\n" +
        "Övriga meddelanden i filen är mottagna.\n",
    );
    expect(await arendenWith(wrongPatient.messageId)).toHaveLength(0);
    expect(await arendenWith(contact.messageId)).toHaveLength(1);
    expect(filesIn(path.join(dir, "processed"))).toEqual([]);
  });

  it("creates each ärende once when several processes work the same inbox", async () => {
    const dir = inboxDir();
    const messages = Array.from({ length: 12 }, () => kompletteringOf());
    // Every message twice, in different files: the claim keeps a file to one process, the
    // message id keeps a message to one ärende.
    messages.forEach((m, n) => {
      drop(dir, `a${n}.json`, m);
      drop(dir, `b${n}.json`, [m]);
    });
    const results = await Promise.all([run(dir), run(dir), run(dir)]);
    const total = results.reduce(
      (sum, r) => ({
        created: sum.created + r.created,
        alreadyImported: sum.alreadyImported + r.alreadyImported,
      }),
      { created: 0, alreadyImported: 0 },
    );
    expect(total).toEqual({ created: 12, alreadyImported: 12 });
    expect(results.every((r) => r.rejected === 0 && r.failed === 0)).toBe(true);
    for (const m of messages) expect(await arendenWith(m.messageId)).toHaveLength(1);
    expect(filesIn(path.join(dir, "processed"))).toHaveLength(24);
    expect(filesIn(dir).filter((f) => f.endsWith(".json"))).toEqual([]);
  });

  it("puts a message back when the database fails, and receives it on a later try", async () => {
    const dir = inboxDir();
    const message = kompletteringOf();
    drop(dir, "komplt.json", message);
    const down = {
      transaction: async () => {
        throw new Error("connection refused");
      },
    } as unknown as Db;
    expect(await processInbox(down, new FileInbox(dir), { now })).toEqual({
      created: 0,
      alreadyImported: 0,
      rejected: 0,
      failed: 1,
    });
    expect(filesIn(dir)).toContain("komplt.json");
    expect(await run(dir)).toMatchObject({ created: 1 });
  });
});

// A directory that exists but is empty is a valid inbox.
it("receives nothing from an empty inbox", async () => {
  const dir = path.join(inboxDir(), "fk-inbox");
  mkdirSync(dir);
  expect(await new FileInbox(dir).receive()).toEqual([]);
});
