/**
 * Writes imported certificates. Idempotent: a certificate is keyed by (unit, id in the other
 * system); importing the same file again changes nothing, a changed row updates it.
 */
import { isDeepStrictEqual } from "node:util";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit, type AuditEntry } from "../audit/audit.ts";
import { normalizeIcdCode } from "../reference/icd10/codes.ts";
import type { Tx } from "../db/client.ts";
import { appUser, certificate, patient } from "../db/schema.ts";
import { signedInstant } from "../cases/signed.ts";
import { parseIdentityNumber } from "../patients/identity.ts";
import type { ImportedCertificate, ParsedImport, RejectedRow } from "./format.ts";

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  patientsCreated: number;
  rejected: RejectedRow[];
}

interface ImportContext {
  tx: Tx;
  actor: Actor | null;
  grant: ActorAssignment | null;
  unitId: string;
  /** ICD-10 title for the certificate content, when the code is known. */
  diagnosisTitle: (code: string) => string | null;
}

function contentOf(cert: ImportedCertificate, title: string | null, doctor: string | null) {
  const code = cert.diagnosis ? normalizeIcdCode(cert.diagnosis) : null;
  return {
    smittbararpenning: cert.smittbararpenning ?? false,
    diagnoser: code ? [{ kod: code, text: title ?? "" }] : [],
    perioder: cert.periods.map((p) => ({ grad: p.grade, from: p.from, tom: p.to })),
    importerad: { system: "extern", id: cert.id, lakare: doctor },
  };
}

async function patientIdsFor(ctx: ImportContext, certs: ImportedCertificate[]) {
  const wanted = new Map<string, NonNullable<ReturnType<typeof identityOf>>>();
  for (const cert of certs) {
    const identity = identityOf(cert.patient);
    if (identity) wanted.set(identity.personnummer, identity);
  }
  const existing = wanted.size
    ? await ctx.tx
        .select({ id: patient.id, personnummer: patient.personnummer })
        .from(patient)
        .where(and(eq(patient.unitId, ctx.unitId), inArray(patient.personnummer, [...wanted.keys()])))
    : [];
  const ids = new Map(existing.map((p) => [p.personnummer, p.id]));
  const missing = [...wanted.values()].filter((w) => !ids.has(w.personnummer));
  if (missing.length) {
    // The other system sends no names: the patient is registered by number until someone adds them.
    const created = await ctx.tx
      .insert(patient)
      .values(
        missing.map((m) => ({
          ...m,
          unitId: ctx.unitId,
          givenName: "",
          familyName: "",
          listingUnitId: null,
        })),
      )
      .returning({ id: patient.id, personnummer: patient.personnummer });
    for (const p of created) ids.set(p.personnummer, p.id);
  }
  return { ids, created: missing.length };
}

function identityOf(input: string) {
  const parsed = parseIdentityNumber(input);
  return parsed.ok ? parsed.value : null;
}

