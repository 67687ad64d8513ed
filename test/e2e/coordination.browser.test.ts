/**
 * The rehabkoordinator's coordination (Lag 2019:1297) in the browser: a measure without consent is
 * refused with the server's reason and a way to the consent form; consent is recorded; the case
 * past day 30 is decided "aktualisera i teamet" (which needs its own consent), and a decision made
 * meanwhile by someone else is shown, not overwritten; a kartläggande samtal is held (autosave, a
 * conflicting save keeps the typed text) and completed read-only; the log shows it all in time
 * order. Pages and forms pass axe. A doctor sees the coordination but gets no write forms.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConsentValidTo } from "../../src/coordination/rules.ts";
import {
  expectNoAxeViolations,
  expectText,
  field,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
  type PatientSummary,
} from "./browser.ts";
import { addDays, createPatient, serverToday, signedCertificate } from "./fixtures.ts";

interface CaseView {
  start: string;
  needsDecision: boolean;
  ongoing: boolean;
  current: { id: string; decision: string } | null;
}

/**
 * The test's own patient (registered by the coordinator) with a case past day 30 waiting for a
 * decision, and no consent at all: a certificate lakare1a signed from 40 days before the server's
 * today to 10 days after it.
 */
async function patientNeedingDecision(page: Page, browser: Browser) {
  const today = await serverToday(page);
  const patient = await createPatient(page, "Koordineringsson");
  const doctor = await newPage(browser);
  await logIn(doctor, "lakare1a");
  const certificate = await signedCertificate(doctor, patient.id, {
    from: addDays(today, -40),
    to: addDays(today, 10),
  });
  await doctor.context().close();
  const aktualisering = (await (
    await page.request.get(`/api/patients/${patient.id}/aktualisering`)
  ).json()) as {
    cases: CaseView[];
  };
  const waiting = aktualisering.cases.find((c) => c.start === certificate.from && c.needsDecision);
  expect(waiting, "the new case past day 30 waits for a decision").toBeDefined();
  return { today, patient, caseStart: certificate.from };
}

async function csrfToken(page: Page) {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
  return session.csrfToken;
}

let shared: { patient: PatientSummary; marker: string } | null = null;

