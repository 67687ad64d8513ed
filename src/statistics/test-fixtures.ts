/**
 * Hand-made fixtures of the statistics' golden tests: Skatteverket test personnummer (and two
 * samordningsnummer made from them: day + 60, check digit recomputed), with every expected figure
 * worked out by hand in `statistics.test.ts`.
 */
import type { SjukfallCertificate } from "../cases/types.ts";
import type { StatisticsArende } from "./kompletteringar.ts";

/** Women: second-to-last digit even. */
export const W1 = "19700612-1144";
export const W2 = "19710925-9288";
export const W3 = "19790104-9283";
/** Samordningsnummer of 19750325-9280 (day 25 + 60): a woman. */
export const SW = "19750385-9287";
/** Men: second-to-last digit odd. */
export const M1 = "19700123-9297";
export const M2 = "19710116-9295";
/** Samordningsnummer of 19800113-9297 (day 13 + 60): a man. */
export const SM = "19800173-9294";

/** More test personnummer for fixtures that need many patients. */
export const MORE_WOMEN = [
  "19750325-9280",
  "19790219-9285",
  "19790316-9261",
  "19790429-9281",
  "19790520-9289",
  "19790618-9282",
  "19790709-9282",
] as const;
export const MORE_MEN = [
  "19750330-9176",
  "19750404-9292",
  "19750424-9215",
  "19790407-9295",
  "19710301-1032",
  "19711002-1834",
  "19790124-9297",
  "19790206-9272",
  "19790330-9230",
] as const;

export function cert(fields: Partial<SjukfallCertificate> & Pick<SjukfallCertificate, "id" | "patient">) {
  return {
    unit: "U1",
    doctor: "D1",
    signed: "2026-01-01T10:00:00",
    diagnosis: "M545",
    periods: [{ from: "2026-01-01", to: "2026-01-10", grade: 100 }],
    ...fields,
  } satisfies SjukfallCertificate;
}

const period = (from: string, to: string, grade: number) => [{ from, to, grade }];

/** Today of the main fixture; the default range is 2025-12 … 2026-11. */
export const TODAY = "2026-11-30";

export const certificates: SjukfallCertificate[] = [
  // W1: one case 2026-11-01 … 2026-12-20 (50 days), anchor c2 (grade 50 today).
  cert({
    id: "c1",
    patient: W1,
    signed: "2026-11-01T10:00:00",
    periods: period("2026-11-01", "2026-11-14", 100),
  }),
  cert({
    id: "c2",
    patient: W1,
    doctor: "D2",
    signed: "2026-11-14T09:00:00",
    periods: period("2026-11-15", "2026-12-20", 50),
  }),
  // M1: 16 days; signed 23:30 UTC = 00:30 the next day in Stockholm.
  cert({
    id: "c3",
    patient: M1,
    diagnosis: "S52",
    signed: "2026-11-20T23:30:00Z",
    periods: period("2026-11-20", "2026-12-05", 100),
  }),
  // SW (samordningsnummer, woman): 214 days.
  cert({
    id: "c4",
    patient: SW,
    doctor: "D2",
    diagnosis: "F432",
    signed: "2026-06-01T10:00:00",
    periods: period("2026-06-01", "2026-12-31", 25),
  }),
  // SM (samordningsnummer, man) on U2: 12 days; signed 23:59 in Stockholm on today.
  cert({
    id: "c5",
    patient: SM,
    unit: "U2",
    doctor: "D3",
    diagnosis: "F432",
    signed: "2026-11-30T22:59:00Z",
    periods: period("2026-11-29", "2026-12-10", 75),
  }),
  // Revoked and smittbärarpenning: neither a case nor sent.
  cert({
    id: "c6",
    patient: W2,
    status: "revoked",
    signed: "2026-11-10T10:00:00",
    periods: period("2026-11-10", "2026-12-10", 100),
  }),
  cert({
    id: "c7",
    patient: W3,
    smittbararpenning: true,
    signed: "2026-11-05T10:00:00",
    periods: period("2026-11-05", "2026-12-05", 100),
  }),
  // M2: c9 completes c8; the case (2026-02) is c9's, both were sent.
  cert({
    id: "c8",
    patient: M2,
    signed: "2026-02-10T10:00:00",
    periods: period("2026-02-10", "2026-03-10", 100),
  }),
  cert({
    id: "c9",
    patient: M2,
    doctor: "D2",
    signed: "2026-02-15T10:00:00",
    completes: "c8",
    periods: period("2026-02-10", "2026-03-10", 100),
  }),
  // W3: signed 2025-11-30 23:30 UTC = 2025-12-01 00:30 in Stockholm: inside the range.
  cert({
    id: "c10",
    patient: W3,
    signed: "2025-11-30T23:30:00Z",
    periods: period("2025-12-01", "2025-12-20", 50),
  }),
  // W2: signed 23:59 local on 2025-11-30: outside the range; the case starts 2025-11.
  cert({
    id: "c11",
    patient: W2,
    doctor: "D2",
    signed: "2025-11-30T23:59:00",
    periods: period("2025-11-25", "2025-12-05", 100),
  }),
  // M1 on U2: signed 2026-12-01 00:10 in Stockholm; the case starts after today.
  cert({
    id: "c12",
    patient: M1,
    unit: "U2",
    doctor: "D3",
    signed: "2026-11-30T23:10:00Z",
    periods: period("2026-12-01", "2026-12-10", 100),
  }),
];

export const arenden: StatisticsArende[] = [
  { id: "a1", certificate: "c3", type: "KOMPLT", received: "2026-11-25", questions: ["35", "17"] },
  { id: "a2", certificate: "c3", type: "KOMPLT", received: "2026-11-27", questions: ["35"] },
  { id: "a3", certificate: "c1", type: "FRAGA", received: "2026-11-05", questions: ["6"] },
  { id: "a4", certificate: "c8", type: "KOMPLT", received: "2026-02-13", questions: ["39", "1.3"] },
  { id: "a5", certificate: "c6", type: "KOMPLT", received: "2026-11-12", questions: ["6"] },
  { id: "a6", certificate: "c11", type: "KOMPLT", received: "2025-12-03", questions: ["32"] },
  { id: "a7", certificate: "c4", type: "KOMPLT", received: "2026-06-05", questions: ["6", "35"] },
  { id: "a8", certificate: "c4", type: "KONTKT", received: "2026-06-06", questions: [] },
];
