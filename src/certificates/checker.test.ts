import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { certificate } from "../db/schema.ts";
import { loadReference } from "../reference/index.ts";
import { openTestDatabase } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { createCertificateChecker } from "./checker.ts";
import type { CertificateChecker } from "./service.ts";
import { insertCertificate, type CertificateRow } from "./store.ts";
import type { CertificateContent } from "./workflow.ts";

const TODAY = "2026-11-16";

const enhet = {
  namn: "Hälsocentralen",
  postadress: "Storgatan 1",
  postnummer: "831 30",
  postort: "Östersund",
  telefon: "063-100 00",
};

function content(from: string, tom: string, overrides: CertificateContent = {}): CertificateContent {
  return {
    smittbararpenning: false,
    grund: [{ typ: "FYSISK_UNDERSOKNING", datum: TODAY }],
    sysselsattning: ["NUVARANDE_ARBETE"],
    yrke: "Lagerarbetare",
    diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
    funktionsnedsattning: "Smärta och nedsatt rörlighet i ländryggen.",
    aktivitetsbegransning: "Kan inte lyfta eller bära, inte stå längre än 10 minuter.",
    perioder: [{ grad: 100, from, tom }],
    prognos: { typ: "STOR_SANNOLIKHET" },
    kontaktFk: false,
    enhet,
    ...overrides,
  };
}

describe("certificate checker on pglite", () => {
  let database: Database;
  let checker: CertificateChecker;
  let unitId: string;
  let doctorId: string;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    checker = createCertificateChecker(await loadReference());
    unitId = (await buildUnit(database.db)).id;
    doctorId = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
  });
  afterAll(() => database.close());

  async function stored(
    patientId: string,
    body: CertificateContent,
    status: CertificateRow["status"] = "UTKAST",
    links: { replacesId?: string } = {},
  ) {
    const row = await insertCertificate(database.db, {
      unitId,
      patientId,
      createdBy: doctorId,
      content: body,
      ...links,
    });
    if (status === "UTKAST") return row;
    const [updated] = await database.db
      .update(certificate)
      .set({ status, doctorId, signedAt: "2026-11-01T10:00:00Z" })
      .where(eq(certificate.id, row.id))
      .returning();
    return updated!;
  }

  const check = (row: CertificateRow) =>
    database.db.transaction((tx) => checker.check(tx, row, { today: TODAY }));

  it("reports the errors of an incomplete draft", async () => {
    const patient = await buildPatient(database.db, unitId);
    const result = await check(await stored(patient.id, { diagnoser: [{ kod: "M549X" }] }));
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({
      field: "6",
      message: "Huvuddiagnosen: diagnoskoden finns inte i ICD-10-SE.",
    });
    expect(result.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(["1", "28", "35", "17", "32", "39", "enhet"]),
    );
  });

  it("passes a complete draft", async () => {
    const patient = await buildPatient(database.db, unitId);
    const body = content(TODAY, "2026-12-15", {
      diagnoser: [{ kod: "S47", text: "Klämskada på skuldra och överarm" }],
    });
    const result = await check(await stored(patient.id, body));
    expect(result).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it("counts the patient's signed certificates on the unit for FMB (lumbago: 14 days)", async () => {
    const patient = await buildPatient(database.db, unitId);
    const other = await buildPatient(database.db, unitId);
    await stored(patient.id, content("2026-11-06", "2026-11-15"), "SIGNERAT");
    // Neither a draft, a revoked certificate nor another patient's certificate counts.
    await stored(patient.id, content("2026-10-01", "2026-11-05"), "UTKAST");
    await stored(patient.id, content("2026-10-01", "2026-11-05"), "MAKULERAT");
    await stored(other.id, content("2026-10-01", "2026-11-05"), "SIGNERAT");
    const draft = await stored(patient.id, content(TODAY, "2026-11-20"));
    const result = await check(draft);
    expect(result.valid).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ field: "32", code: "FMB_EXCEEDED" });
    expect(result.warnings[0]!.message).toMatch(/^Den totala sjukskrivningsperioden är 15 dagar .* 14 dagar/);
  });

  it("leaves out the certificate a replacement replaces", async () => {
    const patient = await buildPatient(database.db, unitId);
    const original = await stored(patient.id, content("2026-11-06", "2026-11-20"), "SKICKAT");
    const replacement = await stored(patient.id, content("2026-11-09", "2026-11-20"), "UTKAST", {
      replacesId: original.id,
    });
    const result = await check(replacement);
    expect(result.warnings.map((w) => w.code)).toEqual(["SHORT_CASE"]);
    expect(result.warnings[0]!.message).toMatch(/^Sjukfallet är 12 dagar/);
  });

  it("SHORT_CASE is not given for a patient with a förstadagsintyg valid today", async () => {
    const exempt = await buildPatient(database.db, unitId, { firstDayCertificateUntil: TODAY });
    const expired = await buildPatient(database.db, unitId, { firstDayCertificateUntil: "2026-11-15" });
    const short = content(TODAY, "2026-11-20");
    expect((await check(await stored(exempt.id, short))).warnings).toEqual([]);
    expect((await check(await stored(expired.id, short))).warnings.map((w) => w.code)).toEqual([
      "SHORT_CASE",
    ]);
  });
});
