/**
 * The rehab plan in the browser: the coordinator starts a plan for a case past day 30, adds an
 * action, is refused "fastställ" (the server names what is missing), completes the plan and
 * fastställer it with the patient; the follow-up date made a task; the patient's version is
 * printed (recorded as handed out) and the patient page shows it. Every page passes axe.
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
import { addDays, longCase, type TaskFixture } from "./fixtures.ts";

describe("the rehab plan", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is written, fastställd with the patient and printed for the patient", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const { today, patient } = await longCase(browser, page, "Rehabplansson");
    const followUp = addDays(today, 14);

    await page.goto(`/patienter/${patient.id}`);
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    // The coordinator opens at Koordinering; the plan is one tab away.
    await page.getByRole("tab", { name: "Rehabplan" }).click();
    const section = page.getByRole("region", { name: "Rehabplan" });
    await expectText(section, "Det finns ingen rehabplan för patientens sjukfall.");
    await section.getByRole("button", { name: "Upprätta rehabplan" }).click();
    await expectText(section, "Utkast");
    await expectNoAxeViolations(page);

    // 1. Write the goal and one action, without a planned end.
    await section.getByRole("button", { name: "Redigera planen" }).click();
    await field(section, "Mål med planen").fill("Tillbaka i arbete på heltid");
    await field(section, "Patientens egna ord").fill("Jag vill orka hela dagar igen.");
    await section.getByRole("button", { name: "Lägg till åtgärd" }).click();
    const action = section.getByRole("group", { name: "Åtgärd 1" });
    await field(action, "Vem gör åtgärden (part)").selectOption("ARBETSGIVAREN");
    await field(action, "Åtgärd").fill("Anpassade arbetsuppgifter på halvtid");
    await field(action, "Ansvarig (namn eller roll)").fill("Närmaste chef");
    await field(action, "Uppföljning").fill(followUp);
    await expectNoAxeViolations(page);
    await section.getByRole("button", { name: "Spara ny version" }).click();
    await expectText(section, "Planen är sparad.");

    // 2. Fastställ is refused, naming what is missing.
    await section.getByRole("button", { name: "Fastställ med patienten" }).click();
    await field(section, "Datum då planen förankrades med patienten").waitFor();
    await section.getByRole("button", { name: "Fastställ planen" }).click();
    const refusal = section.getByRole("alert").filter({ hasText: "Planen kunde inte fastställas" });
    await expectText(refusal, "Planerat slut på sjukskrivningen saknas.");
    await expectNoAxeViolations(page);
    await screenshot(page, "70-rehabplan-ofullstandig");
    await section.getByRole("button", { name: "Avbryt" }).click();

    // 3. Complete it and fastställ with the patient.
    await section.getByRole("button", { name: "Redigera planen" }).click();
    await field(section, "Planerat slut på sjukskrivningen").fill(addDays(today, 30));
    await section.getByRole("button", { name: "Spara ny version" }).click();
    await expectText(section, "Planen är sparad.");
    await section.getByRole("button", { name: "Fastställ med patienten" }).click();
    await section.getByRole("radio", { name: "Vid besök" }).check();
    await section.getByRole("button", { name: "Fastställ planen" }).click();
    await expectText(section, "Planen är fastställd.");
    await expectText(section, `Plan överenskommen med patienten ${today}`);
    await section.getByRole("button", { name: "Visa versioner" }).click();
    await expectText(section, "Version 4: Fastställd med patienten");
    await expectNoAxeViolations(page);
    await screenshot(page, "71-rehabplan-faststalld");

    // The follow-up date is a task.
    const tasks = (await (
      await page.request.get(`/api/patients/${patient.id}/tasks`, { params: { status: "ALL" } })
    ).json()) as { tasks: TaskFixture[] };
    expect(tasks.tasks.filter((t) => t.kind === "PLAN_FOLLOW_UP").map((t) => t.dueDate)).toEqual([followUp]);

    // 4. The patient's version, printed and recorded as handed out.
    await section.getByRole("link", { name: "Patientens version av planen (utskrift)" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Min plan för att komma tillbaka till arbetet" })
      .waitFor();
    await expectText(page.getByRole("article"), "Anpassade arbetsuppgifter på halvtid");
    await expectNoAxeViolations(page);
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByRole("button", { name: "Skriv ut och registrera som utlämnad" }).click();
    await expectText(page.getByRole("status"), "Registrerat som utlämnat till patienten.");
    await screenshot(page, "72-rehabplan-patientversion");
    await page.getByRole("link", { name: "Tillbaka till patienten" }).click();
    await expectText(
      page.getByRole("region", { name: "Rehabplan" }),
      "Patientens version av rehabplanen utlämnad (version 4)",
    );

    // 5. The sick-leave brochure, as a page of its own.
    await page.getByRole("link", { name: "Broschyr om sjukskrivning (utskrift)" }).click();
    await page.getByRole("heading", { level: 1, name: "Information om sjukskrivning" }).waitFor();
    await expectText(page.getByRole("article"), "Från dag 15 kan du få sjukpenning från Försäkringskassan");
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
