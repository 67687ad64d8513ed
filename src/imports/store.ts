/**
 * Writes imported certificates. Idempotent: a certificate is keyed by (unit, id in the other
 * system); importing the same file again changes nothing, a changed row updates it.
 *
 * The rows are written in chunks, each its own short transaction with a handful of statements
 * (patients, new certificates, changed certificates, links, audit events), so a large file never
 * holds the database: on the embedded database (one connection) the other requests run between
 * two chunks instead of waiting for the whole file. A chunk commits completely or not at all; if
 * the import stops halfway, the chunks before it stay, and importing the same file again resumes
 * (their rows come back unchanged).
 */
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit, type AuditEntry } from "../audit/audit.ts";
import { insertRows } from "../db/bulk.ts";
import { rowsOf, type Db, type Tx } from "../db/client.ts";
import { appUser, certificate, patient } from "../db/schema.ts";
import { signedInstant } from "../cases/signed.ts";
import { parseIdentityNumber } from "../patients/identity.ts";
import { normalizeIcdCode } from "../reference/icd10/codes.ts";
import type { ImportedCertificate, ParsedImport, RejectedRow } from "./format.ts";

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  patientsCreated: number;
  rejected: RejectedRow[];
}

export interface ImportProgress {
  /** Accepted certificates written so far (committed). */
  done: number;
  /** Accepted certificates to write. */
  total: number;
}

export interface ImportScope {
  actor: Actor | null;
  grant: ActorAssignment | null;
  unitId: string;
  /** ICD-10 title for the certificate content, when the code is known. */
  diagnosisTitle: (code: string) => string | null;
  /** Why the rows were written, for the audit events. */
  purpose?: string;
}

export interface ImportOptions {
  /** Certificates per transaction. */
  chunkSize?: number;
  /** Called after every committed chunk. */
  onProgress?: (progress: ImportProgress) => void;
}

/** Certificates per transaction by default: a few tens of milliseconds of work on PGlite. */
export const defaultChunkSize = 500;

/** The import stopped after some chunks were committed; `report` says what they wrote. */
export class ImportInterruptedError extends Error {
  readonly report: ImportReport;
  readonly progress: ImportProgress;

  constructor(report: ImportReport, progress: ImportProgress, cause: unknown) {
    super(
      `The import stopped after ${progress.done} of ${progress.total} certificates; importing the same file again resumes it.`,
      { cause },
    );
    this.report = report;
    this.progress = progress;
  }
}

type Accepted = ParsedImport["accepted"][number];
type Identity = NonNullable<ReturnType<typeof identityOf>>;

function identityOf(input: string) {
  const parsed = parseIdentityNumber(input);
  return parsed.ok ? parsed.value : null;
}

/** `{a,b,…}` as one array parameter, whatever the count (quotes and backslashes escaped). */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

/**
 * Imports the accepted rows of `parsed` into the scope's unit (rows naming another unit, or
 * referring to certificates that exist neither in the file nor on the unit, are rejected).
 */
export async function importCertificates(
  db: Db,
  scope: ImportScope,
  parsed: ParsedImport,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    created: 0,
    updated: 0,
    unchanged: 0,
    patientsCreated: 0,
    rejected: [...parsed.rejected],
  };
  const accepted = await acceptable(db, scope.unitId, parsed.accepted, report.rejected);
  const doctors = await doctorsByHsaId(
    db,
    accepted.map((a) => a.certificate.doctor).filter((d): d is string => !!d),
  );
  const chunkSize = options.chunkSize ?? defaultChunkSize;
  const progress: ImportProgress = { done: 0, total: accepted.length };
  // Links to certificates later in the file are set once those are written.
  const deferred: ImportedCertificate[] = [];
  try {
    for (let start = 0; start < accepted.length; start += chunkSize) {
      const chunk = accepted.slice(start, start + chunkSize).map((a) => a.certificate);
      const written = await db.transaction((tx) => writeChunk({ tx, scope, doctors }, chunk));
      report.created += written.created;
      report.updated += written.updated;
      report.unchanged += written.unchanged;
      report.patientsCreated += written.patientsCreated;
      deferred.push(...written.deferred);
      progress.done += chunk.length;
      options.onProgress?.({ ...progress });
    }
    for (let start = 0; start < deferred.length; start += chunkSize) {
      const chunk = deferred.slice(start, start + chunkSize);
      await db.transaction(async (tx) => {
        const ids = await idsByExternal(
          tx,
          scope.unitId,
          chunk.flatMap((c) => [c.id, c.replaces, c.completes]).filter((t): t is string => !!t),
        );
        await linkRelations(tx, chunk, ids);
      });
    }
  } catch (error) {
    throw new ImportInterruptedError(report, progress, error);
  }
  return report;
}

