/**
 * A komplettering from Försäkringskassan, end to end: the secretary registers it on a certificate
 * the doctor signed; the doctor sees it on the start page, answers "kan ej komplettera", and the
 * ärende shows as answered with its history. The patient page shows the sjukfall timeline. Every
 * page passes axe (WCAG 2.1 AA).
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
import { addDays, createPatient, serverToday, signedCertificate } from "./fixtures.ts";

/**
 * The test's own patient (registered by the secretary) with a 30-day certificate lakare1a signed,
 * starting 20 days before the server's today: its case reaches day 8 whatever the date.
 */
async function patientWithSignedCertificate(secretary: Page, doctor: Page) {
  const today = await serverToday(secretary);
  const patient = await createPatient(secretary, "Kompletteringsson");
  const certificate = await signedCertificate(doctor, patient.id, {
    from: addDays(today, -20),
    to: addDays(today, 9),
  });
  return { today, patient, certificate };
}

describe("komplettering: register, see on the start page, answer", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("goes from the secretary to the signing doctor and ends answered with history", async () => {
    const secretary = await newPage(browser);
    await logIn(secretary, "sekr1");
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    const { today, patient, certificate } = await patientWithSignedCertificate(secretary, doctor);
    const daysAgo = (days: number) => addDays(today, -days);
    const marker = `E2E-${patient.personnummer}`;

    await secretary.goto(`/patienter/${patient.id}`);
    await secretary.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    const section = secretary.getByRole("region", { name: "Ärenden från Försäkringskassan" });
    await section.getByRole("button", { name: "Registrera ärende" }).click();
    const form = secretary.getByRole("region", { name: "Registrera ärende" });

    // Without a certificate and question areas the form says what is missing, in Swedish.
    await form.getByRole("button", { name: "Registrera", exact: true }).click();
    await expectText(form, "En komplettering gäller ett intyg: välj intyget.");
    await expectText(form, "Ange vilka frågor i intyget kompletteringen gäller.");
    await expectNoAxeViolations(secretary);

    await field(form, "Typ av ärende").selectOption({ label: "Komplettering" });
    await field(form, "Mottaget").fill(daysAgo(10));
    await field(form, "Intyg som ärendet gäller").selectOption({ value: certificate.id });
    await form.getByLabel("Funktionsnedsättning (fråga 35)").check();
    await form.getByLabel("Aktivitetsbegränsning (fråga 17)").check();
    await field(form, "Försäkringskassans text").fill(`${marker}: beskriv aktivitetsbegränsningen konkret.`);
    await field(form, "Sista svarsdatum").fill(daysAgo(1));
    await screenshot(secretary, "20-registrera-arende");
    await form.getByRole("button", { name: "Registrera", exact: true }).click();
    await form.waitFor({ state: "detached" });

    const registered = section.getByTestId("arende").filter({ hasText: marker });
    await registered.waitFor();
    await expectText(registered, "Öppet");
    // Overdue is said in words, not only by colour.
    await expectText(registered, `Försenat: sista svarsdag ${daysAgo(1)}`);
    await expectText(registered, "Funktionsnedsättning (fråga 35), Aktivitetsbegränsning (fråga 17)");
    // The secretary may register but not answer.
    expect(await registered.getByRole("button", { name: "Kan ej komplettera" }).count()).toBe(0);
    await expectNoAxeViolations(secretary);

    // The doctor who signed the certificate sees it on the start page.
    await doctor.goto("/");
    await doctor.getByRole("heading", { level: 1, name: "Start" }).waitFor();
    const mine = doctor.getByRole("region", { name: "Mina öppna ärenden från Försäkringskassan" });
    const ids = (await (await secretary.request.get(`/api/patients/${patient.id}/arenden`)).json()) as {
      arenden: { id: string; text: string }[];
    };
    const arendeId = ids.arenden.find((a) => a.text.startsWith(marker))!.id;
    const row = mine.locator(`tr[data-arende="${arendeId}"]`);
    await row.waitFor();
    await expectText(row, patient.name);
    await expectText(row, "Komplettering");
    await expectText(row, "Försenat");
    // Sorted by last answer date: no row above it has a later date.
    const deadlines = await mine.locator("tbody tr td:nth-child(5)").allTextContents();
    const dates = deadlines.map((text) => /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? "9999-99-99");
    expect(dates).toEqual([...dates].sort());
    await expectNoAxeViolations(doctor);
    await screenshot(doctor, "21-start-lakare");

    await row.getByRole("link", { name: patient.name, exact: true }).click();
    await doctor.getByRole("heading", { level: 1, name: patient.name }).waitFor();

    // The timeline: the case holding the certificate lists the open ärende, in text.
    const timeline = doctor.getByRole("region", { name: "Sjukfall" });
    const cases = timeline.getByTestId("sjukfall");
    await cases.first().waitFor();
    expect(
      await timeline
        .getByRole("list")
        .first()
        .evaluate((el) => el.tagName),
    ).toBe("OL");
    const withCertificate = cases.filter({ has: doctor.locator(`a[href="/intyg/${certificate.id}"]`) });
    await withCertificate.waitFor();
    await expectText(withCertificate, /Längd\d+ dag/);
    await expectText(withCertificate, /\d+ % \((helt nedsatt|nedsatt [^)]+)\)/);
    await expectText(withCertificate, /Dag 8, \d{4}-\d{2}-\d{2}: Läkarintyg krävs/);
    await expectText(withCertificate, `Komplettering, mottaget ${daysAgo(10)}`);
    await expectNoAxeViolations(doctor);
    await screenshot(doctor, "22-sjukfall-tidslinje");

    // Answer: kan ej komplettera, with a reason (the doctor opened at Sjukfall och intyg).
    await doctor.getByRole("tab", { name: "Ärenden" }).click();
    const arende = doctor
      .getByRole("region", { name: "Ärenden från Försäkringskassan" })
      .getByTestId("arende")
      .filter({ hasText: marker });
    await arende.getByRole("button", { name: "Kan ej komplettera" }).click();
    await arende.getByRole("button", { name: "Skicka svaret" }).click();
    await expectText(arende, "Ange varför intyget inte kan kompletteras.");
    await field(arende, "Anledning till att intyget inte kan kompletteras").fill(
      "Patienten har inte kommit på återbesök.",
    );
    await expectNoAxeViolations(doctor);
    await arende.getByRole("button", { name: "Skicka svaret" }).click();

    const answered = doctor
      .getByRole("region", { name: "Ärenden från Försäkringskassan" })
      .getByTestId("arende")
      .filter({ hasText: marker });
    await expectText(answered, "Besvarat");
    await expectText(answered, "Kan ej komplettera: Patienten har inte kommit på återbesök.");
    const history = await answered.locator("ol li").allTextContents();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} Registrerat \(Annika Holm\)/);
    expect(history[1]).toMatch(
      /Kan ej komplettera \(Karin Lindqvist\): Patienten har inte kommit på återbesök\./,
    );
    expect(await answered.getByRole("button", { name: "Kan ej komplettera" }).count()).toBe(0);
    // No longer open: gone from the case in the timeline and from the start page.
    await doctor.getByRole("tab", { name: "Sjukfall och intyg" }).click();
    await expectText(withCertificate, "Öppna ärenden");
    await expect
      .poll(() => withCertificate.getByText(`Komplettering, mottaget ${daysAgo(10)}`).count())
      .toBe(0);
    await expectNoAxeViolations(doctor);
    await screenshot(doctor, "23-arende-besvarat");

    await doctor.goto("/");
    await mine.waitFor();
    await doctor.getByRole("heading", { level: 1, name: "Start" }).waitFor();
    await expect.poll(() => mine.locator(`tr[data-arende="${arendeId}"]`).count()).toBe(0);

    // The doctor's own gap: outside 0–90 is refused in words; a doctor cannot set the unit's.
    await doctor.goto("/installningar/sjukfall");
    await doctor.getByRole("heading", { level: 1, name: "Inställningar för sjukfall" }).waitFor();
    expect(await doctor.getByRole("region", { name: "Enhetens standardvärden" }).count()).toBe(0);
    const own = doctor.getByRole("region", { name: "Mina egna värden" });
    await field(own, "Glapp mellan intyg (0–90 dagar)").fill("91");
    await own.getByRole("button", { name: "Spara" }).click();
    await expectText(own, "Glappet ska vara ett heltal från 0 till 90.");
    await expectNoAxeViolations(doctor);
  });
});
