/** Build the world a test needs, stating only what matters to it. */
import { randomUUID } from "node:crypto";
import type { Role } from "../src/access/policy.ts";
import type { Queryable } from "../src/db/client.ts";
import { derivedColumns } from "../src/certificates/workflow.ts";
import { appUser, assignment, careProvider, certificate, patient, region, unit } from "../src/db/schema.ts";
import { parseIdentityNumber } from "../src/patients/identity.ts";
import { loadTestPersonnummer } from "../src/reference/testpersonnummer.ts";

let counter = 0;
const next = () => ++counter;

export async function buildUnit(q: Queryable, overrides: Partial<typeof unit.$inferInsert> = {}) {
  const n = next();
  await q.insert(region).values({ id: "R-TEST", name: "Testregionen" }).onConflictDoNothing();
  await q
    .insert(careProvider)
    .values({ id: "VG-TEST", regionId: "R-TEST", name: "Testvårdgivaren" })
    .onConflictDoNothing();
  const [row] = await q
    .insert(unit)
    .values({
      id: `U${n}-${randomUUID().slice(0, 8)}`,
      careProviderId: "VG-TEST",
      name: `Hälsocentralen ${n}`,
      postalAddress: "Storgatan 1",
      postalCode: "831 30",
      town: "Östersund",
      phone: "063-100 00",
      ...overrides,
    })
    .returning();
  return row!;
}

export async function buildUser(
  q: Queryable,
  options: { roles?: [Role, string][]; username?: string; passwordHash?: string | null; hsaId?: string } = {},
) {
  const n = next();
  const [user] = await q
    .insert(appUser)
    .values({
      username: options.username ?? `user${n}-${randomUUID().slice(0, 6)}`,
      displayName: `Testanvändare ${n}`,
      passwordHash: options.passwordHash ?? null,
      hsaId: options.hsaId ?? null,
    })
    .returning();
  for (const [role, unitId] of options.roles ?? []) {
    await q.insert(assignment).values({ userId: user!.id, unitId, role });
  }
  return user!;
}

/** Test personnummer from Skatteverket's list (never numbers of real people). */
export const testPersonnummer = [
  "19001026-9801",
  "19010822-9808",
  "19020618-9805",
  "19030414-9800",
  "19040208-9825",
  "19041204-9801",
  "19050930-9803",
  "19060727-9809",
  "19070523-9804",
  "19080318-9802",
  "19090112-9809",
  "19091108-9803",
  "19100904-9808",
  "19241006-8338",
  "19330817-9013",
  "19420302-7018",
  "19490815-2640",
  "19600120-9136",
  "19821128-9288",
  "19900312-2398",
  "19900809-2398",
  "19901231-2386",
  "19910530-2385",
  "19911027-2383",
  "19920325-2383",
  "19920820-2391",
  "19930117-2392",
  "19930616-2398",
  "19931113-2394",
  "19940723-2389",
  "19950519-2386",
  "19960314-2382",
  "19970108-2381",
  "19971104-2383",
  "19980831-2384",
  "19990628-2398",
  "20000423-2393",
  "20010218-2383",
  "20011216-2391",
  "20021012-2388",
  "20030809-2394",
  "20040604-2382",
  "20050331-2399",
];

let allTestPersonnummer: string[] | undefined;

/** A different official test personnummer on each call (thousands before one repeats). */
function defaultPersonnummer(): string {
  allTestPersonnummer ??= loadTestPersonnummer();
  return allTestPersonnummer[(next() * 7919) % allTestPersonnummer.length]!;
}

export async function buildPatient(
  q: Queryable,
  unitId: string,
  overrides: Partial<typeof patient.$inferInsert> & { pnr?: string } = {},
) {
  const { pnr = defaultPersonnummer(), ...rest } = overrides;
  const identity = parseIdentityNumber(pnr);
  if (!identity.ok) throw new Error(`bad test personnummer ${pnr}`);
  const [row] = await q
    .insert(patient)
    .values({
      unitId,
      personnummer: identity.value.personnummer,
      samordningsnummer: identity.value.samordningsnummer,
      sex: identity.value.sex,
      birthDate: identity.value.birthDate,
      givenName: "Test",
      familyName: `Testsson ${next()}`,
      listingUnitId: unitId,
      ...rest,
    })
    .returning();
  return row!;
}

/**
 * A certificate of M54.5 with the periods `[grad, from, tom]`, signed on its first day (or a draft).
 * Returns its id.
 */
export async function buildCertificate(
  q: Queryable,
  c: {
    unitId: string;
    patientId: string;
    doctorId: string;
    periods: [number, string, string][];
    status?: "SIGNERAT" | "UTKAST";
  },
) {
  const status = c.status ?? "SIGNERAT";
  const body = {
    diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
    perioder: c.periods.map(([grad, from, tom]) => ({ grad, from, tom })),
  };
  const [row] = await q
    .insert(certificate)
    .values({
      unitId: c.unitId,
      patientId: c.patientId,
      doctorId: c.doctorId,
      status,
      signedAt: status === "SIGNERAT" ? `${c.periods[0]![1]}T10:00:00Z` : null,
      content: body,
      ...derivedColumns(body),
    })
    .returning();
  return row!.id;
}
