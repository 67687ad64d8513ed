/**
 * The unit list's reads, each one query scoped to the unit. The certificates are read with only the
 * columns the sjukfall engine needs (periods from the content, never the free texts), for the
 * patients that have a certificate near today: their whole history on the unit, so cases join
 * backwards and earlier episodes are known.
 */
import { and, eq, gte, inArray, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { rowsOf, type Queryable } from "../db/client.ts";
import {
  appUser,
  assignment,
  certificate,
  coordinatorCaseStatus,
  fkArende,
  patient,
  unit,
} from "../db/schema.ts";
import { asSjukfallCertificate } from "../certificates/as-sjukfall.ts";
import type { CertificateStatus } from "../certificates/workflow.ts";
import type { SjukfallCertificate } from "../cases/types.ts";

/**
 * `column = ANY($1)` with the ids as one array parameter: one parameter whatever the list's length
 * (inArray binds one per id, which costs more to build, send and plan for a long list).
 */
function anyOf(column: AnyColumn, ids: readonly string[]): SQL {
  return sql`${column} = ANY(${`{${ids.join(",")}}`}::uuid[])`;
}

/** The statuses the engine reads: signed, sent, and revoked (a revoked one takes nothing away). */
export const engineStatuses: CertificateStatus[] = ["SIGNERAT", "SKICKAT", "MAKULERAT"];

const engineColumns = {
  id: certificate.id,
  patientId: certificate.patientId,
  unitId: certificate.unitId,
  doctorId: certificate.doctorId,
  signedAt: certificate.signedAt,
  status: certificate.status,
  mainDiagnosis: certificate.mainDiagnosis,
  smittbararpenning: certificate.smittbararpenning,
  replacesId: certificate.replacesId,
  completesId: certificate.completesId,
  periods: sql<unknown>`${certificate.content} -> 'perioder'`,
};

type EngineRow = {
  id: string;
  patientId: string;
  unitId: string;
  doctorId: string | null;
  signedAt: string | null;
  status: CertificateStatus;
  mainDiagnosis: string | null;
  smittbararpenning: boolean;
  replacesId: string | null;
  completesId: string | null;
  periods: unknown;
};

/** A row in the engine's format (the patient key is the patient's id); null if it was never signed. */
function toEngine(row: EngineRow): SjukfallCertificate | null {
  return asSjukfallCertificate({
    ...row,
    content: {
      perioder: row.periods,
      diagnoser: row.mainDiagnosis ? [{ kod: row.mainDiagnosis }] : [],
      smittbararpenning: row.smittbararpenning,
    },
  });
}

const engineCertificates = (rows: EngineRow[]) =>
  rows.flatMap((row) => {
    const converted = toEngine(row);
    return converted ? [converted] : [];
  });

/**
 * Every engine certificate of the patients that have one spanning a day of [from, to] on the unit
 * (indexed by certificate_unit_end_idx).
 */
export async function certificatesNear(
  q: Queryable,
  unitId: string,
  window: { from: string; to: string },
): Promise<SjukfallCertificate[]> {
  const near = q
    .select({ patientId: certificate.patientId })
    .from(certificate)
    .where(
      and(
        eq(certificate.unitId, unitId),
        gte(certificate.endDate, window.from),
        lte(certificate.startDate, window.to),
        inArray(certificate.status, engineStatuses),
      ),
    );
  const rows = await q
    .select(engineColumns)
    .from(certificate)
    .where(
      and(
        eq(certificate.unitId, unitId),
        inArray(certificate.status, engineStatuses),
        inArray(certificate.patientId, near),
      ),
    );
  return engineCertificates(rows);
}

/** Every engine certificate of the unit ending on or after `from` (the unit's own statistics). */
export async function certificatesOfUnitSince(
  q: Queryable,
  unitId: string,
  from: string,
): Promise<SjukfallCertificate[]> {
  const rows = await q
    .select(engineColumns)
    .from(certificate)
    .where(
      and(
        eq(certificate.unitId, unitId),
        inArray(certificate.status, engineStatuses),
        gte(certificate.endDate, from),
      ),
    );
  return engineCertificates(rows);
}

/**
 * What the list shows beside the case, in one query per list: each anchor certificate's
 * sysselsättning and diagnosis rows, its patient, and its doctor's name.
 */
export async function anchorRows(q: Queryable, unitId: string, anchorIds: string[]) {
  if (anchorIds.length === 0) return [];
  return q
    .select({
      anchorId: certificate.id,
      sysselsattning: sql<unknown>`${certificate.content} -> 'sysselsattning'`,
      diagnoser: sql<unknown>`${certificate.content} -> 'diagnoser'`,
      doctorName: appUser.displayName,
      patientId: patient.id,
      personnummer: patient.personnummer,
      sex: patient.sex,
      birthDate: patient.birthDate,
      givenName: patient.givenName,
      familyName: patient.familyName,
      protectedIdentity: patient.protectedIdentity,
      firstDayCertificateUntil: patient.firstDayCertificateUntil,
    })
    .from(certificate)
    .innerJoin(patient, and(eq(patient.id, certificate.patientId), eq(patient.unitId, certificate.unitId)))
    .leftJoin(appUser, eq(appUser.id, certificate.doctorId))
    .where(and(eq(certificate.unitId, unitId), anyOf(certificate.id, anchorIds)));
}

export async function openArendenOf(q: Queryable, unitId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return q
    .select({
      id: fkArende.id,
      patientId: fkArende.patientId,
      type: fkArende.type,
      receivedDate: fkArende.receivedDate,
      lastAnswerDate: fkArende.lastAnswerDate,
    })
    .from(fkArende)
    .where(
      and(eq(fkArende.unitId, unitId), eq(fkArende.status, "OPEN"), anyOf(fkArende.patientId, patientIds)),
    );
}

/** Patients with a certificate being written (utkast or klar för signering): a renewal is booked. */
export async function patientsWithDrafts(q: Queryable, unitId: string, patientIds: string[]) {
  if (patientIds.length === 0) return new Set<string>();
  const rows = await q
    .selectDistinct({ patientId: certificate.patientId })
    .from(certificate)
    .where(
      and(
        eq(certificate.unitId, unitId),
        inArray(certificate.status, ["UTKAST", "KLAR_FOR_SIGNERING"]),
        anyOf(certificate.patientId, patientIds),
      ),
    );
  return new Set(rows.map((r) => r.patientId));
}

/**
 * Whether the user is a doctor of the unit: holds Läkare there, or signed one of its certificates
 * (a doctor who has left still anchors cases). Other users answer false, whichever unit they are on.
 */
export async function isDoctorOfUnit(q: Queryable, unitId: string, userId: string): Promise<boolean> {
  const rows = await q.execute(sql`
    SELECT 1 FROM ${assignment}
      WHERE ${assignment.unitId} = ${unitId} AND ${assignment.userId} = ${userId} AND ${assignment.role} = 'LAKARE'
    UNION ALL
    SELECT 1 FROM ${certificate}
      WHERE ${certificate.unitId} = ${unitId} AND ${certificate.doctorId} = ${userId}
    LIMIT 1`);
  return rowsOf(rows).length > 0;
}

export async function userNames(q: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await q
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(anyOf(appUser.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The unit's and the user's stored settings (sjukfall parameters live in both), in one query. */
export async function storedSettings(q: Queryable, unitId: string, userId: string | null) {
  const [row] = await q
    .select({
      unit: unit.settings,
      user:
        userId === null
          ? sql<null>`NULL`
          : sql<Record<string, unknown> | null>`(
        SELECT ${appUser.settings} FROM ${appUser} WHERE ${appUser.id} = ${userId}
      )`,
    })
    .from(unit)
    .where(eq(unit.id, unitId));
  return { unit: row?.unit ?? {}, user: row?.user ?? {} };
}

/** The rehabkoordinator's saved statuses of the patients' cases on the unit (every version). */
export async function coordinatorStatusRecords(q: Queryable, unitId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return q
    .select({
      patientId: coordinatorCaseStatus.patientId,
      caseStart: coordinatorCaseStatus.caseStart,
      certificateId: coordinatorCaseStatus.caseCertificateId,
      status: coordinatorCaseStatus.status,
      version: coordinatorCaseStatus.version,
    })
    .from(coordinatorCaseStatus)
    .where(and(eq(coordinatorCaseStatus.unitId, unitId), anyOf(coordinatorCaseStatus.patientId, patientIds)));
}

export async function insertCoordinatorStatus(
  q: Queryable,
  values: typeof coordinatorCaseStatus.$inferInsert,
): Promise<void> {
  await q.insert(coordinatorCaseStatus).values(values);
}
