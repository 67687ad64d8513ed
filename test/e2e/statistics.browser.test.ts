/**
 * Statistik in the browser: the chief lands on the statistics overview; a case the test builds
 * (a new patient, a certificate of 41 days at 50 %) shows up in the right length and grade rows for
 * the patient's sex, each figure has its definition beside it and a table beside its chart, the
 * export downloads a CSV with the same figures, the further sections (diagnosis chapters, long
 * cases, cases per doctor, answer times) are there, and the page passes axe. The rehabkoordinator's
 * start shows the unit's situation with women and men side by side below the patient search.
 * The chief writes the annual report's texts (a save after the MLU's shows both versions) and
 * downloads the report (PDF); the coordinator reads the texts.
 */
import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectText, launchBrowser, logIn, newPage, screenshot } from "./browser.ts";
import { addDays, createPatient, serverToday, sessionOf, signedCertificate } from "./fixtures.ts";

interface Counts {
  total: number | null;
  women: number | null;
  men: number | null;
}
interface Figures {
  ongoing: Counts;
  ongoingByLength: (Counts & { bucket: string })[];
  ongoingByGrade: (Counts & { grade: number })[];
  kompletteringar: { byDoctor: { doctorId: string; name: string; sent: number | null }[] };
}
interface Answer {
  scope: string;
  doctors: string;
  suppress: number;
  units: { unit: { id: string; name: string }; current: Figures }[];
}

async function figures(page: Page, doctors: "ALL" | "OWN" = "ALL"): Promise<Figures> {
  const response = await page.request.get("/api/statistik");
  expect(response.status()).toBe(200);
  const answer = (await response.json()) as Answer;
  expect(answer).toMatchObject({ scope: "UNIT", doctors });
  return answer.units[0]!.current;
}

/** The cells (women, men, total, last year's …) of the row headed `label` in the table with `caption`. */
async function rowCounts(page: Page, caption: RegExp, label: string): Promise<number[]> {
  const table = page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });
  const row: Locator = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  const cells = await row.first().getByRole("cell").allTextContents();
  return cells.map((text) => Number(text.replace(/\D/g, "")));
}

