import { describe, expect, it } from "vitest";
import type { SjukfallCertificate } from "../../cases/types.ts";
import {
  fieldLabels,
  totalCaseDays,
  validateCertificate,
  type CertificateDraft,
  type RuleContext,
  type RuleResult,
} from "./index.ts";

const TODAY = "2026-11-16";

const knownCodes: Record<string, string> = {
  S47: "Klämskada på skuldra och överarm",
  M54: "Ryggvärk",
  M545: "Lumbago",
  F43: "Reaktion på svår stress",
  F438: "Andra specificerade reaktioner på svår stress",
  F438A: "Utmattningssyndrom",
  Z73: "Problem som har samband med svårigheter att hantera sin livssituation",
  Z730: "Utbrändhet",
  J10: "Influensa",
};

function context(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    today: TODAY,
    history: [],
    lookupDiagnosis: (code) => (knownCodes[code] ? { code, title: knownCodes[code] } : null),
    fmbLimitDays: () => null,
    ...overrides,
  };
}

/** A complete, valid draft: 100 % for 30 days from today. */
function draft(overrides: Partial<CertificateDraft> = {}): CertificateDraft {
  return {
    smittbararpenning: false,
    grund: [{ typ: "FYSISK_UNDERSOKNING", datum: TODAY }],
    grundAnnat: null,
    sysselsattning: ["NUVARANDE_ARBETE"],
    yrke: "Smed",
    diagnoser: [{ kod: "S47", text: "Klämskada på skuldra och överarm" }],
    funktionsnedsattning: "Nedsatt rörlighet i höger axel, kan inte lyfta armen över axelhöjd.",
    aktivitetsbegransning: "Kan inte lyfta eller bära mer än 2 kg, inte arbeta med armarna ovanför huvudet.",
    behandling: null,
    perioder: [{ grad: 100, from: TODAY, tom: "2026-12-15" }],
    fmbMotivering: null,
    transport: false,
    arbetstidsforlaggning: null,
    arbetstidsforlaggningMotivering: null,
    prognos: { typ: "STOR_SANNOLIKHET", manader: null, motivering: null },
    atgarder: null,
    ovrigt: null,
    kontaktFk: false,
    kontaktFkAnledning: null,
    enhet: {
      namn: "Hälsocentralen",
      postadress: "Storgatan 1",
      postnummer: "831 30",
      postort: "Östersund",
      telefon: "063-100 00",
    },
    ...overrides,
  };
}

function validate(overrides: Partial<CertificateDraft> = {}, ctx: Partial<RuleContext> = {}) {
  return validateCertificate(draft(overrides), context(ctx));
}

function errorFields(result: RuleResult): string[] {
  return result.errors.map((e) => e.field);
}

function messagesOf(result: RuleResult, field: string): string[] {
  return result.errors.filter((e) => e.field === field).map((e) => e.message);
}

function warningCodes(result: RuleResult): string[] {
  return result.warnings.map((w) => w.code);
}

function signed(id: string, from: string, to: string, more: Partial<SjukfallCertificate> = {}) {
  return {
    id,
    patient: "19121212-1212",
    unit: "U1",
    signed: `${from}T10:00:00`,
    diagnosis: "S47",
    periods: [{ from, to, grade: 100 }],
    ...more,
  };
}

