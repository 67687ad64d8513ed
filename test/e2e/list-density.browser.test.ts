/**
 * Issue #12 items 1–2 in the browser. The unit list as a working surface: rows above the fold at
 * 1440×900, at least 20 rows on screen and no sideways scrolling at 1920×1080 (screenshots of both in
 * .tmp/shots), the coordinator status set in a row, and filter chips removed with the keyboard. The
 * patient page in sections: each role opens at its own, the tabs work with the arrow keys and the
 * open section is a deep link. axe on every page. Each test builds its own cases (dates from the
 * server's today); the demo region's cases are more rows around them.
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
import { addDays, createPatient, serverToday, signedCertificate } from "./fixtures.ts";

interface ListAnswer {
  unfiltered: { total: number };
  rows: { patientId: string; coordinatorStatus: string; coordinatorStatusVersion: number }[];
}

async function listAnswer(page: Page, params: Record<string, string | number> = {}) {
  return (await (
    await page.request.get("/api/sjukfall", { params: { limit: 1000, ...params } })
  ).json()) as ListAnswer;
}

/** Own ongoing cases until the unit lists at least `rows` (the demo region usually has enough). */
async function atLeastRows(page: Page, doctor: Page, rows: number) {
  const today = await serverToday(page);
  let total = (await listAnswer(page, { limit: 1 })).unfiltered.total;
  for (let i = 0; total < rows; i++, total++) {
    const patient = await createPatient(page, `Tathet${i}`);
    await signedCertificate(doctor, patient.id, { from: addDays(today, -3), to: addDays(today, 10) });
  }
}

/** How many body rows lie wholly inside the window, and whether the page or the table scrolls sideways. */
function layout(page: Page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll("table[data-unit-list] tbody tr")];
    const inView = rows.filter((r) => {
      const box = r.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    const scroller = document.querySelector(".unit-list-scroll")!;
    return {
      rowsInView: inView.length,
      pageSideways: document.documentElement.scrollWidth > window.innerWidth,
      tableSideways: scroller.scrollWidth > scroller.clientWidth,
    };
  });
}

/** Server round trips (a debounced search, a save) may take a few seconds on a loaded machine. */
const roundTrip = { timeout: 15_000 };

