/**
 * A rehabkoordinator's day in one flow (issue: list → filter > 30 days → consent → kartläggande
 * samtal → measure → task done): from the unit list to a patient past day 30 whose case waits for a
 * decision; consent recorded; the samtal ends in "koordinering utan team", which decides the case and
 * so ends its aktualisering task; a measure is recorded under the consent; one more of the patient's
 * tasks is marked done on the patient page. axe on every page.
 */
import type { Browser } from "playwright-core";
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
import { addDays, longCase, type TaskFixture } from "./fixtures.ts";

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
    // The test's own patient past day 30: its aktualisering task waits in the coordinator's queue,
    // the case is undecided and the patient has given no consent yet.
    const {
      today,
      patient,
      certificate,
      aktualisera: task,
      day30,
    } = await longCase(browser, page, "Dagsson");
    expect(task).toMatchObject({ caseStart: certificate.from, status: "OPEN", responsibleUserId: null });
    const queue = (await (
      await page.request.get("/api/tasks", { params: { scope: "queue", status: "ACTIVE", limit: 1000 } })
    ).json()) as { tasks: TaskFixture[] };
    expect(queue.tasks.map((t) => t.id)).toEqual(expect.arrayContaining([task.id, day30.id]));
    const before = (await (await page.request.get(`/api/patients/${patient.id}/aktualisering`)).json()) as {
      cases: { start: string; needsDecision: boolean }[];
    };
    expect(before.cases.find((c) => c.start === task.caseStart)).toMatchObject({ needsDecision: true });
    const marker = `DAG-${task.id.slice(0, 8)}`;

    // The list, filtered to cases over 30 days, narrowed to the patient by name.
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Pågående sjukfall" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Pågående sjukfall" }).waitFor();
    await page.getByRole("button", { name: /^Filter/ }).click();
    await field(page, "Mer än 30 dagar").check();
    await field(page, "Sök i listan").fill(patient.name);
    const link = page.locator("table[data-unit-list]").getByRole("link", { name: patient.name }).first();
    await link.waitFor();
    await expectNoAxeViolations(page);
    await link.click();
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();

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
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    const aktualisering = page.getByRole("region", { name: "Aktualisering" });
    await expectText(aktualisering, "Koordinering utan team");
    const tabs = page.getByRole("tablist", { name: "Avsnitt på patientsidan" });
    await tabs.getByRole("tab", { name: "Uppgifter" }).click();
    const tasks = page.getByRole("region", { name: "Uppgifter" });
    await expectText(tasks.locator(`tr[data-task="${task.id}"]`), "Åtgärdad");
    await tabs.getByRole("tab", { name: "Koordinering" }).click();

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

    // One more of the patient's tasks done, from the patient page: the day-30 checkpoint.
    await tabs.getByRole("tab", { name: "Uppgifter" }).click();
    const checkpoint = tasks.locator(`tr[data-task="${day30.id}"]`);
    await checkpoint.getByRole("button", { name: /^Klar/ }).click();
    await expectText(checkpoint, "Åtgärdad");
    await expectNoAxeViolations(page);
    await screenshot(page, "50-koordinatorns-dag");

    const after = (await (
      await page.request.get(`/api/patients/${patient.id}/tasks`, { params: { status: "ALL" } })
    ).json()) as { tasks: TaskFixture[] };
    expect(after.tasks.find((t) => t.id === task.id)).toMatchObject({
      status: "DONE",
      note: "Beslut: Koordinering utan team",
    });
    expect(after.tasks.find((t) => t.id === day30.id)).toMatchObject({ status: "DONE" });
  });
});
