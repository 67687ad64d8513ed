/**
 * The route inventory: every API operation declares whether it touches patient data, and every
 * one that does writes an audit event for the patient when exercised. A new route that forgets
 * either fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../src/db/client.ts";
import { anonymousClient, clientFor, createTestApp, type TestApp, type TestClient } from "./app.ts";
import { openTestDatabase } from "./databases.ts";
import { buildPatient, buildUnit, buildUser } from "./factories.ts";
import { addDays } from "../src/cases/days.ts";
import { clock } from "../src/dates/clock.ts";
import { runTaskJob } from "../src/tasks/job.ts";

type World = {
  client: TestClient;
  reviewer: TestClient;
  doctor: TestClient;
  secretary: TestClient;
  patientId: string;
  personnummer: string;
  unitId: string;
  /** The app under test (exercises that run a background job, e.g. the task job). */
  app: TestApp;
  /** Exercises that prepare data call this just before the request under test. */
  checkpoint(): Promise<void>;
};

const certificateContent = {
  grund: [{ typ: "FYSISK_UNDERSOKNING", datum: "2026-11-16" }],
  sysselsattning: ["NUVARANDE_ARBETE"],
  yrke: "Lagerarbetare",
  diagnoser: [{ kod: "M545", text: "Lumbago" }],
  funktionsnedsattning: "Nedsatt rörlighet i ländryggen.",
  aktivitetsbegransning: "Kan inte lyfta eller bära.",
  perioder: [{ grad: 100, from: "2026-11-16", tom: "2026-12-31" }],
  prognos: { typ: "STOR_SANNOLIKHET" },
};

async function draftOf(w: World): Promise<{ id: string; version: number }> {
  const res = await w.doctor.json<{ id: string; version: number }>(
    "POST",
    `/api/patients/${w.patientId}/certificates`,
    { body: { content: certificateContent } },
  );
  return res.body;
}

async function signedOf(w: World): Promise<{ id: string; version: number }> {
  const draft = await draftOf(w);
  const res = await w.doctor.json<{ id: string; version: number }>(
    "POST",
    `/api/certificates/${draft.id}/sign`,
    {
      body: { version: draft.version },
    },
  );
  return res.body;
}

async function komplettering(w: World): Promise<{ id: string; version: number }> {
  const certificate = await signedOf(w);
  const res = await w.secretary.json<{ id: string; version: number }>(
    "POST",
    `/api/patients/${w.patientId}/arenden`,
    {
      body: {
        type: "KOMPLT",
        certificateId: certificate.id,
        receivedDate: "2026-11-16",
        questionFields: ["35"],
        text: "Förtydliga.",
      },
    },
  );
  return res.body;
}

// ---- Coordination (src/coordination): dates relative to the clock's today (SAMSYN_NOW moves it).
const coordinationToday = clock().today();

async function coordinationConsent(w: World, kind: string): Promise<{ id: string; version: number }> {
  const res = await w.client.json<{ id: string; version: number }>(
    "POST",
    `/api/patients/${w.patientId}/samtycken`,
    {
      body: { kind, obtainedDate: coordinationToday, method: "MUNTLIGT", scope: "Koordinering." },
    },
  );
  return res.body;
}

async function coordinationCase(w: World): Promise<string> {
  const start = addDays(coordinationToday, -40);
  await w.secretary.request("POST", "/api/import/certificates", {
    body: [
      {
        id: `coord-${w.patientId}`,
        patient: w.personnummer,
        unit: w.unitId,
        signed: `${start}T10:00:00`,
        diagnosis: "F438",
        periods: [{ from: start, to: addDays(coordinationToday, 20), grade: 100 }],
      },
    ],
  });
  return start;
}

const samtalContent = {
  workSituation: "Lagerarbetare.",
  health: "Ryggsmärta.",
  socialSituation: "Sambo.",
  ownGoals: "Tillbaka i arbete.",
  obstacles: "Tunga lyft.",
  coordinationNeed: "Kontakt med arbetsgivaren.",
  outcome: "FORTSATT_KARTLAGGNING",
  nextStep: "Nytt samtal.",
};

async function coordinationSamtal(w: World): Promise<{ id: string; version: number }> {
  const res = await w.client.json<{ id: string; version: number }>(
    "POST",
    `/api/patients/${w.patientId}/kartlaggande-samtal`,
    { body: { ...samtalContent, nextStepDate: coordinationToday } },
  );
  return res.body;
}