describe("validateCertificate: a complete draft", () => {
  it("is valid without errors or warnings", () => {
    expect(validate()).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it("answers every question missing on an empty draft, with field ids as strings", () => {
    const result = validateCertificate({}, context());
    expect(result.valid).toBe(false);
    expect(new Set(errorFields(result))).toEqual(new Set(["1", "28", "6", "35", "17", "32", "39", "enhet"]));
    expect(messagesOf(result, "35")).toEqual(["Ange ett svar."]);
  });

  it("never throws on mistyped values, and says what is wrong", () => {
    const odd = {
      smittbararpenning: "ja",
      grund: "igår",
      sysselsattning: [42],
      yrke: 7,
      diagnoser: [{ kod: 5 }],
      funktionsnedsattning: ["x"],
      perioder: [{ grad: "100", from: "2026-02-30", tom: "imorgon" }],
      arbetstidsforlaggning: "nej",
      prognos: "bra",
      kontaktFk: 1,
      enhet: "Storgatan",
    } as unknown as CertificateDraft;
    const result = validateCertificate(odd, context());
    expect(result.valid).toBe(false);
    expect(messagesOf(result, "27")).toEqual(["Svara ja eller nej."]);
    expect(messagesOf(result, "1")).toEqual(["Svaret har fel form (en lista förväntas)."]);
    expect(messagesOf(result, "28")).toEqual(["Okänd sysselsättning."]);
    expect(messagesOf(result, "6")).toEqual(["Huvuddiagnosen: diagnoskoden ska vara en text."]);
    expect(messagesOf(result, "32")).toEqual([
      "Period 1: sjukskrivningsgraden ska vara 25, 50, 75 eller 100 procent.",
      "Startdatum för period 1 är inte ett giltigt datum: ange ett datum i formen ÅÅÅÅ-MM-DD.",
      "Slutdatum för period 1 är inte ett giltigt datum: ange ett datum i formen ÅÅÅÅ-MM-DD.",
    ]);
    expect(errorFields(result)).toEqual(expect.arrayContaining(["29", "35", "33", "39", "26", "enhet"]));
    for (const input of [null, [], "text", 3]) {
      expect(validateCertificate(input as unknown as CertificateDraft, context()).valid).toBe(false);
    }
  });

  it("labels every field id it reports", () => {
    const result = validateCertificate({}, context());
    for (const field of errorFields(result)) expect(fieldLabels[field]).toBeTruthy();
    expect(fieldLabels["33.2"]).toBe(
      "Beskriv de medicinska skälen till att möjligheterna till återgång i arbete försämras",
    );
  });
});

describe("smittbärarpenning [27]", () => {
  it("requires only diagnosis and periods", () => {
    const result = validateCertificate(
      {
        smittbararpenning: true,
        diagnoser: [{ kod: "J10", text: "Influensa" }],
        perioder: [{ grad: 100, from: TODAY, tom: "2026-11-20" }],
        enhet: draft().enhet,
      },
      context(),
    );
    expect(result).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it("still requires the diagnosis and the periods", () => {
    const result = validateCertificate({ smittbararpenning: true, enhet: draft().enhet }, context());
    expect(errorFields(result)).toEqual(["6", "32"]);
  });

  it("hidden answers under smittbärarpenning are errors on their own fields", () => {
    const result = validate({
      smittbararpenning: true,
      transport: true,
      kontaktFk: true,
      kontaktFkAnledning: "Ring mig.",
      atgarder: "Arbetsträning.",
      fmbMotivering: "Komplikationer.",
    });
    const hidden =
      "Frågan besvaras inte när intyget gäller smittbärarpenning (förhållningsregler enligt smittskyddslagen): ta bort svaret.";
    expect(new Set(errorFields(result))).toEqual(
      new Set(["1", "28", "29", "35", "17", "37", "34", "39", "44", "26", "26.2"]),
    );
    expect(messagesOf(result, "35")).toEqual([hidden]);
    // An unticked box is no answer: a plain smittbärarpenning draft stays valid.
    const plain = validateCertificate(
      {
        smittbararpenning: true,
        diagnoser: [{ kod: "J10", text: "Influensa" }],
        perioder: [{ grad: 100, from: TODAY, tom: "2026-11-20" }],
        transport: false,
        kontaktFk: false,
        ovrigt: "Avstängd av smittskyddsläkaren.",
        enhet: draft().enhet,
      },
      context(),
    );
    expect(plain.errors).toEqual([]);
  });

  it("gives neither FMB_EXCEEDED nor SHORT_CASE", () => {
    const result = validate(
      { smittbararpenning: true, perioder: [{ grad: 100, from: TODAY, tom: "2026-11-18" }] },
      { fmbLimitDays: () => 1 },
    );
    expect(result.warnings).toEqual([]);
    expect(totalCaseDays(draft({ smittbararpenning: true }), context())).toBeNull();
  });
});

describe("intyget baseras på [1], [1.3]", () => {
  it("requires at least one basis", () => {
    expect(messagesOf(validate({ grund: [] }), "1")).toEqual([
      "Ange vad intyget baseras på (minst ett underlag med datum).",
    ]);
  });

  it("requires a date that is not in the future", () => {
    expect(errorFields(validate({ grund: [{ typ: "TELEFONKONTAKT", datum: TODAY }] }))).toEqual([]);
    expect(messagesOf(validate({ grund: [{ typ: "TELEFONKONTAKT", datum: "2026-11-17" }] }), "1")).toEqual([
      "Datumet för min telefonkontakt med patienten får inte vara senare än dagens datum.",
    ]);
    expect(messagesOf(validate({ grund: [{ typ: "TELEFONKONTAKT" }] }), "1")).toEqual([
      "Ange datum för min telefonkontakt med patienten.",
    ]);
    expect(
      messagesOf(validate({ grund: [{ typ: "TELEFONKONTAKT", datum: "16/11/2026" }] }), "1"),
    ).toHaveLength(1);
  });

  it("refuses unknown types and the same type twice", () => {
    expect(messagesOf(validate({ grund: [{ typ: "BREV" as never, datum: TODAY }] }), "1")).toEqual([
      "Underlag 1: okänd typ av underlag.",
    ]);
    const twice = validate({
      grund: [
        { typ: "JOURNALUPPGIFTER", datum: TODAY },
        { typ: "JOURNALUPPGIFTER", datum: "2026-11-01" },
      ],
    });
    expect(messagesOf(twice, "1")).toEqual([
      'Underlaget "Journaluppgifter från den" får bara anges en gång.',
    ]);
  });

  it("requires [1.3] for annat, at most 50 characters, and only then", () => {
    const annat = { grund: [{ typ: "ANNAT" as const, datum: TODAY }] };
    expect(messagesOf(validate(annat), "1.3")).toEqual(["Ange vilket annat underlag intyget baseras på."]);
    expect(messagesOf(validate({ ...annat, grundAnnat: "   " }), "1.3")).toHaveLength(1);
    expect(errorFields(validate({ ...annat, grundAnnat: "x".repeat(50) }))).toEqual([]);
    expect(messagesOf(validate({ ...annat, grundAnnat: "x".repeat(51) }), "1.3")).toEqual([
      "Texten får vara högst 50 tecken (nu 51).",
    ]);
    expect(errorFields(validate({ grundAnnat: "Intyg från fysioterapeut" }))).toEqual(["1.3"]);
  });
});

describe("sysselsättning [28], yrke [29]", () => {
  it("requires at least one, without duplicates", () => {
    expect(errorFields(validate({ sysselsattning: [] }))).toEqual(["28", "29"]);
    expect(messagesOf(validate({ sysselsattning: ["NUVARANDE_ARBETE", "NUVARANDE_ARBETE"] }), "28")).toEqual([
      'Sysselsättningen "Nuvarande arbete" får bara anges en gång.',
    ]);
    expect(messagesOf(validate({ sysselsattning: ["PENSIONAR" as never] }), "28")).toEqual([
      "Okänd sysselsättning.",
    ]);
  });

  it("requires [29] with nuvarande arbete, and refuses it without", () => {
    expect(messagesOf(validate({ yrke: " " }), "29")).toEqual([
      "Ange yrke och arbetsuppgifter för nuvarande arbete.",
    ]);
    expect(errorFields(validate({ sysselsattning: ["STUDIER"], yrke: null }))).toEqual([]);
    expect(errorFields(validate({ sysselsattning: ["ARBETSSOKANDE"], yrke: "Smed" }))).toEqual(["29"]);
  });
});

/** A diagnosis row as the list fills it: the code and its ICD-10-SE title. */
function dx(kod: string) {
  const code = kod.replace(".", "").toUpperCase();
  return { kod, text: knownCodes[code] ?? (kod.trim() ? "Okänd" : "") };
}

describe("diagnoser [6]", () => {
  it("accepts codes with or without dot and lower case", () => {
    expect(errorFields(validate({ diagnoser: [dx("f43.8a"), dx("M54.5")] }))).toEqual([]);
  });

  it("requires one to three rows, filled from the top", () => {
    expect(messagesOf(validate({ diagnoser: [] }), "6")).toEqual([
      "Ange minst en diagnos (huvuddiagnosen först).",
    ]);
    expect(messagesOf(validate({ diagnoser: [{ kod: " ", text: "" }] }), "6")).toHaveLength(1);
    const four = [dx("S47"), dx("M54"), dx("M545"), dx("J10")];
    expect(messagesOf(validate({ diagnoser: four }), "6")).toEqual(["Ange högst tre diagnoser."]);
    expect(messagesOf(validate({ diagnoser: [dx("S47"), dx(""), dx("M54")] }), "6")).toEqual([
      "Diagnos 3 är ifylld men inte raden ovanför: fyll i diagnoserna uppifrån.",
    ]);
    expect(messagesOf(validate({ diagnoser: [dx(""), dx("M54")] }), "6")).toEqual([
      "Diagnos 2 är ifylld men inte raden ovanför: fyll i diagnoserna uppifrån.",
    ]);
  });

  it("requires 3–5 positions: a letter and two digits first", () => {
    for (const kod of ["S4", "S4X", "4S7", "M54555", "M5-4"]) {
      expect(messagesOf(validate({ diagnoser: [{ kod }] }), "6"), kod).toEqual([
        "Huvuddiagnosen: diagnoskoden ska ha 3–5 positioner, en bokstav och två siffror först (t.ex. M54 eller F43.8A).",
      ]);
    }
    expect(messagesOf(validate({ diagnoser: [{ kod: null, text: "Ont i ryggen" }] }), "6")).toEqual([
      "Huvuddiagnosen: ange diagnoskod.",
    ]);
  });

  it("requires at least four positions for F codes and Z73", () => {
    const message = "psykiatriska diagnoser (F-koder) och Z73 ska anges med minst fyra positioner.";
    expect(messagesOf(validate({ diagnoser: [dx("F43")] }), "6")).toEqual([`Huvuddiagnosen: ${message}`]);
    expect(messagesOf(validate({ diagnoser: [dx("S47"), dx("Z73")] }), "6")).toEqual([
      `Diagnos 2: ${message}`,
    ]);
    expect(errorFields(validate({ diagnoser: [dx("F438"), dx("Z73.0")] }))).toEqual([]);
  });

  it("requires the code to exist in ICD-10-SE, skipping codes not looked up yet", () => {
    expect(messagesOf(validate({ diagnoser: [dx("S479")] }), "6")).toEqual([
      "Huvuddiagnosen: diagnoskoden finns inte i ICD-10-SE.",
    ]);
    expect(errorFields(validate({ diagnoser: [dx("S479")] }, { lookupDiagnosis: () => undefined }))).toEqual(
      [],
    );
  });

  it("diagnosis description: a code without a description is refused (Ange diagnosbeskrivning.)", () => {
    expect(messagesOf(validate({ diagnoser: [{ kod: "S47" }] }), "6")).toEqual(["Ange diagnosbeskrivning."]);
    expect(messagesOf(validate({ diagnoser: [{ kod: "S47", text: "  " }] }), "6")).toEqual([
      "Ange diagnosbeskrivning.",
    ]);
    expect(messagesOf(validate({ diagnoser: [dx("S47"), { kod: "M54", text: null }] }), "6")).toEqual([
      "Diagnos 2: ange diagnosbeskrivning.",
    ]);
  });

  it("diagnosis description belongs to the code: a text left from another code is refused", () => {
    const wrong = validate({ diagnoser: [{ kod: "S47", text: "Depressiv episod" }] });
    expect(messagesOf(wrong, "6")).toEqual([
      'Huvuddiagnosen: beskrivningen "Depressiv episod" hör inte till koden S47 (Klämskada på skuldra och överarm). ' +
        "Välj diagnosen i listan igen eller rätta beskrivningen.",
    ]);
    // The title itself, in any case and spacing, or followed by the doctor's precision, belongs.
    for (const text of ["klämskada på skuldra  och överarm", "Klämskada på skuldra och överarm, höger"]) {
      expect(errorFields(validate({ diagnoser: [{ kod: "S47", text }] })), text).toEqual([]);
    }
    // A title that only starts like the code's does not ("Lumbago" is not "Lumbagoliknande").
    expect(errorFields(validate({ diagnoser: [{ kod: "M545", text: "Lumbagoliknande besvär" }] }))).toEqual([
      "6",
    ]);
    // Not judged before the code is looked up (the browser's cache).
    expect(
      errorFields(
        validate(
          { diagnoser: [{ kod: "S47", text: "Depressiv episod" }] },
          { lookupDiagnosis: () => undefined },
        ),
      ),
    ).toEqual([]);
  });
});

describe("funktionsnedsättning [35] and aktivitetsbegränsning [17]", () => {
  it("are required and must not be blank", () => {
    expect(errorFields(validate({ funktionsnedsattning: " \n\t", aktivitetsbegransning: null }))).toEqual([
      "35",
      "17",
    ]);
  });
});

describe("free texts", () => {
  it("take at most 4000 characters", () => {
    expect(errorFields(validate({ behandling: "x".repeat(4000), ovrigt: "y".repeat(4000) }))).toEqual([]);
    const long = validate({ behandling: "x".repeat(4001), funktionsnedsattning: "y".repeat(4001) });
    expect(errorFields(long)).toEqual(["35", "19"]);
    expect(messagesOf(long, "19")).toEqual(["Texten får vara högst 4000 tecken (nu 4001)."]);
  });
});

describe("perioder [32]", () => {
  const period = (grad: 25 | 50 | 75 | 100, from: string, tom: string) => ({ grad, from, tom });
  const partTime = { arbetstidsforlaggning: false };

  it("requires one to four periods", () => {
    expect(messagesOf(validate({ perioder: [] }), "32")).toEqual([
      "Ange minst en period med sjukskrivningsgrad, startdatum och slutdatum.",
    ]);
    const five = validate({
      ...partTime,
      perioder: [
        period(25, "2026-11-16", "2026-11-17"),
        period(50, "2026-11-18", "2026-11-19"),
        period(75, "2026-11-20", "2026-11-21"),
        period(100, "2026-11-22", "2026-11-23"),
        period(100, "2026-11-24", "2026-11-25"),
      ],
    });
    expect(messagesOf(five, "32")).toContain("Ange högst fyra perioder.");
  });

  it("allows grades 25, 50, 75 and 100, each at most once", () => {
    const four = validate({
      ...partTime,
      perioder: [
        period(25, "2026-11-16", "2026-11-17"),
        period(50, "2026-11-18", "2026-11-19"),
        period(75, "2026-11-20", "2026-11-21"),
        period(100, "2026-11-22", "2026-11-23"),
      ],
    });
    expect(errorFields(four)).toEqual([]);
    expect(
      messagesOf(validate({ perioder: [{ grad: 60 as never, from: TODAY, tom: TODAY }] }), "32"),
    ).toEqual(["Period 1: sjukskrivningsgraden ska vara 25, 50, 75 eller 100 procent."]);
    const twice = validate({
      perioder: [period(100, "2026-11-16", "2026-11-17"), period(100, "2026-11-20", "2026-11-21")],
    });
    expect(messagesOf(twice, "32")).toEqual(["Sjukskrivningsgraden 100 procent får bara anges i en period."]);
  });

  it("requires from ≤ tom; one day is fine", () => {
    expect(errorFields(validate({ perioder: [period(100, TODAY, TODAY)] }))).toEqual([]);
    expect(messagesOf(validate({ perioder: [period(100, "2026-11-20", "2026-11-19")] }), "32")).toEqual([
      "Period 1: startdatumet får inte vara senare än slutdatumet.",
    ]);
    expect(messagesOf(validate({ perioder: [{ grad: 100, from: TODAY }] }), "32")).toEqual([
      "Ange slutdatum för period 1.",
    ]);
  });

  it("refuses overlapping periods; sharing a day is an overlap", () => {
    const sharing = validate({
      ...partTime,
      perioder: [period(100, "2026-11-16", "2026-11-20"), period(50, "2026-11-20", "2026-11-30")],
    });
    expect(messagesOf(sharing, "32")).toEqual([
      "Period 1 och period 2 överlappar varandra: perioderna får inte ha någon dag gemensam.",
    ]);
    const adjacent = validate({
      ...partTime,
      perioder: [period(50, "2026-11-21", "2026-11-30"), period(100, "2026-11-16", "2026-11-20")],
    });
    expect(errorFields(adjacent)).toEqual([]);
  });

  it("warns EARLY_START when a period starts more than 7 days before today", () => {
    const sevenBack = validate({ perioder: [period(100, "2026-11-09", "2026-12-15")] });
    expect(sevenBack.warnings).toEqual([]);
    const eightBack = validate({ perioder: [period(100, "2026-11-08", "2026-12-15")] });
    expect(eightBack.valid).toBe(true);
    expect(eightBack.warnings).toEqual([
      {
        field: "32",
        code: "EARLY_START",
        message:
          "Sjukskrivningen startar 2026-11-08, mer än en vecka (8 dagar) före dagens datum. " +
          "Ange orsaken till den retroaktiva sjukskrivningen i Övriga upplysningar (25).",
      },
    ]);
  });
});

describe("arbetstidsförläggning [33], [33.2]", () => {
  const half = [{ grad: 50 as const, from: TODAY, tom: "2026-12-15" }];

  it("is required when a period is part-time", () => {
    expect(messagesOf(validate({ perioder: half }), "33")).toEqual([
      "Ange om möjligheterna till återgång i arbete försämras om arbetstiden förläggs ojämnt vid deltidssjukskrivning.",
    ]);
    expect(errorFields(validate({ perioder: half, arbetstidsforlaggning: false }))).toEqual([]);
  });

  it("requires medical reasons [33.2] when ja, and only then", () => {
    expect(errorFields(validate({ perioder: half, arbetstidsforlaggning: true }))).toEqual(["33.2"]);
    expect(
      errorFields(
        validate({
          perioder: half,
          arbetstidsforlaggning: true,
          arbetstidsforlaggningMotivering: "Orkar bara förmiddagar.",
        }),
      ),
    ).toEqual([]);
    expect(
      errorFields(
        validate({
          perioder: half,
          arbetstidsforlaggning: false,
          arbetstidsforlaggningMotivering: "Orkar bara förmiddagar.",
        }),
      ),
    ).toEqual(["33.2"]);
  });

  it("is not allowed when every period is 100 % (a leftover ja or nej is an error)", () => {
    const leftover =
      "Frågan om ojämnt förlagd arbetstid besvaras bara vid deltidssjukskrivning (25, 50 eller 75 procent): ta bort svaret.";
    expect(
      messagesOf(validate({ arbetstidsforlaggning: true, arbetstidsforlaggningMotivering: "x" }), "33"),
    ).toEqual([leftover]);
    expect(messagesOf(validate({ arbetstidsforlaggning: false }), "33")).toEqual([leftover]);
  });
});

describe("prognos [39], [39.4], [39.2]", () => {
  it("is required", () => {
    expect(messagesOf(validate({ prognos: null }), "39")).toEqual([
      "Ange prognos för återgång i sysselsättning.",
    ]);
    expect(messagesOf(validate({ prognos: { typ: "KANSKE" as never } }), "39")).toEqual([
      "Okänt svar på prognosen.",
    ]);
    expect(errorFields(validate({ prognos: { typ: "SANNOLIKT_INTE" } }))).toEqual([]);
  });

  it("needs 1–99 months [39.4] for återgå efter X månader", () => {
    const months = (manader: unknown) =>
      validate({ prognos: { typ: "ATER_X_ANTAL_MANADER", manader: manader as number } });
    expect(errorFields(months(1))).toEqual([]);
    expect(errorFields(months(99))).toEqual([]);
    expect(messagesOf(months(null), "39.4")).toEqual([
      "Ange inom hur många månader patienten förväntas kunna återgå.",
    ]);
    for (const bad of [0, 100, 2.5, "3"]) {
      expect(messagesOf(months(bad), "39.4"), String(bad)).toEqual([
        "Antal månader ska vara ett heltal från 1 till 99.",
      ]);
    }
    expect(errorFields(validate({ prognos: { typ: "STOR_SANNOLIKHET", manader: 3 } }))).toEqual(["39.4"]);
  });

  it("needs the basis [39.2] when oklar", () => {
    expect(messagesOf(validate({ prognos: { typ: "PROGNOS_OKLAR", motivering: " " } }), "39.2")).toEqual([
      "Beskriv varför prognosen är oklar och vad bedömningen grundar sig på.",
    ]);
    expect(
      errorFields(validate({ prognos: { typ: "PROGNOS_OKLAR", motivering: "Utredning pågår." } })),
    ).toEqual([]);
  });
});

describe("kontakt med Försäkringskassan [26], [26.2]", () => {
  it("26.2 is optional when kontakt is ja, and refused otherwise", () => {
    expect(errorFields(validate({ kontaktFk: true }))).toEqual([]);
    expect(errorFields(validate({ kontaktFk: true, kontaktFkAnledning: " " }))).toEqual([]);
    expect(errorFields(validate({ kontaktFk: true, kontaktFkAnledning: "Planera återgång." }))).toEqual([]);
    expect(errorFields(validate({ kontaktFk: false, kontaktFkAnledning: "Planera återgång." }))).toEqual([
      "26.2",
    ]);
  });
});

describe("the unit's contact data", () => {
  it("requires postadress, postnummer, postort and telefon", () => {
    const result = validate({
      enhet: { namn: "HC", postadress: "Storgatan 1", postnummer: "", postort: null },
    });
    expect(result.errors).toEqual([
      { field: "enhet", message: "Vårdenhetens postnummer saknas." },
      { field: "enhet", message: "Vårdenhetens postort saknas." },
      { field: "enhet", message: "Vårdenhetens telefonnummer saknas." },
    ]);
    expect(messagesOf(validate({ enhet: null }), "enhet")).toHaveLength(1);
    expect(messagesOf(validate({ enhet: { ...draft().enhet, postnummer: "8313" } }), "enhet")).toEqual([
      "Vårdenhetens postnummer ska ha fem siffror (t.ex. 831 30).",
    ]);
  });
});

describe("FMB_EXCEEDED", () => {
  // The draft covers 2026-11-16 … 2026-12-15: 30 days.
  it("warns only when the total is strictly greater than the limit", () => {
    expect(validate({}, { fmbLimitDays: () => 30 }).warnings).toEqual([]);
    const over = validate({}, { fmbLimitDays: () => 29 });
    expect(over.valid).toBe(true);
    expect(over.warnings).toHaveLength(1);
    expect(over.warnings[0]).toMatchObject({ field: "32", code: "FMB_EXCEEDED" });
    expect(over.warnings[0]!.message).toMatch(/^Den totala sjukskrivningsperioden är 30 dagar/);
    expect(over.warnings[0]!.message).toContain("29 dagar");
    expect(over.warnings[0]!.message).toContain("(37)");
  });

  it("passes every well-formed code to the limit", () => {
    const seen: string[][] = [];
    validate(
      { diagnoser: [{ kod: "F43.8A" }, { kod: "m54.5" }] },
      { fmbLimitDays: (codes) => (seen.push(codes), null) },
    );
    expect(seen).toEqual([["F438A", "M545"]]);
  });

  it("counts the case on the unit with the history: gap rule, union of days", () => {
    // History: 10-27 … 11-10 (15 days); gap of 5 empty days (11-11 … 11-15) still joins.
    const history = [signed("h1", "2026-10-27", "2026-11-10")];
    expect(totalCaseDays(draft(), context({ history }))).toBe(45);
    const result = validate({}, { history, fmbLimitDays: () => 44 });
    expect(result.warnings.map((w) => w.message)[0]).toMatch(
      /^Den totala sjukskrivningsperioden är 45 dagar/,
    );
    // Six empty days: a new case.
    const apart = [signed("h1", "2026-10-27", "2026-11-09")];
    expect(totalCaseDays(draft(), context({ history: apart }))).toBe(30);
    // Overlaps count once; revoked, smittbärarpenning and replaced certificates do not count.
    const overlapping = [signed("h1", "2026-11-10", "2026-11-20")];
    expect(totalCaseDays(draft(), context({ history: overlapping }))).toBe(36);
    const notCounting = [
      signed("r", "2026-10-01", "2026-11-15", { status: "revoked" }),
      signed("s", "2026-10-01", "2026-11-15", { smittbararpenning: true }),
    ];
    expect(totalCaseDays(draft(), context({ history: notCounting }))).toBe(30);
    expect(totalCaseDays(draft(), context({ history: overlapping, replaces: "h1" }))).toBe(30);
  });

  it("uses the history whatever its patient and unit keys, and an id not taken", () => {
    const history = [signed("draft", "2026-11-01", "2026-11-15", { patient: "P", unit: "X" })];
    expect(totalCaseDays(draft(), context({ history }))).toBe(45);
  });

  it("is not given for smittbärarpenning or without a limit", () => {
    expect(validate({}, { fmbLimitDays: () => null }).warnings).toEqual([]);
  });
});

describe("SHORT_CASE", () => {
  const short = { perioder: [{ grad: 100 as const, from: TODAY, tom: "2026-11-29" }] }; // 14 days

  it("warns when the case with the draft is shorter than 15 days", () => {
    const result = validate(short);
    expect(result.valid).toBe(true);
    expect(warningCodes(result)).toEqual(["SHORT_CASE"]);
    expect(result.warnings[0]!.message).toMatch(/^Sjukfallet är 14 dagar, kortare än 15 dagar/);
    expect(warningCodes(validate({ perioder: [{ grad: 100, from: TODAY, tom: "2026-11-30" }] }))).toEqual([]);
  });

  it("counts the earlier certificates of the case", () => {
    const history = [signed("h1", "2026-11-06", "2026-11-15")];
    expect(warningCodes(validate(short, { history }))).toEqual([]);
  });

  it("is not given for exempt patients, smittbärarpenning or without nuvarande arbete", () => {
    expect(validate(short, { shortCaseExempt: true }).warnings).toEqual([]);
    expect(validate({ ...short, smittbararpenning: true }).warnings).toEqual([]);
    expect(validate({ ...short, sysselsattning: ["ARBETSSOKANDE"], yrke: null }).warnings).toEqual([]);
  });
});
