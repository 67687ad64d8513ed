import { describe, expect, it } from "vitest";
import type { Patient } from "../api/types.ts";
import { changedFields, changesOf, draftOf, isValidDateInput, rebaseDraft } from "./patientDraft.ts";

const patient: Patient = {
  id: "p1",
  personnummer: "19121212-1212",
  samordningsnummer: false,
  givenName: "Tolvan",
  familyName: "Tolvansson",
  sex: "M",
  birthDate: "1912-12-12",
  age: 112,
  protectedIdentity: false,
  listingUnit: { id: "HC-NORR", name: "Hälsocentralen Norrskenet" },
  firstDayCertificateUntil: null,
  version: 3,
};

describe("patient edit draft", () => {
  it("reads listing relative to the active unit", () => {
    expect(draftOf(patient, "HC-NORR").listed).toBe(true);
    expect(draftOf(patient, "HC-SODER").listed).toBe(false);
  });

  it("sends only what the user changed, trimmed, with the version it builds on", () => {
    const base = draftOf(patient, "HC-NORR");
    const draft = { ...base, familyName: " Ek ", firstDayCertificateUntil: "2031-12-31" };
    expect(changedFields(base, draft)).toEqual(["familyName", "firstDayCertificateUntil"]);
    expect(changesOf(base, draft, 4)).toEqual({
      version: 4,
      familyName: "Ek",
      firstDayCertificateUntil: "2031-12-31",
    });
  });

  it("treats whitespace-only edits as no change and an emptied date as null", () => {
    const base = { ...draftOf(patient, "HC-NORR"), firstDayCertificateUntil: "2030-01-01" };
    const draft = { ...base, givenName: "Tolvan  ", firstDayCertificateUntil: "" };
    expect(changesOf(base, draft, 3)).toEqual({ version: 3, firstDayCertificateUntil: null });
  });

  it("rebases the user's changes onto what someone else saved", () => {
    const base = draftOf(patient, "HC-NORR");
    const draft = { ...base, firstDayCertificateUntil: "2031-12-31" };
    const saved = { ...base, familyName: "Tolvansson-Ek" };
    const rebased = rebaseDraft(base, draft, saved);
    expect(rebased).toEqual({ ...base, familyName: "Tolvansson-Ek", firstDayCertificateUntil: "2031-12-31" });
    expect(changesOf(saved, rebased, 4)).toEqual({ version: 4, firstDayCertificateUntil: "2031-12-31" });
  });

  it("accepts ÅÅÅÅ-MM-DD or nothing as a date", () => {
    expect(isValidDateInput("2031-12-31")).toBe(true);
    expect(isValidDateInput("  ")).toBe(true);
    expect(isValidDateInput("31/12/2031")).toBe(false);
  });
});
