/**
 * What the browser tests share: Debian's Chromium through playwright-core, logging in, waiting for
 * what a user would see, axe checks and screenshots.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const demoPassword = "samsyn-demo";
const shotsDir = path.resolve(import.meta.dirname, "../../.tmp/shots");

export function baseUrl(): string {
  return inject("baseUrl");
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      // Native date inputs follow the browser's own language: Swedish shows ÅÅÅÅ-MM-DD.
      "--lang=sv-SE",
    ],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    viewport: { width: 1280, height: 860 },
    // No transitions: axe must see the colours a user sees once a dialog has opened.
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** The form field with exactly this label (a required field's label ends in " *"). */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escape(label)}( \\*)?$`));
}

/** Logs in through the login page, as a person would. */
export async function logIn(page: Page, username: string, password = demoPassword) {
  await page.goto("/logga-in");
  await field(page, "Användarnamn").fill(username);
  await field(page, "Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.getByRole("button", { name: "Logga ut" }).waitFor();
}

export interface PatientSummary {
  id: string;
  personnummer: string;
  name: string;
  protectedIdentity: boolean;
}

/** Waits until the element's text contains the expected text (and says what it saw if not). */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let seen = "";
  while (Date.now() < deadline) {
    seen = (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? "") : "";
    if (typeof expected === "string" ? seen.includes(expected) : expected.test(seen)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(seen).toMatch(typeof expected === "string" ? new RegExp(escape(expected)) : expected);
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** axe with the WCAG 2.1 A and AA rules: no violations, else the list of what and where. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    where: v.nodes.slice(0, 5).map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
  }));
  expect(violations).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** Presses Tab until the focused element matches, at most `limit` times. */
export async function tabUntil(page: Page, isTarget: () => boolean | Promise<boolean>, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await isTarget()) return;
  }
  throw new Error(`Focus did not reach the target within ${limit} presses of Tab.`);
}
