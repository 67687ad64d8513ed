/**
 * The secretary imports certificates from another system; bad rows are reported, a rerun changes
 * nothing. And ärenden from Försäkringskassan: a komplettering file becomes an ärende, once. The
 * unit chief imports the unit's listed population: a bad row stops the file, a rerun changes nothing.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectText, launchBrowser, logIn, newPage, screenshot } from "./browser.ts";
import { addDays, createPatient, serverToday, signedCertificate as signedFixture } from "./fixtures.ts";

const certificateFileInput = (page: Page) =>
  page.locator("form", { has: page.getByText("Fil att importera") }).locator("input[type=file]");

/** The test's own patient (registered by the page's user) with a certificate lakare1a signed. */
async function signedCertificate(page: Page, browser: Browser) {
  const today = await serverToday(page);
  const patient = await createPatient(page, "Arendeimport");
  const doctor = await newPage(browser);
  await logIn(doctor, "lakare1a");
  const certificate = await signedFixture(doctor, patient.id, {
    from: addDays(today, -3),
    to: addDays(today, 10),
  });
  await doctor.context().close();
  return { patient, certificateId: certificate.id, today };
}

describe("certificate import", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("imports valid rows, explains rejected ones and is idempotent", async () => {
    const page = await newPage(browser);
    await logIn(page, "sekr1");
    const me = (await (await page.request.get("/api/auth/session")).json()) as { unit: { id: string } };
    const unit = me.unit.id;
    // The test's own patient, and certificate ids no earlier run used (the patient is new).
    const patient = await createPatient(page, "Intygsimport");
    const stamp = patient.personnummer.replace("-", "");
    // Dates relative to the server's today: two months ago, a row that ends before it starts.
    const today = await serverToday(page);
    const day = (offset: number) => addDays(today, offset);
    const csv = [
      "id;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;replaces;completes",
      `ext-${stamp}-1;${patient.personnummer};${unit};EXT-D1;${day(-62)}T09:00;M545;${day(-62)};${day(-49)};100;;;;`,
      `ext-${stamp}-1;${patient.personnummer};${unit};EXT-D1;${day(-62)}T09:00;M545;${day(-48)};${day(-32)};50;;;;`,
      `ext-${stamp}-2;${patient.personnummer};${unit};EXT-D1;${day(-31)}T09:00;M545;${day(-31)};${day(-42)};100;;;;`,
    ].join("\n");

    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Importera intyg" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Importera intyg" }).waitFor();
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await expectText(page.locator(".mantine-FileInput-error"), "Välj en fil.");

    const file = { name: "intyg.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };
    await certificateFileInput(page).setInputFiles(file);
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    const result = page.getByRole("region", { name: "Resultat av importen" });
    await result.waitFor();
    expect(await result.getByRole("row", { name: /Nya intyg/ }).textContent()).toContain("1");
    await expectText(result, "1 rad lästes inte in");
    await expectText(result.getByRole("row", { name: new RegExp(`ext-${stamp}-2`) }), "slutar före");
    await expectNoAxeViolations(page);
    await screenshot(page, "20-import");

    await certificateFileInput(page).setInputFiles(file);
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await expectText(result.getByRole("row", { name: /Oförändrade intyg/ }), "1");
    expect(await result.getByRole("row", { name: /Nya intyg/ }).textContent()).toContain("0");
  });

  it("turns a komplettering from Försäkringskassan into an ärende, once", async () => {
    const page = await newPage(browser);
    await logIn(page, "sekr1");
    const { patient, certificateId, today } = await signedCertificate(page, browser);
    const messageId = `FK-E2E-${certificateId}`;
    const message = {
      messageId,
      type: "KOMPLT",
      certificateId,
      personnummer: patient.personnummer,
      receivedDate: today,
      lastAnswerDate: null,
      questionFields: ["35", "17"],
      text: "Beskriv funktionsnedsättningen mer konkret.",
    };
    const file = {
      name: "komplettering.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify([message]), "utf8"),
    };

    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Importera intyg" })
      .click();
    const section = page.getByRole("region", { name: "Ärenden från Försäkringskassan" });
    const submit = section.getByRole("button", { name: "Importera ärenden" });
    const input = section.locator("input[type=file]");

    // A file that is not JSON is refused in Swedish before anything is sent.
    await input.setInputFiles({
      name: "trasig.json",
      mimeType: "application/json",
      buffer: Buffer.from("{"),
    });
    await submit.click();
    await expectText(section.locator(".mantine-FileInput-error"), "Filen är inte giltig JSON.");

    await input.setInputFiles(file);
    await submit.click();
    const result = section.getByRole("region", { name: "Resultat av ärendeimporten" });
    await expectText(result.getByRole("status"), "1 skapat");
    await expectText(result.getByRole("row", { name: new RegExp(messageId) }), "Skapat");
    await expectNoAxeViolations(page);
    await screenshot(page, "21-import-arenden");

    await input.setInputFiles(file);
    await submit.click();
    await expectText(result.getByRole("status"), "1 redan importerat");
    await expectText(result.getByRole("status"), "0 skapade");
    await expectText(result.getByRole("row", { name: new RegExp(messageId) }), "Redan importerat");

    // The ärende is at the patient, open, with the question areas FK named.
    await page.goto(`/patienter/${patient.id}`);
    const arenden = page.getByRole("region", { name: "Ärenden från Försäkringskassan" });
    await expectText(arenden, "Beskriv funktionsnedsättningen mer konkret.");
    await expectText(arenden, "Mottaget från Försäkringskassan (inläst från fil)");
  });

  it("lets the unit chief import the listed population: a bad row stops the file, a rerun changes nothing", async () => {
    const page = await newPage(browser);
    await logIn(page, "chef1");
    // A month before the demo region's figures: new in this run's database.
    const month = addDays(await serverToday(page), -3 * 366).slice(0, 7);
    const file = (rows: string[]) => ({
      name: "listning.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFFenhet;månad;kön;åldersgrupp;antal\r\n${rows.join("\r\n")}`, "utf8"),
    });

    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Importera listning" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Importera listning" }).waitFor();
    // The chief imports no certificates: only the listing section is there.
    expect(await page.getByRole("button", { name: "Importera", exact: true }).count()).toBe(0);
    const section = page.getByRole("region", { name: "Listade patienter (underlag för sjuktal)" });
    const input = section.locator("input[type=file]");
    const submit = section.getByRole("button", { name: "Importera listning" });

    await input.setInputFiles(file([`HC-NORR;${month};K;30-39;812`, `HC-NORR;${month};X;30-39;790`]));
    await submit.click();
    await expectText(
      section.getByRole("alert"),
      "Rad 3, kolumn kön: kön ska vara K (kvinnor) eller M (män).",
    );
    await expectNoAxeViolations(page);

    const good = file([`HC-NORR;${month};K;30-39;812`, `HC-NORR;${month};M;30-39;790`]);
    await input.setInputFiles(good);
    await submit.click();
    const result = section.getByRole("region", { name: "Resultat av listningsimporten" });
    await expectText(result.getByRole("status"), "1 ny månad, 0 ersatta, 0 oförändrade.");
    const row = result.getByRole("row", { name: new RegExp(month) });
    await expectText(row, "Ny");
    await expectText(row, /1\s602/);
    await expectNoAxeViolations(page);
    await screenshot(page, "22-import-listning");

    await input.setInputFiles(good);
    await submit.click();
    await expectText(result.getByRole("status"), "0 nya månader, 0 ersatta, 1 oförändrad.");
    await expectText(result.getByRole("row", { name: new RegExp(month) }), "Oförändrad");
  });
});
