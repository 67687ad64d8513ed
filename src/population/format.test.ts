import { describe, expect, it } from "vitest";
import { parsePopulationCsv, PopulationFormatError, type PopulationIssue } from "./format.ts";

const currentMonth = "2026-11";
const parse = (text: string) => parsePopulationCsv(text, { currentMonth });

function issuesOf(text: string): PopulationIssue[] {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof PopulationFormatError) return error.issues;
    throw error;
  }
  throw new Error("the file was accepted");
}

const golden = [
  "enhet;månad;kön;åldersgrupp;antal",
  "HC-NORR;2026-10;K;30-39;812",
  "HC-NORR;2026-10;M;30–39;790",
  "SE2321000000-1001;2026-09;Kvinnor;70+;1 204",
  "",
  "HC-NORR;2026-10;män;16 - 19 år;0",
].join("\r\n");

describe("listed-population CSV", () => {
  it("reads every row with its line, sex, band and count (golden file)", () => {
    expect(parse(golden)).toEqual([
      { row: 2, unit: "HC-NORR", month: "2026-10", sex: "F", ageBand: "30-39", count: 812 },
      { row: 3, unit: "HC-NORR", month: "2026-10", sex: "M", ageBand: "30-39", count: 790 },
      { row: 4, unit: "SE2321000000-1001", month: "2026-09", sex: "F", ageBand: "70+", count: 1204 },
      { row: 6, unit: "HC-NORR", month: "2026-10", sex: "M", ageBand: "16-19", count: 0 },
    ]);
  });

  it("reads UTF-8 with a BOM, other column orders and extra columns, and plain-ASCII headers", () => {
    const bom = `\uFEFF${golden}`;
    expect(parse(bom)).toEqual(parse(golden));
    const reordered = [
      "Antal;Kön;Enhetsnamn;Manad;Aldersgrupp;Enhet",
      "15;K;Norrskenet;2026-01;0-15;HC-NORR",
    ].join("\n");
    expect(parse(reordered)).toEqual([
      { row: 2, unit: "HC-NORR", month: "2026-01", sex: "F", ageBand: "0-15", count: 15 },
    ]);
    expect(parse("enhet,månad,kön,åldersgrupp,antal\nHC-NORR,2026-01,M,65-69,3")).toHaveLength(1);
  });

  it("names the row and column of every bad value, and imports nothing", () => {
    const text = [
      "enhet;månad;kön;åldersgrupp;antal",
      "HC-NORR;2026-13;K;30-39;812",
      "HC-NORR;2026-10;X;30-39;-4",
      ";2026-10;K;65+;12",
      "HC-NORR;2026-12;K;30-39;1",
      "HC-NORR;2026-10;K;30-39;2,5",
    ].join("\n");
    expect(issuesOf(text).map((i) => [i.row, i.column])).toEqual([
      [2, "månad"],
      [3, "kön"],
      [3, "antal"],
      [4, "enhet"],
      [4, "åldersgrupp"],
      [5, "månad"],
      [6, "antal"],
    ]);
    expect(issuesOf(text)[5]!.message).toBe("månaden har inte börjat än.");
    expect(() => parse(text)).toThrow(/^Filen lästes inte in, inget har ändrats\. Rad 2, kolumn månad: /);
  });

  it("refuses the same unit, month, sex and band twice, naming both rows", () => {
    const text = [
      "enhet;månad;kön;åldersgrupp;antal",
      "HC-NORR;2026-10;K;30-39;1",
      "HC-NORR;2026-10;K;30–39;2",
    ].join("\n");
    expect(issuesOf(text)).toEqual([
      { row: 3, column: "åldersgrupp", message: "samma enhet, månad, kön och åldersgrupp som rad 2." },
    ]);
  });

  it("refuses an empty file, a header without rows and a header missing columns", () => {
    for (const text of [
      "",
      "\uFEFF",
      "\n\n",
      "enhet;månad;kön;åldersgrupp;antal",
      "enhet;månad;kön;åldersgrupp;antal\n",
    ])
      expect(issuesOf(text).map((i) => i.message)).toEqual([
        "Filen innehåller inga rader med listade patienter.",
      ]);
    expect(issuesOf("enhet;månad;antal\nHC-NORR;2026-10;3")).toEqual([
      { row: 1, column: null, message: expect.stringContaining("saknar kolumnerna kön, åldersgrupp") },
    ]);
  });

  it("says so when the file is not UTF-8 (Windows-1252 read as UTF-8)", () => {
    const latin1 = Buffer.from("enhet;månad;kön;åldersgrupp;antal\nHC-NORR;2026-10;K;30-39;1", "latin1");
    expect(issuesOf(latin1.toString("utf8"))).toEqual([
      { row: 1, column: null, message: "filen är inte UTF-8. Spara den som CSV UTF-8 och försök igen." },
    ]);
  });

  it("refuses a file that is not CSV, naming the line", () => {
    const issues = issuesOf('enhet;månad;kön;åldersgrupp;antal\n"HC-NORR;2026-10;K;30-39;1');
    expect(issues[0]!.message).toMatch(/inte giltig CSV/);
  });
});
