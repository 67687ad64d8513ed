/**
 * A rehabkoordinator's day in one flow (issue: list → filter > 30 days → consent → kartläggande
 * samtal → measure → task done): from the unit list to a patient past day 30 whose case waits for a
 * decision; consent recorded; the samtal ends in "koordinering utan team", which decides the case and
 * so ends its aktualisering task; a measure is recorded under the consent; one more of the patient's
 * tasks is marked done on the patient page. axe on every page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  expectText,
  field,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
} from "./browser.ts";
import { addDays, serverToday } from "./fixtures.ts";

interface ListRow {
  patientId: string;
  name: string;
  protectedIdentity: boolean;
}
interface Task {
  id: string;
  patientId: string;
  kind: string;
  status: string;
  note: string | null;
  caseStart: string;
}

/** A patient in the "> 30 dagar" list with an open aktualisering task, an undecided case and no consent. */
async function patientOfTheDay(page: Page) {
  const list = (await (
    await page.request.get("/api/sjukfall", { params: { over30: "true", limit: 1000 } })
  ).json()) as { rows: ListRow[] };
  // The task job runs a few seconds after the server starts.
  let queue: { tasks: Task[] } = { tasks: [] };
  for (let attempt = 0; attempt < 60 && !queue.tasks.some((t) => t.kind === "AKTUALISERA"); attempt++) {
    if (attempt > 0) await page.waitForTimeout(500);
    queue = (await (
      await page.request.get("/api/tasks", { params: { scope: "queue", status: "ACTIVE", limit: 1000 } })
    ).json()) as { tasks: Task[] };
  }
  for (const row of list.rows.filter((r) => !r.protectedIdentity)) {
    const task = queue.tasks.find((t) => t.patientId === row.patientId && t.kind === "AKTUALISERA");
    if (!task) continue;
    const consents = (await (await page.request.get(`/api/patients/${row.patientId}/samtycken`)).json()) as {
      consents: unknown[];
    };
    if (consents.consents.length > 0) continue;
    const aktualisering = (await (
      await page.request.get(`/api/patients/${row.patientId}/aktualisering`)
    ).json()) as { cases: { start: string; needsDecision: boolean }[] };
    if (aktualisering.cases.some((c) => c.start === task.caseStart && c.needsDecision)) return { row, task };
  }
  throw new Error("No patient over 30 days with an open aktualisering task, no decision and no consent.");
}

describe("a rehabkoordinator's day", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("goes from the list over 30 days to a decided, consented and coordinated case", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const today = await serverToday(page);
    const { row, task } = await patientOfTheDay(page);
    const marker = `DAG-${task.id.slice(0, 8)}`;

    // The list, filtered to cases over 30 days, narrowed to the patient by name.
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Pågående sjukfall" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Pågående sjukfall" }).waitFor();
    await field(page, "Mer än 30 dagar").check();
    await field(page, "Sök i listan").fill(row.name);
    const link = page.locator("table[data-unit-list]").getByRole("link", { name: row.name }).first();
    await link.waitFor();
    await expectNoAxeViolations(page);
    await link.click();
    await page.getByRole("heading", { level: 1, name: row.name }).waitFor();

    // Consent to coordination, recorded on the patient page.
    const consents = page.getByRole("region", { name: "Samtycken" });
    await consents.getByRole("button", { name: "Registrera samtycke" }).click();
    const consentForm = page.getByRole("region", { name: "Registrera samtycke" });
    await field(consentForm, "Samtycket gäller").selectOption("KOORDINERING");
    await consentForm.getByRole("radio", { name: "Muntligt" }).check();
    await field(consentForm, "Omfattning").fill(`${marker}: samordning med arbetsgivaren`);
    await consentForm.getByRole("button", { name: "Registrera samtycket" }).click();
    await consentForm.waitFor({ state: "detached" });
    await expectText(
      consents.getByTestId("samtycke-status").locator('tr[data-kind="KOORDINERING"]'),
      "Giltigt till",
    );
    await expectNoAxeViolations(page);

    // Kartläggande samtal, completed with "koordinering utan team" for the waiting case.
    await page
      .getByRole("region", { name: "Kartläggande samtal" })
      .getByRole("button", { name: "Nytt kartläggande samtal" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Kartläggande samtal" }).waitFor();
    await field(page, "Arbetssituation").fill(`${marker} undersköterska, heltid`);
    await field(page, "Hälsa").fill("Utmattning, sover dåligt");
    await field(page, "Social situation").fill("Bor ensam");
    await field(page, "Patientens egna mål").fill("Tillbaka på halvtid inom två månader");
    await field(page, "Hinder").fill("Hög arbetsbelastning");
    await field(page, "Behov av koordinering").fill("Kontakt med chefen om anpassning");
    await page.getByRole("radio", { name: "Koordinering utan team" }).check();
    await field(page, "Sjukfall som samtalet gäller").selectOption(task.caseStart);
    await field(page, "Nästa steg").fill("Trepartsmöte med arbetsgivaren");
    await field(page, "Datum för nästa steg").fill(addDays(today, 14));
    await expectText(page.getByTestId("samtal-sparstatus"), "Alla ändringar är sparade");
    await page.getByRole("button", { name: "Slutför samtalet" }).click();
    await page
      .getByRole("dialog", { name: "Slutföra samtalet?" })
      .getByRole("button", { name: "Ja, slutför samtalet" })
      .click();
    await expectText(page.getByTestId("samtal-visning"), "Samtalet är slutfört.");
    await expectNoAxeViolations(page);

    // The case is decided, so its aktualisering task is done.
    await page.getByRole("link", { name: "Till patienten" }).click();
    await page.getByRole("heading", { level: 1, name: row.name }).waitFor();
    const aktualisering = page.getByRole("region", { name: "Aktualisering" });
    await expectText(aktualisering, "Koordinering utan team");
    const tasks = page.getByRole("region", { name: "Uppgifter" });
    await expectText(tasks.locator(`tr[data-task="${task.id}"]`), "Åtgärdad");

    // A measure under the consent.
    const measures = page.getByRole("region", { name: "Koordineringsinsatser och samverkansmöten" });
    await measures.getByRole("button", { name: "Registrera koordineringsinsats" }).click();
    const measureForm = page.getByRole("region", { name: "Registrera koordineringsinsats" });
    await measureForm.getByRole("radio", { name: "Personligt stöd" }).check();
    await field(measureForm, "Anteckning").fill(`${marker} stödsamtal inför återgång`);
    await measureForm.getByRole("button", { name: "Registrera insatsen" }).click();
    await expectText(measures, "Koordineringsinsatsen är registrerad.");
    await expectText(
      page.getByRole("region", { name: "Koordineringslogg" }),
      `${marker} stödsamtal inför återgång`,
    );

    // One more of the patient's tasks done, from the patient page.
    const open = tasks.locator("tbody tr").filter({ has: page.getByRole("button", { name: /^Klar/ }) });
    if ((await open.count()) > 0) {
      const id = await open.first().getAttribute("data-task");
      await open.first().getByRole("button", { name: /^Klar/ }).click();
      await expectText(tasks.locator(`tr[data-task="${id}"]`), "Åtgärdad");
    }
    await expectNoAxeViolations(page);
    await screenshot(page, "50-koordinatorns-dag");

    const after = (await (
      await page.request.get(`/api/patients/${row.patientId}/tasks`, { params: { status: "ALL" } })
    ).json()) as { tasks: Task[] };
    expect(after.tasks.find((t) => t.id === task.id)).toMatchObject({
      status: "DONE",
      note: "Beslut: Koordinering utan team",
    });
  });
});
