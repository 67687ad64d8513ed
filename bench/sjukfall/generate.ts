/**
 * A deterministic, region-sized set of certificates in the contract's format, for the benchmark.
 * Shaped like a Swedish region's primary care over three and a half years: ~40 health centres of
 * different sizes; patients with one or more sick-leave episodes; each episode a first certificate
 * and a run of renewals (usually back to back, sometimes with a few empty days or an overlap); grade
 * step-downs inside a certificate; now and then a short certificate inside a long one, an episode on
 * another unit, a replacement or completion, a revoked or smittbärarpenning certificate. Shuffled,
 * so the engine gets no help from the input order.
 */
import { isoDate, dayNumber } from "../../src/cases/days.ts";
import type { SjukfallCertificate, SjukfallPeriod } from "../../src/cases/types.ts";

export interface Region {
  certificates: SjukfallCertificate[];
  today: string;
  units: number;
  patients: number;
}

const UNITS = 40;
const DOCTORS_PER_UNIT = 8;
const FIRST_DAY = dayNumber("2023-01-01");
const LAST_EPISODE_START = dayNumber("2026-03-01");
export const BENCH_TODAY = "2025-09-15";
const DIAGNOSES = [
  "M545",
  "F432",
  "F329",
  "F410",
  "F438",
  "M751",
  "M179",
  "S525",
  "S835",
  "J069",
  "G439",
  "C509",
];

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function personnummer(n: number): string {
  const year = 1940 + (n % 66);
  const month = 1 + (Math.floor(n / 66) % 12);
  const day = 1 + (Math.floor(n / 792) % 28);
  const serial = Math.floor(n / 22_176) % 10_000;
  const two = (v: number) => String(v).padStart(2, "0");
  return `${year}${two(month)}${two(day)}-${String(serial).padStart(4, "0")}`;
}

export function generateRegion(count: number, seed = 20_160_216): Region {
  const rnd = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  // Unit sizes differ: the first quarter of the units are the big health centres.
  const unitOf = () =>
    `HC-${String(1 + Math.floor(rnd() * (rnd() < 0.5 ? UNITS : UNITS / 4))).padStart(2, "0")}`;
  const certificates: SjukfallCertificate[] = [];
  let patients = 0;
  let nextId = 0;

  function signedOn(day: number): string {
    return `${isoDate(day)}T${String(int(7, 17)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}:00`;
  }

  function periodsFor(first: number, last: number): SjukfallPeriod[] {
    const grade = rnd() < 0.6 ? 100 : pick([75, 50, 50, 25]);
    if (last - first < 6 || rnd() < 0.7) return [{ from: isoDate(first), to: isoDate(last), grade }];
    const split = int(first + 2, last - 2);
    return [
      { from: isoDate(first), to: isoDate(split), grade: 100 },
      { from: isoDate(split + 1), to: isoDate(last), grade: pick([75, 50, 25]) },
    ];
  }

  function add(cert: Omit<SjukfallCertificate, "id"> & { id?: string }): SjukfallCertificate {
    const full = { ...cert, id: `intyg-${String(nextId++).padStart(8, "0")}` };
    certificates.push(full);
    return full;
  }

  function episode(patient: string, unit: string, diagnosis: string) {
    const doctor = () => `${unit}-lakare-${int(1, DOCTORS_PER_UNIT)}`;
    let first = int(FIRST_DAY, LAST_EPISODE_START);
    let renewals = 0;
    while (rnd() < 0.55 && renewals < 12) renewals++;
    for (let i = 0; i <= renewals && certificates.length < count; i++) {
      const last = first + (i === 0 ? int(6, 29) : int(13, 59));
      const cert = add({
        patient,
        unit,
        doctor: doctor(),
        signed: signedOn(first - int(0, 3)),
        diagnosis: rnd() < 0.002 ? null : diagnosis,
        periods: periodsFor(first, last),
        smittbararpenning: rnd() < 0.005,
        status: rnd() < 0.01 ? "revoked" : "signed",
        replaces: null,
        completes: null,
      });
      const roll = rnd();
      if (roll < 0.02 && certificates.length < count) {
        add({ ...cert, signed: signedOn(first + int(1, 5)), replaces: cert.id, doctor: doctor() });
      } else if (roll < 0.025 && certificates.length < count) {
        add({ ...cert, signed: signedOn(first + int(5, 20)), completes: cert.id });
      } else if (roll < 0.055 && certificates.length < count && last - first > 20) {
        const inside = int(first + 1, last - 10);
        add({ ...cert, doctor: doctor(), signed: signedOn(inside), periods: periodsFor(inside, inside + 6) });
      }
      const next = rnd();
      first = next < 0.7 ? last + 1 : next < 0.85 ? last + 1 + int(1, 10) : last - int(0, 5);
    }
  }

  while (certificates.length < count) {
    const patient = personnummer(patients++);
    const home = unitOf();
    const diagnosis = pick(DIAGNOSES);
    do {
      episode(patient, rnd() < 0.05 ? unitOf() : home, rnd() < 0.7 ? diagnosis : pick(DIAGNOSES));
    } while (rnd() < 0.35 && certificates.length < count);
  }

  for (let i = certificates.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [certificates[i], certificates[j]] = [certificates[j]!, certificates[i]!];
  }
  return { certificates, today: BENCH_TODAY, units: UNITS, patients };
}

/**
 * The certificates as the CLI would hold them: JSON-parsed (in chunks), so the objects lie in memory
 * in array order like data read from a file or a database. The generator shuffles the array; without
 * this step every access would be a cache miss in an order no reader produces.
 */
export function asRead(generated: SjukfallCertificate[]): SjukfallCertificate[] {
  const read: SjukfallCertificate[] = [];
  for (let i = 0; i < generated.length; i += 50_000) {
    for (const cert of JSON.parse(JSON.stringify(generated.slice(i, i + 50_000)))) read.push(cert);
  }
  return read;
}
