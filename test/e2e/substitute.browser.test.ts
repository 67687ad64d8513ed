/**
 * A substitute's first day in the browser: the chief gives a new doctor a hyrläkare assignment;
 * the newcomer logs in, finds the first-day checklist under Rutiner, reads the lathund and confirms
 * it ("Jag har läst och förstått"), ticks the unit's contacts, and the chief sees the progress.
 * The newcomer is the test's own user, so the demo unit's staff stay as they were. axe clean.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectText, launchBrowser, logIn, newPage, screenshot } from "./browser.ts";
import { send, sessionOf } from "./fixtures.ts";

const password = "vikarie-forsta-dagen";

describe("a substitute's first day", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("takes a hyrläkare from the checklist to a confirmed lathund, and shows the chief the progress", async () => {
    const chief = await newPage(browser);
    await logIn(chief, "chef1");
    const { unit } = await sessionOf(chief);
    const username = `hyrlakare-${Date.now().toString(36)}`;
    const created = await send(chief, "POST", "/api/users", {
      username,
      displayName: "Hanna Hyrläkare",
      title: "Hyrläkare",
      password,
    });
    expect(created.status()).toBe(201);
    const userId = ((await created.json()) as { id: string }).id;
    const assigned = await send(chief, "POST", "/api/assignments", {
      userId,
      unitId: unit!.id,
      role: "LAKARE",
      engagement: "HYRLAKARE",
    });
    expect(assigned.status()).toBe(201);

    const page = await newPage(browser);
    await logIn(page, username, password);
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Rutiner" }).click();
    const section = page.getByRole("region", { name: /^Din första dag som hyrläkare/ });
    await section.waitFor();
    await expectText(section.getByText(/av \d+ klara$/), /^0 av \d+ klara$/);
    await expectNoAxeViolations(page);
    await screenshot(page, "substitute-first-day");

    await section.getByRole("link", { name: /Lathund för sjukskrivning/ }).click();
    await page.getByRole("heading", { level: 1, name: /Lathund för sjukskrivning/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Jag har läst och förstått" }).click();
    await expectText(
      page.getByRole("status").filter({ hasText: "bekräftelse" }),
      /Tack, din bekräftelse är sparad/,
    );

    await page.getByRole("link", { name: "Alla rutiner" }).click();
    await section.waitFor();
    await expectText(section.getByText(/av \d+ klara$/), /^1 av \d+ klara$/);
    await section.getByRole("checkbox", { name: "Jag vet vilka jag kontaktar" }).click();
    await expectText(section.getByText(/av \d+ klara$/), /^2 av \d+ klara$/);
    await expectNoAxeViolations(page);

    await chief.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Rutiner" }).click();
    const overview = chief.getByRole("region", { name: "Vikariers introduktion" });
    const row = overview.getByRole("row").filter({ hasText: "Hanna Hyrläkare" });
    await expectText(row, /Hyrläkare.*2 av \d+/);
    await expectNoAxeViolations(chief);
  });
});