/** The rows of the unit whose references (replaces, completes) exist in the file or on the unit. */
async function acceptable(
  db: Db,
  unitId: string,
  rows: readonly Accepted[],
  rejected: RejectedRow[],
): Promise<Accepted[]> {
  const ofUnit = rows.filter(({ row, certificate: c }) => {
    if (c.unit === unitId) return true;
    rejected.push({
      row,
      id: c.id,
      reasons: [`intyget hör till enheten ${c.unit}, inte till den du arbetar på`],
    });
    return false;
  });
  const targets = new Set(
    ofUnit.flatMap(({ certificate: c }) => [c.replaces, c.completes]).filter((t): t is string => !!t),
  );
  if (targets.size === 0) return ofUnit;
  const known = new Set(ofUnit.map((a) => a.certificate.id));
  const outside = [...targets].filter((t) => !known.has(t));
  if (outside.length) {
    const rows = await db
      .select({ externalId: certificate.externalId })
      .from(certificate)
      .where(
        and(
          eq(certificate.unitId, unitId),
          isNotNull(certificate.externalId),
          sql`${certificate.externalId} = ANY(${arrayLiteral(outside)}::text[])`,
        ),
      );
    for (const r of rows) known.add(r.externalId!);
  }
  return ofUnit.filter(({ row, certificate: c }) => {
    const missing = [c.replaces, c.completes].filter((t): t is string => !!t && !known.has(t));
    if (missing.length === 0) return true;
    rejected.push({ row, id: c.id, reasons: [`hänvisar till intyg som inte finns: ${missing.join(", ")}`] });
    return false;
  });
}

interface ChunkContext {
  tx: Tx;
  scope: ImportScope;
  doctors: Map<string, string>;
}

