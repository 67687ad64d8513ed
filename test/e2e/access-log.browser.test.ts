/** The enhetschef (a log reviewer) sees on the patient page that the rehabkoordinator read it. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, logIn, newPage, screenshot } from "./browser.ts";
import { createPatient } from "./fixtures.ts";

describe("Vem har tittat", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists rehab1's read of the patient for chef1", async () => {
    const rehab = await newPage(browser);
    await logIn(rehab, "rehab1");
    const patient = await createPatient(rehab, "Loggprov");
    const me = (await (await rehab.request.get("/api/auth/session")).json()) as {
      user: { displayName: string };
    };
    await rehab.goto(`/patienter/${patient.id}`);
    await rehab.getByRole("heading", { level: 1, name: patient.name }).waitFor();

    const chef = await newPage(browser);
    await logIn(chef, "chef1");
    // A log reviewer without patient.read: no patient search in the menu for the chef's own work,
    // but the patient page opens for log review.
    await chef.goto(`/patienter/${patient.id}`);
    await chef.getByRole("heading", { level: 2, name: "Vem har tittat" }).waitFor();
    const section = chef.getByRole("region", { name: "Vem har tittat" });
    const readByRehab = section
      .getByRole("row")
      .filter({ hasText: me.user.displayName })
      .filter({ hasText: "Rehabkoordinator" })
      .filter({ hasText: /Läst/ });
    await readByRehab.first().waitFor();
    expect(await readByRehab.first().textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expectNoAxeViolations(chef);
    await screenshot(chef, "05-vem-har-tittat");
  });

  it("lets chef1 investigate a user's actions on the Incidentutredning page, and download them", async () => {
    const rehab = await newPage(browser);
    await logIn(rehab, "rehab1");
    const patient = await createPatient(rehab, "Incidentprov");
    await rehab.goto(`/patienter/${patient.id}`);
    await rehab.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    const me = (await (await rehab.request.get("/api/auth/session")).json()) as {
      user: { displayName: string };
    };

    const chef = await newPage(browser);
    await logIn(chef, "chef1");
    await chef
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Incidentutredning" })
      .click();
    await chef.getByRole("heading", { level: 1, name: "Incidentutredning" }).waitFor();
    await chef.getByRole("radio", { name: "En användare" }).check();
    const user = chef.getByLabel("Användare", { exact: true });
    await user.locator("option", { hasText: me.user.displayName }).first().waitFor({ state: "attached" });
    await user.selectOption({
      label: (await user.locator("option", { hasText: me.user.displayName }).first().textContent())!,
    });
    await chef.getByLabel("Från och med").fill("2000-01-01");
    await chef.getByLabel("Till och med").fill("2999-12-31");
    await chef.getByRole("button", { name: "Visa tidslinje" }).click();
    const read = chef.getByRole("row").filter({ hasText: patient.name }).filter({ hasText: "Läst" });
    await read.first().waitFor();
    await expectNoAxeViolations(chef);
    await screenshot(chef, "05b-incidentutredning");
    const csv = await chef.request.get(
      (await chef.getByRole("link", { name: "Ladda ner CSV" }).getAttribute("href"))!,
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(patient.name);
  });
});
