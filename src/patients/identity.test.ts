import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ageOn, formatPersonnummer, parseIdentityNumber } from "./identity.ts";

describe("parseIdentityNumber", () => {
  it("parses a test personnummer with and without separator", () => {
    for (const input of ["19800113-9297", "198001139297", " 19800113-9297 "]) {
      expect(parseIdentityNumber(input)).toEqual({
        ok: true,
        value: { personnummer: "198001139297", samordningsnummer: false, sex: "M", birthDate: "1980-01-13" },
      });
    }
  });

  it("derives female sex from an even second-to-last digit", () => {
    const parsed = parseIdentityNumber("20021014-2386");
    expect(parsed.ok && parsed.value.sex).toBe("F");
  });

  it("recognises a samordningsnummer (day + 60) and derives the real birth date", () => {
    // 1980-01-13 as samordningsnummer is day 73; exactly one check digit makes it valid.
    const valid = Array.from({ length: 10 }, (_, d) => parseIdentityNumber(`19800173-929${d}`)).filter(
      (r) => r.ok,
    );
    expect(valid).toHaveLength(1);
    expect(valid[0]).toMatchObject({ ok: true, value: { samordningsnummer: true, birthDate: "1980-01-13" } });
  });

  it("rejects wrong check digits, impossible dates, ten-digit forms and junk with a Swedish message", () => {
    for (const input of ["19800113-9298", "19801313-9297", "800113-9297", "", "abc", "19800113-92977"]) {
      const parsed = parseIdentityNumber(input);
      expect(parsed.ok, input).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain("personnummer");
    }
  });

  // Serial 000 is never issued, so the property starts at 001.
  it("accepts exactly one check digit for any valid date (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 999 }),
        (date, serial) => {
          const ymd = date.toISOString().slice(0, 10).replaceAll("-", "");
          const candidates = Array.from(
            { length: 10 },
            (_, d) => `${ymd}-${String(serial).padStart(3, "0")}${d}`,
          );
          const valid = candidates.filter((c) => parseIdentityNumber(c).ok);
          expect(valid).toHaveLength(1);
        },
      ),
    );
  });
});

describe("formatPersonnummer and ageOn", () => {
  it("formats twelve digits as ÅÅÅÅMMDD-NNNN", () => {
    expect(formatPersonnummer("198001139297")).toBe("19800113-9297");
  });
  it("counts whole years, turning on the birthday", () => {
    expect(ageOn("1980-01-13", "2026-01-12")).toBe(45);
    expect(ageOn("1980-01-13", "2026-01-13")).toBe(46);
    expect(ageOn("2000-02-29", "2026-02-28")).toBe(25);
  });
});
