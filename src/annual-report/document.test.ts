import type { Content } from "pdfmake/interfaces.js";
import { describe, expect, it } from "vitest";
import type { EqualityRow } from "../statistics/equality.ts";
import { annualReportDocument } from "./document.ts";
import { parseReportPeriod } from "./periods.ts";
import type { AnnualReport } from "./service.ts";

const zero = { total: 0, women: 0, men: 0 };
const sex = (cases: number, medianDays: number | null, meanGrade: number | null) => ({
  cases,
  medianDays,
  meanGrade,
});

function report(equality: EqualityRow[], overrides: Partial<AnnualReport> = {}): AnnualReport {
  return {
    unitName: "Hälsocentralen Norr",
    period: parseReportPeriod("2026")!,
    printedAt: "2027-01-20T09:00:00.000Z",
    day: "2026-12-31",
    doctors: "ALL",
    figures: {
      today: "2026-12-31",
      from: "2026-01",
      to: "2026-12",
      ongoing: zero,
      ongoingByLength: [],
      ongoingByGrade: [],
      newCases: [],
      kompletteringar: {
        sent: zero,
        withKomplettering: zero,
        rate: { total: null, women: null, men: null },
        byDoctor: [],
        byQuestion: [],
      },
    },
    ongoingByGroup: [],
    equality,
    listed: null,
    sjuktal: { total: null, women: null, men: null },
    kompletteringByMonth: [],
    answerTimes: { answered: zero, open: zero, medianDays: { total: null, women: null, men: null } },
    texts: {
      period: { id: "2026", label: "Årsbokslut 2026 (januari–december)", from: "2026-01", to: "2026-12" },
      version: 0,
      summary: "",
      equality: "",
      actions: "",
      versions: [],
      canWrite: false,
    },
    ...overrides,
  };
}

function rowsOf(value: unknown): string[][] {
  if (Array.isArray(value)) return value.flatMap(rowsOf);
  if (value === null || typeof value !== "object") return [];
  const node = value as Record<string, unknown>;
  if (node.table) {
    const body = (node.table as { body: Content[][] }).body;
    return body.map((row) =>
      row.map((cell) => String(typeof cell === "string" ? cell : (cell as { text: string }).text)),
    );
  }
  return [];
}

describe("annual report document", () => {
  it("prints the comparable diagnosis groups of the equality indicator, a large difference marked", () => {
    const rows = rowsOf(
      annualReportDocument(
        report([
          {
            key: "F",
            label: "Psykiatriska diagnoser",
            women: sex(12, 90, 87.5),
            men: sex(6, 60, 100),
            comparable: true,
            lengthDifference: 30,
            gradeDifference: -12.5,
            lengthFlagged: true,
            gradeFlagged: true,
          },
          {
            key: "M",
            label: "Muskuloskeletala diagnoser",
            women: sex(4, 20, 100),
            men: sex(9, 25, 100),
            comparable: false,
            lengthDifference: null,
            gradeDifference: null,
            lengthFlagged: false,
            gradeFlagged: false,
          },
        ]),
      ).content,
    );
    expect(rows).toContainEqual([
      "Psykiatriska diagnoser",
      "90 / 60",
      "30 (Stor skillnad)",
      "87,5 / 100",
      "−12,5 (Stor skillnad)",
    ]);
    expect(JSON.stringify(rows)).not.toContain("Muskuloskeletala");
  });

  it("says so when no group can be compared, and when the chief has written nothing", () => {
    const text = JSON.stringify(annualReportDocument(report([])).content);
    expect(text).toContain("Ingen diagnosgrupp har minst fem sjukfall för både kvinnor och män.");
    expect(text).toContain("(Ingen text skriven.)");
    expect(text).toContain("Enhetens listade patienter är inte inlästa för månaden");
    expect(text).toContain("Årsbokslut 2026 (januari–december)");
  });
});