describe("Statistik", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the chief the unit's figures with definitions, tables, export and no axe violations", async () => {
    const chief = await newPage(browser);
    await logIn(chief, "chef1");
    // The chief's start page is the statistics overview.
    await chief.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
    expect(new URL(chief.url()).pathname).toBe("/statistik");
    const before = await figures(chief);

    // The test's own case: a new patient, 41 days at 50 %, signed by lakare1a.
    const rehab = await newPage(browser);
    await logIn(rehab, "rehab1");
    const patient = await createPatient(rehab, "Statistikprov");
    const doctor = await newPage(browser);
    await logIn(doctor, "lakare1a");
    const today = await serverToday(doctor);
    const doctorName = (await sessionOf(doctor)).user.displayName;
    await signedCertificate(doctor, patient.id, {
      from: addDays(today, -20),
      to: addDays(today, 20),
      grade: 50,
    });
    const sex = Number(patient.personnummer.at(-2)) % 2 === 1 ? "men" : "women";
    const other = sex === "men" ? "women" : "men";

    const after = await figures(chief);
    const bucket = (f: Figures) => f.ongoingByLength.find((row) => row.bucket === "31-60")!;
    const half = (f: Figures) => f.ongoingByGrade.find((row) => row.grade === 50)!;
    expect(after.ongoing.total).toBe(before.ongoing.total! + 1);
    expect(after.ongoing[sex]).toBe(before.ongoing[sex]! + 1);
    expect(bucket(after)[sex]).toBe(bucket(before)[sex]! + 1);
    expect(bucket(after)[other]).toBe(bucket(before)[other]);
    expect(half(after).total).toBe(half(before).total! + 1);

    await chief.reload();
    await chief.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
    const lengthTable = /^Längd, jämfört med/;
    await chief.locator("caption", { hasText: lengthTable }).waitFor();
    const [women, men, total] = await rowCounts(chief, lengthTable, "31–60 dagar");
    expect({ women, men, total }).toEqual({
      women: bucket(after).women,
      men: bucket(after).men,
      total: bucket(after).total,
    });
    const [gradeWomen, gradeMen, gradeTotal] = await rowCounts(chief, /^Sjukskrivningsgrad, jämfört/, "50 %");
    expect({ women: gradeWomen, men: gradeMen, total: gradeTotal }).toEqual({
      women: half(after).women,
      men: half(after).men,
      total: half(after).total,
    });

    // Each figure has its written definition beside it, and each chart a table beside it.
    const ongoing = chief.locator("[data-figure=ongoingByLength]");
    await expectText(ongoing.locator("[data-definition]"), "De pågående sjukfallen efter längd i dagar");
    expect(await ongoing.getByRole("img", { name: "Längd" }).count()).toBe(1);
    expect(await ongoing.getByRole("table").count()).toBe(1);
    await expectText(
      chief.locator("[data-figure=kompletteringarRate] [data-definition]"),
      "delat med skickade intyg",
    );
    // Sjuktal from the demo region's listed population, with its definition.
    await expectText(chief.locator("[data-figure=sjuktal] [data-definition]"), "per 1 000 listade");
    await expectText(chief.locator("[data-figure=sjuktal] table"), /\d+,\d/);
    // Where women and men are sick-listed differently: per diagnosis group, with its definition.
    await expectText(chief.locator("[data-figure=equality] [data-definition]"), "kvinnor minus män");
    expect(await chief.locator("[data-figure=equality]").getByRole("table").count()).toBe(1);
    // The chief sees every doctor by name, lakare1a's certificate among them.
    const sentByDoctor = await rowCounts(chief, /^Komplettering per läkare$/, doctorName);
    expect(sentByDoctor[0]).toBeGreaterThanOrEqual(1);
    // Ongoing cases by ICD-10 chapter, with its definition.
    await expectText(chief.locator("[data-figure=ongoingByChapter] [data-definition]"), "ICD-10-SE-kapitlet");
    // Long cases: taken up by the team and with a rehab plan, counted, each with its definition.
    const longCases = chief.locator("[data-figure=longCases]");
    await expectText(longCases.locator("[data-definition=longCasesReachedTeam]"), "teamträff som hållits");
    await expectText(longCases.locator("[data-definition=longCasesWithPlan]"), "fastställts med patienten");
    expect(await longCases.getByRole("row", { name: /^Med rehabplan \d+ \d+ \d+$/ }).count()).toBe(1);
    // Cases per doctor: lakare1a's ongoing cases include the test's case (total of the ongoing columns).
    const casesByDoctor = await rowCounts(
      chief,
      /^Pågående sjukfall och sjukfall längre än 30 dagar per läkare$/,
      doctorName,
    );
    expect(casesByDoctor[2]).toBeGreaterThanOrEqual(1);
    // Komplettering answer times, with the definition beside the table.
    await expectText(chief.locator("[data-figure=kompletteringAnswerTime] [data-definition]"), "medianen");
    expect(
      await chief.locator("[data-figure=kompletteringAnswerTime]").getByRole("table").count(),
    ).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(chief);
    await screenshot(chief, "statistik-chef");

    const [download] = await Promise.all([
      chief.waitForEvent("download"),
      chief.getByRole("button", { name: "Exportera statistiken som CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^statistik-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toContain("Enhet;Figur;Grupp;Period;Mått;Totalt;Kvinnor;Män");
    expect(csv).toMatch(
      new RegExp(
        `;Pågående sjukfall efter längd;31–60 dagar;[^;]+;Antal;${bucket(after).total};${bucket(after).women};${bucket(after).men}\\r\\n`,
      ),
    );
    expect(csv).not.toContain(patient.personnummer.replace("-", ""));
    await expectText(chief.getByRole("status").filter({ hasText: "nedladdad" }), "nedladdad");
  });

  it("lets the chief write the annual report's texts and download the report as PDF, with no axe violations", async () => {
    const chief = await newPage(browser);
    await logIn(chief, "chef1");
    await chief.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
    const section = chief.getByRole("region", { name: "Årsrapport" });
    const period = section.getByLabel("Rapportperiod");
    await period.waitFor();
    const year = (await serverToday(chief)).slice(0, 4);
    // The delårsrapport of this year (januari–augusti), this test's own text in it.
    await period.selectOption(`${year}-T2`);
    const summary = `Färre långa sjukfall i år (${Date.now().toString(36)}).`;
    const field = section.getByLabel("Sammanfattning");
    await field.waitFor();
    await field.fill(summary);
    await section
      .getByLabel("Analys av skillnader mellan kvinnor och män")
      .fill("Kvinnor har längre sjukfall i diagnosgruppen psykiatri.");
    await section.getByLabel("Åtgärder och plan framåt").fill("Tidig kontakt med rehabkoordinatorn.");
    await expectText(section.getByRole("status").first(), "Ändringar som inte är sparade.");
    await section.getByRole("button", { name: "Spara texterna" }).click();
    await expectText(section.getByRole("status").first(), "Texterna är sparade (version");

    const saved = await chief.request.get(`/api/statistik/arsrapport/${year}-T2`);
    expect(saved.status()).toBe(200);
    const first = (await saved.json()) as { version: number; summary: string };
    expect(first).toMatchObject({ summary, canWrite: true });
    await expectNoAxeViolations(chief);
    await screenshot(chief, "statistik-arsrapport");

    // The MLU saves meanwhile; the chief's next save shows both versions and keeps the chief's text.
    const mlu = await newPage(browser);
    await logIn(mlu, "mlu1");
    const { csrfToken } = await sessionOf(mlu);
    const mluText = "MLU: följ upp kompletteringarna per läkare.";
    const mluSave = await mlu.request.fetch(`/api/statistik/arsrapport/${year}-T2`, {
      method: "PUT",
      headers: { "x-csrf-token": csrfToken },
      data: { version: first.version, summary, equality: "", actions: mluText },
    });
    expect(mluSave.status()).toBe(200);
    await section.getByLabel("Åtgärder och plan framåt").fill("Chefen: tidig kontakt och uppföljning.");
    await section.getByRole("button", { name: "Spara texterna" }).click();
    const conflict = section.getByRole("alert").filter({ hasText: "Någon annan har sparat texterna" });
    await expectText(conflict, mluText);
    await expectNoAxeViolations(chief);
    await conflict.getByRole("button", { name: "Spara min version" }).click();
    await expectText(
      section.getByRole("status").first(),
      `Texterna är sparade (version ${first.version + 2})`,
    );

    const [download] = await Promise.all([
      chief.waitForEvent("download"),
      section.getByRole("button", { name: "Ladda ned rapporten (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`arsrapport-${year}-T2.pdf`);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    await expectText(section.getByRole("status").filter({ hasText: "nedladdad" }), "nedladdad");

    // The rehabkoordinator reads the texts but cannot change them.
    const rehab = await newPage(browser);
    await logIn(rehab, "rehab1");
    await rehab.goto("/statistik");
    const readOnly = rehab.getByRole("region", { name: "Årsrapport" });
    await readOnly.getByLabel("Rapportperiod").selectOption(`${year}-T2`);
    await expectText(readOnly, summary);
    expect(await readOnly.getByRole("button", { name: "Spara texterna" }).count()).toBe(0);
  });

  it("starts the regional analyst on every unit of the region, with no count under 5", async () => {
    const page = await newPage(browser);
    await logIn(page, "analytiker");
    await page.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
    const response = await page.request.get("/api/statistik");
    expect(response.status()).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer).toMatchObject({ scope: "REGION", doctors: "NONE", suppress: 5 });
    // Every count of the answer. Not counts: shares ("rate"), sjuktal per 1,000 listed, medians,
    // means, the equality differences and the grade labels.
    const notCounts = new Set(["rate", "equality", "grade", "sjuktal", "medianDays", "meanGrade"]);
    const counts: [path: string, count: number][] = [];
    const walk = (value: unknown, path: string, key: string) => {
      if (notCounts.has(key)) return;
      if (typeof value === "number") counts.push([path, value]);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, key));
      else if (value && typeof value === "object")
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, k);
    };
    walk(answer.units, "units", "");
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter(([, n]) => n > 0 && n < 5)).toEqual([]);
    // The overview: one row per unit, then one section per unit.
    const overview = page
      .locator("table")
      .filter({ has: page.locator("caption", { hasText: /^Regionens enheter/ }) });
    await overview.waitFor();
    expect(await overview.locator("tbody tr").count()).toBe(answer.units.length);
    for (const unit of answer.units.slice(0, 3)) {
      await page.getByRole("heading", { level: 2, name: unit.unit.name, exact: true }).waitFor();
    }
    await page.getByText("Antal under 5 visas som", { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, "statistik-analytiker");
  });

  it("shows the rehabkoordinator the unit's situation, women and men side by side, below the search", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    await page.getByRole("heading", { level: 1, name: "Patienter" }).waitFor();
    const panel = page.getByRole("region", { name: /^Enhetens läge/ });
    await panel.getByRole("table").first().waitFor();
    const now = await figures(page, "OWN");
    const [women, men, total] = await rowCounts(page, /^Pågående sjukfall, jämfört med/, "Pågående sjukfall");
    expect({ women, men, total }).toEqual(now.ongoing);
    expect(women! + men!).toBeLessThanOrEqual(total!);
    await expectNoAxeViolations(page);
    await screenshot(page, "start-rehabkoordinator");
  });
});