interface ChunkResult {
  created: number;
  updated: number;
  unchanged: number;
  patientsCreated: number;
  deferred: ImportedCertificate[];
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

function valuesOf(ctx: ChunkContext, c: ImportedCertificate, patientId: string) {
  const code = c.diagnosis ? normalizeIcdCode(c.diagnosis) : null;
  const froms = c.periods.map((p) => p.from).sort();
  const tos = c.periods.map((p) => p.to).sort();
  return {
    unitId: ctx.scope.unitId,
    patientId,
    doctorId: (c.doctor ? ctx.doctors.get(c.doctor) : undefined) ?? null,
    type: c.type ?? "FK7804",
    status: c.status === "revoked" ? ("MAKULERAT" as const) : ("SKICKAT" as const),
    smittbararpenning: c.smittbararpenning ?? false,
    mainDiagnosis: code,
    startDate: froms[0]!,
    endDate: tos.at(-1)!,
    content: contentOf(c, code ? ctx.scope.diagnosisTitle(code) : null, c.doctor ?? null),
    source: "IMPORT",
    externalId: c.id,
    // A local time is Stockholm's, whatever the server's time zone; a date alone is noon there.
    signedAt: new Date(
      signedInstant(c.signed.length === 10 ? `${c.signed}T12:00:00` : c.signed),
    ).toISOString(),
    createdBy: ctx.scope.actor?.userId ?? null,
  };
}

type CertificateValues = ReturnType<typeof valuesOf>;
type ExistingCertificate = Pick<
  typeof certificate.$inferSelect,
  | "id"
  | "externalId"
  | "version"
  | "patientId"
  | "doctorId"
  | "type"
  | "status"
  | "smittbararpenning"
  | "mainDiagnosis"
  | "startDate"
  | "endDate"
  | "content"
  | "signedAt"
>;

/** One chunk in one transaction: a fixed number of statements whatever its size. */
async function writeChunk(ctx: ChunkContext, certs: ImportedCertificate[]): Promise<ChunkResult> {
  const result: ChunkResult = { created: 0, updated: 0, unchanged: 0, patientsCreated: 0, deferred: [] };
  const identities = certs.map((c) => identityOf(c.patient)!);
  const patients = await patientIdsFor(ctx, identities);
  result.patientsCreated = patients.created;
  const existing = await existingCertificates(
    ctx.tx,
    ctx.scope.unitId,
    certs.map((c) => c.id),
  );

  const created: (CertificateValues & { id: string })[] = [];
  const changed: (CertificateValues & { id: string; version: number })[] = [];
  const idByExternal = new Map<string, string>();
  certs.forEach((c, i) => {
    const values = valuesOf(ctx, c, patients.ids.get(identities[i]!.personnummer)!);
    const before = existing.get(c.id);
    if (!before) {
      const id = randomUUID();
      created.push({ ...values, id });
      idByExternal.set(c.id, id);
    } else if (sameImport(before, values)) {
      idByExternal.set(c.id, before.id);
      result.unchanged++;
    } else {
      changed.push({ ...values, id: before.id, version: before.version + 1 });
      idByExternal.set(c.id, before.id);
    }
  });
  await insertRows(ctx.tx, certificate, created);
  await updateCertificates(ctx.tx, changed);
  result.created = created.length;
  result.updated = changed.length;

  const linked = certs.filter((c) => c.replaces || c.completes);
  const targets = await idsByExternal(
    ctx.tx,
    ctx.scope.unitId,
    linked.flatMap((c) => [c.replaces, c.completes]).filter((t): t is string => !!t && !idByExternal.has(t)),
  );
  for (const [externalId, id] of idByExternal) targets.set(externalId, id);
  const isReady = (c: ImportedCertificate) => [c.replaces, c.completes].every((t) => !t || targets.has(t));
  result.deferred = linked.filter((c) => !isReady(c));
  await linkRelations(ctx.tx, linked.filter(isReady), targets);

  const purpose = ctx.scope.purpose ?? "Import av intyg";
  const audit: AuditEntry[] = [
    ...created.map((v) => ({
      action: "CREATE" as const,
      purpose,
      patientId: v.patientId,
      entity: "certificate",
      entityId: v.id,
    })),
    ...changed.map((v) => ({
      action: "UPDATE" as const,
      purpose,
      patientId: v.patientId,
      entity: "certificate",
      entityId: v.id,
    })),
  ];
  const { actor, grant, unitId } = ctx.scope;
  await recordAudit(ctx.tx, { actor, grant, unitId }, audit);
  return result;
}

/** The unit's patients of these identities, registering the missing ones (by number only). */
async function patientIdsFor(ctx: ChunkContext, identities: Identity[]) {
  const wanted = new Map(identities.map((identity) => [identity.personnummer, identity]));
  const ids = await patientIdsOf(ctx.tx, ctx.scope.unitId, [...wanted.keys()]);
  const missing = [...wanted.values()].filter((w) => !ids.has(w.personnummer));
  if (missing.length === 0) return { ids, created: 0 };
  // The other system sends no names: the patient is registered by number until someone adds them.
  // A concurrent import may register the same patient first: keep theirs, then read it back.
  const rows = missing.map((m) => ({
    ...m,
    id: randomUUID(),
    unitId: ctx.scope.unitId,
    givenName: "",
    familyName: "",
    listingUnitId: null,
  }));
  const created = rowsOf<{ personnummer: string; id: string }>(
    await ctx.tx.execute(sql`
      INSERT INTO patient (id, unit_id, personnummer, samordningsnummer, sex, birth_date, given_name, family_name)
      SELECT id, unit_id, personnummer, samordningsnummer, sex, birth_date, given_name, family_name
      FROM json_populate_recordset(NULL::patient, ${JSON.stringify(rows.map(patientRecord))}::json)
      ON CONFLICT (unit_id, personnummer) DO NOTHING
      RETURNING personnummer, id`),
  );
  for (const p of created) ids.set(p.personnummer, p.id);
  const raced = missing.filter((m) => !ids.has(m.personnummer)).map((m) => m.personnummer);
  for (const [pnr, id] of await patientIdsOf(ctx.tx, ctx.scope.unitId, raced)) ids.set(pnr, id);
  return { ids, created: created.length };
}

function patientRecord(row: {
  id: string;
  unitId: string;
  personnummer: string;
  samordningsnummer: boolean;
  sex: string;
  birthDate: string;
  givenName: string;
  familyName: string;
}) {
  return {
    id: row.id,
    unit_id: row.unitId,
    personnummer: row.personnummer,
    samordningsnummer: row.samordningsnummer,
    sex: row.sex,
    birth_date: row.birthDate,
    given_name: row.givenName,
    family_name: row.familyName,
  };
}

async function patientIdsOf(tx: Tx, unitId: string, personnummer: string[]): Promise<Map<string, string>> {
  if (personnummer.length === 0) return new Map();
  const rows = await tx
    .select({ id: patient.id, personnummer: patient.personnummer })
    .from(patient)
    .where(
      and(
        eq(patient.unitId, unitId),
        sql`${patient.personnummer} = ANY(${arrayLiteral(personnummer)}::text[])`,
      ),
    );
  return new Map(rows.map((p) => [p.personnummer, p.id]));
}

async function existingCertificates(
  tx: Tx,
  unitId: string,
  externalIds: string[],
): Promise<Map<string, ExistingCertificate>> {
  const rows = await tx
    .select({
      id: certificate.id,
      externalId: certificate.externalId,
      version: certificate.version,
      patientId: certificate.patientId,
      doctorId: certificate.doctorId,
      type: certificate.type,
      status: certificate.status,
      smittbararpenning: certificate.smittbararpenning,
      mainDiagnosis: certificate.mainDiagnosis,
      startDate: certificate.startDate,
      endDate: certificate.endDate,
      content: certificate.content,
      signedAt: certificate.signedAt,
    })
    .from(certificate)
    .where(
      and(
        eq(certificate.unitId, unitId),
        sql`${certificate.externalId} = ANY(${arrayLiteral(externalIds)}::text[])`,
      ),
    );
  return new Map(rows.map((r) => [r.externalId!, r]));
}

/** Certificate ids on the unit by their id in the other system. */
async function idsByExternal(tx: Tx, unitId: string, externalIds: string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: certificate.id, externalId: certificate.externalId })
    .from(certificate)
    .where(
      and(
        eq(certificate.unitId, unitId),
        sql`${certificate.externalId} = ANY(${arrayLiteral([...new Set(externalIds)])}::text[])`,
      ),
    );
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}

