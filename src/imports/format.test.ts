import { describe, expect, it } from "vitest";
import { ImportFormatError, parseCsvImport, parseJsonImport } from "./format.ts";

const valid = {
  id: "ext-1",
  patient: "19800113-9297",
  unit: "HC-NORR",
  doctor: "SE2321000000-1001",
  signed: "2026-11-02T10:00:00",
  diagnosis: "F43.8A",
  periods: [
    { from: "2026-11-02", to: "2026-11-15", grade: 100 },
    { from: "2026-11-16", to: "2026-11-29", grade: 50 },
  ],
};

describe("JSON import format", () => {
  it("accepts the sjukfall certificate format", () => {
    const parsed = parseJsonImport(JSON.stringify([valid]));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.accepted[0]!.certificate).toMatchObject({ id: "ext-1", diagnosis: "F43.8A" });
  });

  it("rejects each bad row with its number and reasons, keeping the good ones", () => {
    const rows = [
      valid,
      { ...valid, id: "ext-2", patient: "19800113-9298" },
      { ...valid, id: "ext-3", periods: [{ from: "2026-11-10", to: "2026-11-01", grade: 100 }] },
      { ...valid, id: "ext-4", periods: [{ from: "2026-11-01", to: "2026-11-10", grade: 40 }] },
      {
        ...valid,
        id: "ext-5",
        periods: [
          { from: "2026-11-01", to: "2026-11-10", grade: 100 },
          { from: "2026-11-10", to: "2026-11-12", grade: 50 },
        ],
      },
      { ...valid, id: "ext-1" },
      "not an object",
    ];
    const parsed = parseJsonImport(JSON.stringify(rows));
    expect(parsed.accepted.map((a) => a.certificate.id)).toEqual(["ext-1"]);
    expect(parsed.rejected.map((r) => [r.row, r.reasons.join(" | ")])).toEqual([
      [2, "patient: ogiltigt personnummer"],
      [3, "periods.0: perioden slutar före den börjar"],
      [4, "periods.0.grade: grad ska vara 25, 50, 75 eller 100"],
      [5, "periods: perioderna överlappar"],
      [6, "id förekommer mer än en gång i filen"],
      [7, expect.any(String)],
    ]);
  });

  it("refuses a file that is not a JSON list", () => {
    expect(() => parseJsonImport("{")).toThrow(ImportFormatError);
    expect(() => parseJsonImport('{"id": 1}')).toThrow(/lista/);
  });
});

describe("CSV import format", () => {
  it("groups one line per period into certificates, with semicolons and a BOM", () => {
    const csv = [
      "\uFEFFid;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;replaces;completes",
      "e1;19800113-9297;HC-NORR;;2026-11-02;M54.5;2026-11-02;2026-11-08;100;;signed;;",
      "e1;19800113-9297;HC-NORR;;2026-11-02;M54.5;2026-11-09;2026-11-20;50;;signed;;",
      "e2;19800113-9297;HC-NORR;;2026-11-21;M54.5;2026-11-21;2026-12-05;25;nej;signed;;e1",
    ].join("\n");
    const parsed = parseCsvImport(csv);
    expect(parsed.rejected).toEqual([]);
    expect(
      parsed.accepted.map((a) => [
        a.row,
        a.certificate.id,
        a.certificate.periods.length,
        a.certificate.completes,
      ]),
    ).toEqual([
      [2, "e1", 2, null],
      [4, "e2", 1, "e1"],
    ]);
  });

  it("names missing columns", () => {
    expect(() => parseCsvImport("id,patient\ne1,19800113-9297")).toThrow(/unit, signed, from, to, grade/);
  });
});
