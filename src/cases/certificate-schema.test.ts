import { describe, expect, it } from "vitest";
import { parseSjukfallCertificates } from "./certificate-schema.ts";

const valid = {
  id: "c1",
  patient: "19121212-1212",
  unit: "U1",
  doctor: "D1",
  signed: "2016-02-01T10:00:00",
  diagnosis: "M545",
  periods: [{ from: "2016-02-01", to: "2016-02-10", grade: 100 }],
  smittbararpenning: false,
  status: "signed",
  replaces: null,
  completes: null,
};

function problemsOf(data: unknown): string[] {
  return parseSjukfallCertificates(data).problems;
}

describe("certificate input", () => {
  it("accepts the contract's certificate and fills in the optional fields", () => {
    const minimal = { id: "c2", patient: "P", unit: "U1", signed: "2016-02-01", periods: valid.periods };
    expect(parseSjukfallCertificates([valid, minimal])).toEqual({
      ok: true,
      problems: [],
      leftOut: [],
      certificates: [
        valid,
        {
          ...minimal,
          doctor: null,
          diagnosis: null,
          smittbararpenning: false,
          status: "signed",
          replaces: null,
          completes: null,
        },
      ],
    });
  });

  it("ignores unknown fields and accepts null for optional ones", () => {
    const parsed = parseSjukfallCertificates([
      { ...valid, type: "FK7263", status: null, smittbararpenning: null },
    ]);
    expect(parsed.ok && parsed.certificates[0]).toMatchObject({ status: "signed", smittbararpenning: false });
    expect(parsed.ok && "type" in parsed.certificates[0]!).toBe(false);
  });

  it("writes a space before the time as T so signing times compare in order", () => {
    const parsed = parseSjukfallCertificates([{ ...valid, signed: "2016-02-01 10:00" }]);
    expect(parsed.ok && parsed.certificates[0]!.signed).toBe("2016-02-01T10:00");
  });

  it("requires a JSON array", () => {
    expect(problemsOf({ certificates: [] })).toEqual(["the input must be a JSON array of certificates"]);
  });

  it("names the index, the id and the field of each problem", () => {
    expect(
      problemsOf([
        valid,
        { ...valid, id: "c2", periods: [{ from: "2016-02-30", to: "2016-02-01", grade: 30 }] },
        { ...valid, id: "c3", signed: "yesterday", status: "draft" },
        { ...valid, patient: undefined, id: 7 },
        "c5",
      ]),
    ).toEqual([
      'certificate [1] (id "c2"): periods[0].from must be an existing date YYYY-MM-DD',
      'certificate [1] (id "c2"): periods[0].grade must be 25, 50, 75 or 100',
      'certificate [2] (id "c3"): signed must be a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM[:SS]',
      'certificate [2] (id "c3"): status must be "signed" or "revoked"',
      "certificate [3]: id must be a text",
      "certificate [3]: patient is missing",
      "certificate [4]: must be an object",
    ]);
  });

  it("rejects a period ending before it starts, overlapping periods and no periods", () => {
    expect(
      problemsOf([
        { ...valid, periods: [{ from: "2016-02-10", to: "2016-02-01", grade: 50 }] },
        {
          ...valid,
          id: "c2",
          periods: [
            { from: "2016-02-10", to: "2016-02-20", grade: 50 },
            { from: "2016-02-01", to: "2016-02-10", grade: 100 },
          ],
        },
        { ...valid, id: "c3", periods: [] },
      ]),
    ).toEqual([
      'certificate [0] (id "c1"): periods[0].to must not end before it starts',
      'certificate [1] (id "c2"): periods must not overlap (not even by a day)',
      'certificate [2] (id "c3"): periods must hold at least one period',
    ]);
  });

  it("rejects duplicate ids and empty texts", () => {
    expect(problemsOf([valid, { ...valid }, { ...valid, id: "c3", unit: " " }])).toEqual([
      'certificate [1] (id "c1"): id is already used by certificate [0]',
      'certificate [2] (id "c3"): unit must not be empty',
    ]);
  });

  it("stops after the given number of problems", () => {
    expect(
      parseSjukfallCertificates(
        Array.from({ length: 50 }, () => null),
        5,
      ),
    ).toMatchObject({
      ok: true,
      certificates: [],
      problems: { length: 5 },
      leftOut: { length: 50 },
    });
  });

  it("keeps the valid certificates and names each one left out", () => {
    const parsed = parseSjukfallCertificates([
      { ...valid, id: "bad", periods: [] },
      valid,
      { ...valid },
      { ...valid, id: "c4" },
      42,
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      leftOut: [
        { index: 0, id: "bad" },
        { index: 2, id: "c1" },
        { index: 4, id: null },
      ],
    });
    expect(parsed.ok && parsed.certificates.map((c) => c.id)).toEqual(["c1", "c4"]);
  });
});
