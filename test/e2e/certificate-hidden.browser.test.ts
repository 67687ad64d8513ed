/**
 * FK 7804 v2 in the editor: an answer that hides questions clears their answers, says which, and
 * offers undo; what is hidden is not saved. The editor with the notice passes axe.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectText, field, launchBrowser, logIn, newPage } from "./browser.ts";
import { registeredPatient } from "./fixtures.ts";

async function startCertificate(page: Page, patientId: string) {
  await page.goto(`/patienter/${patientId}`);
  await page
    .getByRole("region", { name: "Sjukintyg" })
    .getByRole("button", { name: "Skriv nytt intyg" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Läkarintyg för sjukpenning (FK 7804)" }).waitFor();
  return page.url().split("/").at(-1)!;
}

const notice = (page: Page) => page.getByRole("status").filter({ hasText: /inte längre visas togs bort/ });

describe("hidden answers in the certificate editor", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("clears a hidden answer, says so, offers undo, and never saves it", async () => {
    const page = await newPage(browser);
    await logIn(page, "lakare1a");
    const patient = await registeredPatient(browser, "Doldsvar");
    const id = await startCertificate(page, patient.id);

    // 1.3 is shown with ANNAT; unticking ANNAT clears it and says so.
    const annat = page.getByRole("checkbox", { name: "Annat", exact: true });
    await annat.check();
    await field(page, "Ange vad annat är (1.3)").fill("Intyg från företagshälsovården");
    await annat.uncheck();
    await expectText(notice(page), "Ange vad annat är (1.3)");
    expect(await page.getByLabel(/^Ange vad annat är \(1\.3\)/).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Undo brings back both the choice and the answer.
    await page.getByRole("button", { name: "Ångra" }).click();
    expect(await annat.isChecked()).toBe(true);
    expect(await field(page, "Ange vad annat är (1.3)").inputValue()).toBe("Intyg från företagshälsovården");
    expect(await notice(page).count()).toBe(0);

    // Smittbärarpenning hides everything but diagnosis, periods and övrigt: all answers go, named.
    await page.getByRole("checkbox", { name: /^Jag önskar att Försäkringskassan kontaktar mig/ }).check();
    await field(page, "Ange gärna varför du vill ha kontakt (26.2)").fill("Ring mig om planeringen.");
    await page.getByRole("checkbox", { name: /^Förhållningsregler enligt smittskyddslagen/ }).check();
    await expectText(notice(page), "(26.2)");
    await expectText(notice(page), "(1.3)");
    expect(
      await page.getByRole("region", { name: "Grund för medicinskt underlag", exact: true }).count(),
    ).toBe(0);
    expect(await page.getByRole("region", { name: "Kontakt", exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Saved without the hidden answers.
    await expectText(
      page.getByRole("status").filter({ hasText: /Sparat|Sparar|Osparade/ }),
      /Sparat \d\d:\d\d/,
    );
    const saved = (await (await page.request.get(`/api/certificates/${id}`)).json()) as {
      content: Record<string, unknown>;
    };
    expect(saved.content).toMatchObject({
      smittbararpenning: true,
      grund: [],
      grundAnnat: null,
      kontaktFk: false,
      kontaktFkAnledning: null,
    });

    // Undo the smittbärarpenning: the answers are back and saved again.
    await page.getByRole("button", { name: "Ångra" }).click();
    expect(await field(page, "Ange gärna varför du vill ha kontakt (26.2)").inputValue()).toBe(
      "Ring mig om planeringen.",
    );
    await expectText(
      page.getByRole("status").filter({ hasText: /Sparat|Sparar|Osparade/ }),
      /Sparat \d\d:\d\d/,
    );
    const restored = (await (await page.request.get(`/api/certificates/${id}`)).json()) as {
      content: Record<string, unknown>;
    };
    expect(restored.content).toMatchObject({
      smittbararpenning: false,
      kontaktFkAnledning: "Ring mig om planeringen.",
    });
  }, 300_000);
});