describe("the unit list as a working surface, the patient page in sections", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows rows above the fold at 1440×900 and 20+ rows without sideways scrolling at 1920×1080", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    await atLeastRows(page, doctor, 25);
    await doctor.context().close();

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/sjukfall");
    await page.locator("table[data-unit-list] tbody tr").first().waitFor();
    const small = await layout(page);
    expect(small.rowsInView).toBeGreaterThanOrEqual(10);
    expect(small.pageSideways).toBe(false);
    await page.screenshot({ path: ".tmp/shots/sjukfall-1440x900.png" });
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await layout(page)).rowsInView, roundTrip).toBeGreaterThanOrEqual(20);
    const large = await layout(page);
    expect(large.pageSideways).toBe(false);
    expect(large.tableSideways).toBe(false);
    await page.screenshot({ path: ".tmp/shots/sjukfall-1920x1080.png" });
    await screenshot(page, "sjukfall-1920x1080-hela");

    // The headers stay in view while the rows scroll under them.
    const header = page.locator("table[data-unit-list] thead");
    const before = (await header.boundingBox())!.y;
    await page.locator(".unit-list-scroll").evaluate((el) => el.scrollBy(0, 400));
    await expect.poll(async () => (await header.boundingBox())!.y).toBe(before);

    // Om kolumnerna explains every column.
    await page.getByRole("button", { name: "Om kolumnerna" }).click();
    const help = page.getByRole("region", { name: "Tabellens kolumner" });
    await expectText(help, "Koordinatorstatus");
    await expectNoAxeViolations(page);
  });

  it("lets the rehabkoordinator set a case's status in the row and remove filter chips with the keyboard", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    const today = await serverToday(page);
    const patient = await createPatient(page, "Statusson");
    await signedCertificate(doctor, patient.id, { from: addDays(today, -35), to: addDays(today, 10) });
    await doctor.context().close();

    await page.goto("/sjukfall");
    await field(page, "Sök i listan").fill(patient.name);
    const row = page.locator("table[data-unit-list] tbody tr").filter({ hasText: patient.name });
    await expect.poll(() => page.locator("table[data-unit-list] tbody tr").count(), roundTrip).toBe(1);
    await row.getByRole("combobox", { name: /^Koordinatorstatus/ }).selectOption({ label: "Kontaktad" });
    await expect
      .poll(
        async () => (await listAnswer(page)).rows.find((r) => r.patientId === patient.id)?.coordinatorStatus,
        roundTrip,
      )
      .toBe("KONTAKTAD");

    // Filter on the status: the chip says so; Tab to it and Enter removes it, focus stays in the line.
    await page.getByRole("button", { name: /^Filter/ }).click();
    await field(page, "Koordinatorstatus").selectOption({ label: "Kontaktad" });
    const chips = page.getByRole("list", { name: "Aktiva filter" });
    const statusChip = chips.getByRole("button", { name: "Ta bort filtret Koordinatorstatus: Kontaktad" });
    await statusChip.waitFor();
    await expectNoAxeViolations(page);
    await statusChip.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => statusChip.count(), roundTrip).toBe(0);
    // The search chip is left and has the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")), roundTrip)
      .toBe(`Ta bort filtret Sök: ${patient.name}`);
    await page.keyboard.press("Space");
    await expect.poll(() => chips.count(), roundTrip).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), roundTrip)
      .toMatch(/^Filter/);
    expect(await field(page, "Sök i listan").inputValue()).toBe("");
  });

  it("opens the patient at the role's section, with tabs for the keyboard and a deep link", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    const today = await serverToday(page);
    const patient = await createPatient(page, "Avsnittsson");
    await signedCertificate(doctor, patient.id, { from: addDays(today, -10), to: addDays(today, 10) });

    await page.goto(`/patienter/${patient.id}`);
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    const tabs = page.getByRole("tablist", { name: "Avsnitt på patientsidan" });
    expect(await tabs.getByRole("tab").allTextContents()).toEqual([
      "Översikt",
      "Sjukfall och intyg",
      "Koordinering",
      "Rehabplan",
      "Underlag",
      "Ärenden",
      "Uppgifter",
    ]);
    await tabs.getByRole("tab", { name: "Koordinering", selected: true }).waitFor();
    await page.getByRole("region", { name: "Samtycken" }).waitFor();
    await expectNoAxeViolations(page);

    // Arrow keys move between the tabs; the open one is in the address, without patient data.
    await tabs.getByRole("tab", { name: "Koordinering" }).focus();
    await page.keyboard.press("ArrowRight");
    await tabs.getByRole("tab", { name: "Rehabplan", selected: true }).waitFor();
    await page.getByRole("region", { name: "Rehabplan" }).waitFor();
    expect(new URL(page.url()).search).toBe("?avsnitt=rehabplan");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Rehabplan");
    // Home moves to the first tab, Enter opens it.
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await tabs.getByRole("tab", { name: "Översikt", selected: true }).waitFor();
    await page.getByRole("region", { name: "Personuppgifter" }).waitFor();

    // A deep link opens that section.
    await page.goto(`/patienter/${patient.id}?avsnitt=sjukfall`);
    await tabs.getByRole("tab", { name: "Sjukfall och intyg", selected: true }).waitFor();
    await page.getByRole("region", { name: "Sjukintyg" }).waitFor();
    await expectNoAxeViolations(page);

    // The doctor opens the same patient at Sjukfall och intyg.
    await doctor.goto(`/patienter/${patient.id}`);
    await doctor.getByRole("tab", { name: "Sjukfall och intyg", selected: true }).waitFor();
    await doctor.getByRole("region", { name: "Sjukintyg" }).waitFor();
    await expectNoAxeViolations(doctor);
  });
});
