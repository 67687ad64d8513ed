/** Certificate rows, always scoped to one unit. */
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import { appUser, certificate, fkArende, patient } from "../db/schema.ts";
import { derivedColumns, type CertificateContent, type CertificateStatus } from "./workflow.ts";

export type CertificateRow = typeof certificate.$inferSelect;

export async function findCertificate(
  q: Queryable,
  unitId: string,
  id: string,
): Promise<CertificateRow | null> {
  const [row] = await q
    .select()
    .from(certificate)
    .where(and(eq(certificate.unitId, unitId), eq(certificate.id, id)));
  return row ?? null;
}

/** The patient's certificates on the unit, newest first, with the signing doctor's name. */
export async function certificatesOfPatient(q: Queryable, unitId: string, patientId: string) {
  return q
    .select({ certificate, doctorName: appUser.displayName })
    .from(certificate)
    .leftJoin(appUser, eq(appUser.id, certificate.doctorId))
    .where(and(eq(certificate.unitId, unitId), eq(certificate.patientId, patientId)))
    .orderBy(desc(certificate.startDate), desc(certificate.createdAt));
}

/** Certificates of the patient that the sjukfall engine counts from (signed, sent or revoked). */
export async function signedCertificatesOfPatient(q: Queryable, unitId: string, patientId: string) {
  return q
    .select()
    .from(certificate)
    .where(
      and(
        eq(certificate.unitId, unitId),
        eq(certificate.patientId, patientId),
        inArray(certificate.status, ["SIGNERAT", "SKICKAT", "MAKULERAT"]),
      ),
    )
    .orderBy(asc(certificate.startDate));
}

export async function insertCertificate(
  q: Queryable,
  values: {
    unitId: string;
    patientId: string;
    createdBy: string;
    content: CertificateContent;
    renewsId?: string | null;
    replacesId?: string | null;
    completesId?: string | null;
  },
): Promise<CertificateRow> {
  const [row] = await q
    .insert(certificate)
    .values({ ...values, ...derivedColumns(values.content), status: "UTKAST" })
    .returning();
  return row!;
}

/**
 * Applies a change only to the version the user saw (optimistic concurrency); null when someone
 * saved a newer version in between.
 */
export async function updateCertificate(
  q: Queryable,
  unitId: string,
  id: string,
  version: number,
  changes: Partial<Omit<CertificateRow, "id" | "unitId" | "patientId" | "version">> & {
    status?: CertificateStatus;
  },
): Promise<CertificateRow | null> {
  const derived = changes.content ? derivedColumns(changes.content) : {};
  const [row] = await q
    .update(certificate)
    .set({ ...changes, ...derived, version: sql`${certificate.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(certificate.unitId, unitId), eq(certificate.id, id), eq(certificate.version, version)))
    .returning();
  return row ?? null;
}

/** The patient row that owns a certificate, for the unit's contact data and the patient key. */
export async function patientOf(q: Queryable, unitId: string, patientId: string) {
  const [row] = await q
    .select()
    .from(patient)
    .where(and(eq(patient.unitId, unitId), eq(patient.id, patientId)));
  return row ?? null;
}

/** The certificates that replace or complete this one (drafts and revoked ones included). */
export async function successorsOf(q: Queryable, unitId: string, id: string) {
  return q
    .select({ id: certificate.id, status: certificate.status, replacesId: certificate.replacesId })
    .from(certificate)
    .where(
      and(
        eq(certificate.unitId, unitId),
        or(eq(certificate.replacesId, id), eq(certificate.completesId, id)),
      ),
    );
}

/** How many kompletteringar on the certificate Försäkringskassan still waits for. */
export async function openKompletteringar(q: Queryable, unitId: string, certificateId: string) {
  const rows = await q
    .select({ id: fkArende.id })
    .from(fkArende)
    .where(
      and(
        eq(fkArende.unitId, unitId),
        eq(fkArende.certificateId, certificateId),
        eq(fkArende.type, "KOMPLT"),
        eq(fkArende.status, "OPEN"),
      ),
    );
  return rows.length;
}