describe("the rehabkoordinator's coordination", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("refuses without consent, records consent, decides, holds a samtal and logs it all", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const { today, patient, caseStart } = await patientNeedingDecision(page, browser);
    const marker = `E2E-${patient.personnummer}`;
    shared = { patient, marker };

    await page.goto(`/patienter/${patient.id}`);
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    const consents = page.getByRole("region", { name: "Samtycken" });
    const states = consents.getByTestId("samtycke-status");
    await states.waitFor();
    for (const kind of ["KOORDINERING", "TEAM", "INFO_FK"]) {
      await expectText(states.locator(`tr[data-kind="${kind}"]`), "Saknas");
    }
    await expectNoAxeViolations(page);

    // 1. A measure without consent: the server refuses, in words, with the way to the consent form.
    const measures = page.getByRole("region", { name: "Koordineringsinsatser och samverkansmöten" });
    await measures.getByRole("button", { name: "Registrera koordineringsinsats" }).click();
    const measureForm = page.getByRole("region", { name: "Registrera koordineringsinsats" });
    // Samverkan needs a counterpart: said at the field before anything is sent.
    await measureForm.getByRole("radio", { name: "Samverkan med andra aktörer" }).check();
    await measureForm.getByRole("button", { name: "Registrera insatsen" }).click();
    await expectText(measureForm, "Ange vilken aktör samverkan gällde.");
    expect(await field(measureForm, "Aktör").getAttribute("aria-invalid")).toBe("true");
    await measureForm.getByRole("radio", { name: "Personligt stöd" }).check();
    await field(measureForm, "Anteckning").fill(`${marker} stödsamtal om återgång`);
    await measureForm.getByRole("button", { name: "Registrera insatsen" }).click();
    const refusal = measureForm.getByRole("alert").filter({ hasText: "Samtycke saknas" });
    await refusal.waitFor();
    await expectText(refusal, "Patienten har inte gett samtycke till koordinering.");
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("Samtycke saknas");
    await expectNoAxeViolations(page);
    await screenshot(page, "40-insats-utan-samtycke");

    // 2. Record the consent from the refusal: the form opens with the kind chosen and takes focus.
    await refusal.getByRole("button", { name: "Registrera samtycke" }).click();
    const consentForm = page.getByRole("region", { name: "Registrera samtycke" });
    await consentForm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toBe("Registrera samtycke");
    expect(await field(consentForm, "Samtycket gäller").inputValue()).toBe("KOORDINERING");
    await consentForm.getByRole("button", { name: "Registrera samtycket" }).click();
    await expectText(consentForm, "Ange om samtycket lämnades muntligt eller skriftligt.");
    await expectText(consentForm, "Beskriv vad samtycket omfattar.");
    await field(consentForm, "Giltigt till och med").fill(addDays(today, -1));
    await consentForm.getByRole("button", { name: "Registrera samtycket" }).click();
    await expectText(consentForm, "Giltigt till måste vara efter datumet då samtycket lämnades.");
    await expectNoAxeViolations(page);
    await field(consentForm, "Giltigt till och med").fill("");
    await consentForm.getByRole("radio", { name: "Muntligt" }).check();
    await field(consentForm, "Omfattning").fill(`${marker}: kontakt med arbetsgivaren om återgång`);
    await consentForm.getByRole("button", { name: "Registrera samtycket" }).click();
    await consentForm.waitFor({ state: "detached" });
    const validTo = defaultConsentValidTo(today);
    await expectText(states.locator('tr[data-kind="KOORDINERING"]'), `Giltigt till ${validTo}`);
    await expectText(states.locator('tr[data-kind="KOORDINERING"]'), /\d{3} dagar/);
    await expectText(states.locator('tr[data-kind="TEAM"]'), "Saknas");
    await expectText(consents.getByTestId("samtycke").first(), "Koordinering: lämnat");

    // The measure form kept what was typed: sending again now succeeds.
    expect(await field(measureForm, "Anteckning").inputValue()).toBe(`${marker} stödsamtal om återgång`);
    await measureForm.getByRole("button", { name: "Registrera insatsen" }).click();
    await measureForm.waitFor({ state: "detached" });
    await expectText(measures, "Koordineringsinsatsen är registrerad.");

    // 3. Aktualisering: the case waiting for a decision; the team needs its own consent.
    const aktualisering = page.getByRole("region", { name: "Aktualisering" });
    const waiting = aktualisering
      .getByTestId("aktualisering-sjukfall")
      .filter({ has: page.getByRole("heading", { name: new RegExp(`^Sjukfall ${caseStart} `) }) });
    await expectText(waiting, "Beslut saknas");
    await expectText(waiting, "Inget beslut ännu.");
    await waiting.getByRole("button", { name: "Besluta" }).click();
    await waiting.getByRole("button", { name: "Spara beslutet" }).click();
    await expectText(waiting, "Välj beslut.");
    await waiting.getByRole("radio", { name: /^Ingen åtgärd/ }).check();
    await waiting.getByRole("button", { name: "Spara beslutet" }).click();
    await expectText(waiting, "Ange varför ingen åtgärd behövs.");
    await expectNoAxeViolations(page);
    await waiting.getByRole("radio", { name: /^Aktualiseras i det multimodala teamet/ }).check();
    await waiting.getByRole("button", { name: "Spara beslutet" }).click();
    const teamRefusal = waiting.getByRole("alert").filter({ hasText: "Samtycke saknas" });
    await expectText(
      teamRefusal,
      "Patienten har inte gett samtycke till aktualisering i det multimodala teamet.",
    );
    await teamRefusal.getByRole("button", { name: "Registrera samtycke" }).click();
    await consentForm.waitFor();
    expect(await field(consentForm, "Samtycket gäller").inputValue()).toBe("TEAM");
    await consentForm.getByRole("radio", { name: "Skriftligt" }).check();
    await field(consentForm, "Omfattning").fill("Aktualisering i teamet på hälsocentralen");
    await consentForm.getByRole("button", { name: "Registrera samtycket" }).click();
    await consentForm.waitFor({ state: "detached" });
    await expectText(states.locator('tr[data-kind="TEAM"]'), `Giltigt till ${validTo}`);
    await waiting.getByRole("button", { name: "Spara beslutet" }).click();
    await expectText(waiting, "Beslutet är sparat.");
    await expectText(waiting, "Aktuellt beslutAktualiseras i det multimodala teamet");
    expect(await waiting.getByText("Beslut saknas").count()).toBe(0);

    // Someone else decides meanwhile: the coordinator's save is stopped and shows their decision.
    await waiting.getByRole("button", { name: "Ändra beslut" }).click();
    await waiting.getByRole("radio", { name: /^Koordinering utan team/ }).check();
    const current = (
      (await (await page.request.get(`/api/patients/${patient.id}/aktualisering`)).json()) as {
        cases: CaseView[];
      }
    ).cases.find((c) => c.start === caseStart)!.current!;
    const meanwhile = await page.request.post(`/api/patients/${patient.id}/aktualisering`, {
      headers: { "x-csrf-token": await csrfToken(page) },
      data: {
        caseStart,
        decision: "INGEN_ATGARD",
        reason: `${marker} beslut under tiden`,
        supersedesId: current.id,
      },
    });
    expect(meanwhile.status()).toBe(201);
    await waiting.getByRole("button", { name: "Spara beslutet" }).click();
    const conflict = waiting.getByRole("alert").filter({ hasText: "Någon annan har beslutat under tiden" });
    await expectText(conflict, `Ingen åtgärd, ${today}`);
    await expectText(conflict, `Motivering: ${marker} beslut under tiden`);
    expect(await waiting.getByRole("radio", { name: /^Koordinering utan team/ }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, "41-aktualisering-konflikt");
    // Deciding again, now knowing what is current, replaces it.
    await waiting.getByRole("button", { name: "Spara beslutet" }).click();
    await expectText(waiting, "Aktuellt beslutKoordinering utan team");
    await expectText(waiting, `Ingen åtgärd, ${today}`);
    await expectText(waiting, "(ersatt)");

    // 4. Kartläggande samtal on its own page, with autosave.
    await page
      .getByRole("region", { name: "Kartläggande samtal" })
      .getByRole("button", { name: "Nytt kartläggande samtal" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Kartläggande samtal" }).waitFor();
    expect(page.url()).toMatch(new RegExp(`/patienter/${patient.id}/kartlaggning/[0-9a-f-]{36}$`));
    const samtalId = page.url().split("/").at(-1)!;
    const status = page.getByTestId("samtal-sparstatus");
    await field(page, "Arbetssituation").fill(`${marker} lagerarbetare, heltid`);
    await field(page, "Hälsa").fill("Ländryggssmärta, sover dåligt");
    await expectText(status, "Alla ändringar är sparade");
    await expectNoAxeViolations(page);

    // Someone else saves the same samtal: the next autosave is stopped and nothing typed is lost.
    const saved = (await (await page.request.get(`/api/kartlaggande-samtal/${samtalId}`)).json()) as {
      version: number;
    };
    const other = await page.request.put(`/api/kartlaggande-samtal/${samtalId}`, {
      headers: { "x-csrf-token": await csrfToken(page) },
      data: { version: saved.version, health: "Ändrat av en kollega" },
    });
    expect(other.status()).toBe(200);
    await field(page, "Social situation").fill("Bor med partner och två barn");
    const samtalConflict = page.getByRole("alert").filter({ hasText: "Någon annan har ändrat samtalet" });
    await samtalConflict.waitFor();
    const healthRow = samtalConflict.getByRole("row", { name: /^Hälsa/ });
    await expectText(healthRow, "Ändrat av en kollega");
    await expectText(healthRow, "Ländryggssmärta, sover dåligt");
    expect(await field(page, "Social situation").inputValue()).toBe("Bor med partner och två barn");
    await expectNoAxeViolations(page);
    await screenshot(page, "42-samtal-konflikt");
    await samtalConflict.getByRole("button", { name: "Spara min version" }).click();
    await samtalConflict.waitFor({ state: "detached" });
    await expectText(status, "Alla ändringar är sparade");

    // Completing checks what is missing, field by field.
    await page.getByRole("button", { name: "Slutför samtalet" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "innan samtalet kan slutföras" });
    await expectText(summary, "Patientens egna mål: Fyll i patientens egna mål.");
    await expectText(summary, "Vad samtalet ledde till: Välj vad samtalet ledde till.");
    await summary.getByRole("link", { name: "Patientens egna mål" }).click();
    expect(
      await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).labels?.[0]?.textContent),
    ).toMatch(/^Patientens egna mål/);
    await expectNoAxeViolations(page);
    await page.keyboard.type("Tillbaka i arbete på deltid inom tre månader");
    await field(page, "Hinder").fill("Tunga lyft i nuvarande arbete");
    await field(page, "Behov av koordinering").fill("Kontakt med arbetsgivaren om anpassning");
    await page.getByRole("radio", { name: "Aktualiseras i det multimodala teamet" }).check();
    await field(page, "Sjukfall som samtalet gäller").selectOption(caseStart);
    await field(page, "Nästa steg").fill("Teamträff med fysioterapeut och läkare");
    await field(page, "Datum för nästa steg").fill(addDays(today, 7));
    await page.getByRole("button", { name: "Slutför samtalet" }).click();
    // Completing cannot be undone: a dialog asks first; cancelling keeps the form.
    const confirm = page.getByRole("dialog", { name: "Slutföra samtalet?" });
    await expectText(confirm, "Ett slutfört samtal kan inte ändras.");
    await expectNoAxeViolations(page);
    await confirm.getByRole("button", { name: "Avbryt" }).click();
    await confirm.waitFor({ state: "detached" });
    await field(page, "Nästa steg").waitFor();
    await page.getByRole("button", { name: "Slutför samtalet" }).click();
    await confirm.getByRole("button", { name: "Ja, slutför samtalet" }).click();
    const view = page.getByTestId("samtal-visning");
    await expectText(view, "Samtalet är slutfört.");
    await expectText(view, "StatusAvslutat");
    await expectText(view, `Ländryggssmärta, sover dåligt`);
    await expectText(view, "Bor med partner och två barn");
    expect(await page.getByRole("textbox").count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "43-samtal-slutfort");

    // 5. Back on the patient page: the decision from the samtal, and the log in time order.
    await page.getByRole("link", { name: "Till patienten" }).click();
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    await expectText(waiting, "Aktuellt beslutAktualiseras i det multimodala teamet");
    await expectText(waiting, "beslutat i ett kartläggande samtal");
    const log = page.getByRole("region", { name: "Koordineringslogg" });
    await expectText(log.getByTestId("logg-samtycke"), `Koordinering: giltigt till och med ${validTo}`);
    // Read again after the samtal was completed (not what was cached before it).
    await expectText(log, "Ledde till: Aktualiseras i det multimodala teamet");
    const events = log.getByTestId("logg-handelser").locator(":scope > li > p:first-child");
    await events.first().waitFor();
    const labels = await events.allTextContents();
    const position = (label: string) => {
      const index = labels.findIndex((l) => l === `${today} ${label}`);
      expect(index, `"${label}" in ${JSON.stringify(labels)}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const order = [
      position("Samtycke: koordinering"),
      position("Koordineringsinsats: personligt stöd"),
      position("Samtycke: aktualisering i det multimodala teamet"),
      position("Aktualisering: ingen åtgärd"),
      position("Aktualisering: koordinering utan team"),
      position("Kartläggande samtal"),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(
      labels.filter((l) => l === `${today} Aktualisering: aktualiseras i det multimodala teamet`),
    ).toHaveLength(2);
    await expectText(log, `${marker} stödsamtal om återgång`);

    // 6. The patient withdraws the consent to coordination: state, history and log say so.
    const koordinering = consents.getByTestId("samtycke").filter({ hasText: "Koordinering: lämnat" });
    await koordinering.getByRole("button", { name: /^Återkalla samtycke: koordinering/ }).click();
    await field(koordinering, "Anteckning").fill("Patienten ringde och återkallade");
    await expectNoAxeViolations(page);
    await koordinering.getByRole("button", { name: "Återkalla samtycket" }).click();
    await expectText(states.locator('tr[data-kind="KOORDINERING"]'), "Återkallat");
    await expectText(koordinering, `Återkallat från och med ${today}`);
    await expectText(log, "Samtycke återkallat: koordinering");
    await expectNoAxeViolations(page);
    await screenshot(page, "44-koordineringslogg");
  });

  it("shows a doctor the coordination without the forms that need coordination.write", async () => {
    expect(shared, "the first test found the patient").not.toBeNull();
    const { patient, marker } = shared!;
    const page = await newPage(browser);
    await logIn(page, "lakare1a");
    await page.goto(`/patienter/${patient.id}`);
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    // The doctor opens at Sjukfall och intyg; the coordination is one tab away.
    await page.getByRole("tab", { name: "Sjukfall och intyg", selected: true }).waitFor();
    await page.getByRole("tab", { name: "Koordinering" }).click();
    await page.getByRole("tab", { name: "Koordinering", selected: true }).waitFor();
    const log = page.getByRole("region", { name: "Koordineringslogg" });
    await expectText(log, `${marker} stödsamtal om återgång`);
    await expectText(
      page.getByRole("region", { name: "Aktualisering" }),
      "Aktualiseras i det multimodala teamet",
    );
    expect(
      await page.getByRole("region", { name: "Koordineringsinsatser och samverkansmöten" }).count(),
    ).toBe(0);
    expect(await page.getByRole("button", { name: "Registrera koordineringsinsats" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Besluta|Ändra beslut)$/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Nytt kartläggande samtal" }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The samtal opens read-only; the API refuses a write all the same.
    await page.getByRole("region", { name: "Kartläggande samtal" }).getByRole("link").first().click();
    await page.getByRole("heading", { level: 1, name: "Kartläggande samtal" }).waitFor();
    await expectText(page.getByTestId("samtal-visning"), "StatusAvslutat");
    expect(await page.getByRole("textbox").count()).toBe(0);
    const refused = await page.request.post(`/api/patients/${patient.id}/koordineringsinsatser`, {
      headers: { "x-csrf-token": await csrfToken(page) },
      data: { type: "PERSONLIGT_STOD", date: await serverToday(page) },
    });
    expect(refused.status()).toBe(403);
    await expectNoAxeViolations(page);
  });
});
