import { describe, expect, it } from "vitest";
import { differences } from "./describe.ts";
import { clearHiddenAnswers, enteredCodes, fromContent, toContent } from "./formDraft.ts";

const content = {
  smittbararpenning: false,
  grund: [{ typ: "FYSISK_UNDERSOKNING" as const, datum: "2026-11-16" }],
  grundAnnat: null,
  sysselsattning: ["NUVARANDE_ARBETE" as const],
  yrke: "Smed",
  diagnoser: [{ kod: "S47", text: "Klämskada på skuldra och överarm" }],
  funktionsnedsattning: "Nedsatt rörlighet.",
  aktivitetsbegransning: "Kan inte lyfta.",
  behandling: null,
  perioder: [{ grad: 75 as const, from: "2026-11-16", tom: "2026-11-29" }],
  fmbMotivering: null,
  transport: false,
  arbetstidsforlaggning: false,
  arbetstidsforlaggningMotivering: null,
  prognos: { typ: "STOR_SANNOLIKHET" as const, manader: null, motivering: null },
  atgarder: null,
  ovrigt: null,
  kontaktFk: false,
  kontaktFkAnledning: null,
  enhet: { namn: "HC", postadress: "Gatan 1", postnummer: "831 30", postort: "Östersund", telefon: "063-1" },
};

describe("the editor's draft model", () => {
  it("reads and writes the contract's draft unchanged", () => {
    expect(toContent(fromContent(content), content)).toEqual(content);
  });

  it("writes blank texts as null and drops answers whose question is not asked", () => {
    const draft = fromContent(content);
    draft.funktionsnedsattning = "   ";
    draft.sysselsattning.NUVARANDE_ARBETE = false;
    draft.perioder[75].checked = false;
    draft.perioder[100] = { checked: true, from: "2026-11-16", tom: "2026-11-20" };
    const written = toContent(draft, content);
    expect(written.funktionsnedsattning).toBeNull();
    expect(written.yrke).toBeNull();
    expect(written.arbetstidsforlaggning).toBeNull();
    expect(written.perioder).toEqual([{ grad: 100, from: "2026-11-16", tom: "2026-11-20" }]);
  });

  it("keeps an empty diagnosis row above a filled one, so the rules can point it out", () => {
    const draft = fromContent(content);
    draft.diagnoser[0] = { kod: "", text: "" };
    draft.diagnoser[1] = { kod: "M54.5", text: "Lumbago" };
    expect(toContent(draft).diagnoser).toEqual([
      { kod: null, text: null },
      { kod: "M54.5", text: "Lumbago" },
    ]);
    expect(enteredCodes(draft)).toEqual(["M545"]);
  });

  it("months are a whole number or null", () => {
    const draft = fromContent(content);
    draft.prognosTyp = "ATER_X_ANTAL_MANADER";
    draft.prognosManader = "3";
    expect(toContent(draft).prognos).toEqual({ typ: "ATER_X_ANTAL_MANADER", manader: 3, motivering: null });
    draft.prognosManader = "tre";
    expect(toContent(draft).prognos?.manader).toBeNull();
  });

  it("lists the questions whose answers differ between two versions", () => {
    const rows = differences(content, { ...content, ovrigt: "Ny text" });
    expect(rows).toEqual([{ field: "25", label: "Övriga upplysningar (25)", saved: "–", mine: "Ny text" }]);
  });

  it("hidden answers: a change that hides answered questions clears them and names them", () => {
    const before = fromContent({
      ...content,
      grund: [{ typ: "ANNAT", datum: "2026-11-16" }],
      grundAnnat: "Intyg från företagshälsovården",
      arbetstidsforlaggning: true,
      arbetstidsforlaggningMotivering: "Orkar bara förmiddagar.",
      kontaktFk: true,
      kontaktFkAnledning: "Ring mig.",
    });
    const uncheck = { ...before, grund: { ...before.grund, ANNAT: { checked: false, datum: "" } } };
    expect(clearHiddenAnswers(before, uncheck)).toMatchObject({
      cleared: ["1.3"],
      draft: { grundAnnat: "" },
    });
    const noContact = clearHiddenAnswers(before, { ...before, kontaktFk: false });
    expect(noContact.cleared).toEqual(["26.2"]);
    expect(noContact.draft.kontaktFkAnledning).toBe("");
    const nej = clearHiddenAnswers(before, { ...before, arbetstidsforlaggning: false });
    expect(nej.cleared).toEqual(["33.2"]);
    // Only full-time left: 33 and 33.2 go.
    const fullTime = {
      ...before,
      perioder: { ...before.perioder, 75: { checked: false, from: "", tom: "" } },
    };
    fullTime.perioder[100] = { checked: true, from: "2026-11-16", tom: "2026-11-29" };
    expect(clearHiddenAnswers(before, fullTime).cleared).toEqual(["33", "33.2"]);
    // A change that hides nothing answered clears nothing.
    expect(clearHiddenAnswers(before, { ...before, ovrigt: "Text" })).toEqual({
      draft: { ...before, ovrigt: "Text" },
      cleared: [],
    });
  });

  it("hidden answers: smittbärarpenning clears every hidden answered question, and none is written", () => {
    const before = fromContent({ ...content, behandling: "Fysioterapi", transport: true });
    const smitt = clearHiddenAnswers(before, { ...before, smittbararpenning: true });
    expect(smitt.cleared).toEqual(["1", "28", "29", "35", "17", "19", "34", "39"]);
    const written = toContent(smitt.draft, content);
    expect(written).toMatchObject({
      smittbararpenning: true,
      grund: [],
      sysselsattning: [],
      funktionsnedsattning: null,
      prognos: null,
      transport: false,
      diagnoser: content.diagnoser,
      perioder: content.perioder,
      arbetstidsforlaggning: false,
      enhet: content.enhet,
    });
  });
});
