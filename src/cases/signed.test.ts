import { describe, expect, it } from "vitest";
import { unitList, type SjukfallCertificate } from "./engine.ts";
import { compareSigned, signedInstant } from "./signed.ts";

const iso = (text: string) => new Date(signedInstant(text)).toISOString();

describe("signing times are instants", () => {
  it("reads a local time as Europe/Stockholm, in winter and in summer", () => {
    expect(iso("2016-02-01T10:00:00")).toBe("2016-02-01T09:00:00.000Z");
    expect(iso("2016-07-01T10:00")).toBe("2016-07-01T08:00:00.000Z");
    expect(iso("2016-02-01 10:00:00")).toBe("2016-02-01T09:00:00.000Z");
    expect(iso("2016-02-01")).toBe("2016-01-31T23:00:00.000Z");
  });

  it("reads an offset as written", () => {
    expect(iso("2016-02-01T10:00:00Z")).toBe("2016-02-01T10:00:00.000Z");
    expect(iso("2016-02-01T10:00:00+02:00")).toBe("2016-02-01T08:00:00.000Z");
    expect(iso("2016-02-01T10:00:00-0130")).toBe("2016-02-01T11:30:00.000Z");
  });

  it("handles the daylight-saving changes", () => {
    // 02:30 does not exist on 2026-03-29: read with the winter offset.
    expect(iso("2026-03-29T02:30:00")).toBe("2026-03-29T01:30:00.000Z");
    expect(iso("2026-03-29T03:30:00")).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 occurs twice on 2026-10-25: the first (summer time).
    expect(iso("2026-10-25T02:30:00")).toBe("2026-10-25T00:30:00.000Z");
    expect(iso("2026-10-25T03:30:00")).toBe("2026-10-25T02:30:00.000Z");
  });

  it("orders mixed forms by the instant, not the text", () => {
    // 10:00 in Stockholm is 09:00Z: after 08:30Z although "08" < "10" and before 09:30Z.
    expect(compareSigned("2016-02-01T10:00:00", "2016-02-01T08:30:00Z")).toBeGreaterThan(0);
    expect(compareSigned("2016-02-01T10:00:00", "2016-02-01T09:30:00Z")).toBeLessThan(0);
    expect(compareSigned("2016-02-01T11:00:00+02:00", "2016-02-01T10:30:00")).toBeLessThan(0);
    expect(compareSigned("2016-02-01T10:00", "2016-02-01T10:00:00")).toBe(0);
    expect(compareSigned("2016-02-01T09:00:00Z", "2016-02-01T10:00:00+01:00")).toBe(0);
    expect(compareSigned("", "2016-01-01")).toBeLessThan(0);
    expect(compareSigned("", "nonsense")).toBe(0);
  });

  it("picks the anchor by the instant (the active certificate signed last)", () => {
    const base = { patient: "p", unit: "u", diagnosis: "M545", doctor: null };
    const certs: SjukfallCertificate[] = [
      // Text order says c1 is later ("2016-02-05T10" > "2016-02-05T09"); as instants c2 is.
      {
        ...base,
        id: "c1",
        doctor: "D1",
        signed: "2016-02-05T10:00:00+03:00",
        periods: [{ from: "2016-02-01", to: "2016-02-20", grade: 100 }],
      },
      {
        ...base,
        id: "c2",
        doctor: "D2",
        signed: "2016-02-05T09:00:00",
        periods: [{ from: "2016-02-05", to: "2016-02-15", grade: 50 }],
      },
    ];
    const [found] = unitList(certs, { today: "2016-02-10" });
    expect(found).toMatchObject({ anchor: "c2", doctor: "D2", currentGrade: 50 });
  });
});
