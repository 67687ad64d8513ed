/** The demo rehabkoordinator logs in, searches, opens a patient; every page passes axe (WCAG 2.1 AA). */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  field,
  expectText,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
} from "./browser.ts";
import { addDays, createPatient, serverToday } from "./fixtures.ts";

describe("rehabkoordinator: log in, search, open the patient", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds a patient by name and shows the patient page, with no WCAG 2.1 AA violations", async () => {
    const page = await newPage(browser);
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await expectNoAxeViolations(page);
    await screenshot(page, "01-logga-in");

    await logIn(page, "rehab1");
    await page.getByRole("heading", { level: 1, name: "Patienter" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    // The coordinator's areas, and the policy every role may read.
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Patienter",
      "Pågående sjukfall",
      "Uppgifter",
      "Aktualisering",
      "Underlag",
      "Spårbarhet",
      "Team",
      "Genomgång",
      "Statistik",
      "Rutiner",
      "Avvikelser",
      "Administration",
    ]);

    const patient = await createPatient(page, "Sokprov");
    const familyName = patient.name.split(" ").at(-1)!;
    await field(page, "Sök patient (personnummer eller namn)").fill(familyName);
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expectText(page.getByRole("status").filter({ hasText: /hittades|Visar/ }), /patient/);
    const row = page.getByRole("row").filter({ hasText: patient.personnummer });
    await row.waitFor();
    expect(page.url()).not.toContain(familyName);
    await expectNoAxeViolations(page);
    await screenshot(page, "02-sokresultat");

    await row.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    expect(page.url()).toBe(`${new URL(page.url()).origin}/patienter/${patient.id}`);
    // The coordinator opens at Koordinering; the identity is under Översikt.
    await page.getByRole("tab", { name: "Koordinering", selected: true }).waitFor();
    await page.getByRole("tab", { name: "Översikt" }).click();
    await expectText(page.locator("dl.facts"), patient.personnummer);
    expect(await page.getByRole("tab", { name: "Logg" }).count()).toBe(0);
    // A rehabkoordinator is no log reviewer: the section is not there at all.
    expect(await page.getByRole("heading", { name: "Vem har tittat" }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "03-patient");

    // Back to the search: the results are still there (kept in memory, not in the URL).
    await page.goBack();
    await page.getByRole("row").filter({ hasText: patient.personnummer }).waitFor();
    expect(await field(page, "Sök patient (personnummer eller namn)").inputValue()).toBe(familyName);
  });
});

describe("changing a patient while someone else does", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows what is saved now on a stale save and lets the user apply their change again", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const patient = await createPatient(page, "Krockprov");
    await page.goto(`/patienter/${patient.id}?avsnitt=oversikt`);
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    await page.getByRole("button", { name: "Ändra uppgifter" }).click();
    const form = page.getByRole("region", { name: "Ändra uppgifter" });
    // A date in the patient's own future: the patient is new, so nothing was saved before.
    const until = addDays(await serverToday(page), 400);
    await field(form, "Förstadagsintyg krävs till och med").fill(until);

    // Meanwhile a colleague saves a change of their own.
    const current = (await (await page.request.get(`/api/patients/${patient.id}`)).json()) as {
      version: number;
      familyName: string;
    };
    const csrf = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
    const colleague = await page.request.patch(`/api/patients/${patient.id}`, {
      data: { version: current.version, familyName: `${current.familyName}-Ek` },
      headers: { "x-csrf-token": csrf.csrfToken },
    });
    expect(colleague.status()).toBe(200);

    await form.getByRole("button", { name: "Spara" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "Någon annan har ändrat uppgifterna" });
    await conflict.waitFor();
    await expectText(conflict, `${current.familyName}-Ek`);
    // The form now builds on the saved values, with the user's own change kept.
    expect(await field(form, "Efternamn").inputValue()).toBe(`${current.familyName}-Ek`);
    expect(await field(form, "Förstadagsintyg krävs till och med").inputValue()).toBe(until);
    await expectNoAxeViolations(page);
    await screenshot(page, "10-krock");

    await conflict.getByRole("button", { name: "Spara mina ändringar igen" }).click();
    await form.waitFor({ state: "detached" });
    // Both changes are kept: the colleague's name and the user's date.
    await expectText(page.locator("dl.facts"), `Krävs till och med ${until}`);
    await expectText(page.locator("dl.facts"), `${current.familyName}-Ek`);
  });
});
