/**
 * The rehabkoordinator's team meeting in the browser (issue #9): a case decided "aktualisera i
 * teamet" with TEAM consent is suggested for the agenda of a meeting called today; during the
 * meeting the coordinator writes minutes, a decision that becomes a task with an owner and a date
 * and one that becomes an action in the patient's rehab plan, records attendance and closes the
 * meeting, after which the minutes are locked and a correction is a new dated version. "Dölj
 * personuppgifter" hides the patient. Every page passes axe. A doctor sees the meeting without
 * the forms.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectText, field, launchBrowser, logIn, newPage } from "./browser.ts";
import { longCase, sessionOf } from "./fixtures.ts";

async function send(page: Page, method: "POST" | "PUT", url: string, data: unknown) {
  const { csrfToken } = await sessionOf(page);
  const response = await page.request.fetch(url, { method, data, headers: { "x-csrf-token": csrfToken } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json() as Promise<{ id: string }>;
}

describe("the team meeting", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("runs from aktualiserad case to agenda, minutes, decisions and a closed meeting", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const { today, patient, certificate } = await longCase(browser, page, "Teamsson");
    const me = (await sessionOf(page)).user;
    await send(page, "POST", `/api/patients/${patient.id}/samtycken`, {
      kind: "TEAM",
      obtainedDate: today,
      method: "SKRIFTLIGT",
      scope: "Aktualisering i teamet.",
    });
    await send(page, "POST", `/api/patients/${patient.id}/aktualisering`, {
      caseStart: certificate.from,
      decision: "AKTUALISERA_TEAM",
      reason: "",
      supersedesId: null,
    });

    // The team: the coordinator is a standing member.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Team" }).click();
    await page.getByRole("heading", { level: 1, name: "Team" }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Ändra teamet" }).click();
    await page.getByRole("checkbox", { name: `${me.displayName} är med i teamet` }).check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Spara teamet" }).click();
    await expectText(page.getByRole("status"), "Teamet är sparat.");

    // A meeting today, with the aktualiserade case from the suggestions.
    await field(page, "Datum (ÅÅÅÅ-MM-DD)").fill(today);
    await field(page, "Tid (TT:MM)").fill("07:00");
    await page.getByRole("button", { name: "Kalla till teamträff" }).click();
    await page.getByRole("heading", { level: 1, name: `Teamträff ${today} kl. 07:00` }).waitFor();
    await page.getByRole("button", { name: "Visa förslag" }).click();
    await page.getByRole("button", { name: `Lägg till ${patient.name} på dagordningen` }).click();
    const item = page.getByRole("region", { name: new RegExp(`^1\\. ${patient.name}`) });
    await item.waitFor();
    await expectText(item, "Aktualiserad");
    await expectNoAxeViolations(page);

    // Minutes and a decision that becomes the coordinator's task.
    await field(item, `Anteckning om ${patient.name}`).fill("Ryggsmärta, vill tillbaka till lagret.");
    await item.getByRole("button", { name: "Spara anteckningen" }).click();
    await expectText(item.getByRole("status"), "Anteckningen är sparad.");
    // Someone else saves meanwhile: the stale save shows both versions, and mine can be kept.
    const meetingId = page.url().split("/").at(-1)!;
    const shown = (await (await page.request.get(`/api/team/moten/${meetingId}`)).json()) as {
      items: { id: string }[];
    };
    await send(page, "PUT", `/api/team/dagordning/${shown.items[0]!.id}/anteckning`, {
      baseVersion: 1,
      text: "Skrivet av en kollega.",
    });
    await field(item, `Anteckning om ${patient.name}`).fill("Ryggsmärta, vill tillbaka till lagret.");
    await item.getByRole("button", { name: "Spara anteckningen" }).click();
    const conflict = item.getByRole("alert");
    await expectText(conflict, "Någon annan har sparat anteckningen");
    await expectText(conflict, "Skrivet av en kollega.");
    await expectNoAxeViolations(page);
    await conflict.getByRole("button", { name: "Spara min version" }).click();
    await expectText(item, "Version 3");
    await field(item, `Nytt beslut om ${patient.name}`).fill("Kontakta arbetsgivaren om arbetsträning.");
    await field(item, "Ansvarig").selectOption({ label: me.displayName });
    await item.getByRole("button", { name: "Spara beslutet" }).click();
    await expectText(item, `ansvarig ${me.displayName}, senast ${today}`);
    // A decision that becomes an action in the patient's rehab plan.
    await field(item, `Nytt beslut om ${patient.name}`).fill("Arbetsträning 25 procent i fyra veckor.");
    await item.getByRole("radio", { name: "Åtgärd i rehabplanen" }).check();
    await field(item, "Vem åtgärden gäller").selectOption({ label: "Arbetsgivaren" });
    await field(item, "Ansvarig").selectOption({ label: me.displayName });
    await item.getByRole("button", { name: "Spara beslutet" }).click();
    await expectText(item, "Arbetsträning 25 procent i fyra veckor. – åtgärd i rehabplanen");
    const plans = await (await page.request.get(`/api/patients/${patient.id}/rehabplaner`)).text();
    expect(plans).toContain("Arbetsträning 25 procent i fyra veckor.");
    const tasks = (await (await page.request.get(`/api/patients/${patient.id}/tasks`)).json()) as {
      tasks: { kind: string; responsibleUserId: string | null; dueDate: string }[];
    };
    expect(tasks.tasks).toContainEqual(
      expect.objectContaining({ kind: "TEAM_DECISION", responsibleUserId: me.id, dueDate: today }),
    );

    // Attendance, then closing locks the minutes: a correction needs its reason.
    await page.getByRole("checkbox", { name: new RegExp(`^${me.displayName}.*närvarande$`) }).check();
    await page.getByRole("button", { name: "Spara närvaron" }).click();
    await expectText(page.getByRole("region", { name: "Deltagare och närvaro" }), "Närvaron är sparad.");
    await page.getByRole("button", { name: "Avsluta mötet och lås anteckningarna" }).click();
    await expectText(page.getByRole("main"), "Anteckningarna är låsta");
    await field(item, `Anteckning om ${patient.name}`).fill(
      "Ryggsmärta, vill tillbaka till lagret på halvtid.",
    );
    await field(item, "Skäl till rättelsen").fill("Omfattningen saknades.");
    await item.getByRole("button", { name: "Spara rättelsen" }).click();
    await expectText(item, "Rättelse efter mötet: Omfattningen saknades.");
    await expectNoAxeViolations(page);

    // A shared screen: the patient is not named.
    await page.getByRole("switch", { name: /Dölj personuppgifter/ }).check();
    await page.getByRole("region", { name: "1. Patient 1" }).waitFor();
    expect(await page.getByText(patient.personnummer).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The decision is a task on the patient, saying what was decided.
    const url = page.url();
    await page.goto(`/patienter/${patient.id}?avsnitt=uppgifter`);
    await expectText(page.locator("tr[data-kind=TEAM_DECISION]"), "Kontakta arbetsgivaren om arbetsträning.");

    // A doctor reads the meeting, without forms.
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    await doctor.goto(url);
    await doctor.getByRole("heading", { level: 1, name: `Teamträff ${today} kl. 07:00` }).waitFor();
    await expectText(doctor.getByRole("main"), "Ryggsmärta, vill tillbaka till lagret på halvtid.");
    expect(await doctor.getByRole("button", { name: "Spara beslutet" }).count()).toBe(0);
    await expectNoAxeViolations(doctor);
    await doctor.context().close();
    await page.context().close();
  });
});
