/**
 * Pågående sjukfall and Uppgifter in the browser: the rehabkoordinator sees the unit's cases split
 * by women and men, filters "> 30 dagar", sorts, hides personal data, exports CSV with the filter
 * printed, and ends two tasks (done; not relevant with a reason). A doctor sees only their own
 * cases and no coordinator queue. Every page passes axe (WCAG 2.1 AA). Each test builds the cases
 * and tasks it looks for (its own patients, dates relative to the server's today); the demo
 * region's cases are only more rows around them.
 */
import { readFileSync } from "node:fs";
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
import { addDays, createPatient, longCase, serverToday, sessionOf, signedCertificate } from "./fixtures.ts";

interface ListAnswer {
  scope: "UNIT" | "OWN";
  counts: { total: number; women: number; men: number };
  rows: { patientId: string; doctorId: string | null; doctorName: string | null; days: number }[];
}

/**
 * A new patient, registered by the page's user (rehab1), with one certificate the doctor's page
 * signed for the days `from`–`to` after the server's today (negative: before it).
 */
async function ownCase(page: Page, doctor: Page, label: string, from: number, to: number) {
  const today = await serverToday(page);
  const patient = await createPatient(page, label);
  await signedCertificate(doctor, patient.id, { from: addDays(today, from), to: addDays(today, to) });
  return patient;
}

const count = async (page: Page, key: "total" | "women" | "men") =>
  Number(await page.locator(`[data-count=${key}]`).textContent());

const columnValues = (page: Page, column: string) =>
  page.locator(`table[data-unit-list] tbody td[data-column=${column}]`).allTextContents();

/** Waits until the list's status line shows a finished load (not "Uppdaterar …"). */
async function settled(page: Page) {
  await expectText(
    page.getByRole("status").filter({ hasText: /visas|Inga sjukfall/ }),
    /visas|Inga sjukfall/,
  );
}

