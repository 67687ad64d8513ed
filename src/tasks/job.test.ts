import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { addDays } from "../cases/days.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import type { Database } from "../db/client.ts";
import { certificate, task } from "../db/schema.ts";
import { createLogger } from "../server/logger.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { startTaskJob, type TaskJob } from "./job.ts";

// Today is 2026-11-16 in Stockholm; every date below is relative to it.
const now = new Date("2026-11-16T09:00:00Z");
const today = "2026-11-16";
const hour = 60 * 60 * 1000;

/** A case past day 30: 40 days ago to 10 days ahead. */
const longCase = { from: addDays(today, -40), to: addDays(today, 10) };

describe.each(testDatabaseKinds())("the task job between its hourly runs on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let job: TaskJob;
  let unitId: string;
  let otherUnitId: string;
  let doctor: TestClient;
  let secretary: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    unitId = (await buildUnit(database.db)).id;
    otherUnitId = (await buildUnit(database.db)).id;
  });
  afterEach(async () => {
    await job?.stop();
  });
  afterAll(() => database.close());

  /** The job with neither its start run nor its hourly run due during the test. */
  async function startJob() {
    testApp = createTestApp(database, { now: () => now });
    job = startTaskJob({
      database,
      reference: testApp.deps.reference,
      logger: createLogger("silent"),
      now: () => now,
      startDelayMs: hour,
      intervalMs: hour,
    });
    testApp.deps.taskJob = job;
    const client = async (role: "LAKARE" | "SEKRETERARE") =>
      clientFor(testApp, (await buildUser(database.db, { roles: [[role, unitId]] })).id);
    doctor = await client("LAKARE");
    secretary = await client("SEKRETERARE");
  }

  async function taskKinds(patientId: string) {
    const rows = await database.db
      .select({ kind: task.kind, caseStart: task.caseStart })
      .from(task)
      .where(eq(task.patientId, patientId));
    return rows.map((r) => `${r.kind}:${r.caseStart}`).sort();
  }

  /** A long case stored directly (no kick): only a run for every unit, or for its unit, plans it. */
  async function storedLongCase(unit: string) {
    const patientId = (await buildPatient(database.db, unit)).id;
    const body = {
      diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
      perioder: [{ grad: 100, from: longCase.from, tom: longCase.to }],
    };
    await database.db.insert(certificate).values({
      unitId: unit,
      patientId,
      status: "SIGNERAT",
      signedAt: `${longCase.from}T10:00:00Z`,
      content: body,
      ...derivedColumns(body),
    });
    return patientId;
  }

  const expectedTasks = [
    `AKTUALISERA:${longCase.from}`,
    `CHECKPOINT_DAY_15:${longCase.from}`,
    `CHECKPOINT_DAY_30:${longCase.from}`,
  ];

  it("plans the unit's tasks right after a certificate is signed, for that unit only", async () => {
    await startJob();
    const elsewhere = await storedLongCase(otherUnitId);
    const patientId = (await buildPatient(database.db, unitId)).id;
    const draft = await doctor.json<{ id: string; version: number }>(
      "POST",
      `/api/patients/${patientId}/certificates`,
      {
        body: {
          content: {
            smittbararpenning: false,
            grund: [{ typ: "FYSISK_UNDERSOKNING", datum: longCase.from }],
            sysselsattning: ["NUVARANDE_ARBETE"],
            yrke: "Undersköterska på vårdavdelning",
            diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
            funktionsnedsattning: "Nedsatt rörlighet i ländryggen, smärta vid framåtböjning.",
            aktivitetsbegransning: "Kan inte lyfta mer än 5 kg eller böja sig fram upprepade gånger.",
            perioder: [{ grad: 100, from: longCase.from, tom: longCase.to }],
            prognos: { typ: "STOR_SANNOLIKHET", manader: null, motivering: null },
            ovrigt: "Retroaktiv sjukskrivning: patienten undersöktes vid start.",
          },
        },
      },
    );
    expect(draft.status).toBe(201);
    expect(await taskKinds(patientId)).toEqual([]);
    const signed = await doctor.json<{ status: string }>("POST", `/api/certificates/${draft.body.id}/sign`, {
      body: { version: draft.body.version },
    });
    expect(signed.body).toMatchObject({ status: "SIGNERAT" });

    await vi.waitFor(async () => expect(await taskKinds(patientId)).toEqual(expectedTasks), {
      timeout: 10_000,
      interval: 50,
    });
    // The kick ran the job for the signing unit; the other unit waits for the hourly run.
    expect(await taskKinds(elsewhere)).toEqual([]);
    await job.runNow();
    expect(await taskKinds(elsewhere)).toEqual(expectedTasks);
  });

  it("plans the tasks of imported certificates right after the import", async () => {
    await startJob();
    const csv = [
      "id;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;replaces;completes",
      `job-1;19800113-9297;${unitId};EXT-1;${longCase.from}T09:00;M545;${longCase.from};${longCase.to};100;;;;`,
    ].join("\n");
    const imported = await secretary.json<{ created: number; patientsCreated: number }>(
      "POST",
      "/api/import/certificates",
      { body: csv, headers: { "content-type": "text/csv" } },
    );
    expect(imported.body).toMatchObject({ created: 1, patientsCreated: 1 });
    const [row] = await database.db
      .select({ patientId: certificate.patientId })
      .from(certificate)
      .where(and(eq(certificate.unitId, unitId), eq(certificate.externalId, "job-1")));
    await vi.waitFor(async () => expect(await taskKinds(row!.patientId)).toEqual(expectedTasks), {
      timeout: 10_000,
      interval: 50,
    });
  });

  it("gathers the kicks that arrive during a run into one run after it", async () => {
    await startJob();
    const first = await storedLongCase(unitId);
    const second = await storedLongCase(otherUnitId);
    // The first kick starts a run for the unit; the second arrives while it runs.
    job.kick(unitId);
    job.kick(otherUnitId);
    await vi.waitFor(async () => expect(await taskKinds(second)).toEqual(expectedTasks), {
      timeout: 10_000,
      interval: 50,
    });
    expect(await taskKinds(first)).toEqual(expectedTasks);
  });
});