// ---- Tasks (src/tasks): a case over 30 days, then the daily task job creates its tasks.
async function taskOf(
  w: World,
  // "Klar" on an AKTUALISERA task needs a decision (DECISION_REQUIRED): "done" takes another kind.
  fits: (kind: string) => boolean = (kind) => kind === "AKTUALISERA",
): Promise<{ id: string; version: number }> {
  await coordinationCase(w);
  const { database, reference } = w.app.deps;
  await runTaskJob(database, { now: w.app.deps.now(), reference, unitIds: [w.unitId] });
  const res = await w.client.json<{
    tasks: { id: string; patientId: string; kind: string; version: number }[];
  }>("GET", "/api/tasks?scope=unit&limit=1000");
  const task = res.body.tasks.find((t) => t.patientId === w.patientId && fits(t.kind));
  if (!task) throw new Error("The task job made no fitting task for the world's patient.");
  return task;
}

// ---- Genomgång (src/review): a certificate of the world's doctor ending within the review window.
async function endingSoon(w: World): Promise<string> {
  const end = addDays(coordinationToday, 5);
  const content = {
    ...certificateContent,
    grund: [{ typ: "FYSISK_UNDERSOKNING", datum: coordinationToday }],
    perioder: [{ grad: 100, from: coordinationToday, tom: end }],
  };
  const draft = await w.doctor.json<{ id: string; version: number }>(
    "POST",
    `/api/patients/${w.patientId}/certificates`,
    { body: { content } },
  );
  await w.doctor.request("POST", `/api/certificates/${draft.body.id}/sign`, {
    body: { version: draft.body.version },
  });
  return end;
}

// ---- Team (src/team): a meeting today with the world's patient (TEAM consent) on its agenda.
async function teamItem(w: World): Promise<{ meetingId: string; itemId: string }> {
  await coordinationConsent(w, "TEAM");
  const meeting = await w.client.json<{ id: string }>("POST", "/api/team/moten", {
    body: { date: coordinationToday, time: "13:00", participantIds: [] },
  });
  const item = await w.client.json<{ id: string }>("POST", `/api/team/moten/${meeting.body.id}/dagordning`, {
    body: { patientId: w.patientId },
  });
  return { meetingId: meeting.body.id, itemId: item.body.id };
}

async function teamMeetingVersion(w: World, meetingId: string): Promise<number> {
  const res = await w.client.json<{ version: number }>("GET", `/api/team/moten/${meetingId}`);
  return res.body.version;
}

async function teamDecision(w: World): Promise<{ id: string; version: number }> {
  const { itemId } = await teamItem(w);
  const staff = await w.client.json<{ staff: { id: string }[] }>("GET", "/api/team");
  const res = await w.client.json<{ id: string; version: number }>(
    "POST",
    `/api/team/dagordning/${itemId}/beslut`,
    {
      body: {
        text: "Boka fysioterapeut.",
        outcome: "UPPGIFT",
        responsibleUserId: staff.body.staff[0]!.id,
        dueDate: addDays(coordinationToday, 14),
      },
    },
  );
  return res.body;
}

// ---- Avvikelser (src/deviations): a deviation about the world's patient, managed by the chief.
async function deviationOf(
  w: World,
  withAction = false,
): Promise<{ id: string; version: number; actionId?: string }> {
  const created = await w.doctor.json<{ id: string; version: number }>("POST", "/api/avvikelser", {
    body: {
      category: "FEL_GRAD",
      occurredOn: coordinationToday,
      description: "Fel grad.",
      patientId: w.patientId,
    },
  });
  if (!withAction) return created.body;
  const list = await w.reviewer.json<{ owners: { id: string }[] }>("GET", "/api/avvikelser");
  const added = await w.reviewer.json<{ version: number; actions: { id: string }[] }>(
    "POST",
    `/api/avvikelser/${created.body.id}/atgarder`,
    {
      body: {
        version: created.body.version,
        description: "Åtgärd.",
        ownerId: list.body.owners[0]!.id,
        dueDate: coordinationToday,
      },
    },
  );
  return { id: created.body.id, version: added.body.version, actionId: added.body.actions[0]!.id };
}

/** How to exercise each patient-data operation so that it succeeds for one patient. */
// ---- Rehabplan (src/rehabplan): a plan for the coordination case.
async function rehabPlan(w: World): Promise<{ id: string; version: number }> {
  await coordinationCase(w);
  const res = await w.client.json<{ id: string; version: number }>(
    "POST",
    `/api/patients/${w.patientId}/rehabplaner`,
    { body: {} },
  );
  return res.body;
}

