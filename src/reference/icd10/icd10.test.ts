import { describe, expect, it } from "vitest";
import { formatIcdCode, hasIcdCodeShape, inCodeRange, normalizeIcdCode, parseCodeRange } from "./codes.ts";
import { createIcd10 } from "./icd10.ts";
import { loadIcd10 } from "./load.ts";
import { parseBlocks, parseChapters, parseCodeList, parseGroups } from "./parse.ts";
import { normalizeForSearch } from "./search.ts";

describe("codes", () => {
  it("normalizes and formats", () => {
    expect(normalizeIcdCode(" f43.8a ")).toBe("F438A");
    expect(formatIcdCode("F438A")).toBe("F43.8A");
    expect(formatIcdCode("m54")).toBe("M54");
  });

  it("knows the shape: a letter, two digits, up to two more positions", () => {
    for (const code of ["M54", "M545", "F438A", "S72W0"]) expect(hasIcdCodeShape(code), code).toBe(true);
    for (const code of ["M5", "5M4", "M54555", "M-54", "", "m54"])
      expect(hasIcdCodeShape(code), code).toBe(false);
  });

  it("reads ranges and compares by category", () => {
    expect(parseCodeRange("a00-b99")).toEqual({ from: "A00", to: "B99" });
    expect(parseCodeRange("B99-A00")).toBeNull();
    expect(parseCodeRange("A00–B99")).toBeNull();
    expect(inCodeRange("B991", { from: "A00", to: "B99" })).toBe(true);
    expect(inCodeRange("C00", { from: "A00", to: "B99" })).toBe(false);
  });
});

describe("parsers", () => {
  it("read the shipped line formats and refuse a broken line", () => {
    expect(parseCodeList("\uFEFFA00\t\tKolera\r\nF438A\t\tUtmattningssyndrom\n\n")).toEqual([
      { code: "A00", title: "Kolera" },
      { code: "F438A", title: "Utmattningssyndrom" },
    ]);
    expect(() => parseCodeList("A0\t\tFel", "digit3.txt")).toThrow(/digit3\.txt, line 1/);
    expect(parseChapters("A00-B99Vissa infektionssjukdomar")).toEqual([
      { id: "A00-B99", range: { from: "A00", to: "B99" }, title: "Vissa infektionssjukdomar" },
    ]);
    expect(() => parseChapters("A00-B99")).toThrow(/line 1/);
    expect(parseBlocks("A00-A09\t\tTarminfektioner")[0]!.title).toBe("Tarminfektioner");
    expect(parseGroups("A00-E90,G00-L99:Somatiska sjukdomar")).toEqual([
      {
        name: "Somatiska sjukdomar",
        ranges: [
          { from: "A00", to: "E90" },
          { from: "G00", to: "L99" },
        ],
      },
    ]);
    expect(() => parseGroups("Somatiska sjukdomar")).toThrow(/cannot read/);
  });
});

describe("createIcd10 on small data", () => {
  const icd10 = createIcd10({
    codes: [
      { code: "M54", title: "Ryggvärk" },
      { code: "M545", title: "Lumbago" },
      { code: "F438A", title: "Utmattningssyndrom" },
    ],
    chapters: parseChapters("M00-M99Sjukdomar i muskuloskeletala systemet"),
    blocks: parseBlocks("M50-M54\t\tAndra ryggsjukdomar"),
    groups: parseGroups("M00-M99:Muskuloskeletala sjukdomar"),
  });

  it("looks codes up in any spelling", () => {
    expect(icd10.lookup("m54.5")).toEqual({ code: "M545", title: "Lumbago" });
    expect(icd10.lookup("M546")).toBeNull();
    expect(icd10.size).toBe(3);
  });

  it("finds chapter, block and group, also for codes not in the list", () => {
    expect(icd10.chapterOf("M546")?.id).toBe("M00-M99");
    expect(icd10.blockOf("M54.6")?.title).toBe("Andra ryggsjukdomar");
    expect(icd10.groupOf("M546")?.name).toBe("Muskuloskeletala sjukdomar");
    expect(icd10.chapterOf("F438A")).toBeNull();
    expect(icd10.groupOf("not a code")).toBeNull();
  });
});

describe("the shipped ICD-10-SE", () => {
  const icd10 = loadIcd10();

  it("holds every code of the three lists", () => {
    // digit3.txt, digit4.txt and digit5.txt: 2,056 + 9,643 + 23,985 codes, no code twice.
    expect(icd10.size).toBe(35_684);
    expect(icd10.lookup("F43.8A")?.title).toBe("Utmattningssyndrom");
    expect(icd10.lookup("S47")?.title).toBe("Klämskada på skuldra och överarm");
  });

  it("places F438A in chapter V, its block and the psychiatric group", () => {
    expect(icd10.chapterOf("F438A")?.id).toBe("F00-F99");
    expect(icd10.blockOf("F438A")?.range).toEqual({ from: "F40", to: "F48" });
    expect(icd10.groupOf("F438A")?.name).toMatch(/psykisk|Psykiska/i);
  });

  it("searches by code prefix", () => {
    const results = icd10.search("F43.8", 5);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.code.startsWith("F438"))).toBe(true);
    expect(icd10.search("f438a", 5)[0]).toEqual({ code: "F438A", title: "Utmattningssyndrom" });
  });

  it("searches by Swedish words, inside compounds, without diacritics", () => {
    expect(icd10.search("utmattning", 5).map((r) => r.code)).toContain("F438A");
    expect(icd10.search("syndrom utmattning", 20).map((r) => r.code)).toContain("F438A");
    expect(icd10.search("ryggvark", 20).length).toBeGreaterThan(0);
    expect(icd10.search("lumbago", 20).map((r) => r.code)).toContain("M545");
  });

  it("answers nothing for an empty query or limit, and respects the limit", () => {
    expect(icd10.search("", 10)).toEqual([]);
    expect(icd10.search("   ", 10)).toEqual([]);
    expect(icd10.search("rygg", 0)).toEqual([]);
    expect(icd10.search("sjukdom", 7)).toHaveLength(7);
  });

  it("normalizes search text", () => {
    expect(normalizeForSearch("Ryggvärk, ÖVRIGT!")).toBe("ryggvark ovrigt");
  });
});