describe("Pågående sjukfall and Uppgifter", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lets the rehabkoordinator filter, sort, hide personal data and export the unit list", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    // The test's own cases: two past day 30 — one at 100 % for 81 days, which raises the risk flag
    // "Heltidssjukskriven länge" — and one short.
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    const fullTimeLong = await ownCase(page, doctor, "Listlang", -70, 10);
    const long = await ownCase(page, doctor, "Listmellan", -40, 10);
    const short = await ownCase(page, doctor, "Listkort", -3, 10);
    await doctor.context().close();
    const over30Answer = (await (
      await page.request.get("/api/sjukfall", { params: { over30: "true", limit: 1000 } })
    ).json()) as ListAnswer;
    const over30Ids = over30Answer.rows.map((r) => r.patientId);
    expect(over30Ids).toEqual(expect.arrayContaining([fullTimeLong.id, long.id]));
    expect(over30Ids).not.toContain(short.id);

    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Pågående sjukfall" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Pågående sjukfall" }).waitFor();
    await page.locator("table[data-unit-list]").waitFor();
    await settled(page);

    const api = (await (
      await page.request.get("/api/sjukfall", { params: { limit: 1 } })
    ).json()) as ListAnswer;
    expect(api.scope).toBe("UNIT");
    const total = await count(page, "total");
    expect(total).toBe(api.counts.total);
    expect(await count(page, "women")).toBe(api.counts.women);
    expect(await count(page, "men")).toBe(api.counts.men);
    expect((await count(page, "women")) + (await count(page, "men"))).toBe(total);
    await expectNoAxeViolations(page);

    // "> 30 dagar": fewer cases, every shown length above 30. The filters are folded away until asked for.
    expect(await field(page, "Mer än 30 dagar").count()).toBe(0);
    await page.getByRole("button", { name: /^Filter/ }).click();
    await field(page, "Mer än 30 dagar").check();
    await expectText(page.locator("[data-counts]").locator("xpath=.."), "utan filter");
    await settled(page);
    const over30 = await count(page, "total");
    expect(over30).toBeLessThan(total);
    expect(over30).toBeGreaterThanOrEqual(2);
    expect(over30).toBe(over30Answer.counts.total);
    // The summary line says how many of how many, and shows the filter as a removable chip.
    await expectText(page.getByRole("status").filter({ hasText: "visas" }), `${over30} av ${total} visas`);
    await page
      .getByRole("list", { name: "Aktiva filter" })
      .getByRole("button", { name: /Mer än 30 dagar/ })
      .waitFor();
    const lengths = (await columnValues(page, "days")).map(Number);
    expect(lengths.length).toBe(Math.min(over30, 100));
    expect(lengths.every((days) => days > 30)).toBe(true);

    // Sort by age, ascending then descending; the header says so (aria-sort).
    const ageHeader = page.locator("th", { has: page.locator("[data-sort-column=age]") });
    await page.locator("[data-sort-column=age]").click();
    await expect.poll(() => ageHeader.getAttribute("aria-sort")).toBe("ascending");
    await settled(page);
    await expect
      .poll(async () => {
        const ages = (await columnValues(page, "age")).map(Number);
        return ages.every((age, i) => i === 0 || ages[i - 1]! <= age);
      })
      .toBe(true);
    await page.locator("[data-sort-column=age]").click();
    await expect.poll(() => ageHeader.getAttribute("aria-sort")).toBe("descending");
    await expect
      .poll(async () => {
        const ages = (await columnValues(page, "age")).map(Number);
        return ages.length > 1 && ages.every((age, i) => i === 0 || ages[i - 1]! >= age);
      })
      .toBe(true);

    // A risk flag opens with the facts that raised it: the list narrowed to the full-time case.
    const search = field(page, "Sök i listan");
    await search.fill(fullTimeLong.name);
    await expect.poll(() => count(page, "total")).toBe(1);
    await settled(page);
    const riskButton = page.locator("table[data-unit-list] .risk-button").first();
    await riskButton.click();
    expect(await riskButton.getAttribute("aria-expanded")).toBe("true");
    await expectText(page.locator("[data-risk-details]").first(), "Riskfaktorer");
    await expectText(page.locator("[data-risk-details]").first(), "Heltidssjukskriven länge");
    await search.fill("");
    await expect.poll(() => count(page, "total")).toBe(over30);
    await settled(page);

    // "Dölj personuppgifter": no name or personnummer in the table, the link still there.
    const firstPnr = (await columnValues(page, "personnummer"))[0]!;
    expect(firstPnr).toMatch(/^\d{8}-\d{4}$/);
    await page.getByRole("switch", { name: /Dölj personuppgifter/ }).check();
    await expect
      .poll(async () => (await columnValues(page, "personnummer")).every((v) => v === "Dold"))
      .toBe(true);
    const tableText = (await page.locator("table[data-unit-list]").textContent()) ?? "";
    expect(tableText).not.toContain(firstPnr);
    expect(await page.locator("table[data-unit-list] [data-patient-link]").count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "sjukfall-over30-dolda");

    // CSV export with the current filter printed in the file.
    await page.getByRole("button", { name: "Exportera", exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exportera CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pagaende-sjukfall-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toContain("Filter;Längre än 30 dagar");
    expect(csv).toContain(`Antal;${over30} (kvinnor`);
    // Made with personal data hidden: the file has no name or personnummer either.
    expect(csv).toContain("Personuppgifter;Dolda");
    expect(csv).not.toContain(firstPnr);
    await expectText(page.getByRole("status").filter({ hasText: "nedladdad" }), "nedladdad");
  });

  it("lets the rehabkoordinator mark one task done and one not relevant with a reason", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    // The test's own long case and its tasks: the overdue day-30 checkpoint and the aktualisering
    // in the coordinator's queue, the day-15 checkpoint to the doctor.
    const { patient, aktualisera, day15, day30 } = await longCase(browser, page, "Uppgiftsson");
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Uppgifter" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Uppgifter" }).waitFor();
    await page.getByRole("tab", { name: "Koordinatorns kö" }).waitFor();
    const rows = page.locator("table[data-task-list] tbody tr");
    await rows.first().waitFor();
    await expectNoAxeViolations(page);
    // Overdue tasks say so in words.
    const overdue = page.locator(`tr[data-task="${day30.id}"]`);
    expect(await overdue.getAttribute("data-overdue")).toBe("true");
    await expectText(overdue, "Försenad");
    // The queue holds aktualiseringar, which end with their decision ("Besluta"), not with "Klar".
    const decide = page.locator(`tr[data-task="${aktualisera.id}"]`);
    await decide.getByRole("link", { name: /^Besluta/ }).waitFor();
    expect(await decide.getByRole("button", { name: /^Klar/ }).count()).toBe(0);
    // The doctor's checkpoint is not in the queue.
    expect(await page.locator(`tr[data-task="${day15.id}"]`).count()).toBe(0);

    // The unit's tasks: the day-30 checkpoint done, the doctor's day-15 checkpoint not relevant.
    await page.getByRole("tab", { name: "Enhetens uppgifter" }).click();
    await rows.first().waitFor();
    const first = page.locator(`tr[data-task="${day30.id}"]`);
    const firstId = day30.id;
    await first.getByRole("button", { name: /^Klar/ }).click();
    await expectText(page.getByRole("status").filter({ hasText: "markerad som klar" }), "markerad som klar");
    await expect.poll(() => page.locator(`tr[data-task="${firstId}"]`).count()).toBe(0);

    const second = page.locator(`tr[data-task="${day15.id}"]`);
    const secondId = day15.id;
    await second.getByRole("button", { name: /^Inte aktuell/ }).click();
    const dialog = page.getByRole("dialog", { name: "Inte aktuell" });
    await dialog.getByRole("button", { name: "Markera som inte aktuell" }).click();
    await expectText(dialog, "Ange varför uppgiften inte är aktuell.");
    await expectNoAxeViolations(page);
    await field(dialog, "Varför är uppgiften inte aktuell?").fill("Beslutat på teammötet, ingen åtgärd.");
    await dialog.getByRole("button", { name: "Markera som inte aktuell" }).click();
    await expectText(
      page.getByRole("status").filter({ hasText: "inte aktuell" }),
      "markerad som inte aktuell",
    );
    await expect.poll(() => page.locator(`tr[data-task="${secondId}"]`).count()).toBe(0);

    // Both are stored as the server sees them.
    const closed = (await (
      await page.request.get("/api/tasks", { params: { scope: "unit", status: "ALL", limit: 1000 } })
    ).json()) as { tasks: { id: string; status: string; reason: string | null }[] };
    expect(closed.tasks.find((t) => t.id === firstId)?.status).toBe("DONE");
    expect(closed.tasks.find((t) => t.id === secondId)).toMatchObject({
      status: "NOT_RELEVANT",
      reason: "Beslutat på teammötet, ingen åtgärd.",
    });

    // The status filter shows the closed ones with their reason.
    await field(page.getByRole("tabpanel"), "Status").selectOption({ label: "Ej aktuella" });
    await expectText(page.locator(`tr[data-task="${secondId}"]`), "Beslutat på teammötet");
    await screenshot(page, "uppgifter");

    // The patient page lists the patient's tasks, the ended one with its reason.
    const patientLink = page.locator(`tr[data-task="${secondId}"] a`).first();
    expect(await patientLink.getAttribute("href")).toBe(`/patienter/${patient.id}`);
    await patientLink.click();
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    // The coordinator opens the patient at Koordinering; the tasks are one tab away.
    await page.getByRole("tab", { name: "Koordinering", selected: true }).waitFor();
    await page.getByRole("tab", { name: "Uppgifter" }).click();
    const section = page.getByRole("region", { name: "Uppgifter" });
    await expectText(section.locator(`tr[data-task="${secondId}"]`), "Beslutat på teammötet");
    await expectNoAxeViolations(page);
  });

  it("shows a doctor only their own cases and no coordinator queue", async () => {
    // The test's own cases: one the doctor signed, one a colleague (lakare1b) signed.
    const secretary = await newPage(browser);
    await logIn(secretary, "sekr1");
    const page = await newPage(browser);
    await logIn(page, "lakare1a");
    const colleaguePage = await newPage(browser);
    await logIn(colleaguePage, "lakare1b");
    const mine = await ownCase(secretary, page, "Egenfallsson", -5, 10);
    const theirs = await ownCase(secretary, colleaguePage, "Kollegafallsson", -5, 10);
    await secretary.context().close();
    await colleaguePage.context().close();
    const doctorName = (await sessionOf(page)).user.displayName;
    await page.goto("/");
    await page.getByRole("heading", { name: "Mina uppgifter" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    expect(await nav.getByRole("link", { name: "Aktualisering" }).count()).toBe(0);
    await nav.getByRole("link", { name: "Pågående sjukfall" }).click();
    await page.getByRole("heading", { level: 1, name: "Mina pågående sjukfall" }).waitFor();
    await page.locator("table[data-unit-list]").waitFor();
    await settled(page);

    const own = (await (
      await page.request.get("/api/sjukfall", { params: { limit: 1000 } })
    ).json()) as ListAnswer;
    expect(own.scope).toBe("OWN");
    expect(own.rows.map((r) => r.patientId)).toContain(mine.id);
    expect(own.rows.map((r) => r.patientId)).not.toContain(theirs.id);
    expect(own.rows.every((r) => r.doctorName === doctorName)).toBe(true);
    expect(await count(page, "total")).toBe(own.counts.total);
    const shownDoctors = new Set(await columnValues(page, "doctor"));
    expect([...shownDoctors]).toEqual([doctorName]);
    // No doctor filter for a doctor: the list is theirs.
    expect(await page.getByLabel("Läkare", { exact: true }).count()).toBe(0);
    // Another doctor's cases stay out of reach, also when asked for by that doctor's id.
    const coordinatorPage = await newPage(browser);
    await logIn(coordinatorPage, "rehab1");
    const unitRows = (
      (await (
        await coordinatorPage.request.get("/api/sjukfall", { params: { limit: 1000 } })
      ).json()) as ListAnswer
    ).rows;
    const colleague = unitRows.find((r) => r.patientId === theirs.id)!;
    expect(colleague).toBeDefined();
    expect(colleague.doctorName).not.toBe(doctorName);
    expect(colleague.doctorId).not.toBeNull();
    const asked = (await (
      await page.request.get("/api/sjukfall", { params: { doctor: colleague.doctorId!, limit: 1000 } })
    ).json()) as ListAnswer;
    expect(asked.rows.map((r) => r.patientId).sort()).toEqual(own.rows.map((r) => r.patientId).sort());
    expect(asked.rows.some((r) => r.doctorName !== doctorName)).toBe(false);
    await coordinatorPage.close();
    await expectNoAxeViolations(page);

    // The review of ending certificates is one click away (marking is tested in review.browser.test.ts).
    await page.getByRole("link", { name: "Genomgång av pågående sjukskrivningar" }).click();
    await page.getByRole("heading", { level: 1, name: "Genomgång av pågående sjukskrivningar" }).waitFor();

    // Uppgifter: only "Mina uppgifter"; the queue is not theirs, neither in the UI nor the API.
    await nav.getByRole("link", { name: "Uppgifter" }).click();
    await page.getByRole("heading", { level: 1, name: "Uppgifter" }).waitFor();
    expect(await page.getByRole("tab").allTextContents()).toEqual(["Mina uppgifter"]);
    expect((await page.request.get("/api/tasks", { params: { scope: "queue" } })).status()).toBe(403);
    await page.goto("/aktualisering");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("heading", { level: 1, name: "Aktualisering" }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
