import { describe, expect, it } from "vitest";
import { createFmb, FmbFormatError, plainText, shortenings } from "./fmb.ts";
import { loadShippedFmb, parseFmbDumps } from "./load.ts";

const icd = (kod: string) => ({ kod, kodsystemnamn: "ICD-10" });

function diagnosinformation(entries: { codes: string[]; title: string; funktion?: string | null }[]) {
  return {
    data: entries.map((entry, i) => ({
      id: String(i),
      attributes: {
        titel: entry.title,
        diagnosrubrik: entry.title,
        diagnoskod: entry.codes.map(icd),
        funktionsnedsattning: { funktionsnedsattningsbeskrivning: entry.funktion ?? null },
        aktivitetsbegransning: { aktivitetsbegransningsbeskrivning: "Svårt att <b>lyfta</b> &amp; bära." },
        forsakringsmedicinskinformation: { markup: "<p>Första stycket\nfortsätter.</p>\n<p>Andra.</p>" },
      },
    })),
  };
}

function typfall(entries: { codes: string[]; amount: string | number | null; unit: string | null }[]) {
  return {
    data: entries.map((entry, i) => ({
      id: String(i),
      attributes: {
        typfallsmening: `Typfall ${i}`,
        fmbtillstand: { diagnoskod: entry.codes.map(icd) },
        rekommenderadsjukskrivning: {
          typfalletsrekommenderadesjukskrivning: "Upp till något",
          maximalsjukskrivningstid: entry.amount,
          maximalsjukskrivningsenhet: entry.unit,
        },
      },
    })),
  };
}

const synthetic = () =>
  createFmb(
    diagnosinformation([
      { codes: ["F438"], title: "Utmattningssyndrom", funktion: "Nedsatt\nkoncentration." },
      { codes: ["M54"], title: "Ryggvärk" },
    ]),
    typfall([
      { codes: ["F438"], amount: "6", unit: "mo" },
      { codes: ["F438"], amount: "12", unit: "mo" },
      { codes: ["F438"], amount: null, unit: null },
      { codes: ["M54"], amount: "2", unit: "wk" },
      { codes: ["M545"], amount: "10", unit: "d" },
    ]),
  );

describe("FMB from synthetic dumps", () => {
  it("converts lengths: months 31 days, weeks 7; the most generous typfall wins", () => {
    const fmb = synthetic();
    expect(fmb.limitDays(["F438"])).toBe(372);
    expect(fmb.limitDays(["M54"])).toBe(14);
    expect(fmb.limitDays(["M545"])).toBe(10);
  });

  it("shortens a code one position at a time down to 3 positions, never below", () => {
    expect(shortenings("F43.8A")).toEqual(["F438A", "F438", "F43"]);
    const fmb = synthetic();
    expect(fmb.limitDays(["F438A"])).toBe(372);
    expect(fmb.limitDays(["M549"])).toBe(14);
    expect(fmb.limitDays(["F43"])).toBeNull();
    expect(fmb.limitDays(["F439"])).toBeNull();
  });

  it("takes the most generous limit across codes, ignoring codes without one", () => {
    const fmb = synthetic();
    expect(fmb.limitDays(["M54", "F438A"])).toBe(372);
    expect(fmb.limitDays(["S47", "M545"])).toBe(10);
    expect(fmb.limitDays([])).toBeNull();
  });

  it("gives guidance per code as plain text", () => {
    const [guidance, ...rest] = synthetic().guidance(["f43.8a", "S47"]);
    expect(rest).toEqual([]);
    expect(guidance).toEqual({
      code: "F438A",
      fmbCode: "F438",
      title: "Utmattningssyndrom",
      funktionsnedsattning: "Nedsatt koncentration.",
      aktivitetsbegransning: "Svårt att lyfta & bära.",
      information: "Första stycket fortsätter.\n\nAndra.",
      typfall: [
        { text: "Typfall 0", recommendation: "Upp till något", maxDays: 186 },
        { text: "Typfall 1", recommendation: "Upp till något", maxDays: 372 },
        { text: "Typfall 2", recommendation: "Upp till något", maxDays: null },
      ],
      limitDays: 372,
    });
  });

  it("refuses a dump of the wrong shape with a clear message", () => {
    expect(() => createFmb({ data: "x" }, typfall([]))).toThrow(FmbFormatError);
    expect(() => createFmb({ data: "x" }, typfall([]))).toThrow(/diagnosinformation dump .*data/);
    expect(() => createFmb(diagnosinformation([]), [1, 2])).toThrow(/typfall dump/);
    expect(() =>
      createFmb(diagnosinformation([]), typfall([{ codes: ["M54"], amount: "2", unit: "fortnight" }])),
    ).toThrow(/unit "fortnight"/);
    expect(() =>
      createFmb(diagnosinformation([]), typfall([{ codes: ["M54"], amount: "två", unit: "wk" }])),
    ).toThrow(/not a whole number/);
    expect(() => parseFmbDumps({ typfall: typfall([]) })).toThrow(/no "diagnosinformation" dump/);
    expect(() => parseFmbDumps([])).toThrow(/must be a JSON object/);
  });
});

describe("plainText", () => {
  it("removes markup, decodes entities and joins hard-wrapped lines", () => {
    expect(plainText("<ul><li>Ett</li><li>Två &lt;3&gt; &#229;r</li></ul>")).toBe("• Ett\n\n• Två <3> år");
    expect(plainText("rad ett<br/>rad två")).toBe("rad ett rad två");
    expect(plainText("  ")).toBeNull();
    expect(plainText(null)).toBeNull();
  });
});

describe("the shipped FMB (Socialstyrelsen, 2018-06-05)", () => {
  const fmb = loadShippedFmb();

  it("holds the dump's entries", () => {
    expect(fmb.size).toEqual({ diagnoses: 116, typfall: 439, codes: 306 });
  });

  it("knows utmattningssyndrom: F438A is filed under F438, up to 12 months", () => {
    expect(fmb.limitDays(["F438A"])).toBe(12 * 31);
    expect(fmb.limitDays(["F43"])).toBeNull();
    const [guidance] = fmb.guidance(["F438A"]);
    expect(guidance).toMatchObject({
      code: "F438A",
      fmbCode: "F438",
      title: "Utmattningssyndrom",
      limitDays: 372,
    });
    expect(guidance!.typfall.length).toBeGreaterThan(0);
    expect(guidance!.information).not.toMatch(/<|>/);
  });

  it("knows lumbago (M545): up to 2 weeks", () => {
    expect(fmb.limitDays(["M545"])).toBe(14);
    expect(fmb.limitDays(["M54.5", "F43.8A"])).toBe(372);
  });

  it("joins the hard-wrapped funktionsnedsättning text of ljumskbråck", () => {
    const [guidance] = fmb.guidance(["K40"]);
    expect(guidance!.funktionsnedsattning).toMatch(
      /^Ljumskbråck, femoralbråck och navelbråck kan medföra smärta/,
    );
    expect(guidance!.funktionsnedsattning).not.toContain("\n");
  });
});
