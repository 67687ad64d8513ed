/** The search and the patient page work with the keyboard alone. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, newPage, tabUntil } from "./browser.ts";
import { createPatient } from "./fixtures.ts";

describe("keyboard only", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("skip link, search field, Enter, Tab to the result, Enter opens the patient", async () => {
    const page = await newPage(browser);
    await logIn(page, "rehab1");
    const patient = await createPatient(page, "Tangentbordsson");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Patienter" }).waitFor();

    // The first Tab reaches the skip link; following it puts focus in the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hoppa till huvudinnehåll");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("huvudinnehall");

    const focusedLabel = () =>
      page.evaluate(() => {
        const input = document.activeElement as HTMLInputElement | null;
        return input?.labels?.[0]?.textContent ?? "";
      });
    await tabUntil(page, async () => (await focusedLabel()).startsWith("Sök patient"));
    await page.keyboard.type(patient.personnummer);
    await page.keyboard.press("Enter");
    await page.getByRole("row").filter({ hasText: patient.personnummer }).waitFor();

    await tabUntil(page, () =>
      page.evaluate(() => document.activeElement?.hasAttribute("data-patient-link") ?? false),
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(patient.name);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: patient.name }).waitFor();
    // Focus moved to the new page's heading, as a page load would.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  });
});
