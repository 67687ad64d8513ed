/** FMB total length with the unit's gap (PRODUCT §3: "the sjukfall on the same unit"). */
import { describe, expect, it } from "vitest";
import type { SjukfallCertificate } from "../../cases/types.ts";
import { totalCaseDays } from "./case-length.ts";
import { validateCertificate } from "./validate.ts";
import type { CertificateDraft } from "./draft.ts";

const TODAY = "2026-11-16";

const earlier: SjukfallCertificate = {
  id: "h1",
  patient: "p",
  unit: "u",
  signed: "2026-10-20T10:00:00",
  diagnosis: "S47",
  // Ends 2026-11-05: ten empty days (11-06 … 11-15) before the draft starts.
  periods: [{ from: "2026-10-20", to: "2026-11-05", grade: 100 }],
};

const draft: CertificateDraft = {
  smittbararpenning: false,
  diagnoser: [{ kod: "S47", text: "Klämskada på skuldra och överarm" }],
  perioder: [{ grad: 100, from: TODAY, tom: "2026-11-29" }],
};

describe("FMB_TOTAL_UNIT_GAP: the FMB total uses the unit's gap", () => {
  it("joins the earlier certificate only when the unit's gap covers the empty days", () => {
    expect(totalCaseDays(draft, { today: TODAY, history: [earlier] })).toBe(14);
    expect(totalCaseDays(draft, { today: TODAY, history: [earlier], gap: 9 })).toBe(14);
    expect(totalCaseDays(draft, { today: TODAY, history: [earlier], gap: 10 })).toBe(17 + 14);
  });

  it("warns FMB_EXCEEDED from the total counted with that gap", () => {
    const check = (gap: number | undefined) =>
      validateCertificate(draft, {
        today: TODAY,
        history: [earlier],
        gap,
        lookupDiagnosis: () => undefined,
        fmbLimitDays: () => 20,
      }).warnings.filter((w) => w.code === "FMB_EXCEEDED");
    expect(check(undefined)).toEqual([]);
    expect(check(10)).toHaveLength(1);
    expect(check(10)[0]!.message).toMatch(/^Den totala sjukskrivningsperioden är 31 dagar/);
  });
});
