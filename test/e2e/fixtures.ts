/**
 * The browser tests' own world: a patient of their own (a Skatteverket test personnummer the unit
 * does not hold yet), certificates with dates relative to the server's today, and the tasks the
 * task job plans for them (it runs for the unit right after a signing), created through the real
 * API with a logged-in page's session. A test asserts on what it built, never on whichever
 * demo patient happens to fit, so it passes on any date (SAMSYN_NOW) and against a server that has
 * run the suite before (SAMSYN_E2E_URL).
 */
import type { z } from "@hono/zod-openapi";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { addDays } from "../../src/cases/days.ts";
import { loadTestPersonnummer } from "../../src/reference/testpersonnummer.ts";
import type { taskSchema } from "../../src/tasks/schema.ts";
import { logIn, newPage, type PatientSummary } from "./browser.ts";

export { addDays };

export interface SessionFacts {
  csrfToken: string;
  /** The server's calendar day (its clock, moved by SAMSYN_NOW). */
  today: string;
  user: { id: string; displayName: string };
  unit: { id: string; name: string } | null;
}

/** Who is logged in on the page, the CSRF token for writes and the server's today. */
export async function sessionOf(page: Page): Promise<SessionFacts> {
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  return (await response.json()) as SessionFacts;
}

/** The server's today (ÅÅÅÅ-MM-DD): every date a test types or expects is relative to it. */
export async function serverToday(page: Page): Promise<string> {
  return (await sessionOf(page)).today;
}

export async function send(page: Page, method: "POST" | "PUT", url: string, data: unknown) {
  const { csrfToken } = await sessionOf(page);
  return page.request.fetch(url, { method, data, headers: { "x-csrf-token": csrfToken } });
}

let candidates: string[] | undefined;

/** Working-age test personnummer (born 1950–1999), in a fixed spread-out order. */
function personnummerCandidates(): string[] {
  if (!candidates) {
    const adults = loadTestPersonnummer().filter((p) => p >= "1950" && p < "2000");
    // A fixed stride through the list: deterministic, and far from the list's neighbours.
    candidates = adults.map((_, i) => adults[(i * 7919) % adults.length]!);
  }
  return candidates;
}

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

/**
 * Registers a new patient on the page user's unit (a user with patient.write: rehab1, sekr1). The
 * personnummer is the first candidate, from a start fixed by `label`, that the unit does not hold:
 * the demo region and earlier runs keep theirs. The name is "Testa <label>-<n>" unless `name`
 * gives one.
 */
export async function createPatient(
  page: Page,
  label: string,
  name?: { givenName: string; familyName: string },
): Promise<PatientSummary> {
  const list = personnummerCandidates();
  const start = hashOf(label) % list.length;
  for (let attempt = 0; attempt < 200; attempt++) {
    const index = (start + attempt) % list.length;
    const personnummer = list[index]!;
    const { givenName, familyName } = name ?? {
      givenName: "Testa",
      familyName: `${label}-${index.toString(36)}`,
    };
    const response = await send(page, "POST", "/api/patients", { personnummer, givenName, familyName });
    if (response.status() === 201) {
      const body = (await response.json()) as { id: string; personnummer: string };
      return {
        id: body.id,
        personnummer: body.personnummer,
        name: `${givenName} ${familyName}`,
        protectedIdentity: false,
      };
    }
    const error = (await response.json()) as { error: { message: string } };
    if (!error.error.message.includes("finns redan")) {
      throw new Error(`Could not register the test patient: ${response.status()} ${error.error.message}`);
    }
  }
  throw new Error(`No free test personnummer for "${label}" after 200 tries.`);
}

export interface CertificateFixture {
  id: string;
  from: string;
  to: string;
  diagnosis: string;
}

