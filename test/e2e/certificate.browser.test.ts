/**
 * FK 7804 in the browser: a doctor writes a certificate from the patient page (live DFA error,
 * ICD-10 typeahead with the keyboard, FMB guidance), signs it and sends it, confirming the
 * short-case warning; the editor passes axe. A nurse prepares drafts but cannot sign.
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
import { addDays, registeredPatient, serverToday } from "./fixtures.ts";

const editorHeading = "Läkarintyg för sjukpenning (FK 7804)";

async function startCertificate(page: Page, patientId: string) {
  await page.goto(`/patienter/${patientId}`);
  // A doctor opens at Sjukfall och intyg; a nurse at Översikt.
  await page.getByRole("tab", { name: "Sjukfall och intyg" }).click();
  const section = page.getByRole("region", { name: "Sjukintyg" });
  await section.getByRole("button", { name: "Skriv nytt intyg" }).click();
  await page.getByRole("heading", { level: 1, name: editorHeading }).waitFor();
  expect(page.url()).toMatch(/\/intyg\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

describe("a doctor writes, signs and sends a certificate", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("guides, validates live, signs and sends with the short-case confirmation", async () => {
    const patient = await registeredPatient(browser, "Intygsson");
    const page = await newPage(browser);
    await logIn(page, "lakare1a");
    const id = await startCertificate(page, patient.id);

    // Nothing filled in yet: the summary lists what is missing, signing is refused with the reasons.
    const summary = page.getByRole("region", { name: /behöver rättas innan intyget kan signeras/ });
    await summary.waitFor();
    // The button is aria-disabled (still focusable, so the reasons can be reached): use the keyboard.
    await page.getByRole("button", { name: "Signera" }).press("Enter");
    const refused = page.getByRole("alert").filter({ hasText: "Intyget kan inte signeras ännu" });
    await refused.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain(
      "Intyget kan inte signeras ännu",
    );
    await expectText(refused, "Funktionsnedsättning (35)");

    // A live DFA error: a blank observation is not an answer.
    const funktion = field(page, "Funktionsnedsättning (35)");
    await funktion.fill("   ");
    await funktion.press("Tab");
    const consequences = page.getByRole("region", { name: "Sjukdomens konsekvenser för patienten" });
    await expectText(consequences, "Ange ett svar.");
    expect(await funktion.getAttribute("aria-invalid")).toBe("true");

    // The ICD-10 typeahead, with the keyboard: type, arrow down, Enter fills code and text.
    const code = page.getByRole("combobox", { name: /^Huvuddiagnos, kod/ });
    await code.click();
    await code.pressSequentially("M545", { delay: 40 });
    await page.getByRole("option", { name: /M545/ }).waitFor();
    await code.press("ArrowDown");
    await code.press("Enter");
    await expectValue(code, "M545");
    // The text comes with the chosen code, from the ICD-10-SE lookup: wait for it to arrive.
    await expect
      .poll(async () => (await field(page, "Huvuddiagnos, text").inputValue()).length)
      .toBeGreaterThan(3);

    // FMB guidance for the diagnosis.
    const fmb = page.getByRole("region", { name: "Försäkringsmedicinskt beslutsstöd (FMB)" });
    await expectText(fmb, "FMB rekommenderar högst");
    await fmb.getByRole("heading", { name: "Aktivitetsbegränsning" }).first().waitFor();

    // The rest of the certificate. The period lies in the future so that the case is short.
    const today = await serverToday(page);
    const start = addDays(today, 400);
    await page.getByRole("checkbox", { name: "Min undersökning vid fysiskt vårdmöte" }).check();
    await page.getByLabel("Datum, min undersökning vid fysiskt vårdmöte").fill(today);
    await page.getByRole("checkbox", { name: "Nuvarande arbete" }).check();
    await field(page, "Ange yrke och arbetsuppgifter (29)").fill(
      "Undersköterska på vårdavdelning, tunga lyft.",
    );
    await funktion.fill(
      "Palpationsömhet paravertebralt L4–S1, nedsatt rörlighet i ländryggen vid undersökning.",
    );
    await field(page, "Aktivitetsbegränsning (17)").fill(
      "Kan inte lyfta mer än 5 kg eller stå framåtböjd mer än några minuter; stor begränsning vid förflyttning av patienter.",
    );
    await page.getByRole("checkbox", { name: "100 procent" }).check();
    await page.getByLabel("Från och med, 100 procent").fill(start);
    await page.getByLabel("Till och med, 100 procent").fill(addDays(start, 6));
    await page.getByRole("radio", { name: /efter detta intygs slutdatum/ }).check();

    // Valid in the browser, saved, and the server agrees.
    await summary.waitFor({ state: "detached" });
    await expectText(
      page.getByRole("status").filter({ hasText: /Sparat|Sparar|Osparade/ }),
      /Sparat \d\d:\d\d/,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "20-intyg-utkast");

    await page.getByRole("button", { name: "Signera" }).click();
    await expectText(page.getByText("Status:").locator(".."), "Signerat");
    await page.getByRole("heading", { name: "Intygets innehåll" }).waitFor();
    const saved = (await (await page.request.get(`/api/certificates/${id}`)).json()) as { status: string };
    expect(saved.status).toBe("SIGNERAT");

    // Sending: the short case asks for an explicit confirmation.
    await page.getByRole("button", { name: "Skicka till Försäkringskassan" }).click();
    const dialog = page.getByRole("dialog", { name: "Skicka intyget till Försäkringskassan" });
    await expectText(dialog, "kortare än 15 dagar");
    await dialog.getByRole("button", { name: "Skicka", exact: true }).click();
    await expectText(dialog, "Bekräfta att du har läst varningen.");
    await expectNoAxeViolations(page);
    await dialog
      .getByRole("checkbox", { name: "Jag har läst varningen och vill skicka intyget ändå" })
      .check();
    await dialog.getByRole("button", { name: "Skicka", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    // Queued in the outbox; the page shows Skickat once the transport has delivered it.
    expect(await page.getByRole("button", { name: "Skicka till Försäkringskassan" }).count()).toBe(0);
    await expectText(page.getByText("Status:").locator(".."), "Skickat", 60_000);
    const pdf = page.getByRole("link", { name: /Skriv ut \/ PDF/ });
    expect(await pdf.getAttribute("href")).toBe(`/api/certificates/${id}/pdf`);
    expect(await pdf.getAttribute("target")).toBe("_blank");
    await expectNoAxeViolations(page);
    await screenshot(page, "21-intyg-skickat");

    // Back on the patient page the certificate is listed with its status and signer.
    await page.goto(`/patienter/${patient.id}`);
    const row = page.getByRole("region", { name: "Sjukintyg" }).getByRole("row").filter({ hasText: start });
    await expectText(row, "Skickat");
    await expectText(row, "M545");

    // Förlängning: a new draft with the diagnosis kept and the periods to be assessed anew.
    await page.goto(`/intyg/${id}`);
    await page.getByRole("button", { name: "Förläng" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(id));
    const renewalId = page.url().split("/").at(-1)!;
    await page.getByRole("link", { name: "Förlänger ett tidigare intyg" }).waitFor();
    await expectValue(page.getByRole("combobox", { name: /^Huvuddiagnos, kod/ }), "M545");
    expect(await page.getByRole("checkbox", { name: "100 procent" }).isChecked()).toBe(false);
    // A code typed without choosing from the list gets its ICD-10-SE text once it is looked up.
    const second = page.getByRole("combobox", { name: /^Diagnos 2, kod/ });
    await second.fill("F43.8A");
    await second.press("Escape");
    await expectValue(field(page, "Diagnos 2, text"), /\S/);

    // A colleague saves the draft while the doctor writes: the doctor's text is kept and they choose.
    const ovrigt = field(page, "Övriga upplysningar (25)");
    await ovrigt.fill("Första versionen.");
    await expectText(
      page.getByRole("status").filter({ hasText: /Sparat|Sparar|Osparade/ }),
      /Sparat \d\d:\d\d/,
    );
    const draft = (await (await page.request.get(`/api/certificates/${renewalId}`)).json()) as {
      version: number;
      content: Record<string, unknown>;
    };
    const csrf = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
    const colleague = await page.request.put(`/api/certificates/${renewalId}`, {
      data: { version: draft.version, content: { ...draft.content, ovrigt: "Kollegans text." } },
      headers: { "x-csrf-token": csrf.csrfToken },
    });
    expect(colleague.status()).toBe(200);
    await ovrigt.fill("Min text som inte får försvinna.");
    const conflict = page.getByRole("alert").filter({ hasText: "Någon annan har ändrat intyget" });
    await conflict.waitFor();
    await expectText(conflict, "Kollegans text.");
    await expectText(conflict, "Min text som inte får försvinna.");
    expect(await ovrigt.inputValue()).toBe("Min text som inte får försvinna.");
    await expectNoAxeViolations(page);
    await screenshot(page, "22-intyg-krock");
    await conflict.getByRole("button", { name: "Spara min version" }).click();
    await conflict.waitFor({ state: "detached" });
    await expectText(
      page.getByRole("status").filter({ hasText: /Sparat|Sparar|Osparade/ }),
      /Sparat \d\d:\d\d/,
    );
    const after = (await (await page.request.get(`/api/certificates/${renewalId}`)).json()) as {
      content: { ovrigt: string };
    };
    expect(after.content.ovrigt).toBe("Min text som inte får försvinna.");

    // Makulering needs Försäkringskassan's reason; "Annat allvarligt fel" also a description.
    await page.goto(`/intyg/${id}`);
    await page.getByRole("button", { name: "Makulera" }).click();
    const revoke = page.getByRole("dialog", { name: "Makulera intyget" });
    await revoke.getByRole("button", { name: "Makulera intyget" }).click();
    await expectText(revoke, "Välj orsak till makuleringen.");
    await revoke.getByRole("radio", { name: "Annat allvarligt fel" }).check();
    await revoke.getByRole("button", { name: "Makulera intyget" }).click();
    await expectText(revoke, "Beskriv felet som är orsak till makuleringen.");
    await field(revoke, "Beskriv felet").fill("Fel period angiven.");
    await expectNoAxeViolations(page);
    await revoke.getByRole("button", { name: "Makulera intyget" }).click();
    await revoke.waitFor({ state: "detached" });
    await expectText(page.getByText("Status:").locator(".."), "Makulerat");
    await page.getByText("Orsak: Annat allvarligt fel – Fel period angiven.").waitFor();
  });
});

describe("someone who is not a doctor prepares but cannot sign", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows no sign button to a nurse, and the server refuses the signature", async () => {
    const patient = await registeredPatient(browser, "Utkastsson");
    const page = await newPage(browser);
    await logIn(page, "ssk1");
    const id = await startCertificate(page, patient.id);
    await page.getByRole("button", { name: "Markera klar för signering" }).waitFor();
    expect(await page.getByRole("button", { name: "Signera" }).count()).toBe(0);
    await page.getByText("Endast läkare kan signera intyget.", { exact: false }).waitFor();

    const current = (await (await page.request.get(`/api/certificates/${id}`)).json()) as { version: number };
    const csrf = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
    const response = await page.request.post(`/api/certificates/${id}/sign`, {
      data: { version: current.version },
      headers: { "x-csrf-token": csrf.csrfToken },
    });
    expect(response.status()).toBe(403);
    await expectNoAxeViolations(page);
  });
});

async function expectValue(locator: ReturnType<Page["locator"]>, expected: string | RegExp) {
  const deadline = Date.now() + 10_000;
  let seen = "";
  while (Date.now() < deadline) {
    seen = await locator.inputValue();
    if (typeof expected === "string" ? seen === expected : expected.test(seen)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (typeof expected === "string") expect(seen).toBe(expected);
  else expect(seen).toMatch(expected);
}