const exercises: Record<string, (w: World) => Promise<Response>> = {
  "POST /api/avvikelser": (w) =>
    w.doctor.request("POST", "/api/avvikelser", {
      body: {
        category: "FEL_GRAD",
        occurredOn: coordinationToday,
        description: "Fel grad.",
        patientId: w.patientId,
      },
    }),
  "GET /api/avvikelser/{id}": async (w) => {
    const d = await deviationOf(w);
    await w.checkpoint();
    return w.reviewer.request("GET", `/api/avvikelser/${d.id}`);
  },
  "PUT /api/avvikelser/{id}": async (w) => {
    const d = await deviationOf(w);
    await w.checkpoint();
    return w.reviewer.request("PUT", `/api/avvikelser/${d.id}`, {
      body: { version: d.version, investigation: "Utreds.", lexMaria: false, status: "UNDER_UTREDNING" },
    });
  },
  "POST /api/avvikelser/{id}/atgarder": async (w) => {
    const d = await deviationOf(w);
    const list = await w.reviewer.json<{ owners: { id: string }[] }>("GET", "/api/avvikelser");
    await w.checkpoint();
    return w.reviewer.request("POST", `/api/avvikelser/${d.id}/atgarder`, {
      body: {
        version: d.version,
        description: "Åtgärd.",
        ownerId: list.body.owners[0]!.id,
        dueDate: coordinationToday,
      },
    });
  },
  "POST /api/avvikelser/{id}/atgarder/{actionId}/klar": async (w) => {
    const d = await deviationOf(w, true);
    await w.checkpoint();
    return w.reviewer.request("POST", `/api/avvikelser/${d.id}/atgarder/${d.actionId}/klar`, {
      body: { version: d.version },
    });
  },
  "GET /api/genomgang": async (w) => {
    await endingSoon(w);
    await w.checkpoint();
    return w.doctor.request("GET", "/api/genomgang?days=14");
  },
  "POST /api/genomgang/markeringar": async (w) => {
    const caseEnd = await endingSoon(w);
    await w.checkpoint();
    return w.doctor.request("POST", "/api/genomgang/markeringar", {
      body: { patientId: w.patientId, caseEnd, mark: "ATERBESOK_BOKAT" },
    });
  },
  "GET /api/patients": (w) => w.client.request("GET", `/api/patients?q=${w.personnummer.slice(0, 8)}`),
  "POST /api/patients": (w) =>
    w.client.request("POST", "/api/patients", {
      body: { personnummer: "19921128-2398", givenName: "Ny", familyName: "Patient" },
    }),
  "GET /api/patients/{id}": (w) => w.client.request("GET", `/api/patients/${w.patientId}`),
  "PATCH /api/patients/{id}": (w) =>
    w.client.request("PATCH", `/api/patients/${w.patientId}`, { body: { version: 1, givenName: "Ändrad" } }),
  "GET /api/patients/{id}/access-log": (w) =>
    w.reviewer.request("GET", `/api/patients/${w.patientId}/access-log`),
  "GET /api/audit/events": (w) => w.reviewer.request("GET", `/api/audit/events?patientId=${w.patientId}`),
  "GET /api/audit/timeline": (w) =>
    w.reviewer.request("GET", `/api/audit/timeline?patientId=${w.patientId}&from=2020-01-01&to=2099-12-31`),
  "GET /api/patients/{id}/certificates": (w) =>
    w.client.request("GET", `/api/patients/${w.patientId}/certificates`),
  "POST /api/patients/{id}/certificates": (w) =>
    w.doctor.request("POST", `/api/patients/${w.patientId}/certificates`, { body: { content: {} } }),
  "GET /api/certificates/{id}": async (w) => {
    const draft = await draftOf(w);
    await w.checkpoint();
    return w.client.request("GET", `/api/certificates/${draft.id}`);
  },
  "PUT /api/certificates/{id}": async (w) => {
    const draft = await draftOf(w);
    await w.checkpoint();
    return w.doctor.request("PUT", `/api/certificates/${draft.id}`, {
      body: { version: draft.version, content: { ...certificateContent, yrke: "Truckförare" } },
    });
  },
  "POST /api/certificates/{id}/ready": async (w) => {
    const draft = await draftOf(w);
    await w.checkpoint();
    return w.secretary.request("POST", `/api/certificates/${draft.id}/ready`, {
      body: { version: draft.version },
    });
  },
  "POST /api/certificates/{id}/sign": async (w) => {
    const draft = await draftOf(w);
    await w.checkpoint();
    return w.doctor.request("POST", `/api/certificates/${draft.id}/sign`, {
      body: { version: draft.version },
    });
  },
  "POST /api/certificates/{id}/send": async (w) => {
    const signed = await signedOf(w);
    await w.checkpoint();
    return w.doctor.request("POST", `/api/certificates/${signed.id}/send`, {
      body: { version: signed.version, confirmedWarnings: ["SHORT_CASE"] },
    });
  },
  "POST /api/certificates/{id}/revoke": async (w) => {
    const signed = await signedOf(w);
    await w.checkpoint();
    return w.doctor.request("POST", `/api/certificates/${signed.id}/revoke`, {
      body: { version: signed.version, reason: "Fel patient" },
    });
  },
  "POST /api/certificates/{id}/renew": async (w) => {
    const signed = await signedOf(w);
    await w.checkpoint();
    return w.doctor.request("POST", `/api/certificates/${signed.id}/renew`, { body: {} });
  },
  "POST /api/certificates/{id}/replace": async (w) => {
    const signed = await signedOf(w);
    await w.checkpoint();
    return w.doctor.request("POST", `/api/certificates/${signed.id}/replace`, { body: {} });
  },
  "GET /api/certificates/{id}/pdf": async (w) => {
    const draft = await draftOf(w);
    await w.checkpoint();
    return w.client.request("GET", `/api/certificates/${draft.id}/pdf`);
  },
  "GET /api/patients/{id}/arenden": (w) => w.client.request("GET", `/api/patients/${w.patientId}/arenden`),
  "POST /api/patients/{id}/arenden": async (w) => {
    const certificate = await signedOf(w);
    await w.checkpoint();
    return w.secretary.request("POST", `/api/patients/${w.patientId}/arenden`, {
      body: {
        type: "KOMPLT",
        certificateId: certificate.id,
        receivedDate: "2026-11-16",
        questionFields: ["35"],
      },
    });
  },
  "GET /api/arenden": async (w) => {
    await komplettering(w);
    await w.checkpoint();
    return w.doctor.request("GET", "/api/arenden");
  },
  "POST /api/arenden/{id}/answer": async (w) => {
    const arende = await komplettering(w);
    await w.checkpoint();
    return w.doctor.request("POST", `/api/arenden/${arende.id}/answer`, {
      body: { version: arende.version, kind: "KAN_EJ_KOMPLETTERA", text: "Patienten uteblev." },
    });
  },
  "GET /api/patients/{id}/tasks": (w) => w.client.request("GET", `/api/patients/${w.patientId}/tasks`),
  "GET /api/patients/{id}/sjukfall": (w) => w.client.request("GET", `/api/patients/${w.patientId}/sjukfall`),
  "POST /api/import/certificates": (w) =>
    w.secretary.request("POST", "/api/import/certificates", {
      body: [
        {
          id: `ext-${w.patientId}`,
          patient: w.personnummer,
          unit: w.unitId,
          signed: "2026-11-02T10:00:00",
          diagnosis: "M545",
          periods: [{ from: "2026-11-02", to: "2026-11-20", grade: 50 }],
        },
      ],
    }),
  "POST /api/import/arenden": async (w) => {
    const certificate = await signedOf(w);
    await w.checkpoint();
    return w.secretary.request("POST", "/api/import/arenden", {
      body: {
        messageId: `FK-${certificate.id}`,
        type: "KOMPLT",
        certificateId: certificate.id,
        personnummer: w.personnummer,
        receivedDate: "2026-11-16",
        lastAnswerDate: null,
        questionFields: ["35"],
        text: "Förtydliga.",
      },
    });
  },
  "GET /api/patients/{id}/samtycken": (w) =>
    w.client.request("GET", `/api/patients/${w.patientId}/samtycken`),
  "POST /api/patients/{id}/samtycken": (w) =>
    w.client.request("POST", `/api/patients/${w.patientId}/samtycken`, {
      body: { kind: "TEAM", obtainedDate: coordinationToday, method: "SKRIFTLIGT", scope: "Teamet." },
    }),
  "POST /api/samtycken/{id}/withdraw": async (w) => {
    const consent = await coordinationConsent(w, "KOORDINERING");
    await w.checkpoint();
    return w.client.request("POST", `/api/samtycken/${consent.id}/withdraw`, {
      body: { version: consent.version, withdrawnDate: coordinationToday },
    });
  },
  "GET /api/patients/{id}/aktualisering": (w) =>
    w.client.request("GET", `/api/patients/${w.patientId}/aktualisering`),
  "POST /api/patients/{id}/aktualisering": async (w) => {
    const caseStart = await coordinationCase(w);
    await w.checkpoint();
    return w.client.request("POST", `/api/patients/${w.patientId}/aktualisering`, {
      body: { caseStart, decision: "INGEN_ATGARD", reason: "Återgår snart.", supersedesId: null },
    });
  },
  "GET /api/patients/{id}/kartlaggande-samtal": (w) =>
    w.client.request("GET", `/api/patients/${w.patientId}/kartlaggande-samtal`),
  "POST /api/patients/{id}/kartlaggande-samtal": (w) =>
    w.client.request("POST", `/api/patients/${w.patientId}/kartlaggande-samtal`, { body: {} }),
  "GET /api/kartlaggande-samtal/{id}": async (w) => {
    const samtal = await coordinationSamtal(w);
    await w.checkpoint();
    return w.client.request("GET", `/api/kartlaggande-samtal/${samtal.id}`);
  },
  "PUT /api/kartlaggande-samtal/{id}": async (w) => {
    const samtal = await coordinationSamtal(w);
    await w.checkpoint();
    return w.client.request("PUT", `/api/kartlaggande-samtal/${samtal.id}`, {
      body: { version: samtal.version, health: "Bättre." },
    });
  },
  "POST /api/kartlaggande-samtal/{id}/complete": async (w) => {
    const samtal = await coordinationSamtal(w);
    await w.checkpoint();
    return w.client.request("POST", `/api/kartlaggande-samtal/${samtal.id}/complete`, {
      body: { version: samtal.version },
    });
  },
  "POST /api/patients/{id}/koordineringsinsatser": async (w) => {
    await coordinationConsent(w, "KOORDINERING");
    await w.checkpoint();
    return w.client.request("POST", `/api/patients/${w.patientId}/koordineringsinsatser`, {
      body: { type: "PERSONLIGT_STOD", date: coordinationToday },
    });
  },
  "POST /api/patients/{id}/samverkansmoten": async (w) => {
    await coordinationConsent(w, "KOORDINERING");
    await w.checkpoint();
    return w.client.request("POST", `/api/patients/${w.patientId}/samverkansmoten`, {
      body: {
        kind: "TREPARTSMOTE",
        date: coordinationToday,
        participants: [{ name: "Chefen", role: "Närmaste chef", party: "ARBETSGIVARE" }],
      },
    });
  },
  "GET /api/team/moten/{id}": async (w) => {
    const { meetingId } = await teamItem(w);
    await w.checkpoint();
    return w.client.request("GET", `/api/team/moten/${meetingId}`);
  },
  "GET /api/team/moten/{id}/forslag": async (w) => {
    const caseStart = await coordinationCase(w);
    await coordinationConsent(w, "TEAM");
    await w.client.request("POST", `/api/patients/${w.patientId}/aktualisering`, {
      body: { caseStart, decision: "AKTUALISERA_TEAM", reason: "", supersedesId: null },
    });
    const meeting = await w.client.json<{ id: string }>("POST", "/api/team/moten", {
      body: { date: coordinationToday, time: "13:00", participantIds: [] },
    });
    await w.checkpoint();
    return w.client.request("GET", `/api/team/moten/${meeting.body.id}/forslag`);
  },
  "POST /api/team/moten/{id}/dagordning": async (w) => {
    await coordinationConsent(w, "TEAM");
    const meeting = await w.client.json<{ id: string }>("POST", "/api/team/moten", {
      body: { date: coordinationToday, time: "13:00", participantIds: [] },
    });
    await w.checkpoint();
    return w.client.request("POST", `/api/team/moten/${meeting.body.id}/dagordning`, {
      body: { patientId: w.patientId },
    });
  },
  "PUT /api/team/moten/{id}/dagordning": async (w) => {
    const { meetingId, itemId } = await teamItem(w);
    const version = await teamMeetingVersion(w, meetingId);
    await w.checkpoint();
    return w.client.request("PUT", `/api/team/moten/${meetingId}/dagordning`, {
      body: { version, itemIds: [itemId] },
    });
  },
  "PUT /api/team/dagordning/{id}/anteckning": async (w) => {
    const { itemId } = await teamItem(w);
    await w.checkpoint();
    return w.client.request("PUT", `/api/team/dagordning/${itemId}/anteckning`, {
      body: { baseVersion: 0, text: "Diskuterad i teamet." },
    });
  },
  "POST /api/team/dagordning/{id}/beslut": async (w) => {
    const { itemId } = await teamItem(w);
    const staff = await w.client.json<{ staff: { id: string }[] }>("GET", "/api/team");
    await w.checkpoint();
    return w.client.request("POST", `/api/team/dagordning/${itemId}/beslut`, {
      body: {
        text: "Boka fysioterapeut.",
        outcome: "UPPGIFT",
        responsibleUserId: staff.body.staff[0]!.id,
        dueDate: addDays(coordinationToday, 14),
      },
    });
  },
  "POST /api/team/moten/{id}/avsluta": async (w) => {
    const { meetingId } = await teamItem(w);
    const staff = await w.client.json<{ staff: { id: string }[] }>("GET", "/api/team");
    const attendance = await w.client.json<{ version: number }>(
      "PUT",
      `/api/team/moten/${meetingId}/deltagare`,
      {
        body: {
          version: await teamMeetingVersion(w, meetingId),
          participants: [{ userId: staff.body.staff[0]!.id, attended: true }],
        },
      },
    );
    await w.checkpoint();
    return w.client.request("POST", `/api/team/moten/${meetingId}/avsluta`, {
      body: { version: attendance.body.version },
    });
  },
  "PUT /api/team/beslut/{id}/samverkan": async (w) => {
    await coordinationConsent(w, "KOORDINERING");
    const samverkan = await w.client.json<{ id: string }>(
      "POST",
      `/api/patients/${w.patientId}/samverkansmoten`,
      {
        body: {
          kind: "TREPARTSMOTE",
          date: coordinationToday,
          participants: [{ name: "Chefen", role: "Närmaste chef", party: "ARBETSGIVARE" }],
        },
      },
    );
    const decision = await teamDecision(w);
    await w.checkpoint();
    return w.client.request("PUT", `/api/team/beslut/${decision.id}/samverkan`, {
      body: { version: decision.version, samverkanMeetingId: samverkan.body.id },
    });
  },
  "GET /api/patients/{id}/koordinering": (w) =>
    w.client.request("GET", `/api/patients/${w.patientId}/koordinering`),
  "GET /api/sjukfall": async (w) => {
    await coordinationCase(w);
    await w.checkpoint();
    return w.client.request("GET", "/api/sjukfall?limit=1000");
  },
  "GET /api/sjukfall/export": async (w) => {
    await coordinationCase(w);
    await w.checkpoint();
    return w.client.request("GET", "/api/sjukfall/export?format=csv");
  },
  "PUT /api/sjukfall/{id}/koordinatorstatus": async (w) => {
    await coordinationCase(w);
    const list = await w.client.json<{
      rows: { patientId: string; start: string; anchorCertificateId: string }[];
    }>("GET", "/api/sjukfall?limit=1000");
    const row = list.body.rows.find((r) => r.patientId === w.patientId)!;
    await w.checkpoint();
    return w.client.request("PUT", `/api/sjukfall/${w.patientId}/koordinatorstatus`, {
      body: { caseStart: row.start, certificateId: row.anchorCertificateId, status: "KONTAKTAD", version: 0 },
    });
  },
  "GET /api/tasks": async (w) => {
    await taskOf(w);
    await w.checkpoint();
    return w.client.request("GET", "/api/tasks?scope=unit&limit=1000");
  },
  "POST /api/tasks/{id}/done": async (w) => {
    const t = await taskOf(w, (kind) => kind !== "AKTUALISERA");
    await w.checkpoint();
    return w.client.request("POST", `/api/tasks/${t.id}/done`, { body: { version: t.version } });
  },
  "POST /api/tasks/{id}/not-relevant": async (w) => {
    const t = await taskOf(w);
    await w.checkpoint();
    return w.client.request("POST", `/api/tasks/${t.id}/not-relevant`, {
      body: { version: t.version, reason: "Beslutat i teamet." },
    });
  },
  "POST /api/tasks/{id}/postpone": async (w) => {
    const t = await taskOf(w);
    await w.checkpoint();
    return w.client.request("POST", `/api/tasks/${t.id}/postpone`, {
      body: { version: t.version, date: addDays(coordinationToday, 7) },
    });
  },
  "GET /api/sparbarhet": async (w) => {
    await coordinationCase(w);
    await w.checkpoint();
    return w.reviewer.request("GET", "/api/sparbarhet");
  },
  "GET /api/sparbarhet/export": async (w) => {
    await coordinationCase(w);
    await w.checkpoint();
    return w.reviewer.request("GET", "/api/sparbarhet/export");
  },
  "GET /api/patients/{id}/underlag": (w) => w.doctor.request("GET", `/api/patients/${w.patientId}/underlag`),
  "POST /api/patients/{id}/underlag": (w) => underlagOf(w).then((u) => u.response),
  "GET /api/underlag": async (w) => {
    await underlagOf(w);
    await w.checkpoint();
    return w.doctor.request("GET", "/api/underlag?status=ALL");
  },
  "GET /api/underlag/{id}": async (w) => {
    const { id } = await underlagOf(w);
    await w.checkpoint();
    return w.doctor.request("GET", `/api/underlag/${id}`);
  },
  "POST /api/underlag/{id}/answer": async (w) => {
    const { id, version } = await underlagOf(w);
    const physio = await buildUser(w.app.deps.database.db, { roles: [["FYSIOTERAPEUT", w.unitId]] });
    await w.checkpoint();
    return (await clientFor(w.app, physio.id)).request("POST", `/api/underlag/${id}/answer`, {
      body: {
        version,
        observations: "Obs.",
        funktion: "Funktion.",
        aktivitet: "Aktivitet.",
        methods: "Test.",
      },
    });
  },
  "GET /api/patients/{id}/rehabplaner": (w) =>
    w.client.request("GET", `/api/patients/${w.patientId}/rehabplaner`),
  "POST /api/patients/{id}/rehabplaner": async (w) => {
    await coordinationCase(w);
    await w.checkpoint();
    return w.client.request("POST", `/api/patients/${w.patientId}/rehabplaner`, { body: {} });
  },
  "PUT /api/rehabplaner/{id}": async (w) => {
    const plan = await rehabPlan(w);
    await w.checkpoint();
    return w.client.request("PUT", `/api/rehabplaner/${plan.id}`, {
      body: { version: plan.version, content: { goal: "Åter i arbete." } },
    });
  },
  "POST /api/rehabplaner/{id}/faststall": async (w) => {
    const plan = await rehabPlan(w);
    const content = {
      goal: "Åter i arbete.",
      plannedEnd: addDays(coordinationToday, 20),
      actions: [
        {
          party: "PATIENTEN",
          description: "Promenader.",
          responsibleName: "Patienten",
          followUpDate: coordinationToday,
        },
      ],
    };
    const saved = await w.client.json<{ version: number }>("PUT", `/api/rehabplaner/${plan.id}`, {
      body: { version: plan.version, content },
    });
    await w.checkpoint();
    return w.client.request("POST", `/api/rehabplaner/${plan.id}/faststall`, {
      body: { version: saved.body.version, anchoredDate: coordinationToday, anchoredMethod: "BESOK" },
    });
  },
  "POST /api/rehabplaner/{id}/avsluta": async (w) => {
    const plan = await rehabPlan(w);
    await w.checkpoint();
    return w.client.request("POST", `/api/rehabplaner/${plan.id}/avsluta`, {
      body: { version: plan.version },
    });
  },
  "GET /api/rehabplaner/{id}/versioner": async (w) => {
    const plan = await rehabPlan(w);
    await w.checkpoint();
    return w.client.request("GET", `/api/rehabplaner/${plan.id}/versioner`);
  },
  "GET /api/rehabplaner/{id}/jamforelse": async (w) => {
    const plan = await rehabPlan(w);
    await w.checkpoint();
    return w.client.request("GET", `/api/rehabplaner/${plan.id}/jamforelse?from=1&to=1`);
  },
  "GET /api/rehabplaner/{id}/patientversion": async (w) => {
    const plan = await rehabPlan(w);
    await w.checkpoint();
    return w.client.request("GET", `/api/rehabplaner/${plan.id}/patientversion`);
  },
  "GET /api/rehabplaner/{id}/patientversion.pdf": async (w) => {
    const plan = await rehabPlan(w);
    await w.checkpoint();
    return w.client.request("GET", `/api/rehabplaner/${plan.id}/patientversion.pdf`);
  },
  "GET /api/patients/{id}/sjukskrivningsbroschyr": (w) =>
    w.client.request("GET", `/api/patients/${w.patientId}/sjukskrivningsbroschyr`),
  "GET /api/patients/{id}/sjukskrivningsbroschyr.pdf": (w) =>
    w.client.request("GET", `/api/patients/${w.patientId}/sjukskrivningsbroschyr.pdf`),
  "POST /api/patients/{id}/utlamningar": (w) =>
    w.client.request("POST", `/api/patients/${w.patientId}/utlamningar`, { body: { kind: "BROSCHYR" } }),
};