function sameImport(existing: ExistingCertificate, values: CertificateValues): boolean {
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
    new Date(existing.signedAt ?? 0).getTime() === new Date(values.signedAt).getTime()
  );
}

/** Changed certificates, in one statement. */
async function updateCertificates(tx: Tx, rows: (CertificateValues & { id: string; version: number })[]) {
  if (rows.length === 0) return;
  const records = rows.map((v) => ({
    id: v.id,
    patient_id: v.patientId,
    doctor_id: v.doctorId,
    type: v.type,
    status: v.status,
    smittbararpenning: v.smittbararpenning,
    main_diagnosis: v.mainDiagnosis,
    start_date: v.startDate,
    end_date: v.endDate,
    content: v.content,
    signed_at: v.signedAt,
    version: v.version,
  }));
  await tx.execute(sql`
    UPDATE certificate c SET patient_id = v.patient_id, doctor_id = v.doctor_id, type = v.type,
      status = v.status, smittbararpenning = v.smittbararpenning, main_diagnosis = v.main_diagnosis,
      start_date = v.start_date, end_date = v.end_date, content = v.content, signed_at = v.signed_at,
      version = v.version, updated_at = now()
    FROM json_populate_recordset(NULL::certificate, ${JSON.stringify(records)}::json) v
    WHERE c.id = v.id`);
}

/** Sets replaces/completes where they differ from the file, in one statement. */
async function linkRelations(tx: Tx, certs: ImportedCertificate[], ids: Map<string, string>) {
  const records = certs.flatMap((c) => {
    const id = ids.get(c.id);
    if (!id) return [];
    return [
      {
        id,
        replaces_id: c.replaces ? (ids.get(c.replaces) ?? null) : null,
        completes_id: c.completes ? (ids.get(c.completes) ?? null) : null,
      },
    ];
  });
  if (records.length === 0) return;
  await tx.execute(sql`
    UPDATE certificate c SET replaces_id = v.replaces_id, completes_id = v.completes_id
    FROM json_populate_recordset(NULL::certificate, ${JSON.stringify(records)}::json) v
    WHERE c.id = v.id
      AND (c.replaces_id IS DISTINCT FROM v.replaces_id OR c.completes_id IS DISTINCT FROM v.completes_id)`);
}

async function doctorsByHsaId(db: Db, hsaIds: string[]): Promise<Map<string, string>> {
  if (hsaIds.length === 0) return new Map();
  const rows = await db
    .select({ id: appUser.id, hsaId: appUser.hsaId })
    .from(appUser)
    .where(sql`${appUser.hsaId} = ANY(${arrayLiteral([...new Set(hsaIds)])}::text[])`);
  return new Map(rows.map((r) => [r.hsaId!, r.id]));
}
