import { describe, expect, it } from "vitest";
import { parseContent } from "../content.ts";
import { hiddenQuestions, withoutHiddenAnswers } from "./hidden.ts";

const full = parseContent({
  smittbararpenning: false,
  grund: [{ typ: "ANNAT", datum: "2026-11-16" }],
  grundAnnat: "Intyg från företagshälsovården",
  sysselsattning: ["NUVARANDE_ARBETE"],
  yrke: "Smed",
  diagnoser: [{ kod: "S47", text: "Klämskada på skuldra och överarm" }],
  funktionsnedsattning: "F",
  aktivitetsbegransning: "A",
  behandling: "B",
  perioder: [{ grad: 50, from: "2026-11-16", tom: "2026-11-29" }],
  fmbMotivering: "M",
  transport: true,
  arbetstidsforlaggning: true,
  arbetstidsforlaggningMotivering: "Orkar bara förmiddagar.",
  prognos: { typ: "ATER_X_ANTAL_MANADER", manader: 3, motivering: null },
  atgarder: "Å",
  ovrigt: "Ö",
  kontaktFk: true,
  kontaktFkAnledning: "Ring mig.",
});

describe("hidden questions", () => {
  it("nothing is hidden while every answer that shows a question is given", () => {
    expect([...hiddenQuestions(full)].sort()).toEqual(["39.2"]);
    expect(withoutHiddenAnswers(full)).toEqual(full);
  });

  it("1.3 is hidden without ANNAT, 29 without nuvarande arbete, 26.2 without kontakt", () => {
    const changed = { ...full, grund: [], sysselsattning: ["STUDIER" as const], kontaktFk: false };
    expect(hiddenQuestions(changed)).toEqual(new Set(["1.3", "29", "26.2", "39.2"]));
    expect(withoutHiddenAnswers(changed)).toMatchObject({
      grundAnnat: null,
      yrke: null,
      kontaktFkAnledning: null,
    });
  });

  it("33.2 is hidden when 33 is not ja, and 33 too when no period is part-time", () => {
    expect(hiddenQuestions({ ...full, arbetstidsforlaggning: false }).has("33.2")).toBe(true);
    const fullTime = { ...full, perioder: [{ grad: 100 as const, from: "2026-11-16", tom: "2026-11-29" }] };
    expect(withoutHiddenAnswers(fullTime)).toMatchObject({
      arbetstidsforlaggning: null,
      arbetstidsforlaggningMotivering: null,
    });
  });

  it("smittbärarpenning hides everything but diagnosis, periods, 33 and övrigt; none of it is sent", () => {
    const smitt = withoutHiddenAnswers({ ...full, smittbararpenning: true });
    expect(smitt).toEqual({
      ...full,
      smittbararpenning: true,
      grund: [],
      grundAnnat: null,
      sysselsattning: [],
      yrke: null,
      funktionsnedsattning: null,
      aktivitetsbegransning: null,
      behandling: null,
      fmbMotivering: null,
      transport: false,
      prognos: null,
      atgarder: null,
      kontaktFk: false,
      kontaktFkAnledning: null,
    });
  });
});
