/** The system administrator creates a user and gives them a role; the new user can then log in. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  field,
  expectText,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
} from "./browser.ts";

describe("administration", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("creates a user with an assignment", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    // The region's administrator imports listed populations (aggregate figures, no patient data) and,
    // like everyone, reads the unit's routines.
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Importera listning",
      "Rutiner",
      "Administration",
    ]);

    await page.getByRole("heading", { level: 1, name: "Vårdenheter" }).waitFor();
    await page.getByRole("cell", { name: "Hälsocentralen Norrskenet" }).first().waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, "06-vardenheter");

    await page
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: "Användare och uppdrag" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Användare och uppdrag" }).waitFor();
    await page.locator("tr[data-username=rehab1]").waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, "07-anvandare");

    const username = `e2e.${Date.now().toString(36)}`;
    await page.getByRole("button", { name: "Ny användare" }).click();
    const dialog = page.getByRole("dialog", { name: "Ny användare" });
    await field(dialog, "Användarnamn").fill(username);
    await field(dialog, "Namn").fill("Eva Testsson");
    await field(dialog, "Titel").fill("Rehabkoordinator");
    await field(dialog, "Lösenord").fill("ett-langt-losenord");
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Skapa användare" }).click();

    const assign = page.getByRole("dialog", { name: "Nytt uppdrag för Eva Testsson" });
    await expectText(assign, "Eva Testsson är skapad");
    await field(assign, "Vårdenhet").selectOption({ label: "Hälsocentralen Söderåsen" });
    await field(assign, "Roll").selectOption({ label: "Rehabkoordinator" });
    await screenshot(page, "08-nytt-uppdrag");
    await assign.getByRole("button", { name: "Lägg till uppdrag" }).click();
    await assign.waitFor({ state: "detached" });

    const row = page.locator(`tr[data-username="${username}"]`);
    await expectText(row, "Rehabkoordinator, Hälsocentralen Söderåsen");

    // The new user logs in and works on the unit of the assignment.
    const newUser = await newPage(browser);
    await logIn(newUser, username, "ett-langt-losenord");
    await newUser.getByRole("heading", { level: 1, name: "Patienter" }).waitFor();
    await expectText(newUser.getByRole("banner"), "Hälsocentralen Söderåsen");
  });

  it("switches the unit the administrator works on, and the session remembers it", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    const banner = page.getByRole("banner");
    await banner.getByRole("button", { name: /byt vårdenhet/ }).click();
    await page.getByRole("menuitemradio", { name: /Hälsocentralen Västervik/ }).click();
    await banner.getByRole("button", { name: /^Hälsocentralen Västervik/ }).waitFor();
    await page.reload();
    await banner.getByRole("button", { name: /^Hälsocentralen Västervik/ }).waitFor();

    // Keyboard: open the menu, move to another unit, choose it.
    await banner.getByRole("button", { name: /byt vårdenhet/ }).focus();
    await page.keyboard.press("Enter");
    const current = page.getByRole("menuitemradio", { checked: true });
    await expectText(current, "Hälsocentralen Västervik");
    await expectNoAxeViolations(page);
    await screenshot(page, "11-byt-vardenhet");
    await page.getByRole("menuitemradio", { name: /Hälsocentralen Norrskenet/ }).focus();
    await page.keyboard.press("Enter");
    await banner.getByRole("button", { name: /^Hälsocentralen Norrskenet/ }).waitFor();
  });

  it("shows the role policy read-only", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.goto("/administration/behorigheter");
    await page.getByRole("heading", { level: 1, name: "Behörighetspolicy" }).waitFor();
    const grant = page
      .getByRole("row")
      .filter({ hasText: "Rehabkoordinator" })
      .filter({ hasText: "Söka patienter" });
    await grant.first().waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, "09-behorigheter");
  });
});