export async function importCertificates(ctx: ImportContext, parsed: ParsedImport): Promise<ImportReport> {
  const report: ImportReport = {
    created: 0,
    updated: 0,
    unchanged: 0,
    patientsCreated: 0,
    rejected: [...parsed.rejected],
  };
  const ofUnit = parsed.accepted.filter(({ row, certificate: c }) => {
    if (c.unit === ctx.unitId) return true;
    report.rejected.push({
      row,
      id: c.id,
      reasons: [`intyget hör till enheten ${c.unit}, inte till den du arbetar på`],
    });
    return false;
  });

  const known = new Set(
    (
      await ctx.tx
        .select({ externalId: certificate.externalId })
        .from(certificate)
        .where(and(eq(certificate.unitId, ctx.unitId), isNotNull(certificate.externalId)))
    ).map((r) => r.externalId!),
  );
  for (const { certificate: c } of ofUnit) known.add(c.id);
  const accepted = ofUnit.filter(({ row, certificate: c }) => {
    const missing = [c.replaces, c.completes].filter(
      (target): target is string => !!target && !known.has(target),
    );
    if (missing.length === 0) return true;
    report.rejected.push({
      row,
      id: c.id,
      reasons: [`hänvisar till intyg som inte finns: ${missing.join(", ")}`],
    });
    return false;
  });

  const { ids: patientIds, created } = await patientIdsFor(
    ctx,
    accepted.map((a) => a.certificate),
  );
  report.patientsCreated = created;
  const doctors = await doctorsByHsaId(
    ctx.tx,
    accepted.map((a) => a.certificate.doctor).filter((d): d is string => !!d),
  );

  const audit: AuditEntry[] = [];
  const idByExternal = new Map<string, string>();
  for (const { certificate: c } of accepted) {
    const identity = identityOf(c.patient)!;
    const values = {
      unitId: ctx.unitId,
      patientId: patientIds.get(identity.personnummer)!,
      doctorId: (c.doctor && doctors.get(c.doctor)) ?? null,
      type: c.type ?? "FK7804",
      status: c.status === "revoked" ? ("MAKULERAT" as const) : ("SKICKAT" as const),
      smittbararpenning: c.smittbararpenning ?? false,
      mainDiagnosis: c.diagnosis ? normalizeIcdCode(c.diagnosis) : null,
      startDate: c.periods.map((p) => p.from).sort()[0]!,
      endDate: c.periods
        .map((p) => p.to)
        .sort()
        .at(-1)!,
      content: contentOf(
        c,
        c.diagnosis ? ctx.diagnosisTitle(normalizeIcdCode(c.diagnosis)) : null,
        c.doctor ?? null,
      ),
      source: "IMPORT",
      externalId: c.id,
      // A local time is Stockholm's, whatever the server's time zone; a date alone is noon there.
      signedAt: new Date(
        signedInstant(c.signed.length === 10 ? `${c.signed}T12:00:00` : c.signed),
      ).toISOString(),
      createdBy: ctx.actor?.userId ?? null,
    };
    const [existing] = await ctx.tx
      .select()
      .from(certificate)
      .where(and(eq(certificate.unitId, ctx.unitId), eq(certificate.externalId, c.id)));
    if (!existing) {
      const [row] = await ctx.tx.insert(certificate).values(values).returning({ id: certificate.id });
      idByExternal.set(c.id, row!.id);
      report.created++;
      audit.push({
        action: "CREATE",
        purpose: "Import av intyg",
        patientId: values.patientId,
        entity: "certificate",
        entityId: row!.id,
      });
      continue;
    }
    idByExternal.set(c.id, existing.id);
    if (sameImport(existing, values)) {
      report.unchanged++;
      continue;
    }
    await ctx.tx
      .update(certificate)
      .set({ ...values, version: existing.version + 1 })
      .where(eq(certificate.id, existing.id));
    report.updated++;
    audit.push({
      action: "UPDATE",
      purpose: "Import av intyg",
      patientId: values.patientId,
      entity: "certificate",
      entityId: existing.id,
    });
  }
  await linkRelations(
    ctx,
    accepted.map((a) => a.certificate),
    idByExternal,
  );
  await recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant, unitId: ctx.unitId }, audit);
  return report;
}

function sameImport(existing: typeof certificate.$inferSelect, values: Record<string, unknown>): boolean {
  const keys = [
    "patientId",
    "doctorId",
    "type",
    "status",
    "smittbararpenning",
    "mainDiagnosis",
    "startDate",
    "endDate",
  ] as const;
  return (
    keys.every((k) => existing[k] === values[k]) &&
    // jsonb keeps its own key order: compare by value.
    isDeepStrictEqual(existing.content, values.content) &&
    new Date(existing.signedAt ?? 0).getTime() === new Date(values.signedAt as string).getTime()
  );
}

async function linkRelations(
  ctx: ImportContext,
  certs: ImportedCertificate[],
  idByExternal: Map<string, string>,
) {
  const targets = [
    ...new Set(certs.flatMap((c) => [c.replaces, c.completes]).filter((t): t is string => !!t)),
  ];
  const resolved = new Map(idByExternal);
  const unresolved = targets.filter((t) => !resolved.has(t));
  if (unresolved.length) {
    const rows = await ctx.tx
      .select({ id: certificate.id, externalId: certificate.externalId })
      .from(certificate)
      .where(and(eq(certificate.unitId, ctx.unitId), inArray(certificate.externalId, unresolved)));
    for (const r of rows) resolved.set(r.externalId!, r.id);
  }
  for (const c of certs) {
    if (!c.replaces && !c.completes) continue;
    await ctx.tx
      .update(certificate)
      .set({
        replacesId: c.replaces ? (resolved.get(c.replaces) ?? null) : null,
        completesId: c.completes ? (resolved.get(c.completes) ?? null) : null,
      })
      .where(eq(certificate.id, idByExternal.get(c.id)!));
  }
}

async function doctorsByHsaId(tx: Tx, hsaIds: string[]): Promise<Map<string, string>> {
  if (hsaIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: appUser.id, hsaId: appUser.hsaId })
    .from(appUser)
    .where(inArray(appUser.hsaId, [...new Set(hsaIds)]));
  return new Map(rows.map((r) => [r.hsaId!, r.id]));
}