// ---- Underlag (src/underlag): the world's doctor asks a fysioterapeut.
async function underlagOf(w: World) {
  const response = await w.doctor.request("POST", `/api/patients/${w.patientId}/underlag`, {
    body: {
      profession: "FYSIOTERAPEUT",
      origin: "LAKARE",
      question: "Förmåga att lyfta?",
      wantedBy: addDays(coordinationToday, 7),
    },
  });
  const body = (await response.clone().json()) as { id: string; version: number };
  return { response, id: body.id, version: body.version };
}

interface Operation {
  key: string;
  patientData: unknown;
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} /api${path.replace(/^\/api/, "")}`,
      patientData: op["x-patient-data"],
    })),
  );
}

describe("route inventory", () => {
  let database: Database;
  let testApp: TestApp;
  let operations: Operation[];

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    testApp = createTestApp(database);
    const res = await anonymousClient(testApp).request("GET", "/api/docs");
    operations = operationsOf(await res.json());
  });
  afterAll(() => database.close());

  it("documents every API route in the OpenAPI document", () => {
    const documented = new Set(operations.map((o) => o.key));
    const registered = testApp.app.routes
      .filter((r) => r.path.startsWith("/api/") && r.method !== "ALL" && r.path !== "/api/docs")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(registered.length).toBeGreaterThan(5);
    expect(registered.filter((key) => !documented.has(key))).toEqual([]);
  });

  it("has every operation declare whether it touches patient data", () => {
    const undeclared = operations.filter((o) => typeof o.patientData !== "boolean").map((o) => o.key);
    expect(undeclared).toEqual([]);
  });

  it("has an exercise for every patient-data operation", () => {
    const patientOps = operations.filter((o) => o.patientData === true).map((o) => o.key);
    expect(patientOps.length).toBeGreaterThan(0);
    expect(patientOps.filter((key) => !(key in exercises))).toEqual([]);
  });

  // One exercise or more per patient-data route: minutes on a loaded machine, more than the default 30 s.
  it("writes an audit event for the patient on every patient-data operation", async () => {
    const failures: string[] = [];
    let staff: Awaited<ReturnType<typeof unitWithStaff>> | null = null;
    for (const [index, key] of operations
      .filter((o) => o.patientData === true)
      .map((o) => o.key)
      .entries()) {
      // The test personnummer are few and unique per unit: a fresh unit every 20 operations.
      if (index % 20 === 0) staff = await unitWithStaff(database);
      const { unit, coordinator, chief, doctor, secretary } = staff!;
      // A fresh patient per operation, so its events are this operation's alone.
      const patient = await buildPatient(database.db, unit.id);
      const world: World = {
        client: await clientFor(testApp, coordinator.id),
        reviewer: await clientFor(testApp, chief.id),
        doctor: await clientFor(testApp, doctor.id),
        secretary: await clientFor(testApp, secretary.id),
        patientId: patient.id,
        personnummer: patient.personnummer,
        unitId: unit.id,
        app: testApp,
        checkpoint: async () => {},
      };
      let before = await auditCount(database);
      world.checkpoint = async () => {
        before = await auditCount(database);
      };
      const res = await exercises[key]!(world);
      if (res.status >= 300) failures.push(`${key}: status ${res.status} ${await res.text()}`);
      const events = await auditEventsSince(database, before);
      const touchedPatient = events.some((e) => e.patient_id !== null);
      if (!touchedPatient) failures.push(`${key}: no audit event naming a patient`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});

async function unitWithStaff(database: Database) {
  const unit = await buildUnit(database.db);
  const coordinator = await buildUser(database.db, { roles: [["REHABKOORDINATOR", unit.id]] });
  const chief = await buildUser(database.db, { roles: [["ENHETSCHEF", unit.id]] });
  const doctor = await buildUser(database.db, { roles: [["LAKARE", unit.id]] });
  const secretary = await buildUser(database.db, { roles: [["SEKRETERARE", unit.id]] });
  return { unit, coordinator, chief, doctor, secretary };
}

async function auditCount(database: Database): Promise<number> {
  const [row] = rowsOf<{ n: string }>(
    await database.db.execute(sql`select coalesce(max(seq), 0) as n from audit_event`),
  );
  return Number(row!.n);
}

async function auditEventsSince(database: Database, seq: number) {
  return rowsOf<{ patient_id: string | null; action: string }>(
    await database.db.execute(sql`select patient_id, action from audit_event where seq > ${seq}`),
  );
}
