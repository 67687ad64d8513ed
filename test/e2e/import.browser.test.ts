/** The secretary imports certificates from another system; bad rows are reported, a rerun changes nothing. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectText, launchBrowser, logIn, newPage, screenshot } from "./browser.ts";

describe("certificate import", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("imports valid rows, explains rejected ones and is idempotent", async () => {
    const page = await newPage(browser);
    await logIn(page, "sekr1");
    const me = (await (await page.request.get("/api/auth/session")).json()) as { unit: { id: string } };
    const unit = me.unit.id;
    const stamp = Date.now().toString(36);
    const csv = [
      "id;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;replaces;completes",
      `ext-${stamp}-1;19900312-2398;${unit};EXT-D1;2026-10-01T09:00;M545;2026-10-01;2026-10-14;100;;;;`,
      `ext-${stamp}-1;19900312-2398;${unit};EXT-D1;2026-10-01T09:00;M545;2026-10-15;2026-10-31;50;;;;`,
      `ext-${stamp}-2;19900312-2398;${unit};EXT-D1;2026-11-01T09:00;M545;2026-11-01;2026-10-20;100;;;;`,
    ].join("\n");

    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Importera intyg" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Importera intyg" }).waitFor();
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await expectText(page.locator(".mantine-FileInput-error"), "Välj en fil.");

    const file = { name: "intyg.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };
    await page.locator("input[type=file]").setInputFiles(file);
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    const result = page.getByRole("region", { name: "Resultat av importen" });
    await result.waitFor();
    expect(await result.getByRole("row", { name: /Nya intyg/ }).textContent()).toContain("1");
    await expectText(result, "1 rad lästes inte in");
    await expectText(result.getByRole("row", { name: new RegExp(`ext-${stamp}-2`) }), "slutar före");
    await expectNoAxeViolations(page);
    await screenshot(page, "20-import");

    await page.locator("input[type=file]").setInputFiles(file);
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await expectText(result.getByRole("row", { name: /Oförändrade intyg/ }), "1");
    expect(await result.getByRole("row", { name: /Nya intyg/ }).textContent()).toContain("0");
  });
});
