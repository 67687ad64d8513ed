import { describe, expect, it } from "vitest";
import { asSjukfallCertificate, sjukfallHistory, type StoredCertificateLike } from "./as-sjukfall.ts";

const stored = (overrides: Partial<StoredCertificateLike> = {}): StoredCertificateLike => ({
  id: "c1",
  unitId: "U1",
  patientId: "p1",
  doctorId: "d1",
  signedAt: "2026-11-16T09:00:00.000Z",
  status: "SIGNERAT",
  content: {
    smittbararpenning: false,
    diagnoser: [{ kod: "f43.8a" }, { kod: "M54" }],
    perioder: [
      { grad: 50, from: "2026-11-30", tom: "2026-12-10" },
      { grad: 100, from: "2026-11-16", tom: "2026-11-29" },
      { grad: 100, from: "bad", tom: "2026-11-29" },
    ],
  },
  replacesId: null,
  completesId: "c0",
  ...overrides,
});

describe("asSjukfallCertificate", () => {
  it("gives the contract format: main diagnosis, periods grad → grade and tom → to, links", () => {
    expect(asSjukfallCertificate(stored())).toEqual({
      id: "c1",
      patient: "p1",
      unit: "U1",
      doctor: "d1",
      signed: "2026-11-16T09:00:00.000Z",
      diagnosis: "F438A",
      periods: [
        { from: "2026-11-30", to: "2026-12-10", grade: 50 },
        { from: "2026-11-16", to: "2026-11-29", grade: 100 },
      ],
      smittbararpenning: false,
      status: "signed",
      replaces: null,
      completes: "c0",
    });
  });

  it("maps the status: sent counts as signed, revoked stays in as revoked, never-signed is left out", () => {
    expect(asSjukfallCertificate(stored({ status: "SKICKAT" }))?.status).toBe("signed");
    expect(asSjukfallCertificate(stored({ status: "MAKULERAT" }))?.status).toBe("revoked");
    expect(asSjukfallCertificate(stored({ status: "UTKAST" }))).toBeNull();
    expect(asSjukfallCertificate(stored({ status: "KLAR_FOR_SIGNERING" }))).toBeNull();
  });

  it("reads smittbärarpenning and survives content without answers", () => {
    expect(asSjukfallCertificate(stored({ content: { smittbararpenning: true } }))).toMatchObject({
      smittbararpenning: true,
      diagnosis: null,
      periods: [],
    });
    expect(asSjukfallCertificate(stored({ content: null }))?.periods).toEqual([]);
  });
});

describe("sjukfallHistory", () => {
  it("leaves out the certificate itself and the never-signed ones", () => {
    const all = [stored({ id: "a" }), stored({ id: "b", status: "UTKAST" }), stored({ id: "c" })];
    expect(sjukfallHistory(all, "c").map((c) => c.id)).toEqual(["a"]);
    expect(sjukfallHistory(all, null).map((c) => c.id)).toEqual(["a", "c"]);
  });
});
