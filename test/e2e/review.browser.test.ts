/**
 * Genomgång av pågående sjukskrivningar in the browser: a doctor reviews the cases ending soon and
 * marks two rows (one with the keyboard), the progress counts them; the unit chief records a
 * handover from another doctor, and the receiving doctor then sees that doctor's cases in the
 * review. The handover is withdrawn afterwards so other tests see the demo unit as it was. axe clean.
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
import { addDays, registeredPatient, serverToday, sessionOf, signedCertificate } from "./fixtures.ts";

/** A new patient whose certificate, signed by the page's doctor, ends within three weeks. */
async function caseEndingSoon(browser: Browser, doctor: Page, label: string) {
  const today = await serverToday(doctor);
  const patient = await registeredPatient(browser, label);
  await signedCertificate(doctor, patient.id, { from: addDays(today, -5), to: addDays(today, 20) });
  return patient;
}

interface ReviewBody {
  doctor: { id: string } | null;
  counts: { total: number; reviewed: number };
  rows: { patientId: string; reviewed: boolean; handedOver: boolean }[];
}

async function openReview(page: Page, days: number) {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Genomgång" }).click();
  await page.getByRole("heading", { level: 1, name: "Genomgång av pågående sjukskrivningar" }).waitFor();
  const input = field(page, "Intyget slutar inom (dagar)");
  await input.fill(String(days));
  const loaded = page.waitForResponse(
    (r) => r.url().includes(`/api/genomgang?`) && r.url().includes(`days=${days}`),
  );
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  const body = (await (await loaded).json()) as ReviewBody;
  await expectText(
    page.locator("[data-progress]"),
    `${body.counts.reviewed} av ${body.counts.total} genomgångna`,
  );
  return body;
}

