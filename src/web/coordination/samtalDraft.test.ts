import { describe, expect, it } from "vitest";
import type { Samtal } from "../api/coordination.ts";
import { missingConsent } from "./checks.ts";
import { applyFields, changedFields, contentOf, dateErrors, differences, draftOf } from "./samtalDraft.ts";

const samtal: Samtal = {
  id: "s1",
  status: "UTKAST",
  statusLabel: "Utkast",
  caseStart: "2026-10-01",
  samtalDate: "2026-11-16",
  heldBy: { id: "u1", name: "Rehab" },
  workSituation: "Lagerarbete",
  health: "",
  socialSituation: "",
  ownGoals: "",
  obstacles: "",
  coordinationNeed: "",
  outcome: null,
  outcomeLabel: null,
  outcomeReason: "",
  nextStep: "",
  nextStepDate: null,
  completedAt: null,
  completedBy: null,
  version: 1,
  recordedAt: "2026-11-16T09:00:00Z",
  updatedAt: "2026-11-16T09:00:00Z",
};

describe("the samtal form's draft", () => {
  it("sends only what changed, and a date only once it is whole", () => {
    const saved = draftOf(samtal);
    const typed = { ...saved, health: "Ryggvärk", nextStepDate: "2026-12", samtalDate: "2026-11-15" };
    expect(changedFields(typed, saved)).toEqual({ health: "Ryggvärk", samtalDate: "2026-11-15" });
    expect(dateErrors(typed)).toEqual({ nextStepDate: "Ange datum för nästa steg som ÅÅÅÅ-MM-DD." });
    expect(changedFields({ ...typed, nextStepDate: "2026-12-01" }, saved).nextStepDate).toBe("2026-12-01");
    // Emptied nullable values go as null; an emptied samtal date is not sent.
    expect(changedFields({ ...saved, caseStart: "", samtalDate: "" }, saved)).toEqual({ caseStart: null });
  });

  it("tracks what is saved after a save, so nothing is sent twice", () => {
    const saved = draftOf(samtal);
    const typed = { ...saved, outcome: "AKTUALISERA_TEAM" as const, nextStep: "Teamträff" };
    const after = applyFields(saved, changedFields(typed, saved));
    expect(changedFields(typed, after)).toEqual({});
  });

  it("lists the differences between the saved version and the user's, with labels", () => {
    const saved = draftOf({ ...samtal, health: "Sparat av någon annan", outcome: "INGEN_ATGARD" });
    const mine = { ...draftOf(samtal), health: "Mitt" };
    expect(differences(saved, mine)).toEqual([
      { field: "health", label: "Hälsa", saved: "Sparat av någon annan", mine: "Mitt" },
      { field: "outcome", label: "Vad samtalet ledde till", saved: "Ingen åtgärd", mine: "–" },
    ]);
  });

  it("reads as the completion rules expect", () => {
    const content = contentOf({ ...draftOf(samtal), caseStart: "", outcome: "" });
    expect(content.caseStart).toBeNull();
    expect(content.outcome).toBeNull();
    expect(content.nextStepDate).toBeNull();
  });
});

describe("the live consent check", () => {
  const consent = {
    id: "c1",
    kind: "KOORDINERING" as const,
    kindLabel: "Koordinering",
    obtainedBy: { id: "u1", name: null },
    obtainedDate: "2026-11-01",
    method: "MUNTLIGT" as const,
    methodLabel: "Muntligt",
    scope: "Kontakt med arbetsgivaren",
    validTo: "2027-10-31",
    withdrawal: null,
    version: 1,
    recordedAt: "2026-11-01T09:00:00Z",
  };

  it("says which consent is missing, with the rules' message", () => {
    expect(missingConsent([consent], ["KOORDINERING"], "2026-11-16")).toBeNull();
    expect(missingConsent([consent], ["KOORDINERING", "INFO_FK"], "2026-11-16")?.kind).toBe("INFO_FK");
    expect(missingConsent([consent], ["KOORDINERING"], "2026-10-31")?.message).toBe(
      "Patienten hade inte gett samtycke till koordinering på det datumet.",
    );
    const withdrawn = {
      ...consent,
      withdrawal: { date: "2026-11-10", note: "", by: consent.obtainedBy, at: "" },
    };
    expect(missingConsent([withdrawn], ["KOORDINERING"], "2026-11-16")?.state).toBe("withdrawn");
  });

  it("says nothing until the consents are loaded and the date is whole", () => {
    expect(missingConsent(undefined, ["KOORDINERING"], "2026-11-16")).toBeNull();
    expect(missingConsent([], ["KOORDINERING"], "2026-11")).toBeNull();
  });
});
