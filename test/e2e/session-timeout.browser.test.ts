/**
 * A session that ends loses nothing (issue #12 item 5): the idle warning comes before the end and
 * "stay" keeps the session; a koordineringsinsats submitted after the session ended is not lost —
 * the login page says why, logging in again returns to the patient with the form as it was typed,
 * and it saves; a logout takes the tab's unsaved input with it. Pages pass axe.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  demoPassword,
  expectNoAxeViolations,
  expectText,
  field,
  launchBrowser,
  logIn,
  newPage,
} from "./browser.ts";
import { createPatient, serverToday } from "./fixtures.ts";

async function csrfToken(page: Page) {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
  return session.csrfToken;
}

const draftKeys = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("samsyn.utkast.")));

describe("a session that ends", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps what was typed through a new login and clears it at logout", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const today = await serverToday(page);
    const patient = await createPatient(page, "Sessionsson");
    const consent = await page.request.post(`/api/patients/${patient.id}/samtycken`, {
      headers: { "x-csrf-token": await csrfToken(page) },
      data: {
        kind: "KOORDINERING",
        obtainedDate: today,
        method: "MUNTLIGT",
        scope: "Kontakt med arbetsgivaren",
      },
    });
    expect(consent.status()).toBe(201);
    const note = `E2E-${patient.personnummer} stöd inför återgång`;

    await page.goto(`/patienter/${patient.id}`);
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    const measures = page.getByRole("region", { name: "Koordineringsinsatser och samverkansmöten" });
    await measures.getByRole("button", { name: "Registrera koordineringsinsats" }).click();
    const measureForm = page.getByRole("region", { name: "Registrera koordineringsinsats" });
    await measureForm.getByRole("radio", { name: "Personligt stöd" }).check();
    await field(measureForm, "Anteckning").fill(note);

    // The session ends behind the page's back (as after the idle time, or a logout in another tab).
    const ended = await page.request.post("/api/auth/logout", {
      headers: { "x-csrf-token": await csrfToken(page) },
    });
    expect(ended.ok()).toBe(true);
    await measureForm.getByRole("button", { name: "Registrera insatsen" }).click();

    // The login page says why, and logging in again returns to the patient with the form as typed.
    await page.getByRole("heading", { name: "Logga in" }).waitFor();
    await expectText(page.getByRole("status").filter({ hasText: "Du har loggats ut" }), "finns kvar");
    await expectNoAxeViolations(page);
    await field(page, "Användarnamn").fill("rehab1");
    await field(page, "Lösenord").fill(demoPassword);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    const restored = page.getByRole("region", { name: "Registrera koordineringsinsats" });
    await restored.waitFor();
    await expectText(measures, "Det du skrev innan du loggades ut är återställt.");
    expect(await restored.getByRole("radio", { name: "Personligt stöd" }).isChecked()).toBe(true);
    expect(await field(restored, "Anteckning").inputValue()).toBe(note);
    await expectNoAxeViolations(page);
    await restored.getByRole("button", { name: "Registrera insatsen" }).click();
    await restored.waitFor({ state: "detached" });
    await expectText(measures, "Koordineringsinsatsen är registrerad.");
    await expectText(page.getByRole("region", { name: "Koordineringslogg" }), note);
    expect(await draftKeys(page)).toEqual([]);

    // Unsaved input of the tab goes with a logout: the next user of the computer never sees it.
    await measures.getByRole("button", { name: "Registrera samverkansmöte" }).click();
    await field(page.getByRole("region", { name: "Registrera samverkansmöte" }), "Anteckningar").fill(note);
    expect((await draftKeys(page)).length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.getByRole("heading", { name: "Logga in" }).waitFor();
    expect(await draftKeys(page)).toEqual([]);
    expect(await page.getByText("Du har loggats ut").count()).toBe(0);
    await page.context().close();
  });

  it("warns before the idle time ends and lets the user stay", async () => {
    const page = await newPage(browser);
    // The page's clock is the test's: eight hours pass in a moment (the server's session is real).
    await page.clock.install();
    await logIn(page, "rehab1");
    const idleMinutes = (
      (await (await page.request.get("/api/auth/session")).json()) as { idleMinutes: number }
    ).idleMinutes;
    // The warning comes two minutes before the end: jump to 1 min 50 s before it (room for a slow machine).
    const toWarning = (idleMinutes - 2) * 60_000 + 10_000;
    await page.clock.fastForward(toWarning);
    const warning = page.getByRole("dialog", { name: "Du loggas snart ut" });
    await expectText(warning, "loggas du ut om");
    await warning.getByRole("button", { name: "Fortsätt vara inloggad" }).click();
    await warning.waitFor({ state: "detached" });
    await page.clock.fastForward(60_000);
    expect(await page.getByRole("dialog").count()).toBe(0);
    await page.getByRole("button", { name: "Logga ut" }).waitFor();

    // Warned again after another idle spell: the dialog passes axe, and "Logga ut nu" logs out.
    await page.clock.fastForward(toWarning - 60_000);
    await warning.waitFor();
    await expectNoAxeViolations(page);
    await warning.getByRole("button", { name: "Logga ut nu" }).click();
    await page.getByRole("heading", { name: "Logga in" }).waitFor();
    expect(await page.getByText("Du har loggats ut").count()).toBe(0);
    await page.context().close();
  });
});
