import { describe, expect, it } from "vitest";
import { parseParam } from "./settingsInput.ts";

const gap = { min: 0, max: 90 };

describe("parseParam", () => {
  it("accepts whole numbers within the limits, the limits included", () => {
    expect(parseParam("gap", "0", gap, false)).toEqual({ ok: true, value: 0 });
    expect(parseParam("gap", " 90 ", gap, false)).toEqual({ ok: true, value: 90 });
  });

  it("refuses numbers outside, decimals and words, in Swedish", () => {
    for (const input of ["91", "-1", "2.5", "fem"]) {
      expect(parseParam("gap", input, gap, false)).toEqual({
        ok: false,
        message: "Glappet ska vara ett heltal från 0 till 90.",
      });
    }
  });

  it("lets an own value be empty (the unit's value applies), but not the unit's", () => {
    expect(parseParam("afterEnd", "", { min: 0, max: 14 }, true)).toEqual({ ok: true, value: null });
    expect(parseParam("afterEnd", "", { min: 0, max: 14 }, false).ok).toBe(false);
  });
});