/** The ICD-10-SE title of a code, as the typeahead would fill it in. */
async function diagnosisTitle(page: Page, code: string): Promise<string> {
  const response = await page.request.get(`/api/reference/diagnoses/${code}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { title: string }).title;
}

/**
 * A certificate the logged-in doctor writes and signs for the patient: `from`–`to` at `grade` %,
 * examined on the server's today (or on `from` when that is earlier). Refused drafts throw with the
 * rules' reasons, so a rule change shows here rather than as a missing row later.
 */
export async function signedCertificate(
  doctor: Page,
  patientId: string,
  period: { from: string; to: string; grade?: 25 | 50 | 75 | 100; diagnosis?: string },
): Promise<CertificateFixture> {
  const today = await serverToday(doctor);
  const code = period.diagnosis ?? "M54.5";
  const examined = period.from < today ? period.from : today;
  const content = {
    smittbararpenning: false,
    grund: [{ typ: "FYSISK_UNDERSOKNING", datum: examined }],
    sysselsattning: ["NUVARANDE_ARBETE"],
    yrke: "Undersköterska på vårdavdelning, tunga lyft",
    diagnoser: [{ kod: code, text: await diagnosisTitle(doctor, code) }],
    funktionsnedsattning: "Kraftigt nedsatt rörlighet i ländryggen, smärta vid framåtböjning.",
    aktivitetsbegransning: "Kan inte lyfta mer än 5 kg eller böja sig fram upprepade gånger.",
    perioder: [{ grad: period.grade ?? 100, from: period.from, tom: period.to }],
    arbetstidsforlaggning: period.grade === undefined || period.grade === 100 ? undefined : false,
    prognos: { typ: "STOR_SANNOLIKHET", manader: null, motivering: null },
    ovrigt:
      period.from < addDays(today, -7)
        ? "Retroaktiv sjukskrivning: patienten undersöktes vid start."
        : undefined,
  };
  const created = await send(doctor, "POST", `/api/patients/${patientId}/certificates`, { content: {} });
  expect(created.status()).toBe(201);
  const draft = (await created.json()) as { id: string; version: number; content: object };
  const saved = await send(doctor, "PUT", `/api/certificates/${draft.id}`, {
    version: draft.version,
    content: { ...draft.content, ...content },
  });
  const savedBody = (await saved.json()) as {
    version: number;
    check?: { valid: boolean; errors: { field: string; message: string }[] };
  };
  if (saved.status() !== 200 || !savedBody.check?.valid) {
    throw new Error(`The test certificate is not valid: ${JSON.stringify(savedBody)}`);
  }
  const signed = await send(doctor, "POST", `/api/certificates/${draft.id}/sign`, {
    version: savedBody.version,
  });
  if (signed.status() !== 200) throw new Error(`Signing refused: ${await signed.text()}`);
  return { id: draft.id, from: period.from, to: period.to, diagnosis: code };
}

/**
 * A new patient registered by the secretary (sekr1) in a page of its own, for tests whose user may
 * not register patients (doctors, nurses).
 */
export async function registeredPatient(browser: Browser, label: string): Promise<PatientSummary> {
  const page = await newPage(browser);
  try {
    await logIn(page, "sekr1");
    return await createPatient(page, label);
  } finally {
    await page.context().close();
  }
}

export type TaskFixture = z.output<typeof taskSchema>;

/**
 * The patient's tasks, once every kind in `kinds` is among them: the task job plans a unit's tasks
 * right after a certificate is signed or imported (it runs beside the request, so wait for it).
 */
export async function tasksOnceCreated(
  page: Page,
  patientId: string,
  kinds: readonly TaskFixture["kind"][],
  timeout = 60_000,
): Promise<TaskFixture[]> {
  let tasks: TaskFixture[] = [];
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/api/patients/${patientId}/tasks`, {
          params: { status: "ALL" },
        });
        expect(response.status()).toBe(200);
        tasks = ((await response.json()) as { tasks: TaskFixture[] }).tasks;
        return kinds.filter((kind) => !tasks.some((t) => t.kind === kind));
      },
      { timeout, interval: 250, message: "the task job planned the case's tasks" },
    )
    .toEqual([]);
  return tasks;
}

/**
 * A new patient (registered by the page's user, who needs patient.write: rehab1, sekr1) with a
 * case past day 30 that lakare1a signed, from 40 days before the server's today to 10 days after
 * it (51 days, 100 %). Its tasks, once the task job has planned them: AKTUALISERA and the day-30
 * checkpoint in the coordinator's queue (due in the past: overdue), the day-15 checkpoint to the
 * doctor. Day 8 lies beyond the job's catch-up window, so it has none.
 */
export async function longCase(browser: Browser, page: Page, label: string) {
  const today = await serverToday(page);
  const patient = await createPatient(page, label);
  const doctor = await newPage(browser);
  try {
    await logIn(doctor, "lakare1a");
    const certificate = await signedCertificate(doctor, patient.id, {
      from: addDays(today, -40),
      to: addDays(today, 10),
    });
    const tasks = await tasksOnceCreated(page, patient.id, [
      "AKTUALISERA",
      "CHECKPOINT_DAY_15",
      "CHECKPOINT_DAY_30",
    ]);
    const task = (kind: TaskFixture["kind"]) => tasks.find((t) => t.kind === kind)!;
    return {
      today,
      patient,
      certificate,
      aktualisera: task("AKTUALISERA"),
      day15: task("CHECKPOINT_DAY_15"),
      day30: task("CHECKPOINT_DAY_30"),
    };
  } finally {
    await doctor.context().close();
  }
}
