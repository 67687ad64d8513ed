/** A wrong password gives the server's Swedish message, focused so a screen reader reads it. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, field, expectText, launchBrowser, newPage, screenshot } from "./browser.ts";

describe("login errors", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a Swedish error for a wrong password and moves focus to it", async () => {
    const page = await newPage(browser);
    await page.goto("/patienter");
    // Not logged in: the app sends the user to the login page.
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/logga-in");

    await field(page, "Användarnamn").fill("rehab1");
    await field(page, "Lösenord").fill("fel-losenord");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    const alert = page.getByRole("alert");
    await expectText(alert, "Inloggningen misslyckades");
    const message = (await alert.textContent()) ?? "";
    expect(message).toMatch(/lösenord|användarnamn/i);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
    await expectNoAxeViolations(page);
    await screenshot(page, "04-fel-losenord");
  });

  it("asks for the fields it needs before asking the server", async () => {
    const page = await newPage(browser);
    await page.goto("/logga-in");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expectText(page.locator("form"), "Ange användarnamn.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("username");
  });
});
