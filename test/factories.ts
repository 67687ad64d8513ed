/** Build the world a test needs, stating only what matters to it. */
import { randomUUID } from "node:crypto";
import type { Role } from "../src/access/policy.ts";
import type { Queryable } from "../src/db/client.ts";
import { appUser, assignment, careProvider, patient, region, unit } from "../src/db/schema.ts";
import { parseIdentityNumber } from "../src/patients/identity.ts";

let counter = 0;
const next = () => ++counter;

export async function buildUnit(q: Queryable, overrides: Partial<typeof unit.$inferInsert> = {}) {
  const n = next();
  await q.insert(region).values({ id: "R-TEST", name: "Testregionen" }).onConflictDoNothing();
  await q.insert(careProvider).values({ id: "VG-TEST", regionId: "R-TEST", name: "Testvårdgivaren" }).onConflictDoNothing();
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
export const testPersonnummer = ["19800113-9297", "19410321-9202", "20021014-2386", "19470307-4684", "19921128-2398"];

export async function buildPatient(
  q: Queryable,
  unitId: string,
  overrides: Partial<typeof patient.$inferInsert> & { pnr?: string } = {},
) {
  const { pnr = testPersonnummer[next() % testPersonnummer.length]!, ...rest } = overrides;
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