describe("genomgång and överlämning", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lets a doctor review the cases ending soon and mark two of them", async () => {
    const page = await newPage(browser);
    await logIn(page, "lakare1a");
    // Two cases of the doctor's own that end soon and nobody has reviewed: the test's own patients.
    const unmarked = [
      await caseEndingSoon(browser, page, "Genomgangsson"),
      await caseEndingSoon(browser, page, "Genomgangsdotter"),
    ].map((p) => ({ patientId: p.id }));
    const before = await openReview(page, 60);
    for (const { patientId } of unmarked) {
      expect(before.rows.find((r) => r.patientId === patientId)).toMatchObject({ reviewed: false });
    }
    await expectNoAxeViolations(page);

    // First row: "Återbesök bokat" with a visit date, by mouse.
    const first = page.locator(`[data-review-row="${unmarked[0]!.patientId}"]`);
    await first.getByRole("button", { name: /^Återbesök bokat/ }).click();
    const dialog = page.getByRole("dialog", { name: "Återbesök bokat" });
    await field(dialog, "Datum för återbesöket (valfritt)").fill(addDays(await serverToday(page), 3));
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Spara markering" }).click();
    await expectText(page.getByRole("status").first(), "markerad ”Återbesök bokat”");
    await expectText(first, "Återbesök bokat");
    await expect.poll(() => first.getAttribute("data-reviewed")).toBe("true");

    // Second row: "Förlängning ej aktuell" with the keyboard; the reason is required.
    const second = page.locator(`[data-review-row="${unmarked[1]!.patientId}"]`);
    await second.getByRole("button", { name: /^Förlängning ej aktuell/ }).focus();
    await page.keyboard.press("Enter");
    const reasonDialog = page.getByRole("dialog", { name: "Förlängning ej aktuell" });
    await reasonDialog.getByRole("button", { name: "Spara markering" }).click();
    await expectText(reasonDialog, "Ange varför förlängning inte är aktuell.");
    await field(reasonDialog, "Varför är förlängning inte aktuell?").focus();
    await page.keyboard.type("Åter i arbete enligt plan");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expectText(page.getByRole("status").first(), "markerad ”Förlängning ej aktuell”");
    await expect.poll(() => second.getAttribute("data-reviewed")).toBe("true");

    await expectText(
      page.locator("[data-progress]"),
      `${before.counts.reviewed + 2} av ${before.counts.total} genomgångna`,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "genomgang-lakare");
    await page.context().close();
  });

  it("lets the chief hand one doctor's cases to another, who then sees them in the review", async () => {
    // The absent doctor (lakare1b) has a case of the test's own that ends soon.
    const absent = await newPage(browser);
    await logIn(absent, "lakare1b");
    const today = await serverToday(absent);
    const absentId = (await sessionOf(absent)).user.id;
    await caseEndingSoon(browser, absent, "Overlamningsson");
    await absent.context().close();
    const chief = await newPage(browser);
    await logIn(chief, "chef1");
    await chief.goto("/genomgang");
    await chief.getByRole("heading", { level: 2, name: "Överlämningar" }).waitFor();
    // The chief manages handovers but does not review patients.
    expect(await chief.getByRole("heading", { name: "Sjukfall att gå igenom" }).count()).toBe(0);
    const { doctors } = (await (await chief.request.get("/api/overlamningar")).json()) as {
      doctors: { id: string; name: string }[];
    };

    const doctorPage = await newPage(browser);
    await logIn(doctorPage, "lakare1a");
    const own = await openReview(doctorPage, 60);
    const receiverId = own.doctor!.id;
    const away = doctors.find((d) => d.id === absentId)!;
    expect(away.id).not.toBe(receiverId);

    const form = chief.locator("form", { has: chief.getByRole("heading", { name: "Ny överlämning" }) });
    await field(form, "Läkare som är frånvarande").selectOption(away.id);
    await field(form, "Läkare som tar emot sjukfallen").selectOption(receiverId);
    await field(form, "Från och med").fill(today);
    await field(form, "Till och med").fill(addDays(today, 14));
    await field(form, "Anledning (valfri)").fill("Föräldraledighet");
    await form.getByRole("button", { name: "Registrera överlämning" }).click();
    await expectText(chief.getByRole("status").first(), "registrerad");
    const row = chief.locator("[data-handover][data-state=ACTIVE]");
    await expectText(row, away.name);
    await expectNoAxeViolations(chief);

    // An overlapping second handover of the same doctor is refused with the reason.
    await field(form, "Läkare som är frånvarande").selectOption(away.id);
    await field(form, "Läkare som tar emot sjukfallen").selectOption(
      doctors.find((d) => d.id !== away.id && d.id !== receiverId)?.id ?? receiverId,
    );
    await field(form, "Från och med").fill(addDays(today, 2));
    await field(form, "Till och med").fill(addDays(today, 5));
    await form.getByRole("button", { name: "Registrera överlämning" }).click();
    await expectText(form, /överlämning som överlappar|frånvarande|tar emot/);

    // The receiving doctor now also sees the absent doctor's cases.
    await doctorPage.reload();
    const withHandover = await openReview(doctorPage, 60);
    await expectText(
      doctorPage.getByRole("alert").or(doctorPage.locator(".mantine-Alert-root")).first(),
      away.name,
    );
    const handedOver = withHandover.rows.filter((r) => r.handedOver);
    expect(handedOver.length).toBeGreaterThan(0);
    expect(withHandover.counts.total).toBeGreaterThan(own.counts.total);
    await expectText(
      doctorPage.locator(`[data-review-row="${handedOver[0]!.patientId}"]`),
      "Överlämnad från",
    );
    await expectNoAxeViolations(doctorPage);
    await screenshot(doctorPage, "genomgang-overlamnad");

    // Withdraw it (last day: the day before the start) through the dialog.
    await row.getByRole("button", { name: /^Avsluta i förtid/ }).click();
    const endDialog = chief.getByRole("dialog", { name: "Avsluta överlämningen i förtid" });
    await field(endDialog, "Sista dag för överlämningen").fill(addDays(today, -1));
    await expectNoAxeViolations(chief);
    await endDialog.getByRole("button", { name: "Avsluta", exact: true }).click();
    await expectText(chief.getByRole("status").first(), "återkallad");
    await chief.locator("[data-handover][data-state=WITHDRAWN]").first().waitFor();
    const after = await chief.request.get("/api/overlamningar");
    const list = (await after.json()) as { handovers: { state: string }[] };
    expect(list.handovers.some((h) => h.state === "ACTIVE")).toBe(false);
    await chief.context().close();
    await doctorPage.context().close();
  });
});
