/**
 * Stored hostile strings are shown as text, never run: a patient named with markup and a
 * certificate whose free text is a script are rendered on the pages that show them, and no script
 * runs (the flag they would set stays unset, no element they describe exists). A control shows
 * that the Content-Security-Policy itself refuses an inline handler that does reach the page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { field, launchBrowser, logIn, newPage } from "./browser.ts";
import { createPatient } from "./fixtures.ts";

declare global {
  interface Window {
    __pwned?: number;
    __violations?: string[];
  }
}

const hostile = {
  givenName: '<img src=x onerror="window.__pwned=1">',
  familyName: "<script>window.__pwned=2</script>",
  ovrigt:
    'javascript:window.__pwned=3 <a href="javascript:window.__pwned=4">länk</a> <svg onload="window.__pwned=5">',
};

async function csrfToken(page: Page): Promise<string> {
  return ((await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string }).csrfToken;
}

async function watchForScripts(page: Page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations!.push(event.effectiveDirective);
    });
  });
}

async function expectNothingRan(page: Page) {
  // Give any handler (an image error, an svg load) the chance to fire before looking.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], a[href^="javascript:"]').count()).toBe(0);
}

describe("hostile strings stored and shown", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a patient named with markup and a script in a certificate as text", async () => {
    const rehab = await newPage(browser);
    await logIn(rehab, "rehab1");
    // The test's own patient, named with the markup.
    const { id: patientId } = await createPatient(rehab, "Fientligsson", {
      givenName: hostile.givenName,
      familyName: hostile.familyName,
    });

    const doctor = await newPage(browser);
    await watchForScripts(doctor);
    await logIn(doctor, "lakare1a");
    const draft = await doctor.request.post(`/api/patients/${patientId}/certificates`, {
      data: { content: { ovrigt: hostile.ovrigt } },
      headers: { "x-csrf-token": await csrfToken(doctor) },
    });
    expect([200, 201], await draft.text()).toContain(draft.status());
    const { id: certificateId } = (await draft.json()) as { id: string };

    await doctor.goto(`/patienter/${patientId}`);
    const heading = doctor.getByRole("heading", { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).toContain(hostile.givenName);
    expect(await heading.textContent()).toContain(hostile.familyName);
    await expectNothingRan(doctor);

    await doctor.goto(`/intyg/${certificateId}`);
    await doctor.getByRole("heading", { level: 1 }).waitFor();
    await expect.poll(() => field(doctor, "Övriga upplysningar (25)").inputValue()).toBe(hostile.ovrigt);
    await expectNothingRan(doctor);
    // Rendering stored strings needed no exception from the policy.
    expect(await doctor.evaluate(() => window.__violations)).toEqual([]);

    // The control: markup that does get into the page is stopped by the CSP, and reported.
    await doctor.evaluate(() => {
      const probe = document.createElement("div");
      probe.innerHTML = '<img src="/finns-inte.png" onerror="window.__pwned=6">';
      document.body.append(probe);
    });
    await expect.poll(() => doctor.evaluate(() => window.__violations?.length ?? 0)).toBeGreaterThan(0);
    expect(await doctor.evaluate(() => window.__violations)).toContain("script-src-attr");
    expect(await doctor.evaluate(() => window.__pwned)).toBeUndefined();
  });
});
