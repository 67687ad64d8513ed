/**
 * Underlag från andra professioner in the browser: telephone triage (ssk1) notes the need for sick
 * leave and routes the patient to a fysioterapeut; the fysioterapeut (fysio1) finds the request in
 * the profession's queue and answers it in a structured way; the doctor (lakare1a) takes the answer
 * into questions 35 and 17 of a draft with "Hämta från underlag", the source named. Every page and
 * form passes axe.
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
import { addDays, registeredPatient, serverToday, sessionOf } from "./fixtures.ts";

describe("underlag from other professions", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("goes from telephone triage to the fysioterapeut's answer and into the certificate", async () => {
    const patient = await registeredPatient(browser, "Underlagsson");

    // Telephone triage: the nurse notes the need for sick leave and routes to a fysioterapeut.
    const nurse = await newPage(browser);
    await logIn(nurse, "ssk1");
    const today = await serverToday(nurse);
    await nurse.goto(`/patienter/${patient.id}?avsnitt=underlag`);
    const section = nurse.locator("section", {
      has: nurse.getByRole("heading", { name: "Underlag från andra professioner" }),
    });
    await section.getByRole("button", { name: "Begär underlag" }).click();
    await nurse.getByRole("heading", { name: "Begär underlag från annan profession" }).waitFor();
    // Submitting empty names the fields to fix.
    await nurse.getByRole("button", { name: "Skicka begäran" }).click();
    await expectText(nurse.getByRole("alert"), "Rätta de markerade uppgifterna");
    await expectNoAxeViolations(nurse);
    await field(nurse, "Profession").selectOption("FYSIOTERAPEUT");
    await field(nurse, "Fråga om funktion och aktivitet").fill(
      "Förmåga att lyfta och sitta i arbetet som lagerarbetare?",
    );
    await field(nurse, "Önskas senast").fill(addDays(today, 5));
    await field(nurse, "Behov av sjukskrivning").fill("Ryggskott i går, kan inte stå eller lyfta.");
    await nurse.getByRole("button", { name: "Skicka begäran" }).click();
    await nurse.getByText("Begäran är skickad till professionens kö.").waitFor();
    await expectText(section, "Ryggskott i går");
    await expectNoAxeViolations(nurse);
    await nurse.context().close();

    // The fysioterapeut's queue: the request, a task, and the structured answer.
    const physio = await newPage(browser);
    await logIn(physio, "fysio1");
    const tasks = (await (await physio.request.get("/api/tasks?scope=mine")).json()) as {
      tasks: { patientId: string; kind: string }[];
    };
    expect(tasks.tasks.some((t) => t.patientId === patient.id && t.kind === "UNDERLAG_REQUEST")).toBe(true);
    await physio.goto("/underlag");
    await physio.getByRole("heading", { level: 1, name: "Underlag" }).waitFor();
    const request = physio.locator("article", {
      has: physio.getByRole("link", { name: new RegExp(patient.name) }),
    });
    await request.waitFor();
    await expectNoAxeViolations(physio);
    await request.getByRole("button", { name: "Svara" }).click();
    await field(request, "Observationer").fill("Avlastande gång, stel vid framåtböjning.");
    await field(request, "Funktion").fill("Nedsatt rörlighet i ländryggen, flexion 30 grader.");
    await field(request, "Aktivitetsbegränsning").fill(
      "Kan inte lyfta mer än 5 kg eller stå mer än 15 minuter.",
    );
    await field(request, "Bedömt med").fill("Rörlighetstest och ODI.");
    await expectNoAxeViolations(physio);
    await request.getByRole("button", { name: "Skicka svaret" }).click();
    await physio.getByText("Svaret är sparat.").waitFor();
    await screenshot(physio, "underlag-ko");
    await physio.context().close();

    // The doctor takes the answer into a draft's questions 35 and 17.
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    const { csrfToken } = await sessionOf(doctor);
    const created = await doctor.request.post(`/api/patients/${patient.id}/certificates`, {
      data: { content: {} },
      headers: { "x-csrf-token": csrfToken },
    });
    expect(created.status()).toBe(201);
    const draft = (await created.json()) as { id: string };
    await doctor.goto(`/intyg/${draft.id}`);
    const take = doctor.getByRole("button", { name: /Hämta underlag från fysioterapeut/ });
    await take.click();
    await doctor.getByText(/är infört i 35 och 17/).waitFor();
    const q35 = await doctor.locator("#falt-35").inputValue();
    expect(q35).toContain(
      "Avlastande gång, stel vid framåtböjning.\nNedsatt rörlighet i ländryggen, flexion 30 grader.",
    );
    expect(q35).toContain("(Källa: underlag från Fysioterapeut");
    expect(q35).toContain("Bedömt med: Rörlighetstest och ODI.)");
    const q17 = await doctor.locator("#falt-17").inputValue();
    expect(q17).toContain(
      "Kan inte lyfta mer än 5 kg eller stå mer än 15 minuter.\n(Källa: underlag från Fysioterapeut",
    );
    await expectNoAxeViolations(doctor);
    await doctor.context().close();
  });

  it("shows the chief the unit's cases over 30 days and what they lack, filterable", async () => {
    const page = await newPage(browser);
    await logIn(page, "chef1");
    await page.getByRole("link", { name: "Spårbarhet" }).click();
    await page.getByRole("heading", { level: 1, name: "Spårbarhet" }).waitFor();
    await expectText(
      page.getByRole("status").filter({ hasText: "pågående sjukfall över 30 dagar" }),
      "med något som saknas",
    );
    await expectNoAxeViolations(page);
    await field(page, "Saknas").selectOption("BESLUT");
    await expectText(page.getByRole("status").filter({ hasText: "visas" }), "visas");
    const rows = page.locator("[data-traceability] tbody tr");
    for (const text of await rows.allTextContents()) expect(text).toContain("Aktualiseringsbeslut saknas");
    await screenshot(page, "sparbarhet");
    await page.context().close();
  });
});
