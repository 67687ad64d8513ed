/**
 * A deviation from report to closed in the browser: a doctor reports a delayed certificate; the
 * chief investigates it, flags "överväg lex Maria", adds an action with an owner and a date, marks
 * it done and moves the deviation through åtgärdad to avslutad. The deviation is the test's own.
 * axe clean on every page.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
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

describe("a deviation from report to closed", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is reported by a doctor and closed by the chief after investigation and action", async () => {
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    const description = `Intyget skickades fem dagar för sent (${Date.now().toString(36)}).`;
    await doctor
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Avvikelser" })
      .click();
    await doctor.getByRole("heading", { level: 1, name: "Avvikelser" }).waitFor();
    await doctor.getByRole("button", { name: "Rapportera avvikelse" }).click();
    await field(doctor, "Kategori").selectOption({ label: "Försenat intyg" });
    await field(doctor, "Vad hände?").fill(description);
    await expectNoAxeViolations(doctor);
    await doctor.getByRole("button", { name: "Rapportera avvikelsen" }).click();
    await doctor.getByRole("heading", { level: 1, name: /^Avvikelse: Försenat intyg/ }).waitFor();
    await expectText(doctor.locator("[data-deviation-status]"), "Ny");
    const url = new URL(doctor.url());
    await expectNoAxeViolations(doctor);

    const chief = await newPage(browser);
    await logIn(chief, "chef1");
    await chief
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Avvikelser" })
      .click();
    await chief.getByRole("heading", { level: 2, name: "Enhetens avvikelser" }).waitFor();
    await chief.getByRole("heading", { level: 2, name: "Statistik per kategori" }).waitFor();
    await expectNoAxeViolations(chief);
    await chief.locator(`a[href="${url.pathname}"]`).click();
    await chief.getByRole("heading", { level: 1, name: /^Avvikelse: Försenat intyg/ }).waitFor();

    await chief.getByRole("button", { name: "Ändra status till under utredning" }).click();
    await expectText(chief.locator("[data-deviation-status]"), "Under utredning");
    await chief
      .getByRole("textbox", { name: "Utredning" })
      .fill("Intyget skrevs men signerades inte före helgen.");
    await chief.getByRole("checkbox", { name: "Överväg anmälan enligt lex Maria" }).check();
    await chief.getByRole("button", { name: "Spara utredningen" }).click();
    await expectText(chief.getByRole("status").filter({ hasText: "Utredningen" }), "Utredningen är sparad.");

    const today = await serverToday(chief);
    await field(chief, "Åtgärd").fill("Genomgång av osignerade intyg varje fredag.");
    await field(chief, "Ansvarig").selectOption({ index: 1 });
    await field(chief, "Klar senast").fill(addDays(today, 14));
    await chief.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await chief.getByRole("button", { name: /^Markera «Genomgång av osignerade intyg/ }).click();
    await expectText(chief.getByRole("status").filter({ hasText: "Åtgärden" }), "Åtgärden är genomförd.");
    await expectNoAxeViolations(chief);

    await chief.getByRole("button", { name: "Ändra status till åtgärdad" }).click();
    await expectText(chief.locator("[data-deviation-status]"), "Åtgärdad");
    await chief.getByRole("button", { name: "Ändra status till avslutad" }).click();
    await expectText(chief.locator("[data-deviation-status]"), "Avslutad");
    await chief.getByText(`Avslutad ${today}.`).waitFor();
    await expectNoAxeViolations(chief);
    await screenshot(chief, "deviation-closed");
  });
});
