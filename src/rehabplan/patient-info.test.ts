import { describe, expect, it } from "vitest";
import { brochureDocument, patientPlanDocument } from "./patient-info.ts";
import type { PlanAction } from "./rules.ts";

const unit = {
  name: "Hälsocentralen Norrskenet",
  phone: "063-100 00",
  postalAddress: "Storgatan 1",
  postalCode: "831 30",
  town: "Östersund",
};

const action = (over: Partial<PlanAction>): PlanAction => ({
  id: "a",
  party: "VARDEN",
  description: "Fysioterapi varannan vecka",
  responsibleName: "",
  responsibleUserId: "u1",
  startDate: "2026-11-20",
  followUpDate: "2026-12-04",
  status: "PAGAR",
  ...over,
});

const sectionOf = (doc: ReturnType<typeof brochureDocument>, heading: string) =>
  doc.sections.find((s) => s.heading === heading)!;

describe("the patient's version of the plan", () => {
  const doc = patientPlanDocument({
    plan: {
      caseStart: "2026-10-01",
      version: 4,
      anchoredDate: "2026-11-16",
      content: {
        goal: "Tillbaka i arbete på heltid",
        purpose: "",
        plannedEnd: "2026-12-31",
        patientWords: "Jag vill orka hela dagar.",
        actions: [
          action({}),
          action({
            id: "b",
            party: "PATIENTEN",
            description: "Promenera varje dag",
            responsibleUserId: null,
            responsibleName: "Jag själv",
            followUpDate: "2026-12-01",
          }),
          action({
            id: "c",
            party: "ARBETSGIVAREN",
            description: "Anpassade uppgifter",
            responsibleUserId: null,
            responsibleName: "Närmaste chef",
            status: "KLAR",
          }),
          action({ id: "d", party: "FORSAKRINGSKASSAN", description: "Avstämningsmöte", status: "AVBRUTEN" }),
        ],
      },
    },
    patientName: "Testa Testsson",
    unit,
    contactName: "Karin Koordinator",
    responsibleName: (id) => (id === "u1" ? "Fia Fysio" : ""),
  });

  it("says the goal, what I do, what the unit does and what others do in plain words", () => {
    expect(doc.title).toBe("Min plan för att komma tillbaka till arbetet");
    expect(doc.lead).toContain("Vi kom överens om planen 2026-11-16.");
    expect(sectionOf(doc, "Målet").paragraphs).toEqual([
      "Tillbaka i arbete på heltid.",
      "Planen är att sjukskrivningen slutar 2026-12-31.",
    ]);
    expect(sectionOf(doc, "Vad jag gör").items).toEqual([
      "Promenera varje dag. Ansvarig: Jag själv. Börjar 2026-11-20. Följs upp 2026-12-01.",
    ]);
    expect(sectionOf(doc, "Vad vårdcentralen gör").items).toEqual([
      "Fysioterapi varannan vecka. Ansvarig: Fia Fysio. Börjar 2026-11-20. Följs upp 2026-12-04.",
    ]);
    // Done actions say so; cancelled ones are left out.
    expect(sectionOf(doc, "Vad andra gör").items).toEqual([
      "Arbetsgivaren: Anpassade uppgifter. Ansvarig: Närmaste chef. Börjar 2026-11-20. Klart.",
    ]);
  });

  it("names the next follow-up and whom to call", () => {
    expect(sectionOf(doc, "Nästa uppföljning").paragraphs).toEqual([
      "Nästa gång vi följer upp planen är 2026-12-01.",
    ]);
    expect(sectionOf(doc, "Vem jag ringer").paragraphs[0]).toBe(
      "Ring Hälsocentralen Norrskenet, telefon 063-100 00. Din kontaktperson är Karin Koordinator.",
    );
  });
});

describe("the sick-leave brochure", () => {
  const doc = brochureDocument(unit);
  it("follows the days of PRODUCT §4: employer days 1–14, certificate from day 8, Försäkringskassan from day 15", () => {
    expect(doc.sections.map((s) => s.heading)).toEqual([
      "Sjukskrivning är en del av din behandling",
      "Dag 1–14: arbetsgivaren betalar",
      "Från dag 8: läkarintyg",
      "Från dag 15: Försäkringskassan",
      "Så ansöker du om sjukpenning",
      "Om sjukskrivningen blir längre",
      "Dina rättigheter",
      "Dina skyldigheter",
      "Frågor",
    ]);
    expect(sectionOf(doc, "Om sjukskrivningen blir längre").items[0]).toContain("minst 60 dagar");
  });
});
